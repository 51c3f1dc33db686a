package io.authz.test.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.test.policy.DefinitionReader.InvalidFileException;
import io.authz.test.policy.Definitions.AuxDataFile;
import io.authz.test.policy.Definitions.Options;
import io.authz.test.policy.Definitions.PrincipalFixture;
import io.authz.test.policy.Definitions.PrincipalsFile;
import io.authz.test.policy.Definitions.ResourceFixture;
import io.authz.test.policy.Definitions.ResourcesFile;
import io.authz.test.policy.Definitions.Suite;
import io.authz.test.policy.TestPlanner.Fixtures;
import io.authz.test.policy.TestPlanner.PlanException;
import io.authz.test.policy.TestPlanner.PlannedTest;
import io.authz.test.policy.TestResults.Action;
import io.authz.test.policy.TestResults.ActualOutput;
import io.authz.test.policy.TestResults.Details;
import io.authz.test.policy.TestResults.OutputFailure;
import io.authz.test.policy.TestResults.Result;
import io.authz.test.policy.TestResults.Summary;
import io.authz.test.policy.TestResults.TestCase;

/**
 * Runs test suites the way Cerbos' {@code verify} package does: reads the suite and the fixtures beside it,
 * expands the tests, and checks each principal and resource once with all of the test's actions.
 */
final class SuiteRunner {

	static final String UNKNOWN_NAME = "Unknown";

	static final String NOW_NOT_SET = "a policy used a time-based condition, "
			+ "but `now` was not provided in the test options";

	static final String POLICIES_NOT_LOADED = "the policies could not be loaded: ";

	private static final List<String> AUX_DATA_FILE_NAMES = List.of("auxdata", "auxData", "aux_data");

	private final SourceFiles files;

	private final PolicyEngines engines;

	private final TestFilter filter;

	private final Map<String, Object> fixtures = new HashMap<>();

	SuiteRunner(SourceFiles files, PolicyEngines engines, TestFilter filter) {
		this.files = files;
		this.engines = engines;
		this.filter = filter;
	}

	/** The outcome of one suite and, for each test, the line it starts on (0 when unknown). */
	record SuiteRun(TestResults.Suite suite, Map<String, Integer> testLines) {
	}

	SuiteRun run(String file) {
		Suite suite;
		try {
			suite = DefinitionReader.readSuite(file, this.files.content(file));
		}
		catch (InvalidFileException ex) {
			return errored(file, UNKNOWN_NAME, "", "failed to load test suite " + file + ":\n" + ex.getMessage());
		}
		String fixtureFolder = SourceFiles.testDataFolder(file);
		Fixtures fixtures;
		try {
			fixtures = fixtures(fixtureFolder);
		}
		catch (PlanException ex) {
			return errored(file, suite.name(), suite.description(),
					"failed to load test fixtures from " + fixtureFolder + ": " + ex.getMessage());
		}
		TestPlanner planner = new TestPlanner(suite, fixtures);
		List<PlannedTest> tests;
		try {
			planner.checkSuiteGroups();
			if (suite.skip()) {
				return new SuiteRun(new TestResults.Suite(file, suite.name(), suite.description(),
						new Summary(Result.SKIPPED, 0, Map.of()), null, suite.skipReason(), List.of()), Map.of());
			}
			planner.checkUniqueTestNames();
		}
		catch (PlanException ex) {
			return errored(file, suite.name(), suite.description(), ex.getMessage());
		}
		try {
			tests = planner.tests();
		}
		catch (PlanException ex) {
			return errored(file, suite.name(), suite.description(),
					"Failed to load the test suite: " + ex.getMessage());
		}
		Builder builder = new Builder();
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (PlannedTest test : tests) {
			lines.putIfAbsent(test.table(), test.line());
			String skipReason = this.filter.skipReason(suite.name(), test);
			Map<String, Details> results = (skipReason != null) ? skipAll(test, skipReason) : check(test);
			for (String action : test.actions()) {
				builder.add(test, action, results.get(action));
			}
		}
		return new SuiteRun(builder.build(file, suite), lines);
	}

	private static SuiteRun errored(String file, String name, String description, String error) {
		return new SuiteRun(new TestResults.Suite(file, name, description, new Summary(Result.ERRORED, 0, Map.of()),
				error, null, List.of()), Map.of());
	}

	private static Map<String, Details> skipAll(PlannedTest test, String reason) {
		Map<String, Details> results = new LinkedHashMap<>();
		test.actions().forEach((action) -> results.put(action, Details.skipped(reason)));
		return results;
	}

