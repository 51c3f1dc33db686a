package io.authz.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is asking: a person, a service or an agent, with the roles and attributes policies decide on.
 *
 * @param id stable identifier of the principal
 * @param roles roles in the order they were granted; order only affects which policy is reported
 * @param attributes free-form attributes ({@code P.attr} in conditions)
 * @param type user, service or agent
 * @param actingFor the principal this one acts for (delegation), or {@code null}
 * @param policyVersion the principal policy version to use, or {@code null} for the engine default
 * @param scope the principal policy scope, or {@code null} for the root scope
 */
public record Principal(String id, List<String> roles, Map<String, Object> attributes, PrincipalType type,
		Principal actingFor, String policyVersion, String scope) {

	/** Attribute key under which the principal type is exposed to policies. */
	public static final String TYPE_ATTRIBUTE = "type";

	/** Attribute key under which the delegating principal is exposed to policies. */
	public static final String ACTING_FOR_ATTRIBUTE = "actingFor";

	public Principal {
		Objects.requireNonNull(id, "principal id");
		roles = List.copyOf(roles == null ? List.of() : roles);
		attributes = Attributes.copyOf(attributes);
		type = (type != null) ? type : PrincipalType.USER;
	}

	/** Starts a principal with the given id. */
	public static Builder builder(String id) {
		return new Builder(id);
	}

	/** A copy of this principal to change some of its fields. */
	public Builder toBuilder() {
		Builder builder = new Builder(this.id).roles(this.roles)
			.attributes(this.attributes)
			.type(this.type)
			.actingFor(this.actingFor)
			.policyVersion(this.policyVersion)
			.scope(this.scope);
		return builder;
	}

	/**
	 * The attributes as policies see them: the principal's own attributes plus {@code type} and, when set,
	 * {@code actingFor} (unless the caller supplied those keys itself).
	 */
	public Map<String, Object> policyAttributes() {
		Map<String, Object> result = new LinkedHashMap<>(this.attributes);
		result.putIfAbsent(TYPE_ATTRIBUTE, this.type.value());
		if (this.actingFor != null) {
			result.putIfAbsent(ACTING_FOR_ATTRIBUTE, this.actingFor.describe());
		}
		return result;
	}

	/** The delegation chain starting with the principal this one acts for, closest first. */
	public List<Principal> delegationChain() {
		List<Principal> chain = new ArrayList<>();
		for (Principal p = this.actingFor; p != null; p = p.actingFor) {
			chain.add(p);
		}
		return chain;
	}

	private Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", this.id);
		map.put("roles", this.roles);
		map.put("type", this.type.value());
		map.put("attr", this.attributes);
		if (this.actingFor != null) {
			map.put(ACTING_FOR_ATTRIBUTE, this.actingFor.describe());
		}
		return map;
	}

	/** Fluent builder for {@link Principal}. */
	public static final class Builder {

		private final String id;

		private List<String> roles = List.of();

		private Map<String, Object> attributes = Map.of();

		private PrincipalType type = PrincipalType.USER;

		private Principal actingFor;

		private String policyVersion;

		private String scope;

		private Builder(String id) {
			this.id = id;
		}

		public Builder roles(String... roles) {
			return roles(List.of(roles));
		}

		public Builder roles(List<String> roles) {
			this.roles = roles;
			return this;
		}

		public Builder attributes(Map<String, ?> attributes) {
			this.attributes = (attributes != null) ? new LinkedHashMap<>(attributes) : Map.of();
			return this;
		}

		public Builder attribute(String name, Object value) {
			Map<String, Object> copy = new LinkedHashMap<>(this.attributes);
			copy.put(name, value);
			this.attributes = copy;
			return this;
		}

		public Builder type(PrincipalType type) {
			this.type = type;
			return this;
		}

		public Builder actingFor(Principal actingFor) {
			this.actingFor = actingFor;
			return this;
		}

		public Builder policyVersion(String policyVersion) {
			this.policyVersion = policyVersion;
			return this;
		}

		public Builder scope(String scope) {
			this.scope = scope;
			return this;
		}

		public Principal build() {
			return new Principal(this.id, this.roles, this.attributes, this.type, this.actingFor, this.policyVersion,
					this.scope);
		}

	}

}
