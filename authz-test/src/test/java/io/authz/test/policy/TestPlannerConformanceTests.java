package io.authz.test.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.authz.test.policy.Definitions.AuxDataFile;
import io.authz.test.policy.Definitions.PrincipalFixture;
import io.authz.test.policy.Definitions.PrincipalsFile;
import io.authz.test.policy.Definitions.ResourceFixture;
import io.authz.test.policy.Definitions.ResourcesFile;
import io.authz.test.policy.Definitions.Suite;
import io.authz.test.policy.TestPlanner.Fixtures;
import io.authz.test.policy.TestPlanner.PlanException;
import io.authz.test.policy.TestPlanner.PlannedTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replays Cerbos' test expansion cases ({@code verify/test_suite_run_get_tests/}): a test table and fixtures
 * become single tests (principal, resource, actions, auxiliary data, expected effects and outputs), or the
 * error Cerbos reports, word for word. These need no policies.
 */
class TestPlannerConformanceTests {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	/** The fixtures Cerbos' own test of these cases uses. */
	private static final Fixtures FIXTURES = new Fixtures(
			new PrincipalsFile(Map.of("employee", principal("employee"), "manager", principal("manager"),
					"department_head", principal("department_head")),
					Map.of("management", List.of("manager", "department_head"))),
			new ResourcesFile(Map.of("employee_leave_request", resource("employee"), "manager_leave_request",
					resource("manager"), "department_head_leave_request", resource("department_head")),
					Map.of("management_leave_requests",
							List.of("manager_leave_request", "department_head_leave_request"))),
			new AuxDataFile(Map.of("test_aux_data", Map.of("jwt", Map.of("answer", 42)))));

	@TestFactory
	Stream<DynamicTest> expansions() {
		Path folder = SharedTestData.cerbosTestData().resolve("verify/test_suite_run_get_tests");
		return files(folder).stream()
			.map((file) -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
	}

	private static void replay(Path file) throws IOException {
		JsonNode testCase = YAML.readTree(Files.readString(file));
		Map<String, Object> suite = new LinkedHashMap<>();
		suite.put("name", "Expansion");
		suite.put("tests", List.of(JSON.treeToValue(testCase.get("table"), Object.class)));
		Suite definition = DefinitionReader.readSuite("suite_test.json", JSON.writeValueAsString(suite));
		TestPlanner planner = new TestPlanner(definition, FIXTURES);
		String wantErr = testCase.path("wantErr").asString("");
		if (!wantErr.isEmpty()) {
			assertThatExceptionOfType(PlanException.class).isThrownBy(planner::tests).withMessage(wantErr);
			return;
		}
		List<Object> want = JSON.treeToValue(testCase.get("wantTests"), List.class);
		assertThat(planner.tests().stream().map(TestPlannerConformanceTests::describe).toList())
			.isEqualTo(OutputValues.normalize(want));
	}

	/** A planned test as Cerbos' {@code Test} message in JSON, empty fields left out. */
	private static Object describe(PlannedTest test) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", Map.of("testTableName", test.table(), "principalKey", test.principalKey(), "resourceKey",
				test.resourceKey()));
		if (!test.description().isEmpty()) {
			map.put("description", test.description());
		}
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("principal", Map.of("id", test.principal().id(), "roles", test.principal().roles()));
		input.put("resource", Map.of("kind", test.resource().kind(), "id", test.resource().id()));
		input.put("actions", test.actions());
		if (test.auxData() != null) {
			input.put("auxData", test.auxData());
		}
		map.put("input", input);
		Map<String, Object> expected = new LinkedHashMap<>();
		test.expected().forEach((action, effect) -> expected.put(action, "EFFECT_" + effect.name()));
		map.put("expected", expected);
		if (!test.expectedOutputs().isEmpty()) {
			Map<String, Object> outputs = new LinkedHashMap<>();
			test.expectedOutputs().forEach((action, entries) -> outputs.put(action, Map.of("entries", entries)));
			map.put("expectedOutputs", outputs);
		}
		return OutputValues.normalize(map);
	}

	private static PrincipalFixture principal(String id) {
		return new PrincipalFixture(id, "", List.of("user"), Map.of(), "");
	}

	private static ResourceFixture resource(String id) {
		return new ResourceFixture("leave_request", "", id, Map.of(), "");
	}

	private static List<Path> files(Path folder) {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
