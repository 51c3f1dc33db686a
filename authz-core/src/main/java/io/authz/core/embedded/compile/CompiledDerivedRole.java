package io.authz.core.embedded.compile;

import java.util.List;

import io.authz.core.cel.Condition;

/**
 * A derived role ready to evaluate.
 *
 * @param name the role's name
 * @param setName the derived roles set it comes from
 * @param parentRoles the roles a principal needs for this role to be considered
 * @param condition what must hold for the principal to have it
 * @param parameters the constants and variables of its set
 */
public record CompiledDerivedRole(String name, String setName, List<String> parentRoleNames, Matcher parentRoles,
		Condition condition, PolicyParameters parameters) {

	/** Whether one of the principal's roles is a parent role of this derived role. */
	public boolean hasParentIn(List<String> roles) {
		return this.parentRoles.matchesAny(roles);
	}

	/** Whether the given role is one of this derived role's parents. */
	public boolean hasParent(String role) {
		return this.parentRoles.matches(role);
	}

}
