package io.authz.core.embedded.compile;

import java.util.List;

import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;
import io.authz.core.model.Effect;

/**
 * One resource policy rule ready to evaluate.
 *
 * @param index the rule's position in its policy, for per-decision caches
 * @param name the rule's name, or Cerbos' generated {@code rule-NNN}
 * @param actions the actions it applies to
 * @param roles the principal roles it applies to
 * @param derivedRoles the derived roles it applies to
 * @param effect allow or deny
 * @param condition what must hold
 * @param outputWhenActivated emitted when the rule applies and its condition holds, or {@code null}
 * @param outputWhenNotMet emitted when the rule applies and its condition does not hold, or {@code null}
 */
public record CompiledRule(int index, String name, Matcher actions, Matcher roles,
		List<CompiledDerivedRole> derivedRoles, Effect effect, Condition condition,
		CompiledExpression outputWhenActivated, CompiledExpression outputWhenNotMet) {

	/**
	 * Whether the rule applies to a principal holding {@code role}: the role is listed, or the rule names a
	 * derived role that has this role as a parent and that the principal holds.
	 */
	public boolean appliesTo(String role, java.util.Set<String> effectiveDerivedRoles) {
		if (this.roles.matches(role)) {
			return true;
		}
		for (CompiledDerivedRole derivedRole : this.derivedRoles) {
			if (effectiveDerivedRoles.contains(derivedRole.name()) && derivedRole.hasParent(role)) {
				return true;
			}
		}
		return false;
	}

	public boolean hasOutputs() {
		return this.outputWhenActivated != null || this.outputWhenNotMet != null;
	}

}
