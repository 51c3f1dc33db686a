package io.authz.core.remote.authzen;

import java.net.URI;
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
import io.authz.core.remote.RemoteChecks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the AuthZEN 1.0 Access Evaluation API: subjects, resources and actions written from the model,
 * decisions read from the answers.
 */
final class AuthZenJson {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private AuthZenJson() {
	}

	// Runs requests and answers through the mapper once, so that its serializers exist before the first check
	static void warmUp() {
		Principal principal = Principal.builder("warm-up").roles("user").attribute("n", 1.5).build();
		Resource resource = Resource.builder("warm-up", "1").attribute("list", List.of("a")).build();
		CheckRequest request = CheckRequest.of(principal, resource, "read");
		Map<String, Object> subject = subject(principal, AuthZenOptions.CERBOS_ROLES);
		evaluation(subject, resource(resource), "read", request);
		evaluations(subject, List.of(Map.of("resource", resource(resource), "action", action("read"))), request);
		evaluated("{\"decision\":true,\"context\":{\"k\":[1]}}".getBytes(StandardCharsets.UTF_8), "read");
		evaluated("{\"evaluations\":[{\"decision\":false}]}".getBytes(StandardCharsets.UTF_8), List.of("read"));
		endpoints("{\"access_evaluation_endpoint\":\"http://localhost/e\"}".getBytes(StandardCharsets.UTF_8));
	}

	static Map<String, Object> subject(Principal principal, String rolesProperty) {
		Map<String, Object> properties = new LinkedHashMap<>(principal.policyAttributes());
		properties.put(rolesProperty, principal.roles());
		putIfSet(properties, "cerbos.policyVersion", principal.policyVersion());
		putIfSet(properties, "cerbos.scope", principal.scope());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", principal.type().value());
		json.put("id", principal.id());
		json.put("properties", properties);
		return json;
	}

	static Map<String, Object> resource(Resource resource) {
		Map<String, Object> properties = new LinkedHashMap<>(resource.attributes());
		putIfSet(properties, "cerbos.policyVersion", resource.policyVersion());
		putIfSet(properties, "cerbos.scope", resource.scope());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", resource.kind());
		json.put("id", RemoteChecks.wireId(resource));
		if (!properties.isEmpty()) {
			json.put("properties", properties);
		}
		return json;
	}

	static Map<String, Object> action(String action) {
		return Map.of("name", action);
	}

	static byte[] evaluation(Map<String, Object> subject, Map<String, Object> resource, String action,
			CheckRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", subject);
		body.put("resource", resource);
		body.put("action", action(action));
		if (!request.auxData().isEmpty()) {
			body.put("context", request.auxData());
		}
		return mapper.writeValueAsBytes(body);
	}

	static byte[] evaluations(Map<String, Object> subject, List<Map<String, Object>> evaluations,
			CheckRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", subject);
		if (!request.auxData().isEmpty()) {
			body.put("context", request.auxData());
		}
		body.put("options", Map.of("evaluations_semantic", "execute_all"));
		body.put("evaluations", evaluations);
		return mapper.writeValueAsBytes(body);
	}

	static Evaluated evaluated(byte[] body, String action) {
		return evaluated(mapper.readTree(body), action);
	}

	static List<Evaluated> evaluated(byte[] body, List<String> actions) {
		JsonNode evaluations = mapper.readTree(body).path("evaluations");
		if (!evaluations.isArray() || evaluations.size() != actions.size()) {
			throw new IllegalStateException("expected " + actions.size() + " evaluations, got "
					+ (evaluations.isArray() ? evaluations.size() : "none"));
		}
		List<Evaluated> evaluated = new ArrayList<>(actions.size());
		for (int i = 0; i < actions.size(); i++) {
			evaluated.add(evaluated(evaluations.get(i), actions.get(i)));
		}
		return evaluated;
	}

	private static Evaluated evaluated(JsonNode evaluation, String action) {
		JsonNode decision = evaluation.path("decision");
		if (!decision.isBoolean()) {
			throw new IllegalStateException("no boolean 'decision' in " + abbreviate(evaluation.toString()));
		}
		JsonNode context = evaluation.path("context");
		Output output = (context.isObject() && !context.isEmpty())
				? new Output(AuthZenEngine.POLICY, action, mapper.treeToValue(context, Object.class)) : null;
		return new Evaluated(new Decision(decision.booleanValue() ? Effect.ALLOW : Effect.DENY, AuthZenEngine.POLICY,
				null, "", null), output);
	}

	/** The endpoints a PDP's metadata names, or {@code null} for those it does not. */
	static URI[] endpoints(byte[] body) {
		JsonNode metadata = mapper.readTree(body);
		if (!metadata.isObject()) {
			throw new IllegalStateException("metadata is not a JSON object");
		}
		return new URI[] { uri(metadata.path("access_evaluation_endpoint")),
				uri(metadata.path("access_evaluations_endpoint")) };
	}

	private static URI uri(JsonNode value) {
		if (!value.isString() || value.stringValue().isBlank()) {
			return null;
		}
		URI uri = URI.create(value.stringValue());
		if (!uri.isAbsolute() || !uri.getScheme().startsWith("http")) {
			throw new IllegalStateException("endpoint '" + uri + "' is not an absolute http(s) URL");
		}
		return uri;
	}

	private static void putIfSet(Map<String, Object> json, String name, String value) {
		if (value != null && !value.isEmpty()) {
			json.put(name, value);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	/**
	 * One evaluation's answer.
	 *
	 * @param decision the decision
	 * @param output the evaluation's context as an output, or {@code null} when it had none
	 */
	record Evaluated(Decision decision, Output output) {

		List<Output> outputs() {
			return (this.output != null) ? List.of(this.output) : List.of();
		}

	}

}
