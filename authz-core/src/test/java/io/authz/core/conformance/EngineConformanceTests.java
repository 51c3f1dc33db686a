package io.authz.core.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.embedded.SchemaEnforcement;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.policy.PolicyDirectory;
import io.authz.core.policy.PolicyFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays Cerbos' engine test cases ({@code engine/}, {@code engine_strict_scope_search/},
 * {@code engine_lenient_scope_search/}) against {@code store/} and compares effects, matched policy and scope,
 * effective derived roles and outputs with what Cerbos 0.55 produced.
 */
class EngineConformanceTests {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private static final Map<String, AtomicInteger[]> SUMMARY = new LinkedHashMap<>();

	@TestFactory
	Stream<DynamicTest> engine() {
		return cases("engine", EmbeddedEngineOptions.defaults());
	}

	@TestFactory
	Stream<DynamicTest> strictScopeSearch() {
		return cases("engine_strict_scope_search", EmbeddedEngineOptions.defaults());
	}

	@TestFactory
	Stream<DynamicTest> lenientScopeSearch() {
		return cases("engine_lenient_scope_search", EmbeddedEngineOptions.defaults().withLenientScopeSearch(true));
	}

	@TestFactory
	Stream<DynamicTest> schemaEnforcementWarn() {
		return cases("engine_schema_enforcement/warn",
				EmbeddedEngineOptions.defaults().withSchemaEnforcement(SchemaEnforcement.WARN));
	}

	@TestFactory
	Stream<DynamicTest> schemaEnforcementReject() {
		return cases("engine_schema_enforcement/reject",
				EmbeddedEngineOptions.defaults().withSchemaEnforcement(SchemaEnforcement.REJECT));
	}

	@AfterAll
	static void printSummary() {
		SUMMARY.forEach((suite, counts) -> System.out
			.println(suite + ": " + counts[0].get() + " passed, " + counts[1].get() + " failed"));
	}

	private Stream<DynamicTest> cases(String suite, EmbeddedEngineOptions options) {
		Path data = SharedTestData.cerbosTestData();
		EmbeddedEngine engine = EmbeddedEngine.create(policyFiles(data.resolve("store")),
				options.withGlobals(Map.of("environment", "test")));
		AtomicInteger[] counts = SUMMARY.computeIfAbsent(suite,
				(key) -> new AtomicInteger[] { new AtomicInteger(), new AtomicInteger() });
		List<Path> files = list(data.resolve(suite));
		return files.stream().map((file) -> DynamicTest.dynamicTest(suite + "/" + file.getFileName(), () -> {
			try {
				runCase(engine, file);
				counts[0].incrementAndGet();
			}
			catch (AssertionError | RuntimeException ex) {
				counts[1].incrementAndGet();
				throw ex;
			}
		}));
	}

