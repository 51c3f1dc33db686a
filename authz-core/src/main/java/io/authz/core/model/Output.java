package io.authz.core.model;

/**
 * A value a rule emitted through its {@code output} expression.
 *
 * @param source the rule that emitted it ({@code resource.expense.vdefault#approve})
 * @param action the action being decided
 * @param value the evaluated value
 */
public record Output(String source, String action, Object value) {
}
