package io.authz.spring.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.authz.core.check.Authorizer;
import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that run while policies are reloaded never fail and never see parts of two policy sets.
 * <p>
 * Two generations of two policy files: in generation A, users may read alphas but not betas; in B, the other way
 * round. Every rule is named after its generation. A check of an alpha and a beta sees one generation when both
 * decisions come from rules of the same generation with opposite effects; anything else is a mix.
 */
class PolicyReloadRaceTests {

	private static final int RELOADS = 100;

	private static final int CHECKERS = 2;

	private static final Principal USER = Principal.builder("u").roles("user").build();

	private static final CheckRequest CHECK = new CheckRequest(null, USER,
			List.of(ResourceCheck.of(Resource.of("alpha", "1"), "read"),
					ResourceCheck.of(Resource.of("beta", "1"), "read")),
			Map.of());

	@TempDir
	Path directory;

	@Test
	void checksDuringReloadsSeeOneWholePolicySet() throws Exception {
		writeGeneration("a");
		String location = "file:" + this.directory + "/";
		EmbeddedEngine engine = EmbeddedEngine.create(new PolicyFileLoader().load(location),
				EmbeddedEngineOptions.defaults());
		PolicyReloader reloader = new PolicyReloader(engine, location, new PolicyFileLoader(), (event) -> {
		});
		Authorizer authorizer = new Authorizer(engine);
		AtomicBoolean reloading = new AtomicBoolean(true);
		LongAdder checks = new LongAdder();
		Set<String> generationsSeen = ConcurrentHashMap.newKeySet();
		List<String> problems = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(CHECKERS);
		List<Future<?>> checkers = new ArrayList<>();
		for (int i = 0; i < CHECKERS; i++) {
			checkers.add(executor.submit(() -> {
				while (reloading.get()) {
					CheckResult result = authorizer.check(CHECK);
					checks.increment();
					String generation = generationOf(result);
					if (generation == null) {
						problems.add(describe(result));
					}
					else {
						generationsSeen.add(generation);
					}
				}
			}));
		}
		int failedReloads = 0;
		for (int i = 1; i <= RELOADS; i++) {
			writeGeneration((i % 2 == 0) ? "a" : "b");
			if (!reloader.reload("test").isSuccessful()) {
				failedReloads++;
			}
		}
		reloading.set(false);
		for (Future<?> checker : checkers) {
			checker.get(1, TimeUnit.MINUTES);
		}
		executor.shutdown();
		assertThat(failedReloads).isZero();
		assertThat(problems).as("checks that failed or saw a mix of policy sets").isEmpty();
		assertThat(checks.sum()).isPositive();
		assertThat(generationsSeen).containsExactlyInAnyOrder("a", "b");
		assertThat(generationOf(authorizer.check(CHECK))).as("the last reload wins").isEqualTo("a");
	}

	private void writeGeneration(String generation) {
		boolean alphaAllowed = generation.equals("a");
		TestPolicies.write(this.directory.resolve("alpha.yaml"), policy("alpha", generation, alphaAllowed));
		TestPolicies.write(this.directory.resolve("nested/beta.yaml"), policy("beta", generation, !alphaAllowed));
	}

	private static String policy(String kind, String generation, boolean allow) {
		return """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: %s
				  rules:
				    - name: generation-%s
				      actions: ["read"]
				      effect: %s
				      roles: ["user"]
				""".formatted(kind, generation, allow ? "EFFECT_ALLOW" : "EFFECT_DENY");
	}

	/** The generation both decisions come from, or {@code null} for a failure or a mix. */
	private static String generationOf(CheckResult result) {
		Decision alpha = result.results().get(0).decision("read");
		Decision beta = result.results().get(1).decision("read");
		if (alpha.isFailure() || beta.isFailure() || alpha.rule() == null || !alpha.rule().equals(beta.rule())) {
			return null;
		}
		String generation = alpha.rule().substring("generation-".length());
		boolean consistent = generation.equals("a") ? alpha.isAllowed() && !beta.isAllowed()
				: !alpha.isAllowed() && beta.isAllowed();
		return consistent ? generation : null;
	}

	private static String describe(CheckResult result) {
		return result.results().get(0).decision("read") + " / " + result.results().get(1).decision("read");
	}

}
