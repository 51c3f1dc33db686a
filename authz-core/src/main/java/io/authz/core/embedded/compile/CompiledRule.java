package io.authz.core.embedded.compile;

import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;
import io.authz.core.model.Effect;

/**
 * One policy rule ready to evaluate: shared by every {@link Row} the rule expands into.
 *
 * @param policyKey the key of the policy it belongs to ({@code resource.expense.vdefault})
 * @param name the rule's name, or Cerbos' generated one ({@code rule-001}, {@code expense_rule-001})
 * @param effect allow or deny
 * @param condition what must hold
 * @param parameters the constants and variables of its policy
 * @param outputWhenActivated emitted when the rule applies and its condition holds, or {@code null}
 * @param outputWhenNotMet emitted when the rule applies and its condition does not hold, or {@code null}
 */
public record CompiledRule(String policyKey, String name, Effect effect, Condition condition,
		PolicyParameters parameters, CompiledExpression outputWhenActivated, CompiledExpression outputWhenNotMet) {

	public boolean hasOutputs() {
		return this.outputWhenActivated != null || this.outputWhenNotMet != null;
	}

	/** The source outputs name: the policy key with the scope, then {@code #} and the rule name. */
	public String source() {
		return this.policyKey + "#" + this.name;
	}

}
