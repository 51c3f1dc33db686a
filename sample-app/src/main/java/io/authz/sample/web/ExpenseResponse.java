package io.authz.sample.web;

import java.math.BigDecimal;

import io.authz.sample.expense.Expense;
import io.authz.sample.expense.ExpenseStatus;

/**
 * An expense as the API returns it.
 *
 * @param id the expense id
 * @param owner the employee the expense belongs to
 * @param department the owner's department
 * @param amount the amount
 * @param currency the currency code
 * @param description the description
 * @param status the current status
 * @param reviewedBy who approved or rejected it, if anyone
 */
public record ExpenseResponse(Long id, String owner, String department, BigDecimal amount, String currency,
		String description, ExpenseStatus status, String reviewedBy) {

	static ExpenseResponse from(Expense expense) {
		return new ExpenseResponse(expense.getId(), expense.getOwner(), expense.getDepartment(), expense.getAmount(),
				expense.getCurrency(), expense.getDescription(), expense.getStatus(), expense.getReviewedBy());
	}

}
