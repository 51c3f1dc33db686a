package io.authz.core.protocol.cerbos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;

/**
 * Maps Cerbos check API messages to the decision model and back, for both a PDP serving the API and a client of
 * one. The principal type and delegation travel in {@code attr}, as Cerbos policies read them ({@code P.attr.type},
 * {@code P.attr.actingFor}).
 */
public final class CerbosMapping {

	private CerbosMapping() {
	}

	/**
	 * The check a Cerbos request asks for.
	 * @param request the wire request
	 * @param auxData the auxiliary data, already decoded (see {@link #auxData})
	 * @return the check
	 */
	public static CheckRequest toCheckRequest(CheckResourcesRequest request, Map<String, Object> auxData) {
		CheckResourcesRequest.Principal p = request.principal();
		Principal principal = Principal.builder(p.id())
			.roles(p.roles())
			.attributes(p.attr())
			.type(principalType(p.attr().get(Principal.TYPE_ATTRIBUTE)))
			.policyVersion(emptyToNull(p.policyVersion()))
			.scope(emptyToNull(p.scope()))
			.build();
		List<ResourceCheck> resources = new ArrayList<>(request.resources().size());
		for (CheckResourcesRequest.ResourceEntry entry : request.resources()) {
			CheckResourcesRequest.Resource r = entry.resource();
			Resource resource = new Resource(r.kind(), r.id(), r.attr(), emptyToNull(r.policyVersion()),
					emptyToNull(r.scope()));
			resources.add(new ResourceCheck(resource, entry.actions()));
		}
		return new CheckRequest(request.requestId(), principal, resources, auxData);
	}

	private static PrincipalType principalType(Object type) {
		if (type instanceof String value) {
			for (PrincipalType candidate : PrincipalType.values()) {
				if (candidate.value().equals(value)) {
					return candidate;
				}
			}
		}
		return PrincipalType.USER;
	}

	/**
	 * Decodes the JWTs of a request's auxiliary data into what policies read: {@code request.auxData.jwt} (the
	 * claims of the single token) or {@code request.auxData.jwts.<name>.claims}.
	 * @param auxData the wire auxiliary data, may be {@code null}
	 * @param decoder verifies and decodes each token
	 * @return the auxiliary data, empty when there is none
	 * @throws ProtocolException if a token is rejected
	 */
	public static Map<String, Object> auxData(CheckResourcesRequest.AuxData auxData, JwtClaimsDecoder decoder) {
		if (auxData == null) {
			return Map.of();
		}
		if (auxData.jwt() != null) {
			return Map.of("jwt", decode(decoder, auxData.jwt(), "auxData.jwt"));
		}
		if (!auxData.jwts().isEmpty()) {
			Map<String, Object> jwts = new LinkedHashMap<>();
			auxData.jwts()
				.forEach((name, jwt) -> jwts.put(name, Map.of("claims", decode(decoder, jwt, "auxData.jwts." + name))));
			return Map.of("jwts", jwts);
		}
		return Map.of();
	}