	private Map<String, Details> check(PlannedTest test) {
		Options options = test.options();
		EmbeddedEngineOptions engineOptions = this.engines.options(options);
		EmbeddedEngine engine;
		ResourceResult result;
		try {
			engine = this.engines.engine(engineOptions);
		}
		catch (RuntimeException ex) {
			return erroredAll(test, POLICIES_NOT_LOADED + ex.getMessage());
		}
		CheckRequest request = request(test);
		try {
			Instant now = (options != null) ? options.now() : null;
			if (now != null) {
				result = only(engine.check(request, now));
			}
			else {
				// Cerbos fails a test whose decision reads the clock when the suite sets no `now`.
				boolean[] clockRead = new boolean[1];
				result = only(engine.check(request, () -> {
					clockRead[0] = true;
					return PolicyEngines.UNSET_NOW;
				}));
				if (clockRead[0]) {
					return erroredAll(test, NOW_NOT_SET);
				}
			}
		}
		catch (RuntimeException ex) {
			return erroredAll(test, "the check failed: " + ex);
		}
		Map<String, Details> results = new LinkedHashMap<>();
		for (String action : test.actions()) {
			results.put(action, compare(test, action, result));
		}
		return results;
	}

	private static Details compare(PlannedTest test, String action, ResourceResult result) {
		Decision decision = result.decisions().get(action);
		if (decision == null) {
			return Details.errored("no result for action " + DefinitionReader.quote(action));
		}
		List<ActualOutput> outputs = new ArrayList<>();
		Map<String, Object> outputsBySource = new LinkedHashMap<>();
		for (Output output : result.outputs()) {
			if (action.equals(output.action())) {
				outputs.add(new ActualOutput(output.source(), output.value()));
				outputsBySource.put(output.source(), output.value());
			}
		}
		Effect expected = test.expected().getOrDefault(action, Effect.DENY);
		Effect actual = decision.effect();
		if (expected != actual) {
			return Details.failed(expected, actual, List.of(), outputs);
		}
		Map<String, Object> expectedOutputs = test.expectedOutputs().get(action);
		if (expectedOutputs != null) {
			List<OutputFailure> failures = new ArrayList<>();
			expectedOutputs.forEach((src, want) -> {
				if (!outputsBySource.containsKey(src)) {
					failures.add(new OutputFailure(src, OutputFailure.Kind.MISSING, want, null, null));
					return;
				}
				Object have = outputsBySource.get(src);
				// The engine reports an output whose expression failed as null; a real null output is rare.
				if (have == null && want != null) {
					failures.add(new OutputFailure(src, OutputFailure.Kind.ERRORED, want, null,
							"the output expression failed to evaluate (or produced null)"));
				}
				else if (!OutputValues.equal(want, have)) {
					failures.add(new OutputFailure(src, OutputFailure.Kind.MISMATCHED, want, have, null));
				}
			});
			if (!failures.isEmpty()) {
				failures.sort(Comparator.comparing(OutputFailure::src));
				return Details.failed(expected, actual, failures, outputs);
			}
		}
		return Details.passed(actual, outputs);
	}

	private static Map<String, Details> erroredAll(PlannedTest test, String error) {
		Map<String, Details> results = new LinkedHashMap<>();
		test.actions().forEach((action) -> results.put(action, Details.errored(error)));
		return results;
	}

	private static ResourceResult only(CheckResult result) {
		if (result.results().isEmpty()) {
			throw new IllegalStateException("the engine returned no result");
		}
		return result.results().get(0);
	}

	static CheckRequest request(PlannedTest test) {
		Options options = test.options();
		PrincipalFixture p = test.principal();
		ResourceFixture r = test.resource();
		Principal principal = Principal.builder(p.id())
			.roles(p.roles())
			.attributes(p.attr())
			.policyVersion(emptyToNull(p.policyVersion()))
			.scope(scope(p.scope(), options))
			.build();
		Resource resource = Resource.builder(r.kind(), r.id())
			.attributes(r.attr())
			.policyVersion(emptyToNull(r.policyVersion()))
			.scope(scope(r.scope(), options))
			.build();
		return new CheckRequest(null, principal, List.of(new ResourceCheck(resource, test.actions())),
				(test.auxData() != null) ? test.auxData() : Map.of());
	}

