package io.authz.test.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.authz.core.model.Effect;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
import io.authz.test.policy.TestResults.ActualOutput;
import io.authz.test.policy.TestResults.Details;
import io.authz.test.policy.TestResults.Outcome;
import io.authz.test.policy.TestResults.OutputFailure;
import io.authz.test.policy.TestResults.Result;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link PolicyTests} on the example policies in {@code src/test/resources/policies} and on suites
 * written here.
 */
class PolicyTestsTests {

	private static final Path POLICIES = Path.of("src/test/resources/policies");

	private static final String PRINCIPALS_AND_RESOURCES = """
			principals:
			  alice:
			    id: alice
			    roles: [employee]
			    attr:
			      department: engineering
			  carol:
			    id: carol
			    roles: [employee, manager]
			    attr:
			      department: engineering
			resources:
			  alice_draft:
			    kind: leave_request
			    id: LR1
			    attr:
			      owner: alice
			      department: engineering
			      status: DRAFT
			""";

	private final PolicyTests examples = PolicyTests.forDirectory(POLICIES);

	@Test
	void runsEverySuiteOfTheDirectory() {
		TestResults results = this.examples.run();
		// .drafts/ is hidden and testdata/ holds fixtures: neither is searched for suites.
		assertThat(results.suites()).extracting(TestResults.Suite::file)
			.containsExactly("json/leave_request_test.json", "leave_request_test.yaml", "scopes/scopes_test.yml");
		assertThat(results.suites()).extracting(TestResults.Suite::name)
			.containsExactly("Leave requests in JSON", "Leave requests", "Scopes and versions");
		assertThat(results.isSuccessful()).isTrue();
		assertThat(results.summary().overallResult()).isEqualTo(Result.PASSED);
		assertThat(results.summary().testsCount()).isEqualTo(20);
		assertThat(results.summary().resultCounts()).containsExactly(Map.entry(Result.SKIPPED, 1),
				Map.entry(Result.PASSED, 19));
	}

	@Test
	void expandsGroupsAndExpectsDenyForWhatNoExpectationLists() {
		List<Outcome> outcomes = outcomes(this.examples.run(), "Managers approve pending requests of their department");
		assertThat(outcomes).extracting((o) -> o.principal() + " " + o.resource() + " " + o.action() + " "
				+ o.details().expected() + " " + o.details().result())
			.containsExactly("carol alice_pending approve ALLOW PASSED", "carol bob_pending approve ALLOW PASSED",
					"dave alice_pending approve DENY PASSED", "dave bob_pending approve DENY PASSED");
		assertThat(outcomes(this.examples.run(), "Employees and their own requests"))
			.extracting((o) -> o.principal() + " " + o.action() + " " + o.details().actual())
			.containsExactly("alice create ALLOW", "alice view ALLOW", "alice approve DENY", "bob create ALLOW",
					"bob view DENY", "bob approve DENY");
	}

	@Test
	void comparesExpectedOutputsAndReportsEveryOutput() {
		Outcome view = outcomes(this.examples.run(), "Employees and their own requests").get(1);
		assertThat(view.action()).isEqualTo("view");
		assertThat(view.details().result()).isEqualTo(Result.PASSED);
		assertThat(view.details().outputs()).containsExactly(new ActualOutput("resource.leave_request.vdefault#view",
				Map.of("viewer", "alice", "status", "DRAFT")));
	}

	@Test
	void reportsASkippedTestWithItsReason() {
		Outcome archive = outcomes(this.examples.run(), "Archiving").get(0);
		assertThat(archive.details().result()).isEqualTo(Result.SKIPPED);
		assertThat(archive.details().skipReason()).isEqualTo("Archiving is not decided yet");
	}

	@Test
	void reportsASkippedSuite() {
		TestResults results = suites(file("skipped_test.yaml", """
				name: Later
				skip: true
				skipReason: Policies not written yet
				tests:
				  - name: Anything
				    input: {principals: [alice], resources: [alice_draft], actions: [view]}
				    expected: [{principal: alice, resource: alice_draft, actions: {view: EFFECT_ALLOW}}]
				""" + PRINCIPALS_AND_RESOURCES));
		TestResults.Suite suite = results.suites().get(0);
		assertThat(suite.summary().overallResult()).isEqualTo(Result.SKIPPED);
		assertThat(suite.skipReason()).isEqualTo("Policies not written yet");
		assertThat(suite.testCases()).isEmpty();
	}

