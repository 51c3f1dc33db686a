package io.authz.core.embedded.compile;

import java.util.List;

import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;

/**
 * A compiled role policy: a custom role, its parent roles, and the only actions it may perform per resource. Role
 * policies only narrow: an action they do not list is denied, and a listed action still needs a resource policy
 * to allow it for one of the parent roles.
 *
 * @param key the policy key ({@code role.acme_admin.vdefault/acme.hr.uk})
 * @param role the custom role
 * @param version the policy version
 * @param scope the scope
 * @param parentRoles the roles it inherits resource policy rules from
 * @param rules what it allows
 */
public record RolePolicy(String key, String role, String version, String scope, List<String> parentRoles,
		List<Rule> rules) {

	/**
	 * One role policy rule.
	 *
	 * @param resource the resource kind pattern
	 * @param allowActions the actions allowed on it
	 * @param condition what must hold for them to be allowed, or {@code null} for always
	 * @param name the rule's name
	 * @param parameters the policy's constants and variables
	 * @param outputWhenActivated emitted when the condition holds, or {@code null}
	 * @param outputWhenNotMet emitted when it does not, or {@code null}
	 */
	public record Rule(Matcher resource, Matcher allowActions, Condition condition, String name,
			PolicyParameters parameters, CompiledExpression outputWhenActivated, CompiledExpression outputWhenNotMet) {
	}

}