	/**
	 * The scope the engine searches: the fixture's, else the default scope of the options; a leading dot
	 * ({@code "."} for the root scope) is dropped, as Cerbos does.
	 */
	static String scope(String scope, Options options) {
		String value = (scope.isEmpty() && options != null) ? options.defaultScope() : scope;
		value = value.startsWith(".") ? value.substring(1) : value;
		return emptyToNull(value);
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private synchronized Fixtures fixtures(String folder) {
		Object cached = this.fixtures.computeIfAbsent(folder, (key) -> {
			try {
				return loadFixtures(key);
			}
			catch (PlanException ex) {
				return ex;
			}
		});
		if (cached instanceof PlanException failure) {
			throw failure;
		}
		return (Fixtures) cached;
	}

	private Fixtures loadFixtures(String folder) {
		if (!this.files.hasFolder(folder)) {
			return Fixtures.NONE;
		}
		PrincipalsFile principals = null;
		String principalsFile = this.files.find(folder, "principals");
		if (principalsFile != null) {
			try {
				principals = DefinitionReader.readPrincipals(principalsFile, this.files.content(principalsFile));
			}
			catch (InvalidFileException ex) {
				throw new PlanException("failed to load principals from " + principalsFile + ":\n" + ex.getMessage());
			}
			PrincipalsFile loaded = principals;
			try {
				TestPlanner.checkGroups(loaded.groups(), loaded.principals()::containsKey,
						"failed to load principals: ");
			}
			catch (PlanException ex) {
				throw new PlanException(ex.getMessage().replace("failed to load principals: ",
						"failed to load principals from " + principalsFile + ": "));
			}
		}
		ResourcesFile resources = null;
		String resourcesFile = this.files.find(folder, "resources");
		if (resourcesFile != null) {
			try {
				resources = DefinitionReader.readResources(resourcesFile, this.files.content(resourcesFile));
			}
			catch (InvalidFileException ex) {
				throw new PlanException("failed to load resources from " + resourcesFile + ":\n" + ex.getMessage());
			}
			ResourcesFile loaded = resources;
			try {
				TestPlanner.checkGroups(loaded.groups(), loaded.resources()::containsKey, "");
			}
			catch (PlanException ex) {
				throw new PlanException("failed to load resources from " + resourcesFile + ": " + ex.getMessage());
			}
		}
		AuxDataFile auxData = null;
		for (String name : AUX_DATA_FILE_NAMES) {
			String auxDataFile = this.files.find(folder, name);
			if (auxDataFile != null) {
				try {
					auxData = DefinitionReader.readAuxData(auxDataFile, this.files.content(auxDataFile));
				}
				catch (InvalidFileException ex) {
					throw new PlanException("failed to load aux data from " + auxDataFile + ":\n" + ex.getMessage());
				}
				break;
			}
		}
		return new Fixtures(principals, resources, auxData);
	}

	/** Collects action results into Cerbos' tree: test, principal, resource, action. */
	private static final class Builder {

		private final Map<String, Map<String, Map<String, Map<String, Details>>>> tree = new LinkedHashMap<>();

		private final Map<Result, Integer> counts = new EnumMap<>(Result.class);

		private Result overall;

		private int count;

		void add(PlannedTest test, String action, Details details) {
			this.tree.computeIfAbsent(test.table(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(test.principalKey(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(test.resourceKey(), (k) -> new LinkedHashMap<>())
				.put(action, details);
			this.count++;
			this.counts.merge(details.result(), 1, Integer::sum);
			this.overall = (this.overall != null) ? Result.worst(this.overall, details.result()) : details.result();
		}

		TestResults.Suite build(String file, Suite suite) {
			List<TestCase> testCases = new ArrayList<>();
			this.tree.forEach((name, principals) -> {
				List<TestResults.Principal> principalResults = new ArrayList<>();
				principals.forEach((principal, resources) -> {
					List<TestResults.Resource> resourceResults = new ArrayList<>();
					resources.forEach((resource, actions) -> {
						List<Action> actionResults = new ArrayList<>();
						actions.forEach((action, details) -> actionResults.add(new Action(action, details)));
						resourceResults.add(new TestResults.Resource(resource, actionResults));
					});
					principalResults.add(new TestResults.Principal(principal, resourceResults));
				});
				testCases.add(new TestCase(name, principalResults));
			});
			Summary summary = new Summary((this.overall != null) ? this.overall : Result.SKIPPED, this.count,
					this.counts);
			return new TestResults.Suite(file, suite.name(), suite.description(), summary, null, null, testCases);
		}

	}

}
