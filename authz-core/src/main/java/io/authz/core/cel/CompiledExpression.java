package io.authz.core.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/**
 * A CEL expression compiled once at load time and evaluated many times.
 *
 * @param text the source, for messages
 * @param program the planned program
 */
public record CompiledExpression(String text, CelRuntime.Program program) {

	/**
	 * Evaluates against the given variables.
	 * @throws CelEvaluationException when evaluation fails (no such key, no matching overload, ...)
	 */
	public Object evaluate(CelVariableResolver variables) throws CelEvaluationException {
		return this.program.eval(variables);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
