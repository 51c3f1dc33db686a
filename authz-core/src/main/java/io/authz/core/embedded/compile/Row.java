package io.authz.core.embedded.compile;

/**
 * One row of the rule table: a rule as it applies to one action pattern and one role pattern (or one parent role
 * of a derived role). Rules expand into rows the way Cerbos expands them, so a query returns the same rows in the
 * same multiplicity, which matters for outputs.
 *
 * @param rule the rule
 * @param action the action pattern
 * @param role the role pattern ({@code *} for principal policy rows)
 * @param derivedRole the derived role this row stands for, or {@code null}
 * @param resource the resource kind pattern (principal policies may use globs)
 * @param scope the scope of the rule's policy
 * @param conditionKey identifies the (rule, derived role) pair whose condition outcome is cached per decision
 */
public record Row(CompiledRule rule, Matcher action, Matcher role, CompiledDerivedRole derivedRole,
		Matcher resource, String scope, Object conditionKey) {

	/** Whether this row applies to the action and to one of the roles. */
	public boolean matches(String action, java.util.List<String> roles) {
		return this.action.matches(action) && this.role.matchesAny(roles);
	}

}
