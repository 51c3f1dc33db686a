package io.authz.sample.expense;

/**
 * Thrown when a change does not fit the expense's current status, for example paying a draft.
 */
public class ExpenseStateException extends RuntimeException {

	public ExpenseStateException(Long id, ExpenseStatus actual, ExpenseStatus expected, String change) {
		super("Expense " + id + " is " + actual + "; only " + expected + " expenses can be " + change);
	}

}
