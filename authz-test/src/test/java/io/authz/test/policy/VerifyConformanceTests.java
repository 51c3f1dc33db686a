package io.authz.test.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.authz.core.model.Effect;
import io.authz.test.policy.TestResults.Action;
import io.authz.test.policy.TestResults.ActualOutput;
import io.authz.test.policy.TestResults.Details;
import io.authz.test.policy.TestResults.OutputFailure;
import io.authz.test.policy.TestResults.Result;
import io.authz.test.policy.TestResults.Summary;
import io.authz.test.policy.TestResults.TestCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays Cerbos' policy test runner cases ({@code verify/cases/case_*.yaml}): the bundle's suites and fixtures
 * run against {@code store/}, and the results must equal Cerbos' golden results.
 * <p>
 * Compared: the suites (file, name unless Cerbos could not read it, description, skip reason), the summaries
 * (overall result, tests count, count per result), for each test, principal, resource and action in order the
 * result, and for a pass the effect and the outputs (source and value; an output that failed to evaluate counts
 * as null), for a failure the expected and actual effects and each output failure (source, kind, expected value,
 * actual value), for a skip the reason, for an error the message when it is Cerbos' ({@code now} not set). Suite
 * errors compare by kind (suite unreadable, fixtures unreadable and which file, invalid groups, duplicate
 * names), and exactly for the test expansion errors, whose text this runner shares with Cerbos. Cases with
 * {@code wantErr} must report an errored suite without throwing.
 */
class VerifyConformanceTests {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger PASSED = new AtomicInteger();

	private static final AtomicInteger FAILED = new AtomicInteger();

