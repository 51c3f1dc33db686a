package io.authz.core.protocol.authzen;

import java.util.Map;

/**
 * An AuthZEN decision.
 *
 * @param decision whether the request is permitted
 * @param context further information for the PEP (reasons, errors), empty when none
 */
public record EvaluationResponse(boolean decision, Map<String, Object> context) {

	public EvaluationResponse {
		context = AuthzenValues.copy(context);
	}

	public static EvaluationResponse of(boolean decision) {
		return new EvaluationResponse(decision, Map.of());
	}

}
