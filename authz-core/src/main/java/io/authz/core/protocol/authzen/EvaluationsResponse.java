package io.authz.core.protocol.authzen;

import java.util.List;

/**
 * The answer to an Access Evaluations request: one decision per evaluation run, in request order.
 *
 * @param evaluations the decisions
 */
public record EvaluationsResponse(List<EvaluationResponse> evaluations) {

	public EvaluationsResponse {
		evaluations = List.copyOf(evaluations);
	}

}
