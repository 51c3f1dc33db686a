package io.authz.test.policy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyFile;
import io.authz.test.policy.Definitions.Options;

/**
 * The engines that run tests: the policies are compiled once per distinct set of engine options a suite or test
 * asks for, and kept for every later suite.
 */
final class PolicyEngines {

	/** What {@code now()} returns when a test does not set {@code now}: Go's zero time, as in Cerbos. */
	static final Instant UNSET_NOW = Instant.parse("0001-01-01T00:00:00Z");



	private final Supplier<List<PolicyFile>> policies;

	private final EmbeddedEngineOptions baseOptions;

	private final Map<EmbeddedEngineOptions, Object> engines = new HashMap<>();


	PolicyEngines(Supplier<List<PolicyFile>> policies, EmbeddedEngineOptions baseOptions) {
		this.policies = policies;
		this.baseOptions = baseOptions;
	}

	EmbeddedEngineOptions baseOptions() {
		return this.baseOptions;
	}

	Supplier<List<PolicyFile>> policies() {
		return this.policies;
	}

	/**
	 * The engine for the given options, compiled on first use.
	 * @throws RuntimeException if the policies cannot be read or compiled (again on every call)
	 */
	synchronized EmbeddedEngine engine(EmbeddedEngineOptions options) {
		Object engine = this.engines.computeIfAbsent(options, (key) -> {
			try {
				return EmbeddedEngine.create(this.policies.get(), key);
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		if (engine instanceof RuntimeException failure) {
			throw failure;
		}
		return (EmbeddedEngine) engine;
	}

	/** The engine options for a test: the base options with what the suite or test sets. */
	EmbeddedEngineOptions options(Options options) {
		EmbeddedEngineOptions result = this.baseOptions;
		if (options == null) {
			return result;
		}
		if (!options.globals().isEmpty()) {
			result = result.withGlobals(options.globals());
		}
		if (options.strictEvaluation()) {
			result = result.withStrictEvaluation(true);
		}
		if (options.lenientScopeSearch()) {
			result = result.withLenientScopeSearch(true);
		}
		if (!options.defaultPolicyVersion().isEmpty()) {
			result = new EmbeddedEngineOptions(result.globals(), result.strictEvaluation(),
					options.defaultPolicyVersion(), result.lenientScopeSearch(), result.schemaEnforcement());
		}
		return result;
	}

}
