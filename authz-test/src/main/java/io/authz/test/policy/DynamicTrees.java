package io.authz.test.policy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.authz.test.policy.SuiteRunner.SuiteRun;
import io.authz.test.policy.TestResults.Details;
import io.authz.test.policy.TestResults.Outcome;
import io.authz.test.policy.TestResults.OutputFailure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * Turns suite results into JUnit 5 dynamic tests: suite, then test, then one test per principal, resource and
 * action. Failed actions fail with expected and actual values (so IDEs show a diff), errored ones with the
 * error, skipped ones are aborted with the reason.
 */
final class DynamicTrees {

	static final String POLICIES = "policies compile";

	private DynamicTrees() {
	}

	static DynamicNode noSuites(Path root) {
		String where = (root != null) ? " under " + root.toAbsolutePath() : "";
		return DynamicTest.dynamicTest("no policy test suites",
				() -> Assumptions.abort("No *_test.yaml, *_test.yml or *_test.json suites found" + where));
	}

	/** A test that the policies compile with the base engine options; it reports every problem. */
	static DynamicNode policies(PolicyEngines engines) {
		return DynamicTest.dynamicTest(POLICIES, () -> engines.engine(engines.baseOptions()));
	}

	static DynamicNode suite(SuiteRunner runner, String file, Path root) {
		SuiteRun run = runner.run(file);
		TestResults.Suite suite = run.suite();
		URI uri = (root != null) ? root.resolve(file).toUri() : null;
		String label = SuiteRunner.UNKNOWN_NAME.equals(suite.name()) ? file : suite.name() + " (" + file + ")";
		if (suite.error() != null) {
			String message = suite.error().contains(file) ? suite.error() : file + ": " + suite.error();
			return DynamicTest.dynamicTest(label, uri, () -> {
				throw new IllegalStateException(message);
			});
		}
		if (suite.skipReason() != null) {
			String reason = suite.skipReason().isEmpty() ? "" : ": " + suite.skipReason();
			return DynamicTest.dynamicTest(label, uri,
					() -> Assumptions.abort("Suite " + file + " is skipped" + reason));
		}
		Stream<DynamicNode> tests = suite.testCases().stream().map((testCase) -> {
			URI testUri = withLine(uri, run.testLines().getOrDefault(testCase.name(), 0));
			Stream<DynamicNode> actions = testCase.principals()
				.stream()
				.flatMap((principal) -> principal.resources()
					.stream()
					.flatMap((resource) -> resource.actions()
						.stream()
						.map((action) -> (DynamicNode) DynamicTest.dynamicTest(
								principal.name() + " / " + resource.name() + " / " + action.name(), testUri,
								executable(new Outcome(file, suite.name(), testCase.name(), principal.name(),
										resource.name(), action.name(), action.details()))))));
			return DynamicContainer.dynamicContainer(testCase.name(), testUri, actions);
		});
		return DynamicContainer.dynamicContainer(label, uri, tests);
	}

	private static Executable executable(Outcome outcome) {
		Details details = outcome.details();
		return switch (details.result()) {
			case PASSED -> () -> {
			};
			case SKIPPED -> () -> Assumptions.abort(outcome.describe());
			case ERRORED -> () -> {
				throw new IllegalStateException(shorten(outcome).describe());
			};
			case FAILED -> () -> {
				throw failure(outcome);
			};
		};
	}

	private static AssertionFailedError failure(Outcome outcome) {
		Details details = outcome.details();
		if (details.expected() != details.actual()) {
			return new AssertionFailedError(outcome.describe(), details.expected(), details.actual());
		}
		Map<String, String> expected = new LinkedHashMap<>();
		Map<String, String> actual = new LinkedHashMap<>();
		for (OutputFailure failure : details.outputFailures()) {
			expected.put(failure.src(), OutputValues.toJson(failure.expected()));
			actual.put(failure.src(), switch (failure.kind()) {
				case MISMATCHED -> OutputValues.toJson(failure.actual());
				case MISSING -> "(no output)";
				case ERRORED -> "(" + failure.error() + ")";
			});
		}
		return new AssertionFailedError(outcome.describe(), expected, actual);
	}

	/** Policy problems are listed once, by the {@value #POLICIES} test, not by every action. */
	private static Outcome shorten(Outcome outcome) {
		String error = outcome.details().error();
		if (error == null || !error.startsWith(SuiteRunner.POLICIES_NOT_LOADED)) {
			return outcome;
		}
		String[] lines = error.substring(SuiteRunner.POLICIES_NOT_LOADED.length()).split("\n");
		String summary = (lines.length > 1) ? lines[0] + " " + lines[1].strip() + " ..." : lines[0];
		return new Outcome(outcome.file(), outcome.suite(), outcome.test(), outcome.principal(), outcome.resource(),
				outcome.action(), Details.errored("the policies could not be loaded (see the test \"" + POLICIES
						+ "\"): " + summary));
	}

	private static URI withLine(URI uri, int line) {
		return (uri != null && line > 0) ? URI.create(uri + "?line=" + line) : uri;
	}

}
