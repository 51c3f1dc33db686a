package io.authz.core.cel;

import java.time.Instant;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionResolver;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import io.authz.core.cel.functions.CerbosLibrary;

/**
 * A CEL expression compiled once at load time and evaluated many times.
 *
 * @param text the source, for messages
 * @param program the planned program
 */
public record CompiledExpression(String text, CelRuntime.Program program) {

	/**
	 * Evaluates against the given variables. With {@link Bindings}, {@code now()} and {@code timeSince()} use
	 * {@link Bindings#now()}; with any other resolver, the current instant.
	 * @throws CelEvaluationException when evaluation fails (no such key, no matching overload, ...)
	 */
	public Object evaluate(CelVariableResolver variables) throws CelEvaluationException {
		CelFunctionResolver functions = (variables instanceof Bindings bindings) ? bindings.functions()
				: CerbosLibrary.clock(Instant.now());
		return this.program.eval(variables, functions);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
