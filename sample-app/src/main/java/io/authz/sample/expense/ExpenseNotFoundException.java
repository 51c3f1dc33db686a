package io.authz.sample.expense;

/**
 * Thrown when no expense has the requested id.
 */
public class ExpenseNotFoundException extends RuntimeException {

	private final long id;

	public ExpenseNotFoundException(long id) {
		super("Expense " + id + " does not exist");
		this.id = id;
	}

	public long getId() {
		return this.id;
	}

}
