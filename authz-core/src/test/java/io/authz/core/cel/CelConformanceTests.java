package io.authz.core.cel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.authz.core.cel.EvaluationErrors.StrictEvaluationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Evaluates Cerbos' own {@code cel_eval} test cases (a condition, a request, the expected outcome) with the
 * embedded engine's CEL environment. The cases are read from {@code ../shared/conformance/cerbos/testdata} next to
 * the project, never copied into it; without them the tests are skipped, or fail when {@code CI=true}.
 */
class CelConformanceTests {

	/** The instant Cerbos' own test pins {@code now()} to. */
	private static final Instant NOW = OffsetDateTime.parse("2021-04-22T10:05:20.021-05:00").toInstant();

	private static final String SUITE = "cel_eval";

	private static final CelEnvironment environment = new CelEnvironment();

	private static final AtomicInteger passed = new AtomicInteger();

	private static final AtomicInteger failed = new AtomicInteger();

	@TestFactory
	Stream<DynamicTest> celEval() throws IOException {
		Path folder = testData().resolve(SUITE);
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).as("cel_eval test cases in %s", folder).isNotEmpty();
		return files.stream().map((file) -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
			try {
				check(file);
				passed.incrementAndGet();
			}
			catch (Throwable ex) {
				failed.incrementAndGet();
				throw ex;
			}
		}));
	}

	@AfterAll
	static void summary() {
		System.out.println(SUITE + ": " + passed.get() + " passed, " + failed.get() + " failed");
	}

	@SuppressWarnings("unchecked")
	private static void check(Path file) throws IOException {
		Map<String, Object> testCase = YAMLMapper.builder().build().readValue(file.toFile(), Map.class);
		Map<String, Object> match = (Map<String, Object>) testCase.get("condition");
		Condition condition = condition(match);
		Bindings bindings = new Bindings(request((Map<String, Object>) testCase.get("request")), Map.of(),
				() -> Map.of("effectiveDerivedRoles", List.of()), NOW);
		boolean wantError = Boolean.TRUE.equals(testCase.get("wantError"));
		if (wantError) {
			// Cerbos reports an error only when evaluation cannot go on; strict evaluation is the closest here.
			try {
				condition.test(bindings, new EvaluationErrors(true));
			}
			catch (StrictEvaluationException ex) {
				return;
			}
			fail("expected %s to fail", file.getFileName());
		}
		boolean want = Boolean.TRUE.equals(testCase.get("want"));
		EvaluationErrors errors = new EvaluationErrors(false);
		boolean have = condition.test(bindings, errors);
		if (have != want) {
			fail("%s: want %s, have %s%n%s", file.getFileName(), want, have, explain(match, bindings));
		}
	}

	/** Builds the condition tree as the policy compiler does. */
	@SuppressWarnings("unchecked")
	private static Condition condition(Map<String, Object> match) {
		if (match.get("expr") instanceof String expression) {
			return new Condition.Expr(environment.compile(expression));
		}
		for (String operator : List.of("all", "any", "none")) {
			if (match.get(operator) instanceof Map<?, ?> operands) {
				List<Condition> conditions = new ArrayList<>();
				for (Object operand : (List<Object>) operands.get("of")) {
					conditions.add(condition((Map<String, Object>) operand));
				}
				return switch (operator) {
					case "all" -> new Condition.All(conditions);
					case "any" -> new Condition.Any(conditions);
					default -> new Condition.None(conditions);
				};
			}
		}
		throw new IllegalArgumentException("not a condition: " + match);
	}

	/** The {@code request} value as the engine builds it from a check request. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> request(Map<String, Object> request) {
		Map<String, Object> principal = (Map<String, Object>) request.getOrDefault("principal", Map.of());
		Map<String, Object> resource = (Map<String, Object>) request.getOrDefault("resource", Map.of());
		Map<String, Object> principalValue = new LinkedHashMap<>();
		principalValue.put("id", principal.getOrDefault("id", ""));
		principalValue.put("roles", principal.getOrDefault("roles", List.of()));
		principalValue.put("attr", CelValues.normalizeMap((Map<?, ?>) principal.get("attr")));
		principalValue.put("policyVersion", principal.getOrDefault("policyVersion", ""));
		principalValue.put("scope", principal.getOrDefault("scope", ""));
		Map<String, Object> resourceValue = new LinkedHashMap<>();
		resourceValue.put("kind", resource.getOrDefault("kind", ""));
		resourceValue.put("id", resource.getOrDefault("id", ""));
		resourceValue.put("attr", CelValues.normalizeMap((Map<?, ?>) resource.get("attr")));
		resourceValue.put("policyVersion", resource.getOrDefault("policyVersion", ""));
		resourceValue.put("scope", resource.getOrDefault("scope", ""));
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("principal", principalValue);
		value.put("resource", resourceValue);
		value.put("auxData", CelValues.normalizeMap((Map<?, ?>) request.get("auxData")));
		return value;
	}

	/** What each expression of the condition evaluates to, for failure messages. */
	@SuppressWarnings("unchecked")
	private static String explain(Map<String, Object> match, Bindings bindings) {
		StringBuilder explanation = new StringBuilder();
		if (match.get("expr") instanceof String expression) {
			Object result;
			try {
				result = environment.compile(expression).evaluate(bindings);
			}
			catch (Exception ex) {
				result = "error: " + ex.getMessage();
			}
			explanation.append("  ").append(expression.strip()).append(" -> ").append(result).append('\n');
			return explanation.toString();
		}
		match.values().forEach((operands) -> ((List<Object>) ((Map<String, Object>) operands).get("of"))
			.forEach((operand) -> explanation.append(explain((Map<String, Object>) operand, bindings))));
		return explanation.toString();
	}

	/**
	 * The Cerbos test data: {@code ../shared/conformance/cerbos/testdata} from the project root (the directory of
	 * the reactor {@code pom.xml}).
	 */
	static Path testData() {
		Path root = Path.of("").toAbsolutePath();
		while (root != null && !isReactor(root)) {
			root = root.getParent();
		}
		Path data = (root != null && root.getParent() != null)
				? root.getParent().resolve("shared/conformance/cerbos/testdata") : null;
		if (data == null || !Files.isDirectory(data)) {
			String missing = "Cerbos test data not found at " + ((data != null) ? data : "../shared/conformance")
					+ " (next to the project root)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(missing + "; it is required when CI=true");
			}
			String skipping = missing + "; skipping the Cerbos conformance tests";
			// Build output does not always show why a test factory was aborted
			System.err.println(skipping);
			Assumptions.abort(skipping);
		}
		return data;
	}

	private static boolean isReactor(Path directory) {
		Path pom = directory.resolve("pom.xml");
		try {
			return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
