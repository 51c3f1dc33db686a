package io.authz.core.protocol.cerbos;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of Cerbos' {@code POST /api/check/resources} ({@code cerbos.request.v1.CheckResourcesRequest}).
 *
 * @param requestId optional correlation id, echoed in the response
 * @param includeMeta whether the response carries the matched policy and scope per action and the effective
 * derived roles
 * @param principal who asks
 * @param resources the resources and, for each, the actions asked
 * @param auxData auxiliary data (JWTs), or {@code null}
 */
public record CheckResourcesRequest(String requestId, boolean includeMeta, Principal principal,
		List<ResourceEntry> resources, AuxData auxData) {

	public CheckResourcesRequest {
		requestId = (requestId != null) ? requestId : "";
		Objects.requireNonNull(principal, "principal");
		resources = List.copyOf(resources);
	}

	/**
	 * A principal ({@code cerbos.engine.v1.Principal}).
	 *
	 * @param id the principal id
	 * @param policyVersion the principal policy version, empty for the server default
	 * @param roles the roles, at least one
	 * @param attr the attributes
	 * @param scope the principal policy scope, empty for the root scope
	 */
	public record Principal(String id, String policyVersion, List<String> roles, Map<String, Object> attr,
			String scope) {

		public Principal {
			policyVersion = (policyVersion != null) ? policyVersion : "";
			roles = List.copyOf(roles);
			attr = (attr != null) ? CerbosValues.copy(attr) : Map.of();
			scope = (scope != null) ? scope : "";
		}

	}

	/**
	 * A resource ({@code cerbos.engine.v1.Resource}).
	 *
	 * @param kind the resource kind
	 * @param id the resource id
	 * @param policyVersion the resource policy version, empty for the server default
	 * @param attr the attributes
	 * @param scope the resource policy scope, empty for the root scope
	 */
	public record Resource(String kind, String id, String policyVersion, Map<String, Object> attr, String scope) {

		public Resource {
			policyVersion = (policyVersion != null) ? policyVersion : "";
			attr = (attr != null) ? CerbosValues.copy(attr) : Map.of();
			scope = (scope != null) ? scope : "";
		}

	}

	/**
	 * One resource and the actions asked about it.
	 *
	 * @param actions the actions, at least one, without duplicates
	 * @param resource the resource
	 */
	public record ResourceEntry(List<String> actions, Resource resource) {

		public ResourceEntry {
			actions = List.copyOf(actions);
			Objects.requireNonNull(resource, "resource");
		}

	}

	/**
	 * Auxiliary data: one JWT, or several by name (never both).
	 *
	 * @param jwt the JWT, or {@code null}
	 * @param jwts named JWTs, empty when none
	 */
	public record AuxData(Jwt jwt, Map<String, Jwt> jwts) {

		public AuxData {
			jwts = (jwts != null) ? Map.copyOf(jwts) : Map.of();
		}

	}

	/**
	 * A JWT from the original request.
	 *
	 * @param token the encoded token
	 * @param keySetId the key set to verify it with, empty for the only configured one
	 */
	public record Jwt(String token, String keySetId) {

		public Jwt {
			Objects.requireNonNull(token, "token");
			keySetId = (keySetId != null) ? keySetId : "";
		}

	}

}
