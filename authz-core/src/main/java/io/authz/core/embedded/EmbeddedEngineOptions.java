package io.authz.core.embedded;

import java.util.Map;

/**
 * How the embedded engine evaluates.
 *
 * @param globals values exposed to conditions as {@code G} and {@code globals}
 * @param strictEvaluation when true a condition that fails to evaluate denies, instead of being false
 * @param defaultPolicyVersion the policy version used when a request names none
 */
public record EmbeddedEngineOptions(Map<String, Object> globals, boolean strictEvaluation,
		String defaultPolicyVersion) {

	/** The version Cerbos uses when a policy or request names none. */
	public static final String DEFAULT_VERSION = "default";

	public EmbeddedEngineOptions {
		globals = (globals != null) ? Map.copyOf(globals) : Map.of();
		defaultPolicyVersion = (defaultPolicyVersion != null && !defaultPolicyVersion.isEmpty()) ? defaultPolicyVersion
				: DEFAULT_VERSION;
	}

	public static EmbeddedEngineOptions defaults() {
		return new EmbeddedEngineOptions(Map.of(), false, DEFAULT_VERSION);
	}

	public EmbeddedEngineOptions withGlobals(Map<String, Object> globals) {
		return new EmbeddedEngineOptions(globals, this.strictEvaluation, this.defaultPolicyVersion);
	}

	public EmbeddedEngineOptions withStrictEvaluation(boolean strictEvaluation) {
		return new EmbeddedEngineOptions(this.globals, strictEvaluation, this.defaultPolicyVersion);
	}

}
