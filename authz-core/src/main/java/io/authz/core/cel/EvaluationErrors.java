package io.authz.core.cel;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the expressions that failed while deciding one resource, and applies the error policy: lenient (the
 * expression counts as false) or strict (the failure aborts with {@link StrictEvaluationException}).
 */
public final class EvaluationErrors {

	private final boolean strict;

	private List<String> messages;

	public EvaluationErrors(boolean strict) {
		this.strict = strict;
	}

	/** Records a failed condition expression; throws under strict evaluation. */
	public void failed(String expression, Exception cause) {
		String message = record(expression, cause);
		if (this.strict) {
			throw new StrictEvaluationException(message, cause);
		}
	}

	/**
	 * Records a failed expression without aborting, for variables: an unset variable fails the conditions that
	 * use it, and those apply the error policy.
	 */
	public String record(String expression, Exception cause) {
		String message = "failed to evaluate `" + expression + "`: " + cause.getMessage();
		if (this.messages == null) {
			this.messages = new ArrayList<>(2);
		}
		this.messages.add(message);
		return message;
	}

	public boolean isStrict() {
		return this.strict;
	}

	/** What failed so far, in order. */
	public List<String> messages() {
		return (this.messages != null) ? List.copyOf(this.messages) : List.of();
	}

	/** Thrown under strict evaluation when an expression fails. */
	public static final class StrictEvaluationException extends RuntimeException {

		StrictEvaluationException(String message, Throwable cause) {
			super(message, cause, false, false);
		}

	}

}
