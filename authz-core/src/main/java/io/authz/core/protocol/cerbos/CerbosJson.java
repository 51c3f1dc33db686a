package io.authz.core.protocol.cerbos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON of Cerbos' check API ({@code POST /api/check/resources}) the way a Cerbos PDP does:
 * camel-case members (the proto field names, {@code request_id}, are accepted too), empty values left out of
 * responses, effects as {@code EFFECT_ALLOW} / {@code EFFECT_DENY}. Requests are validated as Cerbos validates
 * them (required fields, at least one role, action and resource, no duplicate roles or actions, policy version and
 * scope syntax); a violation is a {@link ProtocolException} naming the field. Unknown members are ignored.
 * <p>
 * Both directions of both messages are here, so that the PDP endpoint and a client of a remote Cerbos PDP share
 * one mapping. Instances are thread-safe.
 */
public final class CerbosJson {

	// Cerbos' validation patterns (cerbos.engine.v1.Principal and Resource); Go's \w is ASCII only
	private static final Pattern POLICY_VERSION = Pattern.compile("^[0-9A-Za-z_]*$");

	private static final Pattern SCOPE = Pattern
		.compile("^(|\\.|[0-9a-zA-Z][0-9A-Za-z_\\-]*(\\.[0-9A-Za-z_][0-9A-Za-z_\\-]*)*)$");

	/** gRPC status code {@code INVALID_ARGUMENT}, which Cerbos reports with HTTP 400. */
	public static final int INVALID_ARGUMENT = 3;

	/**
	 * Parses and validates a check request.
	 * @param body the request body
	 * @return the request
	 * @throws ProtocolException if the body is not a valid check request
	 */
	public CheckResourcesRequest readCheckResourcesRequest(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		String requestId = JsonValues.string(root, "requestId", "requestId", "request_id");
		boolean includeMeta = JsonValues.bool(root, "includeMeta", "includeMeta", "include_meta");
		ObjectNode principalNode = JsonValues.object(root, "principal", "principal");
		if (principalNode == null) {
			throw new ProtocolException("principal: is required");
		}
		CheckResourcesRequest.Principal principal = readPrincipal(principalNode);
		ArrayNode resourcesNode = JsonValues.array(root, "resources", "resources");
		if (resourcesNode == null || resourcesNode.isEmpty()) {
			throw new ProtocolException("resources: must contain at least one resource");
		}
		List<CheckResourcesRequest.ResourceEntry> resources = new ArrayList<>(resourcesNode.size());
		for (int i = 0; i < resourcesNode.size(); i++) {
			resources.add(readResourceEntry(resourcesNode.get(i), "resources[" + i + "]"));
		}
		ObjectNode auxDataNode = JsonValues.object(root, "auxData", "auxData", "aux_data");
		CheckResourcesRequest.AuxData auxData = (auxDataNode != null) ? readAuxData(auxDataNode, "auxData") : null;
		return new CheckResourcesRequest(requestId, includeMeta, principal, resources, auxData);
	}

	private CheckResourcesRequest.Principal readPrincipal(ObjectNode node) {
		String id = requiredString(node, "principal.id", "id");
		String policyVersion = policyVersion(node, "principal.policyVersion");
		List<String> roles = JsonValues.strings(node, "principal.roles", "roles");
		if (roles == null || roles.isEmpty()) {
			throw new ProtocolException("principal.roles: must contain at least one role");
		}
		unique(roles, "principal.roles");
		Map<String, Object> attr = attributes(node, "principal.attr");
		String scope = scope(node, "principal.scope");
		return new CheckResourcesRequest.Principal(id, policyVersion, roles, attr, scope);
	}

