package io.authz.test.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyFile;
import io.authz.test.policy.TestResults.Result;
import io.authz.test.policy.TestResults.Summary;
import org.junit.jupiter.api.DynamicNode;

/**
 * Runs Cerbos policy test suites ({@code *_test.yaml}, {@code *_test.yml}, {@code *_test.json}) against the
 * embedded engine, with Cerbos' semantics: fixtures from the {@code testdata/} folder beside each suite,
 * principal and resource groups, options ({@code now}, {@code globals}, {@code defaultPolicyVersion},
 * {@code defaultScope}, {@code lenientScopeSearch}, {@code strictEvaluation}), {@code skip}, expected outputs, and
 * {@code DENY} expected for every combination an expectation does not list.
 * <p>
 * From JUnit 5:
 * <pre class="code">
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; policies() {
 *     return PolicyTests.forDirectory(Path.of("src/main/resources/policies")).dynamicTests();
 * }
 * </pre>
 * or programmatically with {@link #run()}. Instances are immutable; the {@code with...} methods return copies.
 * Compiled policies are shared by copies that keep the same policies and engine options.
 */
public final class PolicyTests {

	private final Lazy<SourceFiles> suites;

	private final Path suiteRoot;

	private final PolicyEngines engines;

	private final TestFilter filter;

	private PolicyTests(Lazy<SourceFiles> suites, Path suiteRoot, PolicyEngines engines, TestFilter filter) {
		this.suites = suites;
		this.suiteRoot = suiteRoot;
		this.engines = engines;
		this.filter = filter;
	}

	/**
	 * The suites and policies of a directory, as {@code cerbos compile} runs them: every suite under it (except
	 * under hidden folders and {@code testdata/}) against every policy under it.
	 */
	public static PolicyTests forDirectory(Path directory) {
		Objects.requireNonNull(directory, "directory");
		Lazy<SourceFiles> files = Lazy.of(() -> SourceFiles.read(directory));
		PolicyEngines engines = new PolicyEngines(Lazy.of(() -> files.get().policyFiles()),
				EmbeddedEngineOptions.defaults());
		return new PolicyTests(files, directory, engines, TestFilter.all());
	}

	/**
	 * Like {@link #forDirectory(Path)} for files held in memory, each with its path relative to the (virtual)
	 * directory: policies, suites and {@code testdata/} fixtures.
	 */
	public static PolicyTests forFiles(List<PolicyFile> files) {
		List<PolicyFile> copy = List.copyOf(files);
		Lazy<SourceFiles> source = Lazy.of(() -> SourceFiles.of(copy));
		PolicyEngines engines = new PolicyEngines(Lazy.of(() -> source.get().policyFiles()),
				EmbeddedEngineOptions.defaults());
		return new PolicyTests(source, null, engines, TestFilter.all());
	}

	/** Tests against the policies of another directory (the suites' directory then only supplies suites). */
	public PolicyTests withPolicies(Path directory) {
		Objects.requireNonNull(directory, "directory");
		Lazy<SourceFiles> policies = Lazy.of(() -> SourceFiles.read(directory));
		PolicyEngines engines = new PolicyEngines(Lazy.of(() -> policies.get().policyFiles()),
				this.engines.baseOptions());
		return new PolicyTests(this.suites, this.suiteRoot, engines, this.filter);
	}

	/** Tests against these policy files (paths relative to the policy root). */
	public PolicyTests withPolicies(List<PolicyFile> policies) {
		List<PolicyFile> copy = List.copyOf(policies);
		return new PolicyTests(this.suites, this.suiteRoot,
				new PolicyEngines(() -> copy, this.engines.baseOptions()), this.filter);
	}

	/**
	 * Runs the suites of another directory against the same policies, reusing the policies already compiled.
	 */
	public PolicyTests withSuites(Path directory) {
		Objects.requireNonNull(directory, "directory");
		return new PolicyTests(Lazy.of(() -> SourceFiles.read(directory)), directory, this.engines, this.filter);
	}

	/** Runs these suite and fixture files against the same policies, reusing the policies already compiled. */
	public PolicyTests withSuites(List<PolicyFile> files) {
		List<PolicyFile> copy = List.copyOf(files);
		return new PolicyTests(Lazy.of(() -> SourceFiles.of(copy)), null, this.engines, this.filter);
	}

	/**
	 * The engine options tests start from (for example schema enforcement, or globals for suites that set
	 * none); what a suite or test sets in its {@code options} overrides them.
	 */
	public PolicyTests withEngineOptions(EmbeddedEngineOptions options) {
		Objects.requireNonNull(options, "options");
		return new PolicyTests(this.suites, this.suiteRoot, new PolicyEngines(this.engines.policies(), options),
				this.filter);
	}

	/** Runs only the tests the filter selects; the others are reported as skipped. */
	public PolicyTests withFilter(TestFilter filter) {
		return new PolicyTests(this.suites, this.suiteRoot, this.engines, Objects.requireNonNull(filter, "filter"));
	}

	/**
	 * Runs every suite.
	 * @return the results; broken suites and fixtures are errored suites, never exceptions
	 * @throws java.io.UncheckedIOException if the directory cannot be read
	 */
	public TestResults run() {
		SourceFiles files = this.suites.get();
		SuiteRunner runner = new SuiteRunner(files, this.engines, this.filter);
		List<TestResults.Suite> results = new ArrayList<>();
		for (String file : files.suites()) {
			results.add(runner.run(file).suite());
		}
		return new TestResults(results, total(results));
	}

	/**
	 * The suites as JUnit 5 dynamic tests, for a {@code @TestFactory}: first a test that the policies compile
	 * (it lists every problem), then a container per suite, one per test in it, and a test per principal,
	 * resource and action. Suites run as JUnit reaches them.
	 * @throws java.io.UncheckedIOException if the directory cannot be read
	 */
	public Stream<DynamicNode> dynamicTests() {
		SourceFiles files = this.suites.get();
		SuiteRunner runner = new SuiteRunner(files, this.engines, this.filter);
		List<String> suites = files.suites();
		if (suites.isEmpty()) {
			return Stream.of(DynamicTrees.noSuites(this.suiteRoot));
		}
		return Stream.concat(Stream.of(DynamicTrees.policies(this.engines)),
				suites.stream().map((file) -> DynamicTrees.suite(runner, file, this.suiteRoot)));
	}

	static Summary total(List<TestResults.Suite> suites) {
		Map<Result, Integer> counts = new EnumMap<>(Result.class);
		int tests = 0;
		Result overall = null;
		for (TestResults.Suite suite : suites) {
			tests += suite.summary().testsCount();
			suite.summary().resultCounts().forEach((result, count) -> counts.merge(result, count, Integer::sum));
			overall = (overall != null) ? Result.worst(overall, suite.summary().overallResult())
					: suite.summary().overallResult();
		}
		return new Summary((overall != null) ? overall : Result.SKIPPED, tests, counts);
	}

}
