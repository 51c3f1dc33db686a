package io.authz.sample.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a create or update request.
 *
 * @param owner on create, the employee the expense is for; defaults to the authenticated user (or, for an agent, to
 * the user it acts for). Ignored on update.
 * @param amount the amount, positive, at most two decimals
 * @param currency ISO 4217 currency code
 * @param description what the money was spent on
 */
public record ExpenseRequest(@Size(max = 64) String owner,
		@NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
		@NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code") String currency,
		@NotBlank @Size(max = 200) String description) {

}