	@Test
	void reportsAWrongEffectWithEveryName() {
		TestResults results = suites(file("leave/failing_test.yaml", """
				name: Failing
				tests:
				  - name: Approving a draft
				    input: {principals: [carol], resources: [alice_draft], actions: [view, approve]}
				    expected:
				      - principal: carol
				        resource: alice_draft
				        actions: {view: EFFECT_ALLOW, approve: EFFECT_ALLOW}
				""" + PRINCIPALS_AND_RESOURCES));
		assertThat(results.summary().overallResult()).isEqualTo(Result.FAILED);
		assertThat(results.summary().resultCounts()).containsExactly(Map.entry(Result.PASSED, 1),
				Map.entry(Result.FAILED, 1));
		Outcome approve = results.outcomes().get(1);
		assertThat(approve.details()).extracting(Details::result, Details::expected, Details::actual)
			.containsExactly(Result.FAILED, Effect.ALLOW, Effect.DENY);
		assertThat(approve.describe()).isEqualTo("leave/failing_test.yaml › Failing › Approving a draft: principal "
				+ "carol, resource alice_draft, action approve: expected ALLOW but was DENY");
	}

	@Test
	void reportsOutputsThatDifferOrAreMissing() {
		TestResults results = suites(file("outputs_test.yaml", """
				name: Outputs
				tests:
				  - name: Outputs of a view
				    input: {principals: [alice], resources: [alice_draft], actions: [view, approve]}
				    expected:
				      - principal: alice
				        resource: alice_draft
				        actions: {view: EFFECT_ALLOW}
				        outputs:
				          - action: view
				            expected:
				              - src: resource.leave_request.vdefault#view
				                val: {viewer: bob, status: DRAFT}
				              - src: resource.leave_request.vdefault#other
				                val: 1
				""" + PRINCIPALS_AND_RESOURCES));
		Details view = results.outcomes().get(0).details();
		assertThat(view.result()).isEqualTo(Result.FAILED);
		assertThat(view.expected()).isEqualTo(view.actual()).isEqualTo(Effect.ALLOW);
		assertThat(view.outputFailures()).extracting(OutputFailure::src, OutputFailure::kind)
			.containsExactly(tuple("resource.leave_request.vdefault#other",
					OutputFailure.Kind.MISSING),
					tuple("resource.leave_request.vdefault#view",
							OutputFailure.Kind.MISMATCHED));
		assertThat(view.describe()).contains(
				"resource.leave_request.vdefault#view: expected {\"viewer\":\"bob\",\"status\":\"DRAFT\"} but was "
						+ "{\"viewer\":\"alice\",\"status\":\"DRAFT\"}",
				"resource.leave_request.vdefault#other: expected 1 but the rule emitted no output");
		// Outputs are only compared for actions that expect them.
		assertThat(results.outcomes().get(1).details().result()).isEqualTo(Result.PASSED);
	}

	@Test
	void reportsBrokenSuitesAsErrorsNamingTheFileAndKeepsRunning() {
		TestResults results = suites(file("a_broken_test.yaml", "name: [unclosed\n"),
				file("b_invalid_test.yaml", """
						name: Invalid
						tests:
						  - name: Typo
						    inputs: {principals: [alice], resources: [alice_draft], actions: [view]}
						    expected:
						      - principal: alice
						        resource: alice_draft
						        actions: {view: EFFECT_PERMIT}
						"""),
				file("c_good_test.yaml", """
						name: Good
						tests:
						  - name: Owners view
						    input: {principals: [alice], resources: [alice_draft], actions: [view]}
						    expected: [{principal: alice, resource: alice_draft, actions: {view: EFFECT_ALLOW}}]
						""" + PRINCIPALS_AND_RESOURCES));
		assertThat(results.summary().overallResult()).isEqualTo(Result.ERRORED);
		assertThat(results.suites()).extracting((suite) -> suite.summary().overallResult())
			.containsExactly(Result.ERRORED, Result.ERRORED, Result.PASSED);
		assertThat(results.suites().get(0).name()).isEqualTo("Unknown");
		assertThat(results.suites().get(0).error()).isEqualTo("failed to load test suite a_broken_test.yaml:\n2:1 "
				+ "invalid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>");
		assertThat(results.suites().get(1).error()).isEqualTo("""
				failed to load test suite b_invalid_test.yaml:
				4:13 tests[0]: unknown field "inputs"
				3:5 tests[0].input: value is required
				8:25 tests[0].expected[0].actions["view"]: invalid value "EFFECT_PERMIT": must be one of \
				[EFFECT_ALLOW, EFFECT_DENY]""");
	}

