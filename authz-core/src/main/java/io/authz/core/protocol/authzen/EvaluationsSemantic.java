package io.authz.core.protocol.authzen;

import java.util.Locale;

import io.authz.core.protocol.ProtocolException;

/**
 * How an Access Evaluations request runs its evaluations ({@code options.evaluations_semantic}).
 */
public enum EvaluationsSemantic {

	/** Run every evaluation and answer all of them, in order. The default. */
	EXECUTE_ALL,

	/** Stop at the first deny (or failed evaluation); the answer ends with it. */
	DENY_ON_FIRST_DENY,

	/** Stop at the first permit; the answer ends with it. */
	PERMIT_ON_FIRST_PERMIT;

	/** The wire name ({@code execute_all}). */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a wire name.
	 * @throws ProtocolException if it is not one of the three
	 */
	public static EvaluationsSemantic of(String value) {
		for (EvaluationsSemantic semantic : values()) {
			if (semantic.value().equals(value)) {
				return semantic;
			}
		}
		throw new ProtocolException("options.evaluations_semantic: '" + value
				+ "' is not one of execute_all, deny_on_first_deny, permit_on_first_permit");
	}

}
