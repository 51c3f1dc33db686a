package io.authz.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is acted on.
 *
 * @param kind the resource kind, which selects the resource policy ({@code expense})
 * @param id the resource identifier (may be empty for "any resource of this kind" checks)
 * @param attributes free-form attributes ({@code R.attr} in conditions)
 * @param policyVersion the resource policy version, or {@code null} for the engine default
 * @param scope the resource policy scope, or {@code null} for the root scope
 */
public record Resource(String kind, String id, Map<String, Object> attributes, String policyVersion, String scope) {

	public Resource {
		Objects.requireNonNull(kind, "resource kind");
		id = (id != null) ? id : "";
		attributes = Attributes.copyOf(attributes);
	}

	/** A resource of the given kind and id with no attributes. */
	public static Resource of(String kind, String id) {
		return new Resource(kind, id, Map.of(), null, null);
	}

	/** Starts a resource of the given kind and id. */
	public static Builder builder(String kind, String id) {
		return new Builder(kind, id);
	}

	/** Fluent builder for {@link Resource}. */
	public static final class Builder {

		private final String kind;

		private final String id;

		private Map<String, Object> attributes = new LinkedHashMap<>();

		private String policyVersion;

		private String scope;

		private Builder(String kind, String id) {
			this.kind = kind;
			this.id = id;
		}

		public Builder attributes(Map<String, ?> attributes) {
			this.attributes = (attributes != null) ? new LinkedHashMap<>(attributes) : new LinkedHashMap<>();
			return this;
		}

		public Builder attribute(String name, Object value) {
			this.attributes.put(name, value);
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

		public Resource build() {
			return new Resource(this.kind, this.id, this.attributes, this.policyVersion, this.scope);
		}

	}

}