	private static Map<String, Object> decode(JwtClaimsDecoder decoder, CheckResourcesRequest.Jwt jwt, String path) {
		try {
			return decoder.decode(jwt.token(), jwt.keySetId());
		}
		catch (ProtocolException ex) {
			throw new ProtocolException(path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The Cerbos answer to a request.
	 * @param request the wire request
	 * @param result the decisions, one result per resource of the request
	 * @param includeMeta whether to add the matched policy and scope per action and the effective derived roles
	 * @param callId the id of this call, may be empty
	 * @return the wire response
	 */
	public static CheckResourcesResponse toResponse(CheckResourcesRequest request, CheckResult result,
			boolean includeMeta, String callId) {
		List<CheckResourcesResponse.ResultEntry> entries = new ArrayList<>(request.resources().size());
		for (int i = 0; i < request.resources().size(); i++) {
			CheckResourcesRequest.ResourceEntry asked = request.resources().get(i);
			ResourceResult decided = result.results().get(i);
			CheckResourcesRequest.Resource r = asked.resource();
			CheckResourcesResponse.Resource resource = new CheckResourcesResponse.Resource(r.id(), r.kind(),
					r.policyVersion(), r.scope());
			Map<String, String> actions = new LinkedHashMap<>();
			Map<String, CheckResourcesResponse.EffectMeta> metaActions = new LinkedHashMap<>();
			for (String action : asked.actions()) {
				Decision decision = decided.decision(action);
				actions.put(action, effect(decision.effect()));
				metaActions.put(action, new CheckResourcesResponse.EffectMeta(decision.policy(), decision.scope()));
			}
			CheckResourcesResponse.Meta meta = includeMeta
					? new CheckResourcesResponse.Meta(metaActions, decided.effectiveDerivedRoles()) : null;
			List<CheckResourcesResponse.OutputEntry> outputs = new ArrayList<>(decided.outputs().size());
			for (Output output : decided.outputs()) {
				outputs.add(new CheckResourcesResponse.OutputEntry(output.source(), output.value(), output.action()));
			}
			List<CheckResourcesResponse.ValidationError> errors = new ArrayList<>();
			for (Object error : decided.validationErrors()) {
				errors.add(validationError(error));
			}
			entries.add(new CheckResourcesResponse.ResultEntry(resource, actions, errors, meta, outputs));
		}
		return new CheckResourcesResponse(request.requestId(), entries, callId);
	}

	/** The wire name of an effect. */
	public static String effect(Effect effect) {
		return effect.isAllow() ? CheckResourcesResponse.EFFECT_ALLOW : CheckResourcesResponse.EFFECT_DENY;
	}

	// The model's validation errors are plain messages or structured (path, message, source) values;
	// both are read through their JSON form so that either shape maps.
	private static CheckResourcesResponse.ValidationError validationError(Object error) {
		if (error instanceof CharSequence message) {
			return new CheckResourcesResponse.ValidationError("", message.toString(), "");
		}
		Object value = JsonValues.toJava(JsonValues.toNode(error));
		if (!(value instanceof Map<?, ?> fields)) {
			return new CheckResourcesResponse.ValidationError("", String.valueOf(value), "");
		}
		return new CheckResourcesResponse.ValidationError(text(fields.get("path")), text(fields.get("message")),
				source(text(fields.get("source"))));
	}

	private static String source(String source) {
		if (source.isEmpty() || source.startsWith("SOURCE_")) {
			return source;
		}
		return "SOURCE_" + source.toUpperCase(Locale.ROOT);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * The Cerbos request for a check, as a client of a Cerbos PDP sends it. Auxiliary data is not sent: Cerbos
	 * only accepts JWTs there, not decoded claims.
	 * @param request the check
	 * @param includeMeta whether to ask for evaluation metadata
	 * @return the wire request
	 */
	public static CheckResourcesRequest toWireRequest(CheckRequest request, boolean includeMeta) {
		Principal p = request.principal();
		CheckResourcesRequest.Principal principal = new CheckResourcesRequest.Principal(p.id(), p.policyVersion(),
				p.roles(), p.policyAttributes(), p.scope());
		List<CheckResourcesRequest.ResourceEntry> entries = new ArrayList<>(request.resources().size());
		for (ResourceCheck check : request.resources()) {
			Resource r = check.resource();
			CheckResourcesRequest.Resource resource = new CheckResourcesRequest.Resource(r.kind(), r.id(),
					r.policyVersion(), r.attributes(), r.scope());
			entries.add(new CheckResourcesRequest.ResourceEntry(check.actions(), resource));
		}
		return new CheckResourcesRequest(request.requestId(), includeMeta, principal, entries, null);
	}

	/**
	 * The decisions of a Cerbos response, as a client reads them. An action the response does not mention is
	 * denied. Validation errors stay in the wire response.
	 * @param request the check that was sent
	 * @param response the PDP's answer
	 * @return the result, one entry per resource of the request
	 * @throws ProtocolException if the response does not have one result per resource
	 */
	public static CheckResult toCheckResult(CheckRequest request, CheckResourcesResponse response) {
		if (response.results().size() != request.resources().size()) {
			throw new ProtocolException("expected " + request.resources().size() + " results, got "
					+ response.results().size());
		}
		List<ResourceResult> results = new ArrayList<>(request.resources().size());
		for (int i = 0; i < request.resources().size(); i++) {
			ResourceCheck check = request.resources().get(i);
			CheckResourcesResponse.ResultEntry entry = response.results().get(i);
			Map<String, Decision> decisions = new LinkedHashMap<>();
			for (String action : check.actions()) {
				String effect = entry.actions().get(action);
				CheckResourcesResponse.EffectMeta meta = (entry.meta() != null) ? entry.meta().actions().get(action)
						: null;
				String policy = (meta != null && !meta.matchedPolicy().isEmpty()) ? meta.matchedPolicy() : null;
				String scope = (meta != null) ? meta.matchedScope() : "";
				if (effect == null) {
					decisions.put(action, Decision.failed("the PDP did not decide action '" + action + "'"));
				}
				else {
					Effect value = CheckResourcesResponse.EFFECT_ALLOW.equals(effect) ? Effect.ALLOW : Effect.DENY;
					decisions.put(action, new Decision(value, policy, null, scope, null));
				}
			}
			List<Output> outputs = new ArrayList<>(entry.outputs().size());
			entry.outputs().forEach((output) -> outputs.add(new Output(output.src(), output.action(), output.val())));
			List<String> roles = (entry.meta() != null) ? entry.meta().effectiveDerivedRoles() : List.of();
			results.add(new ResourceResult(check.resource(), decisions, roles, outputs, List.of()));
		}
		return new CheckResult(request.requestId(), results);
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
