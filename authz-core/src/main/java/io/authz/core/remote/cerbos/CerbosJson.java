package io.authz.core.remote.cerbos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ValidationError;
import io.authz.core.remote.RemoteChecks;
import io.authz.core.remote.ResourceSlice;
import io.authz.core.remote.SliceResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of Cerbos' {@code /api/check/resources}: requests written from the model, answers read into it.
 */
final class CerbosJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private CerbosJson() {
	}

	// Runs a request and an answer through the mapper once, so that its serializers exist before the first check
	static void warmUp() {
		Principal principal = Principal.builder("warm-up").roles("user").attribute("n", 1.5).build();
		Resource resource = Resource.builder("warm-up", "1").attribute("list", List.of("a")).build();
		List<ResourceSlice> batch = List.of(new ResourceSlice(0, resource, List.of("read")));
		request(new CheckRequest("warm-up", principal, List.of(ResourceCheck.of(resource, "read")),
				Map.of()), batch);
		results(("{\"results\":[{\"resource\":{\"id\":\"1\"},\"actions\":{\"read\":\"EFFECT_DENY\"},"
				+ "\"meta\":{\"actions\":{\"read\":{\"matchedPolicy\":\"p\"}},\"effectiveDerivedRoles\":[\"r\"]},"
				+ "\"outputs\":[{\"src\":\"s\",\"val\":{\"k\":[1]}}]}]}").getBytes(StandardCharsets.UTF_8), batch);
	}

	static byte[] request(CheckRequest request, List<ResourceSlice> batch) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (!request.requestId().isEmpty()) {
			body.put("requestId", request.requestId());
		}
		body.put("includeMeta", true);
		body.put("principal", principal(request.principal()));
		List<Object> resources = new ArrayList<>(batch.size());
		for (ResourceSlice slice : batch) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("actions", slice.actions());
			entry.put("resource", resource(slice.resource()));
			resources.add(entry);
		}
		body.put("resources", resources);
		Map<String, Object> auxData = auxData(request.auxData());
		if (auxData != null) {
			body.put("auxData", auxData);
		}
		return mapper.writeValueAsBytes(body);
	}

	private static Map<String, Object> principal(Principal principal) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", principal.id());
		json.put("roles", principal.roles());
		// type and actingFor travel as P.attr.type and P.attr.actingFor, as the embedded engine shows them
		json.put("attr", principal.policyAttributes());
		putIfSet(json, "policyVersion", principal.policyVersion());
		putIfSet(json, "scope", principal.scope());
		return json;
	}

	private static Map<String, Object> resource(Resource resource) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("kind", resource.kind());
		json.put("id", RemoteChecks.wireId(resource));
		json.put("attr", resource.attributes());
		putIfSet(json, "policyVersion", resource.policyVersion());
		putIfSet(json, "scope", resource.scope());
		return json;
	}

	// Cerbos takes auxiliary data only as a JWT it verifies itself: {"jwt": {"token": "...", "keySetId": "..."}}.
	private static Map<String, Object> auxData(Map<String, Object> auxData) {
		if (auxData.get("jwt") instanceof Map<?, ?> jwt && jwt.get("token") instanceof String token
				&& !token.isEmpty()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("token", token);
			if (jwt.get("keySetId") instanceof String keySetId) {
				json.put("keySetId", keySetId);
			}
			return Map.of("jwt", json);
		}
		return null;
	}

	private static void putIfSet(Map<String, Object> json, String name, String value) {
		if (value != null && !value.isEmpty()) {
			json.put(name, value);
		}
	}

	static List<SliceResult> results(byte[] body, List<ResourceSlice> batch) {
		JsonNode results = mapper.readTree(body).path("results");
		if (!results.isArray() || results.size() != batch.size()) {
			throw new IllegalStateException("expected " + batch.size() + " results, got "
					+ (results.isArray() ? results.size() : "none"));
		}
		List<SliceResult> answers = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			answers.add(result(results.get(i), batch.get(i)));
		}
		return answers;
	}

	private static SliceResult result(JsonNode result, ResourceSlice slice) {
		String id = result.path("resource").path("id").asString("");
		if (!id.isEmpty() && !id.equals(RemoteChecks.wireId(slice.resource()))) {
			throw new IllegalStateException("result for resource '" + id + "' where '"
					+ RemoteChecks.wireId(slice.resource()) + "' was asked");
		}
		JsonNode effects = result.path("actions");
		JsonNode meta = result.path("meta");
		Map<String, Decision> decisions = new LinkedHashMap<>();
		for (String action : slice.actions()) {
			JsonNode effect = effects.get(action);
			if (effect == null || !effect.isString()) {
				throw new IllegalStateException("no effect for action '" + action + "'");
			}
			JsonNode matched = meta.path("actions").path(action);
			String policy = matched.path("matchedPolicy").asString("");
			decisions.put(action, new Decision(effect(effect.stringValue()), policy.isEmpty() ? null : policy, null,
					matched.path("matchedScope").asString(""), null));
		}
		List<String> derivedRoles = new ArrayList<>();
		meta.path("effectiveDerivedRoles").valueStream().forEach((role) -> derivedRoles.add(role.asString()));
		List<Output> outputs = new ArrayList<>();
		result.path("outputs").valueStream().forEach((output) -> outputs.add(new Output(
				output.path("src").asString(""), "", mapper.treeToValue(output.path("val"), Object.class))));
		List<ValidationError> validationErrors = new ArrayList<>();
		result.path("validationErrors").valueStream().forEach((error) -> validationErrors.add(validationError(error)));
		return new SliceResult(slice, decisions, derivedRoles, outputs, validationErrors);
	}

	private static Effect effect(String effect) {
		// Anything but an explicit allow is a deny
		return "EFFECT_ALLOW".equals(effect) ? Effect.ALLOW : Effect.DENY;
	}

	private static ValidationError validationError(JsonNode error) {
		String source = "SOURCE_PRINCIPAL".equals(error.path("source").asString("")) ? ValidationError.PRINCIPAL
				: ValidationError.RESOURCE;
		return new ValidationError(error.path("path").asString(""), error.path("message").asString(""), source);
	}

}