	@Test
	void reportsBrokenFixturesForEverySuiteThatUsesThem() {
		TestResults results = suites(file("one_test.yaml", minimalSuite("One")),
				file("two_test.yaml", minimalSuite("Two")), file("testdata/principals.yaml", """
						principals:
						  alice:
						    id: alice
						    role: [employee]
						"""));
		assertThat(results.suites()).allSatisfy((suite) -> assertThat(suite.error())
			.isEqualTo("failed to load test fixtures from testdata: failed to load principals from "
					+ "testdata/principals.yaml:\n4:11 principals[\"alice\"]: unknown field \"role\"\n"
					+ "3:5 principals[\"alice\"].roles: value is required"));
	}

	@Test
	void reportsTestsThatCannotBeExpandedInCerbosWords() {
		TestResults results = suites(file("missing_test.yaml", """
				name: Missing
				tests:
				  - name: Nobody
				    input: {principals: [nobody], resources: [alice_draft], actions: [view]}
				    expected: [{principal: nobody, resource: alice_draft, actions: {view: EFFECT_ALLOW}}]
				""" + PRINCIPALS_AND_RESOURCES));
		assertThat(results.suites().get(0).error())
			.isEqualTo("Failed to load the test suite: invalid test \"Nobody\": principal \"nobody\" not found");
	}

	@Test
	void reportsPoliciesThatDoNotCompileOnEveryCheck() {
		PolicyTests tests = this.examples.withPolicies(List.of(new PolicyFile("broken.yaml", """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: leave_request
				  rules:
				    - actions: ["view"]
				      effect: EFFECT_ALLOW
				      roles: ["employee"]
				      condition:
				        match:
				          expr: R.attr.status ==
				""")));
		TestResults results = tests.run();
		assertThat(results.outcomes()).allSatisfy((outcome) -> assertThat(outcome.details().result())
			.isIn(Result.ERRORED, Result.SKIPPED));
		assertThat(results.outcomes().get(0).details().error())
			.startsWith("the policies could not be loaded: Invalid policies (1 error):\n  - broken.yaml:11:");
		List<Run> runs = execute(tests.dynamicTests());
		assertThat(runs.get(0).name()).isEqualTo("policies compile");
		assertThat(runs.get(0).failure()).isInstanceOf(PolicyLoadException.class);
		assertThat(runs.get(1).failure()).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("json/leave_request_test.json › Leave requests in JSON › Owners view their "
					+ "requests: principal zoe, resource zoe_draft, action view: errored: the policies could not be "
					+ "loaded (see the test \"policies compile\"): Invalid policies (1 error): - broken.yaml:11:");
	}

	@Test
	void filtersTestsByNameAndByExcludedPolicies() {
		TestResults byName = this.examples.withFilter(TestFilter.all().includeTests("Leave requests/.*Deferring"))
			.run();
		assertThat(byName.outcomes()).filteredOn((o) -> o.details().result() == Result.PASSED)
			.extracting(Outcome::test)
			.containsExactly("Deferring needs a token");
		assertThat(byName.outcomes()).filteredOn((o) -> o.test().equals("Globals come from the options"))
			.extracting((o) -> o.details().skipReason())
			.containsExactly("Test name did not match the provided pattern");
		TestResults byPolicy = this.examples
			.withFilter(TestFilter.all().excludeResourcePolicies(List.of("cerbos.resource.leave_request.v2")))
			.run();
		assertThat(outcomes(byPolicy, "The default policy version applies to fixtures without one"))
			.extracting((o) -> o.details().skipReason())
			.containsExactly("Resource matched a policy that was excluded from the bundle");
	}

	@Test
	void dynamicTestsNameSuiteTestPrincipalResourceAndAction() {
		List<Run> runs = execute(this.examples.dynamicTests());
		assertThat(runs).extracting(Run::name)
			.contains("policies compile",
					"Leave requests (leave_request_test.yaml) / Managers approve pending requests of their department "
							+ "/ dave / bob_pending / approve",
					"Scopes and versions (scopes/scopes_test.yml) / Without a scope the root policy decides / mia / "
							+ "request / archive");
		assertThat(runs).hasSize(21);
		assertThat(runs).filteredOn((run) -> run.failure() != null)
			.singleElement()
			.satisfies((run) -> assertThat(run.failure()).isInstanceOf(TestAbortedException.class)
				.hasMessageEndingWith("action archive: skipped: Archiving is not decided yet"));
	}

