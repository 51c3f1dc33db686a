package io.authz.core.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.authz.core.cel.CelEnvironment;
import io.authz.core.cel.CelValues;
import io.authz.core.embedded.compile.PolicyCompiler;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;

/**
 * The in-JVM policy decision point: Cerbos-format policies compiled once into a {@link PolicySet} and evaluated
 * in memory. The policy set can be replaced at run time ({@link #reload(List)}); a check always sees one whole set.
 */
public final class EmbeddedEngine implements AuthorizationEngine {

	/** The engine's name in metrics and events. */
	public static final String NAME = "local";

	private final EmbeddedEngineOptions options;

	private final PolicyCompiler compiler;

	private final Map<String, Object> globals;

	private final AtomicReference<PolicySet> policies = new AtomicReference<>();

	private EmbeddedEngine(EmbeddedEngineOptions options, PolicyCompiler compiler) {
		this.options = options;
		this.compiler = compiler;
		this.globals = CelValues.normalizeMap(options.globals());
	}

	/**
	 * Compiles the policy files into an engine.
	 * @throws PolicyLoadException listing every broken policy, each with its file and cause
	 */
	public static EmbeddedEngine create(List<PolicyFile> files, EmbeddedEngineOptions options) {
		EmbeddedEngine engine = new EmbeddedEngine(options,
				new PolicyCompiler(new CelEnvironment(), options.defaultPolicyVersion()));
		engine.reload(files);
		return engine;
	}

	/**
	 * Compiles a new policy set and, if it is valid, makes it the one checks use. Checks in flight finish on
	 * the set they started with.
	 * @return the new set
	 * @throws PolicyLoadException if the new set is broken; the current set keeps serving
	 */
	public PolicySet reload(List<PolicyFile> files) {
		PolicySet compiled = this.compiler.compile(files);
		this.policies.set(compiled);
		return compiled;
	}

	/** The policy set checks currently use. */
	public PolicySet policySet() {
		return this.policies.get();
	}

	public EmbeddedEngineOptions options() {
		return this.options;
	}

	/** Reads the clock on first use and answers that instant from then on. */
	private static final class OnceClock implements Supplier<Instant> {

		private final Supplier<Instant> clock;

		private Instant now;

		OnceClock(Supplier<Instant> clock) {
			this.clock = clock;
		}

		@Override
		public Instant get() {
			if (this.now == null) {
				this.now = this.clock.get();
			}
			return this.now;
		}

	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public CheckResult check(CheckRequest request) {
		return check(request, Instant::now);
	}

	/**
	 * Decides a request as of the given instant: every {@code now()} in every condition of the check sees it.
	 * Policy test suites use this to fix the time.
	 */
	public CheckResult check(CheckRequest request, Instant now) {
		return check(request, () -> now);
	}

	/**
	 * Decides a request with the time read from a clock, at most once and only if a condition asks for it:
	 * every {@code now()} of the check sees that one instant. Callers can tell whether the decision depended on
	 * the time by whether the clock was read.
	 */
	public CheckResult check(CheckRequest request, Supplier<Instant> clock) {
		Supplier<Instant> once = new OnceClock(clock);
		PolicySet set = this.policies.get();
		Principal principal = request.principal();
		ResourceEvaluator evaluator = new ResourceEvaluator(set, principal, CelValues.normalizeMap(request.auxData()),
				this.globals, this.options, once);
		List<ResourceResult> results = new ArrayList<>(request.resources().size());
		for (ResourceCheck check : request.resources()) {
			results.add(evaluator.evaluate(check));
		}
		return new CheckResult(request.requestId(), results);
	}

}
