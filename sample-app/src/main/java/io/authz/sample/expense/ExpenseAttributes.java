package io.authz.sample.expense;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The attributes policies see as {@code R.attr} for an expense. Referenced from {@code @Authorize} expressions as
 * {@code @expenseAttributes}.
 */
@Component("expenseAttributes")
public class ExpenseAttributes {

	private final ExpenseRepository expenses;

	public ExpenseAttributes(ExpenseRepository expenses) {
		this.expenses = expenses;
	}

	/**
	 * The attributes of a stored expense.
	 * @param id the expense id
	 * @return the attributes
	 * @throws ExpenseNotFoundException when there is no such expense, so that callers get a 404 before any decision
	 */
	public Map<String, Object> of(Long id) {
		return of(this.expenses.findById(id).orElseThrow(() -> new ExpenseNotFoundException(id)));
	}

	/**
	 * The attributes of an expense that is about to be created.
	 * @param expense the new expense
	 * @return the attributes
	 */
	public Map<String, Object> ofNew(NewExpense expense) {
		return attributes(expense.owner(), expense.department(), expense.amount().doubleValue(), expense.currency(),
				ExpenseStatus.DRAFT);
	}

	/**
	 * The attributes of an expense entity.
	 * @param expense the expense
	 * @return the attributes
	 */
	public Map<String, Object> of(Expense expense) {
		return attributes(expense.getOwner(), expense.getDepartment(), expense.getAmount().doubleValue(),
				expense.getCurrency(), expense.getStatus());
	}

	private static Map<String, Object> attributes(String owner, String department, double amount, String currency,
			ExpenseStatus status) {
		// Policies compare plain values: numbers as doubles (as in JSON), enums by name
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("owner", owner);
		attributes.put("department", department);
		attributes.put("amount", amount);
		attributes.put("currency", currency);
		attributes.put("status", status.name());
		return attributes;
	}

}