	@Test
	void dynamicTestsFailWithExpectedAndActualValues() {
		PolicyTests tests = this.examples.withSuites(List.of(file("failing_test.yaml", """
				name: Failing
				tests:
				  - name: Approving a draft
				    input: {principals: [carol], resources: [alice_draft], actions: [approve]}
				    expected:
				      - principal: carol
				        resource: alice_draft
				        actions: {approve: EFFECT_ALLOW}
				        outputs:
				          - action: approve
				            expected: [{src: "resource.leave_request.vdefault#approve", val: "approved_by:carol"}]
				  - name: Viewing
				    input: {principals: [alice], resources: [alice_draft], actions: [view]}
				    expected:
				      - principal: alice
				        resource: alice_draft
				        actions: {view: EFFECT_ALLOW}
				        outputs:
				          - action: view
				            expected: [{src: "resource.leave_request.vdefault#view", val: {viewer: alice}}]
				""" + PRINCIPALS_AND_RESOURCES), file("broken_test.yaml", "tests: 3\n")));
		List<Run> runs = execute(tests.dynamicTests());
		assertThat(runs).extracting(Run::name)
			.containsExactly("policies compile", "broken_test.yaml",
					"Failing (failing_test.yaml) / Approving a draft / carol / alice_draft / approve",
					"Failing (failing_test.yaml) / Viewing / alice / alice_draft / view");
		assertThat(runs.get(1).failure()).isInstanceOf(IllegalStateException.class)
			.hasMessage("failed to load test suite broken_test.yaml:\nname: value is required\n"
					+ "1:8 tests: expected a list but found a number");
		AssertionFailedError effect = (AssertionFailedError) runs.get(2).failure();
		assertThat(effect).hasMessage("failing_test.yaml › Failing › Approving a draft: principal carol, resource "
				+ "alice_draft, action approve: expected ALLOW but was DENY");
		assertThat(effect.getExpected().getValue()).isEqualTo(Effect.ALLOW);
		assertThat(effect.getActual().getValue()).isEqualTo(Effect.DENY);
		AssertionFailedError output = (AssertionFailedError) runs.get(3).failure();
		assertThat(output).hasMessage("failing_test.yaml › Failing › Viewing: principal alice, resource "
				+ "alice_draft, action view: effect ALLOW as expected, but outputs differ:\n"
				+ "  - resource.leave_request.vdefault#view: expected {\"viewer\":\"alice\"} "
				+ "but was {\"viewer\":\"alice\",\"status\":\"DRAFT\"}");
		assertThat(output.getExpected().getValue())
			.isEqualTo(Map.of("resource.leave_request.vdefault#view", "{\"viewer\":\"alice\"}"));
	}

	@Test
	void dynamicTestsOfADirectoryWithoutSuitesAreSkipped() {
		List<Run> runs = execute(PolicyTests.forDirectory(POLICIES.resolve("derived_roles")).dynamicTests());
		assertThat(runs).singleElement().satisfies((run) -> assertThat(run.failure())
			.isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("No *_test.yaml, *_test.yml or *_test.json suites found under"));
	}

	private TestResults suites(PolicyFile... files) {
		return this.examples.withSuites(List.of(files)).run();
	}

	private static PolicyFile file(String path, String content) {
		return new PolicyFile(path, content);
	}

	private static String minimalSuite(String name) {
		return """
				name: %s
				tests:
				  - name: Owners view
				    input: {principals: [alice], resources: [alice_draft], actions: [view]}
				    expected: [{principal: alice, resource: alice_draft, actions: {view: EFFECT_ALLOW}}]
				""".formatted(name);
	}

	private static List<Outcome> outcomes(TestResults results, String test) {
		return results.outcomes().stream().filter((outcome) -> outcome.test().equals(test)).toList();
	}

	/** Runs dynamic tests the way JUnit would, recording each leaf's path and what it threw. */
	private static List<Run> execute(Stream<DynamicNode> nodes) {
		List<Run> runs = new ArrayList<>();
		nodes.forEach((node) -> execute(node, "", runs));
		return runs;
	}

	private static void execute(DynamicNode node, String parent, List<Run> runs) {
		String name = parent.isEmpty() ? node.getDisplayName() : parent + " / " + node.getDisplayName();
		if (node instanceof DynamicContainer container) {
			container.getChildren().forEach((child) -> execute(child, name, runs));
			return;
		}
		Throwable failure = null;
		try {
			((DynamicTest) node).getExecutable().execute();
		}
		catch (Throwable ex) {
			failure = ex;
		}
		runs.add(new Run(name, failure));
	}

	private record Run(String name, Throwable failure) {
	}

}
