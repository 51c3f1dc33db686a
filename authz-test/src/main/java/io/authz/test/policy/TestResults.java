package io.authz.test.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.authz.core.model.Effect;

/**
 * The results of running policy test suites, shaped like Cerbos' own results: suites, their tests, and per
 * principal, resource and action a {@link Result} with its {@link Details}.
 *
 * @param suites one entry per suite file, ordered by file path
 * @param summary the totals over every suite
 */
public record TestResults(List<Suite> suites, Summary summary) {

	public TestResults {
		suites = List.copyOf(suites);
		Objects.requireNonNull(summary, "summary");
	}

	/** Every action result of every suite, flattened, in order. */
	public List<Outcome> outcomes() {
		List<Outcome> outcomes = new ArrayList<>();
		for (Suite suite : this.suites) {
			for (TestCase testCase : suite.testCases()) {
				for (Principal principal : testCase.principals()) {
					for (Resource resource : principal.resources()) {
						for (Action action : resource.actions()) {
							outcomes.add(new Outcome(suite.file(), suite.name(), testCase.name(), principal.name(),
									resource.name(), action.name(), action.details()));
						}
					}
				}
			}
		}
		return outcomes;
	}

	/** True when no suite failed or errored. */
	public boolean isSuccessful() {
		return this.summary.overallResult().compareTo(Result.PASSED) <= 0;
	}

	/** The result of one check or suite, from best to worst, as Cerbos orders them. */
	public enum Result {

		/** Not run: the suite or test says {@code skip: true}, or a filter left it out. */
		SKIPPED,

		/** The effect (and outputs, when expected) were as expected. */
		PASSED,

		/** The effect or an expected output differed. */
		FAILED,

		/** The test could not run: a broken suite or fixture, policies that do not load, a failing check. */
		ERRORED;

		static Result worst(Result a, Result b) {
			return (a.compareTo(b) >= 0) ? a : b;
		}

	}

	/**
	 * Totals.
	 * @param overallResult the worst result seen
	 * @param testsCount the number of action results counted
	 * @param resultCounts how many action results had each result; only results seen appear
	 */
	public record Summary(Result overallResult, int testsCount, Map<Result, Integer> resultCounts) {

		public Summary {
			Objects.requireNonNull(overallResult, "overallResult");
			Map<Result, Integer> counts = new EnumMap<>(Result.class);
			counts.putAll(resultCounts);
			resultCounts = Collections.unmodifiableMap(counts);
		}

		/** How many action results had the given result. */
		public int count(Result result) {
			return this.resultCounts.getOrDefault(result, 0);
		}

	}

	/**
	 * One suite file.
	 * @param file the file's path relative to the directory searched, with {@code /} separators
	 * @param name the suite's name, or {@code "Unknown"} when the file could not be read
	 * @param description the suite's description
	 * @param summary the suite's totals
	 * @param error why the suite could not run (naming the file and place), or {@code null}
	 * @param skipReason why the whole suite was skipped, or {@code null}
	 * @param testCases one entry per test that ran or was skipped
	 */
	public record Suite(String file, String name, String description, Summary summary, String error,
			String skipReason, List<TestCase> testCases) {

		public Suite {
			testCases = List.copyOf(testCases);
		}

	}

	/** One test of a suite (an entry of its {@code tests}). */
	public record TestCase(String name, List<Principal> principals) {

		public TestCase {
			principals = List.copyOf(principals);
		}

	}

	/** The results of one principal (its key in the fixtures) in a test. */
	public record Principal(String name, List<Resource> resources) {

		public Principal {
			resources = List.copyOf(resources);
		}

	}

	/** The results for one resource (its key in the fixtures) of a principal in a test. */
	public record Resource(String name, List<Action> actions) {

		public Resource {
			actions = List.copyOf(actions);
		}

	}

	/** The result of one action. */
	public record Action(String name, Details details) {
	}

