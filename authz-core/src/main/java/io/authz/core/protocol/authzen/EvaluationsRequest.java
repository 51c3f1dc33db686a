package io.authz.core.protocol.authzen;

import java.util.List;
import java.util.Map;

import io.authz.core.protocol.ProtocolException;

/**
 * An Access Evaluations request ({@code POST /access/v1/evaluations}): several evaluations in one message. The
 * top-level {@code subject}, {@code action}, {@code resource} and {@code context} are defaults: an evaluation that
 * has one of these keys replaces the whole default object with its own; one that lacks it takes the default.
 *
 * @param subject the default subject, or {@code null}
 * @param action the default action, or {@code null}
 * @param resource the default resource, or {@code null}
 * @param context the default context, or {@code null}
 * @param evaluations the evaluations, empty when the request is a single evaluation in the top-level keys
 * @param semantic how to run them
 * @param options all options as sent, empty when none
 */
public record EvaluationsRequest(AuthzenSubject subject, AuthzenAction action, AuthzenResource resource,
		Map<String, Object> context, List<Item> evaluations, EvaluationsSemantic semantic,
		Map<String, Object> options) {

	public EvaluationsRequest {
		evaluations = (evaluations != null) ? List.copyOf(evaluations) : List.of();
		semantic = (semantic != null) ? semantic : EvaluationsSemantic.EXECUTE_ALL;
		options = AuthzenValues.copy(options);
	}

	/** Whether this is a single evaluation in the top-level keys (no or an empty {@code evaluations} array). */
	public boolean isSingle() {
		return this.evaluations.isEmpty();
	}

	/**
	 * The top-level keys as one evaluation, for a request without evaluations.
	 * @throws ProtocolException if a required part is missing
	 */
	public EvaluationRequest single() {
		return EvaluationRequest.of("", this.subject, this.action, this.resource, this.context);
	}

	/**
	 * One evaluation with the defaults applied.
	 * @param index the evaluation's position
	 * @return the complete evaluation
	 * @throws ProtocolException if the evaluation is malformed, or a required part is missing from both it and
	 * the defaults
	 */
	public EvaluationRequest evaluation(int index) {
		Item item = this.evaluations.get(index);
		String path = "evaluations[" + index + "]";
		if (item.error() != null) {
			throw new ProtocolException(item.error());
		}
		return EvaluationRequest.of(path, (item.subject() != null) ? item.subject() : this.subject,
				(item.action() != null) ? item.action() : this.action,
				(item.resource() != null) ? item.resource() : this.resource,
				(item.context() != null) ? item.context() : this.context);
	}

	/**
	 * One entry of the {@code evaluations} array, as sent: any key may be missing. An entry that could not be read
	 * (wrong types) carries the reason instead, so that it fails alone.
	 *
	 * @param subject the subject, or {@code null}
	 * @param action the action, or {@code null}
	 * @param resource the resource, or {@code null}
	 * @param context the context, or {@code null}
	 * @param error why the entry is malformed, or {@code null}
	 */
	public record Item(AuthzenSubject subject, AuthzenAction action, AuthzenResource resource,
			Map<String, Object> context, String error) {

		/** An entry that could not be read. */
		public static Item failed(String error) {
			return new Item(null, null, null, null, error);
		}

	}

}
