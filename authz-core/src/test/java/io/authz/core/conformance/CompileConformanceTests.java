package io.authz.core.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cerbos' {@code compile/} cases: policy sets that must load, and broken ones that must be rejected with an error
 * naming each file Cerbos names.
 */
class CompileConformanceTests {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static int passed;

	private static int failed;

	@AfterAll
	static void printSummary() {
		System.out.println("compile: " + passed + " passed, " + failed + " failed");
	}

	@TestFactory
	Stream<DynamicTest> compile() throws IOException {
		Path folder = SharedTestData.cerbosTestData().resolve("compile");
		List<Path> cases;
		try (Stream<Path> paths = Files.list(folder)) {
			cases = paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		return cases.stream().map((file) -> DynamicTest.dynamicTest("compile/" + file.getFileName(), () -> {
			try {
				runCase(file);
				passed++;
			}
			catch (AssertionError | RuntimeException ex) {
				failed++;
				throw ex;
			}
		}));
	}

	@SuppressWarnings("unchecked")
	private static void runCase(Path file) {
		Map<String, Object> testCase = YAML.readValue(read(file), Map.class);
		Map<String, String> archive = Txtar.files(read(file.resolveSibling(file.getFileName() + ".input")));
		List<PolicyFile> files = new ArrayList<>();
		archive.forEach((path, content) -> files.add(new PolicyFile(path, content)));
		// Cerbos runs these cases with a schema store holding a valid and a broken schema; stand them in.
		files.add(new PolicyFile("_schemas/complex_object.json", "{\"type\": \"object\"}"));
		files.add(new PolicyFile("_schemas/invalid.json", "\"\""));
		List<Map<String, Object>> wanted = (List<Map<String, Object>>) testCase.getOrDefault("wantErrors", List.of());
		if (wanted.isEmpty()) {
			EmbeddedEngine engine = EmbeddedEngine.create(files, EmbeddedEngineOptions.defaults());
			assertThat(engine.policySet().policies()).isNotEmpty();
			return;
		}
		PolicyLoadException exception = null;
		try {
			EmbeddedEngine.create(files, EmbeddedEngineOptions.defaults());
		}
		catch (PolicyLoadException ex) {
			exception = ex;
		}
		assertThat(exception).as("expected errors " + wanted).isNotNull();
		List<String> reportedFiles = exception.errors().stream().map(PolicyError::file).toList();
		String reported = exception.errors().stream().map(PolicyError::toString).collect(Collectors.joining("\n"));
		for (Map<String, Object> error : wanted) {
			assertThat(reportedFiles).as("an error for " + error.get("file") + " (" + error.get("error") + ": "
					+ error.get("description") + "); reported:\n" + reported).contains((String) error.get("file"));
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
