package io.authz.core.cel;

import java.time.Instant;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/**
 * A CEL expression compiled once at load time and evaluated many times.
 *
 * @param text the source, for messages
 * @param program the planned program
 * @param direct a direct evaluator for the common shapes of conditions, or {@code null}
 */
public record CompiledExpression(String text, CelRuntime.Program program, DirectExpression direct) {

	public CompiledExpression(String text, CelRuntime.Program program) {
		this(text, program, null);
	}

	/**
	 * Evaluates against the given variables. With {@link Bindings}, {@code now()} and {@code timeSince()} read
	 * the bindings' clock; with any other resolver, the system clock.
	 * @throws CelEvaluationException when evaluation fails (no such key, no matching overload, ...)
	 */
	public Object evaluate(CelVariableResolver variables) throws CelEvaluationException {
		if (this.direct != null) {
			try {
				return this.direct.evaluate(variables);
			}
			catch (DirectExpression.Unsupported ex) {
				// a value outside the direct evaluator's shapes: the interpreter decides
			}
		}
		if (!(variables instanceof Bindings bindings)) {
			return this.program.eval(variables);
		}
		java.util.function.Supplier<Instant> previous = CheckClock.enter(bindings.clock());
		try {
			return this.program.eval(variables);
		}
		finally {
			CheckClock.restore(previous);
		}
	}

	@Override
	public String toString() {
		return this.text;
	}

}
