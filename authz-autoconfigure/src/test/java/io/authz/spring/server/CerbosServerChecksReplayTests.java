package io.authz.spring.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.embedded.SchemaEnforcement;
import io.authz.core.policy.PolicyDirectory;
import io.authz.core.protocol.JsonValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays Cerbos' server test cases for the check API ({@code server/checks/check_resources} in the conformance
 * data) over HTTP against {@code POST /api/check/resources}, with the server configuration Cerbos' own test uses:
 * the {@code store/} policies, schema enforcement {@code reject}, at most 5 resources and 5 actions per request.
 * The auxiliary data JWTs are read without verification (the key set that signed them is not part of the data).
 * Responses are compared as Cerbos compares them: {@code cerbosCallId} ignored, derived roles, outputs and
 * validation errors in any order.
 * <p>
 * The {@code check_resource_set} and {@code check_resource_batch} cases are for Cerbos' older endpoints
 * ({@code /api/check}, {@code /api/check_resource_batch}), which are not served; they are left out.
 */
class CerbosServerChecksReplayTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final String KEY = "replay-key";

	private static final AtomicInteger passed = new AtomicInteger();

	private static final AtomicInteger failed = new AtomicInteger();




	private static ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@TestFactory
	Stream<DynamicTest> serverChecks() throws IOException {
		Path data = conformance().resolve("cerbos/testdata");
		List<Path> cases;
		try (Stream<Path> files = Files.walk(data.resolve("server/checks"))) {
			// Cases for Cerbos' older /api/check and /api/check_resource_batch endpoints are not served here.
			cases = files.filter((path) -> path.toString().endsWith(".yaml"))
				.filter(CerbosServerChecksReplayTests::isCheckResourcesCase)
				.sorted()
				.toList();
		}
		EmbeddedEngine engine = loadStore(data.resolve("store"));
		context = new SpringApplicationBuilder(ReplayApplication.class)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("authorizationEngine", engine))
			.properties("server.port=0", "spring.main.banner-mode=off", "authz.server.enabled=true",
					"authz.server.api-key=" + KEY, "authz.server.max-resources-per-request=5",
					"authz.server.max-actions-per-resource=5", "authz.server.aux-data.jwt.disable-verification=true")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return cases.stream()
			.map((file) -> DynamicTest.dynamicTest(data.relativize(file).toString(),
					() -> replay(file, port)));
	}

	@AfterAll
	static void summary() {
		if (context != null) {
			context.close();
		}
		System.out.println("server-checks: " + passed + " passed, " + failed + " failed");
	}

	private static boolean isCheckResourcesCase(Path file) {
		return YAML.readTree(file.toFile()).has("checkResources");
	}

	private void replay(Path file, int port) throws Exception {
		JsonNode testCase = YAML.readTree(file.toFile());
		JsonNode call = testCase.get("checkResources");
		int wantStatus = testCase.path("wantStatus").path("httpStatusCode").asInt(200);
		boolean wantError = testCase.path("wantError").asBoolean(false);
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + PdpPaths.CHECK_RESOURCES))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + KEY)
					.POST(HttpRequest.BodyPublishers.ofByteArray(JsonValues.write(call.get("input"))))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		try {
			assertThat(response.statusCode()).as("HTTP status; body %s", response.body()).isEqualTo(wantStatus);
			if (!wantError) {
				Object want = normalize(JsonValues.toJava(call.get("wantResponse")));
				Object have = normalize(JsonValues.toJava(JsonValues.readObject(response.body().getBytes(StandardCharsets.UTF_8))));
				assertThat(have).as(testCase.path("description").asString()).isEqualTo(want);
			}
			passed.incrementAndGet();
		}
		catch (AssertionError ex) {
			failed.incrementAndGet();
			throw ex;
		}
	}

	/** Cerbos' comparison: no call id, numbers as doubles, unordered derived roles, outputs and errors. */
	@SuppressWarnings("unchecked")
	private static Object normalize(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, element) -> {
				if (!"cerbosCallId".equals(key)) {
					result.put((String) key, normalize(element));
				}
			});
			for (String unordered : List.of("effectiveDerivedRoles", "outputs", "validationErrors")) {
				if (result.get(unordered) instanceof List<?> list) {
					List<Object> sorted = new ArrayList<>(list);
					sorted.sort(Comparator.comparing(String::valueOf));
					result.put(unordered, sorted);
				}
			}
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CerbosServerChecksReplayTests::normalize).toList();
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		return value;
	}

	/** The engine over the store with Cerbos' server test options (schema enforcement: reject). */
	private static EmbeddedEngine loadStore(Path root) throws IOException {
		return EmbeddedEngine.create(PolicyDirectory.read(root),
				EmbeddedEngineOptions.defaults().withSchemaEnforcement(SchemaEnforcement.REJECT));
	}

	/** The conformance data beside the project ({@code ../shared/conformance}); skips or, on CI, fails without. */
	static Path conformance() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolveSibling("shared").resolve("conformance");
			if (Files.isDirectory(candidate) && Files.isDirectory(dir.resolve("authz-core"))) {
				return candidate;
			}
		}
		String message = "Conformance data not found in ../shared/conformance beside the project; skipping";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(message.replace("; skipping", "; it is required when CI=true"));
		}
		Assumptions.abort(message);
		throw new UncheckedIOException(new IOException(message));
	}


	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReplayApplication {

	}

}
