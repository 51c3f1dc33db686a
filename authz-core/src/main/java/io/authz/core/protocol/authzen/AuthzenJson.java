package io.authz.core.protocol.authzen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON of the OpenID AuthZEN Authorization API 1.0. Requests are checked for the types the
 * specification gives each member (a subject is an object, its {@code id} a string, ...), and a violation is a
 * {@link ProtocolException} naming the member; unknown members are ignored, as the specification requires.
 * Whether the required members are present is checked when an evaluation is assembled
 * ({@link EvaluationRequest}), because a batch may supply them through defaults.
 * <p>
 * Both directions of each message are here, so that the PDP endpoints and a client of a remote AuthZEN PDP share
 * one mapping. Instances are thread-safe.
 */
public final class AuthzenJson {

	/**
	 * Parses an Access Evaluation request.
	 * @throws ProtocolException if the body is not JSON, a member has the wrong type, or a required member is
	 * missing
	 */
	public EvaluationRequest readEvaluation(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		return EvaluationRequest.of("", subject(root, "subject"), action(root, "action"), resource(root, "resource"),
				JsonValues.map(root, "context", "context"));
	}

	/**
	 * Parses an Access Evaluations request. A malformed entry of {@code evaluations} does not fail the request: it
	 * is kept as a failed {@link EvaluationsRequest.Item}.
	 * @throws ProtocolException if the body is not JSON, or a top-level member has the wrong type
	 */
	public EvaluationsRequest readEvaluations(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		AuthzenSubject subject = subject(root, "subject");
		AuthzenAction action = action(root, "action");
		AuthzenResource resource = resource(root, "resource");
		Map<String, Object> context = JsonValues.map(root, "context", "context");
		Map<String, Object> options = JsonValues.map(root, "options", "options");
		EvaluationsSemantic semantic = EvaluationsSemantic.EXECUTE_ALL;
		if (options != null && options.get("evaluations_semantic") != null) {
			Object value = options.get("evaluations_semantic");
			if (!(value instanceof String name)) {
				throw new ProtocolException("options.evaluations_semantic: must be a string");
			}
			semantic = EvaluationsSemantic.of(name);
		}
		ArrayNode evaluationsNode = JsonValues.array(root, "evaluations", "evaluations");
		List<EvaluationsRequest.Item> items = new ArrayList<>();
		if (evaluationsNode != null) {
			for (int i = 0; i < evaluationsNode.size(); i++) {
				items.add(item(evaluationsNode.get(i), "evaluations[" + i + "]"));
			}
		}
		return new EvaluationsRequest(subject, action, resource, context, items, semantic, options);
	}

