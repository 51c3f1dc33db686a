package io.authz.spring.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a decision as audit events and the decision log record them: names that read well in JSON, no
 * attribute values unless the event carries them.
 */
final class DecisionData {

	private DecisionData() {
	}

	static Map<String, Object> of(AuthorizationDecisionEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("principalType", event.getPrincipalType().value());
		data.put("roles", event.getRoles());
		if (!event.getActingFor().isEmpty()) {
			data.put("actingFor", event.getActingFor()
				.stream()
				.map((actor) -> Map.of("id", actor.id(), "type", actor.type().value()))
				.toList());
		}
		data.put("resource", event.getResourceKind());
		data.put("resourceId", event.getResourceId());
		data.put("action", event.getAction());
		data.put("effect", event.getEffect().name());
		data.put("policy", event.getPolicy());
		if (event.getRule() != null) {
			data.put("rule", event.getRule());
		}
		if (!event.getScope().isEmpty()) {
			data.put("scope", event.getScope());
		}
		data.put("engine", event.getEngine());
		data.put("durationMicros", event.getDuration().toNanos() / 1000);
		if (!event.getRequestId().isEmpty()) {
			data.put("requestId", event.getRequestId());
		}
		if (event.getFailure() != null) {
			data.put("failure", event.getFailure());
		}
		if (!event.getPrincipalAttributes().isEmpty()) {
			data.put("principalAttributes", event.getPrincipalAttributes());
		}
		if (!event.getResourceAttributes().isEmpty()) {
			data.put("resourceAttributes", event.getResourceAttributes());
		}
		return data;
	}

}
