package io.authz.core.embedded;

import java.util.Map;

/**
 * How the embedded engine evaluates.
 *
 * @param globals values exposed to conditions as {@code G} and {@code globals}
 * @param strictEvaluation when true a condition that fails to evaluate denies, instead of being false
 * @param defaultPolicyVersion the policy version used when a request names none
 * @param lenientScopeSearch when true a request whose scope has no policy falls back to the nearest parent scope
 * that has one, instead of matching nothing
 * @param schemaEnforcement whether attribute schemas declared by policies are checked, and what a violation does
 */
public record EmbeddedEngineOptions(Map<String, Object> globals, boolean strictEvaluation,
		String defaultPolicyVersion, boolean lenientScopeSearch, SchemaEnforcement schemaEnforcement) {

	/** The version Cerbos uses when a policy or request names none. */
	public static final String DEFAULT_VERSION = "default";

	public EmbeddedEngineOptions {
		globals = (globals != null) ? Map.copyOf(globals) : Map.of();
		defaultPolicyVersion = (defaultPolicyVersion != null && !defaultPolicyVersion.isEmpty()) ? defaultPolicyVersion
				: DEFAULT_VERSION;
		schemaEnforcement = (schemaEnforcement != null) ? schemaEnforcement : SchemaEnforcement.NONE;
	}

	public EmbeddedEngineOptions(Map<String, Object> globals, boolean strictEvaluation, String defaultPolicyVersion) {
		this(globals, strictEvaluation, defaultPolicyVersion, false, SchemaEnforcement.NONE);
	}

	public static EmbeddedEngineOptions defaults() {
		return new EmbeddedEngineOptions(Map.of(), false, DEFAULT_VERSION, false, SchemaEnforcement.NONE);
	}

	public EmbeddedEngineOptions withGlobals(Map<String, Object> globals) {
		return new EmbeddedEngineOptions(globals, this.strictEvaluation, this.defaultPolicyVersion,
				this.lenientScopeSearch, this.schemaEnforcement);
	}

	public EmbeddedEngineOptions withStrictEvaluation(boolean strictEvaluation) {
		return new EmbeddedEngineOptions(this.globals, strictEvaluation, this.defaultPolicyVersion,
				this.lenientScopeSearch, this.schemaEnforcement);
	}

	public EmbeddedEngineOptions withLenientScopeSearch(boolean lenientScopeSearch) {
		return new EmbeddedEngineOptions(this.globals, this.strictEvaluation, this.defaultPolicyVersion,
				lenientScopeSearch, this.schemaEnforcement);
	}

	public EmbeddedEngineOptions withSchemaEnforcement(SchemaEnforcement schemaEnforcement) {
		return new EmbeddedEngineOptions(this.globals, this.strictEvaluation, this.defaultPolicyVersion,
				this.lenientScopeSearch, schemaEnforcement);
	}

}
