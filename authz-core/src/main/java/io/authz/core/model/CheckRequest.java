package io.authz.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One question to an engine: may this principal perform these actions on these resources?
 * Batch-first so that a remote engine answers it in a single call.
 *
 * @param requestId correlation id carried into results, events and remote calls
 * @param principal who asks
 * @param resources the resources and, for each, the actions asked
 * @param auxData auxiliary data ({@code request.auxData} in conditions, e.g. {@code jwt} claims)
 */
public record CheckRequest(String requestId, Principal principal, List<ResourceCheck> resources,
		Map<String, Object> auxData) {

	public CheckRequest {
		Objects.requireNonNull(principal, "principal");
		resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
		auxData = Attributes.copyOf(auxData);
		requestId = (requestId != null) ? requestId : "";
	}

	/** A check of one resource and one or more actions. */
	public static CheckRequest of(Principal principal, Resource resource, String... actions) {
		return new CheckRequest(null, principal, List.of(ResourceCheck.of(resource, actions)), Map.of());
	}

	/** The number of decisions this check asks for. */
	public int decisionCount() {
		int count = 0;
		for (ResourceCheck check : this.resources) {
			count += check.actions().size();
		}
		return count;
	}

}