	/**
	 * What happened to one action.
	 * @param result the result
	 * @param expected the effect expected ({@code null} when skipped or errored)
	 * @param actual the effect the engine decided ({@code null} when skipped or errored)
	 * @param outputFailures when failed on outputs, each expected output that was missing, different or failed
	 * @param outputs the outputs the engine emitted for this action
	 * @param error when errored, why
	 * @param skipReason when skipped, why (may be empty)
	 */
	public record Details(Result result, Effect expected, Effect actual, List<OutputFailure> outputFailures,
			List<ActualOutput> outputs, String error, String skipReason) {

		public Details {
			Objects.requireNonNull(result, "result");
			outputFailures = List.copyOf(outputFailures);
			outputs = List.copyOf(outputs);
		}

		static Details passed(Effect effect, List<ActualOutput> outputs) {
			return new Details(Result.PASSED, effect, effect, List.of(), outputs, null, null);
		}

		static Details failed(Effect expected, Effect actual, List<OutputFailure> failures,
				List<ActualOutput> outputs) {
			return new Details(Result.FAILED, expected, actual, failures, outputs, null, null);
		}

		static Details errored(String error) {
			return new Details(Result.ERRORED, null, null, List.of(), List.of(), error, null);
		}

		static Details skipped(String reason) {
			return new Details(Result.SKIPPED, null, null, List.of(), List.of(), null,
					(reason != null) ? reason : "");
		}

		/** What went wrong (or right), in a sentence. */
		public String describe() {
			return switch (this.result) {
				case PASSED -> "passed with " + this.actual;
				case SKIPPED -> "skipped" + ((this.skipReason == null || this.skipReason.isEmpty()) ? ""
						: ": " + this.skipReason);
				case ERRORED -> "errored: " + this.error;
				case FAILED -> {
					if (this.expected != this.actual) {
						yield "expected " + this.expected + " but was " + this.actual;
					}
					StringBuilder text = new StringBuilder(
							"effect " + this.actual + " as expected, but outputs differ:");
					this.outputFailures.forEach((failure) -> text.append("\n  - ").append(failure.describe()));
					yield text.toString();
				}
			};
		}

	}

	/**
	 * An output the engine emitted.
	 * @param src the rule that emitted it ({@code resource.leave_request.vdefault#rule-1})
	 * @param value its value ({@code null} when it evaluated to null or failed to evaluate)
	 */
	public record ActualOutput(String src, Object value) {
	}

	/**
	 * An expected output that was not as expected.
	 * @param src the rule expected to emit it
	 * @param kind how it differed
	 * @param expected the value expected
	 * @param actual the value emitted, when {@link Kind#MISMATCHED}
	 * @param error why it failed, when {@link Kind#ERRORED}
	 */
	public record OutputFailure(String src, Kind kind, Object expected, Object actual, String error) {

		/** How an output differed from what was expected. */
		public enum Kind {

			/** The rule emitted a different value. */
			MISMATCHED,

			/** The rule emitted nothing for this action. */
			MISSING,

			/** The output expression failed to evaluate. */
			ERRORED

		}

		/** What differed, in a sentence. */
		public String describe() {
			return switch (this.kind) {
				case MISMATCHED -> this.src + ": expected " + OutputValues.toJson(this.expected) + " but was "
						+ OutputValues.toJson(this.actual);
				case MISSING -> this.src + ": expected " + OutputValues.toJson(this.expected)
						+ " but the rule emitted no output";
				case ERRORED -> this.src + ": expected " + OutputValues.toJson(this.expected) + " but "
						+ this.error;
			};
		}

	}

	/** One action result with the names that locate it. */
	public record Outcome(String file, String suite, String test, String principal, String resource, String action,
			Details details) {

		/** {@code file › suite › test: principal › resource › action: what happened}. */
		public String describe() {
			return this.file + " › " + this.suite + " › " + this.test + ": principal " + this.principal
					+ ", resource " + this.resource + ", action " + this.action + ": " + this.details.describe();
		}

	}

}