	@TestFactory
	Stream<DynamicTest> verify() {
		Path data = SharedTestData.cerbosTestData();
		// One policy set for every case, compiled once per distinct set of options.
		PolicyTests store = PolicyTests.forDirectory(data.resolve("store"));
		return cases(data.resolve("verify/cases")).stream()
			.map((file) -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
				try {
					runCase(store, file);
					PASSED.incrementAndGet();
				}
				catch (AssertionError | RuntimeException ex) {
					FAILED.incrementAndGet();
					throw ex;
				}
			}));
	}

	@AfterAll
	static void printSummary() {
		System.out.println("verify: " + PASSED.get() + " passed, " + FAILED.get() + " failed");
	}

	private static void runCase(PolicyTests store, Path file) throws IOException {
		JsonNode testCase = YAML.readTree(Files.readString(file));
		String name = file.getFileName().toString();
		String description = name + " (" + testCase.path("description").asString("") + ")";
		TestFilter filter = filter(testCase.path("config"));
		Path input = file.resolveSibling(name + ".input");
		TestResults results = store.withSuites(Txtar.files(Files.readString(input))).withFilter(filter).run();
		if (testCase.path("wantErr").asBoolean(false)) {
			assertThat(results.suites()).as(description + ": an errored suite")
				.anyMatch((suite) -> suite.error() != null);
			return;
		}
		JsonNode golden = JSON.readTree(Files.readString(file.resolveSibling(name + ".golden")));
		String want = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(describeGolden(golden));
		String have = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(describe(results));
		assertThat(have).as(description + firstDifference(want, have)).isEqualTo(want);
	}

	/** The first line that differs with a little context, because whole results are long. */
	private static String firstDifference(String want, String have) {
		String[] wantLines = want.split("\n");
		String[] haveLines = have.split("\n");
		int line = 0;
		while (line < wantLines.length && line < haveLines.length && wantLines[line].equals(haveLines[line])) {
			line++;
		}
		if (line == wantLines.length && line == haveLines.length) {
			return "";
		}
		StringBuilder text = new StringBuilder(", first difference at line " + (line + 1) + ":");
		for (int i = Math.max(0, line - 6); i < line; i++) {
			text.append("\n    ").append(wantLines[i]);
		}
		text.append("\n  - ").append((line < wantLines.length) ? wantLines[line] : "(end)");
		text.append("\n  + ").append(abbreviate((line < haveLines.length) ? haveLines[line] : "(end)"));
		return text.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static TestFilter filter(JsonNode config) {
		TestFilter filter = TestFilter.all();
		if (config.has("includedTestNamesRegexp")) {
			filter = filter.includeTests(config.get("includedTestNamesRegexp").asString());
		}
		filter = filter.excludeResourcePolicies(strings(config.path("excludedResourcePolicyFqns")));
		return filter.excludePrincipalPolicies(strings(config.path("excludedPrincipalPolicyFqns")));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((element) -> values.add(element.asString()));
		return values;
	}

	// ---- this runner's results, described

	private static Map<String, Object> describe(TestResults results) {
		Map<String, Object> map = new LinkedHashMap<>();
		List<Object> suites = new ArrayList<>();
		results.suites()
			.stream()
			.sorted(Comparator.comparing(TestResults.Suite::file))
			.forEach((suite) -> suites.add(describe(suite)));
		map.put("suites", suites);
		map.put("summary", describe(results.summary()));
		return map;
	}

	private static Map<String, Object> describe(TestResults.Suite suite) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("file", suite.file());
		map.put("name", suite.name());
		map.put("description", suite.description());
		map.put("error", errorKind(suite.error()));
		map.put("skipReason", suite.skipReason());
		List<Object> testCases = new ArrayList<>();
		for (TestCase testCase : suite.testCases()) {
			List<Object> principals = new ArrayList<>();
			testCase.principals().forEach((principal) -> {
				List<Object> resources = new ArrayList<>();
				principal.resources().forEach((resource) -> {
					List<Object> actions = new ArrayList<>();
					for (Action action : resource.actions()) {
						actions.add(List.of(action.name(), describe(action.details())));
					}
					resources.add(List.of(resource.name(), actions));
				});
				principals.add(List.of(principal.name(), resources));
			});
			testCases.add(List.of(testCase.name(), principals));
		}
		map.put("testCases", testCases);
		map.put("summary", describe(suite.summary()));
		return map;
	}

	private static Map<String, Object> describe(Summary summary) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("overallResult", summary.overallResult().name());
		map.put("testsCount", summary.testsCount());
		Map<String, Object> counts = new LinkedHashMap<>();
		summary.resultCounts().forEach((result, count) -> counts.put(result.name(), count));
		map.put("resultCounts", counts);
		return map;
	}

	private static Map<String, Object> describe(Details details) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("result", details.result().name());
		switch (details.result()) {
			case PASSED -> {
				map.put("effect", details.actual().name());
				List<Object> outputs = new ArrayList<>();
				details.outputs()
					.stream()
					.sorted(Comparator.comparing(ActualOutput::src))
					.forEach((output) -> outputs.add(output(output.src(), output.value())));
				map.put("outputs", outputs);
			}
			case FAILED -> {
				map.put("expected", details.expected().name());
				map.put("actual", details.actual().name());
				List<Object> failures = new ArrayList<>();
				for (OutputFailure failure : details.outputFailures()) {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("src", failure.src());
					entry.put("kind", failure.kind().name());
					entry.put("expected", OutputValues.normalize(failure.expected()));
					entry.put("actual", OutputValues.normalize(failure.actual()));
					failures.add(entry);
				}
				map.put("outputs", failures);
			}
			case SKIPPED -> map.put("skipReason", details.skipReason());
			case ERRORED -> map.put("error", details.error());
		}
		return map;
	}

	private static Map<String, Object> output(String src, Object value) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("src", src);
		map.put("val", OutputValues.normalize(value));
		return map;
	}

	/**
	 * Suite errors by kind: their details come from different parsers. Test expansion errors are compared whole
	 * (this runner words them as Cerbos does).
	 */
	private static String errorKind(String error) {
		if (error == null || error.isEmpty()) {
			return null;
		}
		if (error.startsWith("failed to load test suite")) {
			return "suite unreadable";
		}
		if (error.startsWith("failed to load test fixtures")) {
			for (String kind : List.of("principals", "resources", "aux data")) {
				if (error.contains("failed to load " + kind)) {
					return "fixtures unreadable: " + kind;
				}
			}
			return "fixtures unreadable";
		}
		if (error.startsWith("Invalid principal groups") || error.startsWith("Invalid resource groups")) {
			return error.substring(0, error.indexOf(':'));
		}
		if (error.startsWith("Invalid test suite")) {
			return "Invalid test suite";
		}
		return error;
	}

	// ---- Cerbos' golden results, described the same way

	private static Map<String, Object> describeGolden(JsonNode golden) {
		Map<String, Object> map = new LinkedHashMap<>();
		List<Object> suites = new ArrayList<>();
		List<JsonNode> goldenSuites = new ArrayList<>();
		golden.path("suites").forEach(goldenSuites::add);
		goldenSuites.sort(Comparator.comparing((JsonNode suite) -> suite.path("file").asString()));
		goldenSuites.forEach((suite) -> suites.add(describeGoldenSuite(suite)));
		map.put("suites", suites);
		map.put("summary", describeGoldenSummary(golden.path("summary")));
		return map;
	}

	private static Map<String, Object> describeGoldenSuite(JsonNode suite) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("file", suite.path("file").asString());
		map.put("name", suite.path("name").asString());
		map.put("description", suite.path("description").asString(""));
		map.put("error", errorKind(suite.path("error").asString("")));
		map.put("skipReason", suite.has("skipReason") ? suite.get("skipReason").asString() : null);
		List<Object> testCases = new ArrayList<>();
		suite.path("testCases").forEach((testCase) -> {
			List<Object> principals = new ArrayList<>();
			testCase.path("principals").forEach((principal) -> {
				List<Object> resources = new ArrayList<>();
				principal.path("resources").forEach((resource) -> {
					List<Object> actions = new ArrayList<>();
					resource.path("actions")
						.forEach((action) -> actions.add(List.of(action.path("name").asString(),
								describeGoldenDetails(action.path("details")))));
					resources.add(List.of(resource.path("name").asString(), actions));
				});
				principals.add(List.of(principal.path("name").asString(), resources));
			});
			testCases.add(List.of(testCase.path("name").asString(), principals));
		});
		map.put("testCases", testCases);
		map.put("summary", describeGoldenSummary(suite.path("summary")));
		return map;
	}

	private static Map<String, Object> describeGoldenSummary(JsonNode summary) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("overallResult", result(summary.path("overallResult").asString("RESULT_UNSPECIFIED")));
		map.put("testsCount", summary.path("testsCount").asInt(0));
		Map<String, Object> counts = new LinkedHashMap<>();
		List<JsonNode> tallies = new ArrayList<>();
		summary.path("resultCounts").forEach(tallies::add);
		tallies.stream()
			.sorted(Comparator.comparing((JsonNode tally) -> Result.valueOf(result(tally.path("result").asString()))))
			.forEach((tally) -> counts.put(result(tally.path("result").asString()), tally.path("count").asInt()));
		map.put("resultCounts", counts);
		return map;
	}

	private static Map<String, Object> describeGoldenDetails(JsonNode details) {
		Map<String, Object> map = new LinkedHashMap<>();
		String result = result(details.path("result").asString());
		map.put("result", result);
		switch (Result.valueOf(result)) {
			case PASSED -> {
				JsonNode success = details.path("success");
				map.put("effect", effect(success.path("effect").asString()));
				List<Map<String, Object>> outputs = new ArrayList<>();
				success.path("outputs").forEach((output) -> outputs.add(output(output.path("src").asString(),
						output.has("val") ? JSON.treeToValue(output.get("val"), Object.class) : null)));
				outputs.sort(Comparator.comparing((Map<String, Object> output) -> (String) output.get("src")));
				map.put("outputs", outputs);
			}
			case FAILED -> {
				JsonNode failure = details.path("failure");
				map.put("expected", effect(failure.path("expected").asString()));
				map.put("actual", effect(failure.path("actual").asString()));
				List<Map<String, Object>> failures = new ArrayList<>();
				failure.path("outputs").forEach((output) -> {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("src", output.path("src").asString());
					for (String kind : List.of("mismatched", "missing", "errored")) {
						if (output.has(kind)) {
							JsonNode outcome = output.get(kind);
							entry.put("kind", kind.toUpperCase());
							entry.put("expected", value(outcome.get("expected")));
							entry.put("actual", value(outcome.get("actual")));
						}
					}
					failures.add(entry);
				});
				failures.sort(Comparator.comparing((Map<String, Object> entry) -> (String) entry.get("src")));
				map.put("outputs", failures);
			}
			case SKIPPED -> map.put("skipReason", details.path("skipReason").asString(""));
			case ERRORED -> map.put("error", details.path("error").asString());
		}
		return map;
	}

	private static Object value(JsonNode node) {
		return (node != null) ? OutputValues.normalize(JSON.treeToValue(node, Object.class)) : null;
	}

	private static String result(String cerbos) {
		return cerbos.equals("RESULT_UNSPECIFIED") ? "SKIPPED" : cerbos.substring("RESULT_".length());
	}

	private static String effect(String cerbos) {
		return Effect.valueOf(cerbos.substring("EFFECT_".length())).name();
	}

	private static List<Path> cases(Path folder) {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((path) -> path.getFileName().toString().matches("case_\\d+\\.yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
