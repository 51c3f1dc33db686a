package io.authz.sample.expense;

import java.math.BigDecimal;

/**
 * An expense about to be created, with the owner's department already looked up so that policies can decide on it.
 *
 * @param owner the employee the expense belongs to
 * @param department the owner's department
 * @param amount the amount claimed
 * @param currency ISO 4217 currency code
 * @param description what the money was spent on
 */
public record NewExpense(String owner, String department, BigDecimal amount, String currency, String description) {

}
