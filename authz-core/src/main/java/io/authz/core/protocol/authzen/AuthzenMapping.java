package io.authz.core.protocol.authzen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.protocol.ProtocolException;

/**
 * Maps AuthZEN evaluations to the decision model, as Cerbos' AuthZEN API does, so that the same policies answer
 * both:
 * <ul>
 * <li>subject: {@code id} is the principal id; {@code properties.roles} (or {@code properties["cerbos.roles"]}),
 * a string or an array of strings, are the roles, and a subject without roles has its {@code type} as its only
 * role; the other properties are attributes ({@code P.attr}). A {@code type} of {@code user}, {@code service} or
 * {@code agent} is the principal type; any other type is exposed as {@code P.attr.type};</li>
 * <li>resource: {@code type} is the kind, {@code id} the id, the properties the attributes ({@code R.attr});</li>
 * <li>action: {@code name} is the action;</li>
 * <li>{@code properties["cerbos.policyVersion"]} and {@code properties["cerbos.scope"]} of the subject and the
 * resource select the policy version and scope;</li>
 * <li>the context (without its {@code cerbos.*} members) and the action's properties are auxiliary data:
 * {@code request.auxData.context} and {@code request.auxData.action.properties} in conditions (the latter only
 * when the action has properties).</li>
 * </ul>
 */
public final class AuthzenMapping {

	/** Subject property holding the roles. */
	public static final String ROLES = "roles";

	/** Prefix of the Cerbos-specific members of properties and context. */
	public static final String CERBOS_PREFIX = "cerbos.";

	/** Context member with the request id. */
	public static final String REQUEST_ID = "cerbos.requestId";

	/** Context member asking for the Cerbos check response in the decision context. */
	public static final String INCLUDE_META = "cerbos.includeMeta";

	/** Context member with Cerbos auxiliary data (JWTs). */
	public static final String AUX_DATA = "cerbos.auxData";

	private AuthzenMapping() {
	}

	/**
	 * The check an evaluation asks for.
	 * @param requestId the request id (from the {@code X-Request-ID} header or the context), may be {@code null}
	 * @param evaluation the evaluation
	 * @param extraAuxData auxiliary data decoded from the context (JWT claims), empty when none
	 * @throws ProtocolException if the subject's roles are not strings
	 */
	public static CheckRequest toCheckRequest(String requestId, EvaluationRequest evaluation,
			Map<String, Object> extraAuxData) {
		ResourceCheck check = new ResourceCheck(toResource(evaluation.resource()),
				List.of(evaluation.action().name()));
		return new CheckRequest(requestId, toPrincipal(evaluation.subject()), List.of(check),
				auxData(evaluation, extraAuxData));
	}

	/**
	 * The principal for a subject.
	 * @throws ProtocolException if the roles are not strings
	 */
	public static Principal toPrincipal(AuthzenSubject subject) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		subject.properties().forEach((name, value) -> {
			if (!ROLES.equals(name) && !name.startsWith(CERBOS_PREFIX)) {
				attributes.put(name, value);
			}
		});
		List<String> roles = roles(subject.properties().get(ROLES), "subject.properties.roles");
		if (roles.isEmpty()) {
			roles = roles(subject.properties().get(CERBOS_PREFIX + ROLES), "subject.properties[\"cerbos.roles\"]");
		}
		if (roles.isEmpty() && subject.type() != null) {
			// As Cerbos does: the type stands in for the roles the request did not give
			roles = List.of(subject.type());
		}
		PrincipalType type = principalType(subject.type());
		if (type == null && subject.type() != null) {
			attributes.putIfAbsent(Principal.TYPE_ATTRIBUTE, subject.type());
		}
		return Principal.builder(subject.id())
			.roles(roles)
			.attributes(attributes)
			.type((type != null) ? type : PrincipalType.USER)
			.policyVersion(text(subject.properties().get(CERBOS_PREFIX + "policyVersion")))
			.scope(text(subject.properties().get(CERBOS_PREFIX + "scope")))
			.build();
	}

	/** The resource for an AuthZEN resource. */
	public static Resource toResource(AuthzenResource resource) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		resource.properties().forEach((name, value) -> {
			if (!name.startsWith(CERBOS_PREFIX)) {
				attributes.put(name, value);
			}
		});
		return new Resource(resource.type(), resource.id(), attributes,
				text(resource.properties().get(CERBOS_PREFIX + "policyVersion")),
				text(resource.properties().get(CERBOS_PREFIX + "scope")));
	}

	/**
	 * The auxiliary data of an evaluation: its context (without {@code cerbos.*} members) as {@code context}, the
	 * action with its properties as {@code action} when it has any, and the decoded JWT claims.
	 */
	public static Map<String, Object> auxData(EvaluationRequest evaluation, Map<String, Object> extraAuxData) {
		Map<String, Object> auxData = new LinkedHashMap<>();
		if (extraAuxData != null) {
			auxData.putAll(extraAuxData);
		}
		Map<String, Object> context = new LinkedHashMap<>();
		evaluation.context().forEach((name, value) -> {
			if (!name.startsWith(CERBOS_PREFIX)) {
				context.put(name, value);
			}
		});
		if (!context.isEmpty()) {
			auxData.put("context", context);
		}
		if (!evaluation.action().properties().isEmpty()) {
			Map<String, Object> action = new LinkedHashMap<>();
			action.put("name", evaluation.action().name());
			action.put("properties", evaluation.action().properties());
			auxData.put("action", action);
		}
		return auxData;
	}

	/** The request id a context carries ({@code cerbos.requestId}), or {@code null}. */
	public static String requestId(Map<String, Object> context) {
		return text(context.get(REQUEST_ID));
	}

	/** Whether a context asks for the Cerbos check response ({@code cerbos.includeMeta: true}). */
	public static boolean includeMeta(Map<String, Object> context) {
		return Boolean.TRUE.equals(context.get(INCLUDE_META));
	}

	private static List<String> roles(Object value, String path) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof String role) {
			return role.isEmpty() ? List.of() : List.of(role);
		}
		if (value instanceof List<?> list) {
			List<String> roles = new ArrayList<>(list.size());
			for (Object element : list) {
				if (!(element instanceof String role)) {
					throw new ProtocolException(path + ": must be a string or an array of strings");
				}
				if (!role.isEmpty() && !roles.contains(role)) {
					roles.add(role);
				}
			}
			return roles;
		}
		throw new ProtocolException(path + ": must be a string or an array of strings");
	}

	private static PrincipalType principalType(String type) {
		if (type == null) {
			return null;
		}
		for (PrincipalType candidate : PrincipalType.values()) {
			if (candidate.value().equals(type)) {
				return candidate;
			}
		}
		return null;
	}

	private static String text(Object value) {
		return (value instanceof String text && !text.isEmpty()) ? text : null;
	}

}
