package io.authz.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An engine's answer to a {@link CheckRequest}: one {@link ResourceResult} per resource, in request order.
 *
 * @param requestId the request's correlation id
 * @param results the results, one per resource asked
 */
public record CheckResult(String requestId, List<ResourceResult> results) {

	public CheckResult {
		results = List.copyOf(Objects.requireNonNull(results, "results"));
		requestId = (requestId != null) ? requestId : "";
	}

	/** True when every action on every resource is allowed. */
	public boolean isAllAllowed() {
		for (ResourceResult result : this.results) {
			for (Decision decision : result.decisions().values()) {
				if (!decision.isAllowed()) {
					return false;
				}
			}
		}
		return !this.results.isEmpty();
	}

	/**
	 * A result that denies everything asked, for when the engine could not decide.
	 * @param request the request that failed
	 * @param reason why, carried in every decision
	 */
	public static CheckResult failed(CheckRequest request, String reason) {
		Decision failed = Decision.failed(reason);
		List<ResourceResult> results = request.resources().stream().map((check) -> {
			Map<String, Decision> decisions = new LinkedHashMap<>();
			check.actions().forEach((action) -> decisions.put(action, failed));
			return new ResourceResult(check.resource(), decisions, List.of(), List.of(), List.of());
		}).toList();
		return new CheckResult(request.requestId(), results);
	}

}
