package io.authz.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID AuthZEN interop suites replayed over HTTP against the {@code authzen-interop} profile, with the
 * interop users as the principals file: todo (40 single evaluations, 3 batches compared as exact JSON) and API
 * gateway (25). The data is read from {@code ../shared/conformance/authzen}; without it the suites are skipped,
 * except under {@code CI=true} where they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "authz.server.enabled=true", "authz.server.api-key=interop-key" })
@ActiveProfiles("authzen-interop")
@AutoConfigureRestTestClient
@EnabledIf("conformancePresent")
class AuthzenInteropTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, AtomicInteger[]> results = Collections.synchronizedMap(new LinkedHashMap<>());

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void principals(DynamicPropertyRegistry registry) {
		registry.add("authz.pip.principals", () -> "file:" + folder().resolve("todo-users.json"));
	}

	@TestFactory
	Stream<DynamicTest> todo() throws IOException {
		return suite("authzen-todo", "todo-decisions.json");
	}

	@TestFactory
	Stream<DynamicTest> gateway() throws IOException {
		return suite("authzen-gateway", "gateway-decisions.json");
	}

	@AfterAll
	static void summary() {
		results.forEach((suite, counts) -> System.out
			.println(suite + ": " + counts[0] + " passed, " + counts[1] + " failed"));
	}

	private Stream<DynamicTest> suite(String name, String file) throws IOException {
		JsonNode cases = JSON.readTree(folder().resolve(file).toFile());
		AtomicInteger[] counts = results.computeIfAbsent(name,
				(key) -> new AtomicInteger[] { new AtomicInteger(), new AtomicInteger() });
		Stream<DynamicTest> single = cases.path("evaluation")
			.valueStream()
			.map((testCase) -> DynamicTest.dynamicTest(describe(testCase), () -> counted(counts, () -> {
				JsonNode response = post("/access/v1/evaluation", testCase.get("request"));
				assertThat(response.get("decision").isBoolean()).isTrue();
				assertThat(response.get("decision").booleanValue()).isEqualTo(testCase.get("expected").booleanValue());
			})));
		Stream<DynamicTest> batch = cases.path("evaluations")
			.valueStream()
			.map((testCase) -> DynamicTest.dynamicTest("batch " + describe(testCase), () -> counted(counts, () -> {
				JsonNode response = post("/access/v1/evaluations", testCase.get("request"));
				// Exact JSON: the decisions, in order, and nothing else
				assertThat(response).isEqualTo(JSON.createObjectNode().set("evaluations", testCase.get("expected")));
			})));
		return Stream.concat(single, batch);
	}

	private JsonNode post(String path, JsonNode body) {
		byte[] response = this.client.post()
			.uri(path)
			.header("Authorization", "interop-key")
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsBytes(body))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JSON.readTree(response);
	}

	private static void counted(AtomicInteger[] counts, Runnable test) {
		try {
			test.run();
			counts[0].incrementAndGet();
		}
		catch (AssertionError | RuntimeException ex) {
			counts[1].incrementAndGet();
			throw ex;
		}
	}

	private static String describe(JsonNode testCase) {
		JsonNode request = testCase.get("request");
		String resource = request.path("resource").path("type").asString("") + ":"
				+ request.path("resource").path("id").asString("");
		String subject = request.path("subject").path("id").asString("");
		return subject.substring(0, Math.min(8, subject.length())) + " "
				+ request.path("action").path("name").asString("") + " " + resource + " -> " + testCase.get("expected");
	}

	static boolean conformancePresent() {
		if (Files.isDirectory(folder())) {
			return true;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("AuthZEN interop data not found at " + folder() + "; required when CI=true");
		}
		System.out.println("authzen-todo, authzen-gateway: skipped, no interop data at " + folder());
		return false;
	}

	/** {@code ../shared/conformance/authzen} beside the project. */
	static Path folder() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("sample-app")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir.resolveSibling("shared").resolve("conformance").resolve("authzen").normalize();
			}
		}
		return Path.of("..", "..", "shared", "conformance", "authzen").toAbsolutePath().normalize();
	}

}