	private static EvaluationsRequest.Item item(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			return EvaluationsRequest.Item.failed(path + ": must be an object, not " + JsonValues.typeOf(node));
		}
		try {
			return new EvaluationsRequest.Item(subject(node, path + ".subject"), action(node, path + ".action"),
					resource(node, path + ".resource"), JsonValues.map(node, path + ".context", "context"), null);
		}
		catch (ProtocolException ex) {
			return EvaluationsRequest.Item.failed(ex.getMessage());
		}
	}

	/**
	 * Parses a Search API request. Only member types are checked; which entities must be complete depends on the
	 * endpoint.
	 * @throws ProtocolException if the body is not JSON, or a member has the wrong type
	 */
	public SearchRequest readSearch(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		SearchRequest.Page page = null;
		ObjectNode pageNode = JsonValues.object(root, "page", "page");
		if (pageNode != null) {
			String token = JsonValues.string(pageNode, "page.token", "token");
			JsonNode limitNode = JsonValues.member(pageNode, "limit");
			Integer limit = null;
			if (limitNode != null) {
				if (!limitNode.isIntegralNumber() || limitNode.longValue() < 0
						|| limitNode.longValue() > Integer.MAX_VALUE) {
					throw new ProtocolException("page.limit: must be a non-negative integer");
				}
				limit = limitNode.intValue();
			}
			page = new SearchRequest.Page(token, limit);
		}
		return new SearchRequest(subject(root, "subject"), action(root, "action"), resource(root, "resource"),
				JsonValues.map(root, "context", "context"), page);
	}

	private static AuthzenSubject subject(JsonNode parent, String path) {
		ObjectNode node = JsonValues.object(parent, path, "subject");
		if (node == null) {
			return null;
		}
		return new AuthzenSubject(JsonValues.string(node, path + ".type", "type"),
				JsonValues.string(node, path + ".id", "id"),
				JsonValues.map(node, path + ".properties", "properties"));
	}

	private static AuthzenResource resource(JsonNode parent, String path) {
		ObjectNode node = JsonValues.object(parent, path, "resource");
		if (node == null) {
			return null;
		}
		return new AuthzenResource(JsonValues.string(node, path + ".type", "type"),
				JsonValues.string(node, path + ".id", "id"),
				JsonValues.map(node, path + ".properties", "properties"));
	}

	private static AuthzenAction action(JsonNode parent, String path) {
		ObjectNode node = JsonValues.object(parent, path, "action");
		if (node == null) {
			return null;
		}
		return new AuthzenAction(JsonValues.string(node, path + ".name", "name"),
				JsonValues.map(node, path + ".properties", "properties"));
	}

	/** Writes a decision. */
	public byte[] writeEvaluationResponse(EvaluationResponse response) {
		return JsonValues.write(decisionNode(response));
	}

	/** Writes the decisions of an Access Evaluations request (without a top-level decision). */
	public byte[] writeEvaluationsResponse(EvaluationsResponse response) {
		ObjectNode root = JsonValues.newObject();
		ArrayNode evaluations = root.putArray("evaluations");
		response.evaluations().forEach((decision) -> evaluations.add(decisionNode(decision)));
		return JsonValues.write(root);
	}

	private static ObjectNode decisionNode(EvaluationResponse response) {
		ObjectNode node = JsonValues.newObject();
		node.put("decision", response.decision());
		if (!response.context().isEmpty()) {
			node.set("context", JsonValues.toNode(response.context()));
		}
		return node;
	}

	/** Writes a search response. */
	public byte[] writeSearchResponse(SearchResponse response) {
		ObjectNode root = JsonValues.newObject();
		ArrayNode results = root.putArray("results");
		for (Object result : response.results()) {
			if (result instanceof AuthzenSubject subject) {
				results.add(entityNode(subject.type(), subject.id(), subject.properties()));
			}
			else if (result instanceof AuthzenResource resource) {
				results.add(entityNode(resource.type(), resource.id(), resource.properties()));
			}
			else if (result instanceof AuthzenAction action) {
				ObjectNode node = results.addObject();
				node.put("name", action.name());
				if (!action.properties().isEmpty()) {
					node.set("properties", JsonValues.toNode(action.properties()));
				}
			}
			else {
				results.add(JsonValues.toNode(result));
			}
		}
		if (response.nextToken() != null) {
			root.putObject("page").put("next_token", response.nextToken());
		}
		return JsonValues.write(root);
	}

	private static ObjectNode entityNode(String type, String id, Map<String, Object> properties) {
		ObjectNode node = JsonValues.newObject();
		node.put("type", type);
		node.put("id", id);
		if (!properties.isEmpty()) {
			node.set("properties", JsonValues.toNode(properties));
		}
		return node;
	}

	/** Writes PDP metadata; endpoints that are {@code null} are left out. */
	public byte[] writeMetadata(PdpMetadata metadata) {
		ObjectNode root = JsonValues.newObject();
		root.put("policy_decision_point", metadata.policyDecisionPoint());
		putIfPresent(root, "access_evaluation_endpoint", metadata.accessEvaluationEndpoint());
		putIfPresent(root, "access_evaluations_endpoint", metadata.accessEvaluationsEndpoint());
		putIfPresent(root, "search_subject_endpoint", metadata.searchSubjectEndpoint());
		putIfPresent(root, "search_resource_endpoint", metadata.searchResourceEndpoint());
		putIfPresent(root, "search_action_endpoint", metadata.searchActionEndpoint());
		return JsonValues.write(root);
	}

	private static void putIfPresent(ObjectNode node, String name, String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

	/** Writes an Access Evaluation request, as a client of an AuthZEN PDP sends it. */
	public byte[] writeEvaluation(EvaluationRequest request) {
		ObjectNode root = JsonValues.newObject();
		root.set("subject", entityNode(request.subject().type(), request.subject().id(),
				request.subject().properties()));
		ObjectNode action = root.putObject("action");
		action.put("name", request.action().name());
		if (!request.action().properties().isEmpty()) {
			action.set("properties", JsonValues.toNode(request.action().properties()));
		}
		root.set("resource", entityNode(request.resource().type(), request.resource().id(),
				request.resource().properties()));
		if (!request.context().isEmpty()) {
			root.set("context", JsonValues.toNode(request.context()));
		}
		return JsonValues.write(root);
	}

	/** Writes an Access Evaluations request of complete evaluations (no defaults), as a client sends it. */
	public byte[] writeEvaluations(List<EvaluationRequest> evaluations, EvaluationsSemantic semantic) {
		ObjectNode root = JsonValues.newObject();
		ArrayNode array = root.putArray("evaluations");
		for (EvaluationRequest evaluation : evaluations) {
			array.add(JsonValues.readObject(writeEvaluation(evaluation)));
		}
		if (semantic != null && semantic != EvaluationsSemantic.EXECUTE_ALL) {
			root.putObject("options").put("evaluations_semantic", semantic.value());
		}
		return JsonValues.write(root);
	}

	/**
	 * Reads a decision, as a client receives it.
	 * @throws ProtocolException if the body has no boolean {@code decision}
	 */
	public EvaluationResponse readEvaluationResponse(byte[] body) {
		return decision(JsonValues.readObject(body), "decision");
	}

	/**
	 * Reads the decisions of an Access Evaluations response, as a client receives them.
	 * @throws ProtocolException if the body has no {@code evaluations} array of decisions
	 */
	public EvaluationsResponse readEvaluationsResponse(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		ArrayNode array = JsonValues.array(root, "evaluations", "evaluations");
		if (array == null) {
			throw new ProtocolException("evaluations: is required");
		}
		List<EvaluationResponse> decisions = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			decisions.add(decision(array.get(i), "evaluations[" + i + "].decision"));
		}
		return new EvaluationsResponse(decisions);
	}

	private static EvaluationResponse decision(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new ProtocolException(path + ": expected an object");
		}
		JsonNode decision = JsonValues.member(node, "decision");
		if (decision == null || !decision.isBoolean()) {
			throw new ProtocolException(path + ": is required and must be a boolean");
		}
		return new EvaluationResponse(decision.booleanValue(), JsonValues.map(node, "context", "context"));
	}

}