	private CheckResourcesRequest.ResourceEntry readResourceEntry(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new ProtocolException(path + ": must be an object, not " + JsonValues.typeOf(node));
		}
		List<String> actions = JsonValues.strings(node, path + ".actions", "actions");
		if (actions == null || actions.isEmpty()) {
			throw new ProtocolException(path + ".actions: must contain at least one action");
		}
		unique(actions, path + ".actions");
		ObjectNode resourceNode = JsonValues.object(node, path + ".resource", "resource");
		if (resourceNode == null) {
			throw new ProtocolException(path + ".resource: is required");
		}
		String resourcePath = path + ".resource";
		String kind = requiredString(resourceNode, resourcePath + ".kind", "kind");
		String id = requiredString(resourceNode, resourcePath + ".id", "id");
		String policyVersion = policyVersion(resourceNode, resourcePath + ".policyVersion");
		Map<String, Object> attr = attributes(resourceNode, resourcePath + ".attr");
		String scope = scope(resourceNode, resourcePath + ".scope");
		return new CheckResourcesRequest.ResourceEntry(actions,
				new CheckResourcesRequest.Resource(kind, id, policyVersion, attr, scope));
	}

	private CheckResourcesRequest.AuxData readAuxData(ObjectNode node, String path) {
		ObjectNode jwtNode = JsonValues.object(node, path + ".jwt", "jwt");
		ObjectNode jwtsNode = JsonValues.object(node, path + ".jwts", "jwts");
		if (jwtNode != null && jwtsNode != null) {
			throw new ProtocolException(path + ": only one of jwt or jwts may be set");
		}
		CheckResourcesRequest.Jwt jwt = (jwtNode != null) ? readJwt(jwtNode, path + ".jwt") : null;
		Map<String, CheckResourcesRequest.Jwt> jwts = new LinkedHashMap<>();
		if (jwtsNode != null) {
			for (Map.Entry<String, JsonNode> entry : jwtsNode.properties()) {
				String entryPath = path + ".jwts." + entry.getKey();
				if (entry.getKey().isEmpty()) {
					throw new ProtocolException(path + ".jwts: names must not be empty");
				}
				if (!entry.getValue().isObject()) {
					throw new ProtocolException(
							entryPath + ": must be an object, not " + JsonValues.typeOf(entry.getValue()));
				}
				jwts.put(entry.getKey(), readJwt(entry.getValue(), entryPath));
			}
		}
		return new CheckResourcesRequest.AuxData(jwt, jwts);
	}

	/**
	 * Reads auxiliary data given as a plain value (as an AuthZEN context carries it in {@code cerbos.auxData}).
	 * @param value the value: a map with {@code jwt} or {@code jwts}
	 * @param path where the value comes from, for messages
	 * @return the auxiliary data
	 * @throws ProtocolException if the value is not auxiliary data
	 */
	public CheckResourcesRequest.AuxData readAuxData(Object value, String path) {
		JsonNode node = JsonValues.toNode(value);
		if (!node.isObject()) {
			throw new ProtocolException(path + ": must be an object, not " + JsonValues.typeOf(node));
		}
		return readAuxData((ObjectNode) node, path);
	}

	private CheckResourcesRequest.Jwt readJwt(JsonNode node, String path) {
		String token = requiredString(node, path + ".token", "token");
		String keySetId = JsonValues.string(node, path + ".keySetId", "keySetId", "key_set_id");
		return new CheckResourcesRequest.Jwt(token, keySetId);
	}

	private static String requiredString(JsonNode node, String path, String name) {
		String value = JsonValues.string(node, path, name);
		if (value == null || value.isEmpty()) {
			throw new ProtocolException(path + ": is required and must not be empty");
		}
		return value;
	}

	private static String policyVersion(JsonNode node, String path) {
		String value = JsonValues.string(node, path, "policyVersion", "policy_version");
		if (value != null && !POLICY_VERSION.matcher(value).matches()) {
			throw new ProtocolException(path + ": '" + value + "' may only contain letters, digits and '_'");
		}
		return value;
	}

	private static String scope(JsonNode node, String path) {
		String value = JsonValues.string(node, path, "scope");
		if (value != null && !SCOPE.matcher(value).matches()) {
			throw new ProtocolException(path + ": '" + value
					+ "' is not a valid scope (dot-separated names of letters, digits, '_' and '-')");
		}
		return value;
	}

	private static Map<String, Object> attributes(JsonNode node, String path) {
		Map<String, Object> attr = JsonValues.map(node, path, "attr");
		if (attr != null && attr.containsKey("")) {
			throw new ProtocolException(path + ": attribute names must not be empty");
		}
		return attr;
	}

	private static void unique(List<String> values, String path) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (value.isEmpty()) {
				throw new ProtocolException(path + "[" + i + "]: must not be empty");
			}
			if (!seen.add(value)) {
				throw new ProtocolException(path + ": '" + value + "' is repeated");
			}
		}
	}

	/**
	 * Writes a check request, as a client of a Cerbos PDP sends it.
	 * @param request the request
	 * @return UTF-8 JSON
	 */
	public byte[] writeCheckResourcesRequest(CheckResourcesRequest request) {
		ObjectNode root = JsonValues.newObject();
		putIfNotEmpty(root, "requestId", request.requestId());
		if (request.includeMeta()) {
			root.put("includeMeta", true);
		}
		ObjectNode principal = root.putObject("principal");
		CheckResourcesRequest.Principal p = request.principal();
		principal.put("id", p.id());
		putIfNotEmpty(principal, "policyVersion", p.policyVersion());
		ArrayNode roles = principal.putArray("roles");
		p.roles().forEach(roles::add);
		if (!p.attr().isEmpty()) {
			principal.set("attr", JsonValues.toNode(p.attr()));
		}
		putIfNotEmpty(principal, "scope", p.scope());
		ArrayNode resources = root.putArray("resources");
		for (CheckResourcesRequest.ResourceEntry entry : request.resources()) {
			ObjectNode entryNode = resources.addObject();
			ArrayNode actions = entryNode.putArray("actions");
			entry.actions().forEach(actions::add);
			ObjectNode resource = entryNode.putObject("resource");
			CheckResourcesRequest.Resource r = entry.resource();
			resource.put("kind", r.kind());
			putIfNotEmpty(resource, "policyVersion", r.policyVersion());
			resource.put("id", r.id());
			if (!r.attr().isEmpty()) {
				resource.set("attr", JsonValues.toNode(r.attr()));
			}
			putIfNotEmpty(resource, "scope", r.scope());
		}
		CheckResourcesRequest.AuxData auxData = request.auxData();
		if (auxData != null && (auxData.jwt() != null || !auxData.jwts().isEmpty())) {
			ObjectNode aux = root.putObject("auxData");
			if (auxData.jwt() != null) {
				writeJwt(aux.putObject("jwt"), auxData.jwt());
			}
			if (!auxData.jwts().isEmpty()) {
				ObjectNode jwts = aux.putObject("jwts");
				auxData.jwts().forEach((name, jwt) -> writeJwt(jwts.putObject(name), jwt));
			}
		}
		return JsonValues.write(root);
	}

	private static void writeJwt(ObjectNode node, CheckResourcesRequest.Jwt jwt) {
		node.put("token", jwt.token());
		putIfNotEmpty(node, "keySetId", jwt.keySetId());
	}

	/**
	 * Writes a check response as a Cerbos PDP does: empty members left out.
	 * @param response the response
	 * @return UTF-8 JSON
	 */
	public byte[] writeCheckResourcesResponse(CheckResourcesResponse response) {
		ObjectNode root = JsonValues.newObject();
		putIfNotEmpty(root, "requestId", response.requestId());
		ArrayNode results = root.putArray("results");
		for (CheckResourcesResponse.ResultEntry entry : response.results()) {
			ObjectNode entryNode = results.addObject();
			ObjectNode resource = entryNode.putObject("resource");
			putIfNotEmpty(resource, "id", entry.resource().id());
			putIfNotEmpty(resource, "kind", entry.resource().kind());
			putIfNotEmpty(resource, "policyVersion", entry.resource().policyVersion());
			putIfNotEmpty(resource, "scope", entry.resource().scope());
			ObjectNode actions = entryNode.putObject("actions");
			entry.actions().forEach(actions::put);
			if (!entry.validationErrors().isEmpty()) {
				ArrayNode errors = entryNode.putArray("validationErrors");
				for (CheckResourcesResponse.ValidationError error : entry.validationErrors()) {
					ObjectNode errorNode = errors.addObject();
					putIfNotEmpty(errorNode, "path", error.path());
					putIfNotEmpty(errorNode, "message", error.message());
					putIfNotEmpty(errorNode, "source", error.source());
				}
			}
			if (entry.meta() != null) {
				ObjectNode meta = entryNode.putObject("meta");
				ObjectNode metaActions = meta.putObject("actions");
				entry.meta().actions().forEach((action, effectMeta) -> {
					ObjectNode effectNode = metaActions.putObject(action);
					putIfNotEmpty(effectNode, "matchedPolicy", effectMeta.matchedPolicy());
					putIfNotEmpty(effectNode, "matchedScope", effectMeta.matchedScope());
				});
				if (!entry.meta().effectiveDerivedRoles().isEmpty()) {
					ArrayNode roles = meta.putArray("effectiveDerivedRoles");
					entry.meta().effectiveDerivedRoles().forEach(roles::add);
				}
			}
			if (!entry.outputs().isEmpty()) {
				ArrayNode outputs = entryNode.putArray("outputs");
				for (CheckResourcesResponse.OutputEntry output : entry.outputs()) {
					ObjectNode outputNode = outputs.addObject();
					putIfNotEmpty(outputNode, "src", output.src());
					outputNode.set("val", JsonValues.toNode(output.val()));
					putIfNotEmpty(outputNode, "action", output.action());
				}
			}
		}
		putIfNotEmpty(root, "cerbosCallId", response.cerbosCallId());
		return JsonValues.write(root);
	}

	/**
	 * Reads a check response, as a client of a Cerbos PDP receives it.
	 * @param body the response body
	 * @return the response
	 * @throws ProtocolException if the body is not a check response
	 */
	public CheckResourcesResponse readCheckResourcesResponse(byte[] body) {
		ObjectNode root = JsonValues.readObject(body);
		String requestId = JsonValues.string(root, "requestId", "requestId", "request_id");
		ArrayNode resultsNode = JsonValues.array(root, "results", "results");
		List<CheckResourcesResponse.ResultEntry> results = new ArrayList<>();
		if (resultsNode != null) {
			for (int i = 0; i < resultsNode.size(); i++) {
				results.add(readResultEntry(resultsNode.get(i), "results[" + i + "]"));
			}
		}
		String callId = JsonValues.string(root, "cerbosCallId", "cerbosCallId", "cerbos_call_id");
		return new CheckResourcesResponse(requestId, results, callId);
	}

	private CheckResourcesResponse.ResultEntry readResultEntry(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new ProtocolException(path + ": must be an object");
		}
		ObjectNode resourceNode = JsonValues.object(node, path + ".resource", "resource");
		CheckResourcesResponse.Resource resource = (resourceNode != null)
				? new CheckResourcesResponse.Resource(JsonValues.string(resourceNode, path + ".resource.id", "id"),
						JsonValues.string(resourceNode, path + ".resource.kind", "kind"),
						JsonValues.string(resourceNode, path + ".resource.policyVersion", "policyVersion",
								"policy_version"),
						JsonValues.string(resourceNode, path + ".resource.scope", "scope"))
				: new CheckResourcesResponse.Resource("", "", "", "");
		Map<String, String> actions = new LinkedHashMap<>();
		ObjectNode actionsNode = JsonValues.object(node, path + ".actions", "actions");
		if (actionsNode != null) {
			for (Map.Entry<String, JsonNode> entry : actionsNode.properties()) {
				actions.put(entry.getKey(), entry.getValue().asString());
			}
		}
		List<CheckResourcesResponse.ValidationError> errors = new ArrayList<>();
		ArrayNode errorsNode = JsonValues.array(node, path + ".validationErrors", "validationErrors",
				"validation_errors");
		if (errorsNode != null) {
			for (JsonNode error : errorsNode) {
				errors.add(new CheckResourcesResponse.ValidationError(JsonValues.string(error, path, "path"),
						JsonValues.string(error, path, "message"), JsonValues.string(error, path, "source")));
			}
		}
		CheckResourcesResponse.Meta meta = null;
		ObjectNode metaNode = JsonValues.object(node, path + ".meta", "meta");
		if (metaNode != null) {
			Map<String, CheckResourcesResponse.EffectMeta> metaActions = new LinkedHashMap<>();
			ObjectNode metaActionsNode = JsonValues.object(metaNode, path + ".meta.actions", "actions");
			if (metaActionsNode != null) {
				for (Map.Entry<String, JsonNode> entry : metaActionsNode.properties()) {
					metaActions.put(entry.getKey(),
							new CheckResourcesResponse.EffectMeta(
									JsonValues.string(entry.getValue(), path, "matchedPolicy", "matched_policy"),
									JsonValues.string(entry.getValue(), path, "matchedScope", "matched_scope")));
				}
			}
			List<String> roles = JsonValues.strings(metaNode, path + ".meta.effectiveDerivedRoles",
					"effectiveDerivedRoles", "effective_derived_roles");
			meta = new CheckResourcesResponse.Meta(metaActions, roles);
		}
		List<CheckResourcesResponse.OutputEntry> outputs = new ArrayList<>();
		ArrayNode outputsNode = JsonValues.array(node, path + ".outputs", "outputs");
		if (outputsNode != null) {
			for (JsonNode output : outputsNode) {
				outputs.add(new CheckResourcesResponse.OutputEntry(JsonValues.string(output, path, "src"),
						JsonValues.toJava(output.get("val")), JsonValues.string(output, path, "action")));
			}
		}
		return new CheckResourcesResponse.ResultEntry(resource, actions, errors, meta, outputs);
	}

	/**
	 * The error body a Cerbos PDP answers a rejected request with (a gRPC status as JSON).
	 * @param code the gRPC status code ({@link #INVALID_ARGUMENT} for a bad request)
	 * @param message what is wrong
	 * @return UTF-8 JSON
	 */
	public byte[] writeError(int code, String message) {
		ObjectNode root = JsonValues.newObject();
		root.put("code", code);
		root.put("message", message);
		root.putArray("details");
		return JsonValues.write(root);
	}

	private static void putIfNotEmpty(ObjectNode node, String name, String value) {
		if (value != null && !value.isEmpty()) {
			node.put(name, value);
		}
	}

}
