package io.authz.core.cel;

import java.util.List;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;

/**
 * A compiled condition tree: one expression, or {@code all}, {@code any}, {@code none} of sub-conditions.
 * <p>
 * As in Cerbos, an expression that fails at run time, or yields anything but a boolean, counts as false;
 * under strict evaluation a failure instead aborts the decision ({@link StrictEvaluationException}).
 */
public sealed interface Condition {

	/** The condition that always holds (a rule without a condition). */
	Condition TRUE = new All(List.of());

	boolean test(CelVariableResolver variables, EvaluationErrors errors);

	/** A single boolean expression. */
	record Expr(CompiledExpression expression) implements Condition {

		@Override
		public boolean test(CelVariableResolver variables, EvaluationErrors errors) {
			try {
				return Boolean.TRUE.equals(this.expression.evaluate(variables));
			}
			catch (CelEvaluationException | RuntimeException ex) {
				errors.failed(this.expression.text(), ex);
				return false;
			}
		}

	}

	/** True when every operand is true; stops at the first false. */
	record All(List<Condition> operands) implements Condition {

		@Override
		public boolean test(CelVariableResolver variables, EvaluationErrors errors) {
			for (Condition operand : this.operands) {
				if (!operand.test(variables, errors)) {
					return false;
				}
			}
			return true;
		}

	}

	/** True when some operand is true; stops at the first true. */
	record Any(List<Condition> operands) implements Condition {

		@Override
		public boolean test(CelVariableResolver variables, EvaluationErrors errors) {
			for (Condition operand : this.operands) {
				if (operand.test(variables, errors)) {
					return true;
				}
			}
			return false;
		}

	}

	/** True when no operand is true; stops at the first true. */
	record None(List<Condition> operands) implements Condition {

		@Override
		public boolean test(CelVariableResolver variables, EvaluationErrors errors) {
			for (Condition operand : this.operands) {
				if (operand.test(variables, errors)) {
					return false;
				}
			}
			return true;
		}

	}

}
