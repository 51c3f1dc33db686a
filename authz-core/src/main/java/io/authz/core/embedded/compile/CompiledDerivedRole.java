package io.authz.core.embedded.compile;

import java.util.List;

import io.authz.core.cel.Condition;

/**
 * A derived role ready to evaluate.
 *
 * @param name the role's name
 * @param setName the derived roles set it comes from
 * @param parentRoleNames the parent roles as written
 * @param parentRoles the roles (patterns) a principal needs for this role to be considered
 * @param condition what must hold for the principal to have it
 * @param parameters the constants and variables of its set
 */
public record CompiledDerivedRole(String name, String setName, List<String> parentRoleNames, Matcher parentRoles,
		Condition condition, PolicyParameters parameters) {

	/** Whether one of the given roles is a parent role of this derived role. */
	public boolean hasParentIn(java.util.Collection<String> roles) {
		for (String role : roles) {
			if (this.parentRoles.matches(role)) {
				return true;
			}
		}
		return false;
	}

}