	@SuppressWarnings("unchecked")
	private static void runCase(EmbeddedEngine engine, Path file) throws IOException {
		Map<String, Object> testCase = YAML.readValue(Files.readString(file), Map.class);
		List<Map<String, Object>> inputs = (List<Map<String, Object>>) testCase.get("inputs");
		List<Map<String, Object>> wanted = (List<Map<String, Object>>) testCase.get("wantOutputs");
		for (int i = 0; i < inputs.size(); i++) {
			Map<String, Object> input = inputs.get(i);
			CheckResult result = engine.check(toRequest(input));
			ResourceResult actual = result.results().get(0);
			Map<String, Object> want = wanted.get(i);
			String label = file.getFileName() + " input " + i + " (" + testCase.get("description") + ")";
			Map<String, Map<String, Object>> wantActions = (Map<String, Map<String, Object>>) want.get("actions");
			Map<String, Map<String, Object>> haveActions = new LinkedHashMap<>();
			actual.decisions().forEach((action, decision) -> haveActions.put(action, describe(decision)));
			Map<String, Map<String, Object>> normalizedWant = new LinkedHashMap<>();
			wantActions.forEach((action, effect) -> {
				Map<String, Object> copy = new LinkedHashMap<>();
				copy.put("effect", effect.get("effect"));
				copy.put("policy", effect.get("policy"));
				copy.put("scope", effect.getOrDefault("scope", ""));
				normalizedWant.put(action, copy);
			});
			assertThat(haveActions).as(label + ": effects").isEqualTo(normalizedWant);
			List<String> wantRoles = (List<String>) want.getOrDefault("effectiveDerivedRoles",
					want.getOrDefault("effective_derived_roles", List.of()));
			assertThat(new TreeSet<>(actual.effectiveDerivedRoles())).as(label + ": effective derived roles")
				.isEqualTo(new TreeSet<>(wantRoles));
			List<Map<String, Object>> wantOutputs = (List<Map<String, Object>>) want.getOrDefault("outputs",
					List.of());
			assertThat(describe(actual.outputs())).as(label + ": outputs").isEqualTo(normalizeOutputs(wantOutputs));
			// Messages come from a different JSON Schema library; what failed and where must match.
			List<Map<String, Object>> wantValidation = (List<Map<String, Object>>) want
				.getOrDefault("validationErrors", List.of());
			assertThat(actual.validationErrors().stream()
				.map((error) -> error.source() + " " + error.path())
				.sorted()
				.toList()).as(label + ": validation errors")
				.isEqualTo(wantValidation.stream()
					.map((error) -> ("SOURCE_PRINCIPAL".equals(error.get("source")) ? "principal" : "resource") + " "
							+ error.get("path"))
					.sorted()
					.toList());
		}
	}

	private static Map<String, Object> describe(Decision decision) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("effect", decision.isAllowed() ? "EFFECT_ALLOW" : "EFFECT_DENY");
		map.put("policy", decision.policy());
		map.put("scope", decision.scope());
		return map;
	}

	private static List<Map<String, Object>> describe(List<Output> outputs) {
		List<Map<String, Object>> described = new ArrayList<>();
		for (Output output : outputs) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("src", output.source());
			map.put("action", output.action());
			map.put("val", normalizeValue(output.value()));
			described.add(map);
		}
		described.sort(Comparator.comparing((Map<String, Object> map) -> (String) map.get("src")));
		return described;
	}

	private static List<Map<String, Object>> normalizeOutputs(List<Map<String, Object>> outputs) {
		List<Map<String, Object>> normalized = new ArrayList<>();
		for (Map<String, Object> output : outputs) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("src", output.get("src"));
			map.put("action", output.get("action"));
			map.put("val", normalizeValue(output.get("val")));
			normalized.add(map);
		}
		normalized.sort(Comparator.comparing((Map<String, Object> map) -> (String) map.get("src")));
		return normalized;
	}

	/** JSON numbers compare as doubles, maps by content. */
	@SuppressWarnings("unchecked")
	private static Object normalizeValue(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new java.util.TreeMap<>();
			map.forEach((key, element) -> result.put(String.valueOf(key), normalizeValue(element)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EngineConformanceTests::normalizeValue).toList();
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static CheckRequest toRequest(Map<String, Object> input) {
		Map<String, Object> principal = (Map<String, Object>) input.get("principal");
		Map<String, Object> resource = (Map<String, Object>) input.get("resource");
		Principal p = Principal.builder((String) principal.get("id"))
			.roles((List<String>) principal.getOrDefault("roles", List.of()))
			.attributes((Map<String, Object>) principal.getOrDefault("attr", Map.of()))
			.policyVersion((String) principal.get("policyVersion"))
			.scope((String) principal.get("scope"))
			.build();
		Resource r = Resource.builder((String) resource.get("kind"), (String) resource.get("id"))
			.attributes((Map<String, Object>) resource.getOrDefault("attr", Map.of()))
			.policyVersion((String) resource.get("policyVersion"))
			.scope((String) resource.get("scope"))
			.build();
		List<String> actions = (List<String>) input.getOrDefault("actions", List.of());
		Map<String, Object> auxData = (Map<String, Object>) input.getOrDefault("auxData", Map.of());
		return new CheckRequest((String) input.get("requestId"), p, List.of(new ResourceCheck(r, actions)),
				auxData);
	}

	static List<PolicyFile> policyFiles(Path root) {
		return PolicyDirectory.read(root);
	}

	private static List<Path> list(Path folder) {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
