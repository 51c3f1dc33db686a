package io.authz.core.protocol.cerbos;

import java.util.List;
import java.util.Map;

/**
 * The answer of Cerbos' {@code POST /api/check/resources} ({@code cerbos.response.v1.CheckResourcesResponse}).
 *
 * @param requestId the request's correlation id
 * @param results one entry per resource, in request order
 * @param cerbosCallId the id the PDP gave this call, empty when none
 */
public record CheckResourcesResponse(String requestId, List<ResultEntry> results, String cerbosCallId) {

	/** The effect names on the wire. */
	public static final String EFFECT_ALLOW = "EFFECT_ALLOW";

	/** The effect names on the wire. */
	public static final String EFFECT_DENY = "EFFECT_DENY";

	public CheckResourcesResponse {
		requestId = (requestId != null) ? requestId : "";
		results = List.copyOf(results);
		cerbosCallId = (cerbosCallId != null) ? cerbosCallId : "";
	}

	/**
	 * The decisions for one resource.
	 *
	 * @param resource the resource as asked (without attributes)
	 * @param actions the effect ({@link #EFFECT_ALLOW} or {@link #EFFECT_DENY}) per action, in request order
	 * @param validationErrors schema validation errors, empty when none
	 * @param meta the evaluation metadata, or {@code null} when not asked for
	 * @param outputs rule outputs, empty when none
	 */
	public record ResultEntry(Resource resource, Map<String, String> actions, List<ValidationError> validationErrors,
			Meta meta, List<OutputEntry> outputs) {

		public ResultEntry {
			actions = CerbosValues.copy(actions);
			validationErrors = (validationErrors != null) ? List.copyOf(validationErrors) : List.of();
			outputs = (outputs != null) ? List.copyOf(outputs) : List.of();
		}

	}

	/**
	 * The resource of a result.
	 *
	 * @param id the resource id
	 * @param kind the resource kind
	 * @param policyVersion the policy version asked, empty when none was
	 * @param scope the scope asked, empty when none was
	 */
	public record Resource(String id, String kind, String policyVersion, String scope) {

		public Resource {
			id = (id != null) ? id : "";
			kind = (kind != null) ? kind : "";
			policyVersion = (policyVersion != null) ? policyVersion : "";
			scope = (scope != null) ? scope : "";
		}

	}

	/**
	 * Evaluation metadata of a result.
	 *
	 * @param actions the policy and scope that decided each action
	 * @param effectiveDerivedRoles the derived roles that applied to the principal
	 */
	public record Meta(Map<String, EffectMeta> actions, List<String> effectiveDerivedRoles) {

		public Meta {
			actions = CerbosValues.copy(actions);
			effectiveDerivedRoles = (effectiveDerivedRoles != null) ? List.copyOf(effectiveDerivedRoles) : List.of();
		}

	}

	/**
	 * What decided one action.
	 *
	 * @param matchedPolicy the policy ({@code resource.leave_request.v20210210}), or {@code NO_MATCH}
	 * @param matchedScope the scope of the policy, empty for the root scope
	 */
	public record EffectMeta(String matchedPolicy, String matchedScope) {

		public EffectMeta {
			matchedPolicy = (matchedPolicy != null) ? matchedPolicy : "";
			matchedScope = (matchedScope != null) ? matchedScope : "";
		}

	}

	/**
	 * A value a rule emitted.
	 *
	 * @param src the rule ({@code resource.expense.vdefault#approve})
	 * @param val the value
	 * @param action the action being decided
	 */
	public record OutputEntry(String src, Object val, String action) {
	}

	/**
	 * An attribute that failed schema validation.
	 *
	 * @param path JSON pointer to the attribute
	 * @param message what is wrong
	 * @param source {@code SOURCE_PRINCIPAL} or {@code SOURCE_RESOURCE}
	 */
	public record ValidationError(String path, String message, String source) {

		/** Wire name of the principal as the source of an error. */
		public static final String SOURCE_PRINCIPAL = "SOURCE_PRINCIPAL";

		/** Wire name of the resource as the source of an error. */
		public static final String SOURCE_RESOURCE = "SOURCE_RESOURCE";

	}

}
