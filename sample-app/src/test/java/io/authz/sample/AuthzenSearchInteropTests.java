package io.authz.sample;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
 * The AuthZEN search interop scenario (60 subject, 18 resource and 120 action searches, results compared as sets)
 * and the certification fixture's decisions and searches, over HTTP against the {@code authzen-interop} profile
 * with the todo and search users as principals files and the search records as a resources file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "authz.server.api-key=interop-key" })
@ActiveProfiles("authzen-interop")
@AutoConfigureRestTestClient
@EnabledIf("io.authz.sample.AuthzenInteropTests#conformancePresent")
class AuthzenSearchInteropTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, AtomicInteger[]> results = new LinkedHashMap<>();

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void data(DynamicPropertyRegistry registry) {
		String folder = "file:" + AuthzenInteropTests.folder() + "/";
		registry.add("authz.pip.principals", () -> folder + "todo-users.json," + folder + "search-users.json");
		registry.add("authz.pip.resources.record",
				() -> "classpath:authzen-interop/records.json," + folder + "search-records.json");
	}

	@TestFactory
	Stream<DynamicTest> subjectSearch() throws IOException {
		return suite("authzen-search-subject", "subject", "search-subject-cases.json");
	}

	@TestFactory
	Stream<DynamicTest> resourceSearch() throws IOException {
		return suite("authzen-search-resource", "resource", "search-resource-cases.json");
	}

	@TestFactory
	Stream<DynamicTest> actionSearch() throws IOException {
		return suite("authzen-search-action", "action", "search-action-cases.json");
	}

	@AfterAll
	static void summary() {
		synchronized (results) {
			results.forEach((suite, counts) -> System.out
				.println(suite + ": " + counts[0] + " passed, " + counts[1] + " failed"));
		}
	}

	@Test
	void certificationFixtureDecisions() {
		assertThat(decision(evaluation("{\"type\": \"user\", \"id\": \"alice\"}", "read", "record-1", ""))).isTrue();
		assertThat(decision(evaluation("{\"type\": \"user\", \"id\": \"alice\"}", "write", "record-1", ""))).isTrue();
		assertThat(decision(evaluation("{\"type\": \"user\", \"id\": \"bob\"}", "read", "record-1", ""))).isTrue();
		assertThat(decision(evaluation("{\"type\": \"user\", \"id\": \"bob\"}", "write", "record-1", ""))).isFalse();
		String archived = ", \"properties\": {\"status\": \"archived\"}";
		assertThat(decision(evaluation("{\"type\": \"user\", \"id\": \"alice\"}", "write", "record-2", archived)))
			.isFalse();
		assertThat(decision(evaluation(
				"{\"type\": \"user\", \"id\": \"bob\", \"properties\": {\"role\": \"admin\"}}", "write", "record-2",
				archived)))
			.isTrue();
		assertThat(decision("{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": \"delete\", "
				+ "\"properties\": {\"soft\": true}}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}"))
			.isTrue();
		assertThat(decision("{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": \"delete\", "
				+ "\"properties\": {\"soft\": false}}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}"))
			.isFalse();
	}

	@Test
	void certificationFixtureSearches() {
		assertThat(ids(post("/access/v1/search/subject", "{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": "
				+ "\"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}")))
			.contains("alice", "bob");
		assertThat(ids(post("/access/v1/search/resource", "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, "
				+ "\"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\"}}")))
			.contains("record-1");
		assertThat(ids(post("/access/v1/search/action", "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, "
				+ "\"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}")))
			.contains("read", "write");
		assertThat(ids(post("/access/v1/search/subject", "{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": "
				+ "\"write\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-2\", \"properties\": {\"status\": "
				+ "\"archived\"}}}")))
			.contains("bob");
		assertThat(ids(post("/access/v1/search/resource", "{\"subject\": {\"type\": \"user\", \"id\": \"bob\", "
				+ "\"properties\": {\"role\": \"admin\"}}, \"action\": {\"name\": \"write\"}, \"resource\": {\"type\": "
				+ "\"record\"}}")))
			.contains("record-2");
		assertThat(ids(post("/access/v1/search/action", "{\"subject\": {\"type\": \"user\", \"id\": \"bob\", "
				+ "\"properties\": {\"role\": \"admin\"}}, \"resource\": {\"type\": \"record\", \"id\": \"record-2\", "
				+ "\"properties\": {\"status\": \"archived\"}}}")))
			.contains("write");
		assertThat(ids(post("/access/v1/search/action", "{\"subject\": {\"type\": \"user\", \"id\": "
				+ "\"nonexistent-user\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}")))
			.isEmpty();
		assertThat(ids(post("/access/v1/search/subject", "{\"subject\": {\"type\": \"spaceship\"}, \"action\": "
				+ "{\"name\": \"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}")))
			.isEmpty();
	}

	private Stream<DynamicTest> suite(String name, String endpoint, String file) throws IOException {
		JsonNode cases = JSON.readTree(AuthzenInteropTests.folder().resolve(file).toFile());
		AtomicInteger[] counts;
		synchronized (results) {
			counts = results.computeIfAbsent(name, (key) -> new AtomicInteger[] { new AtomicInteger(),
					new AtomicInteger() });
		}
		return cases.path("evaluation").valueStream().map((testCase) -> DynamicTest.dynamicTest(
				JSON.writeValueAsString(testCase.get("request")), () -> {
					try {
						JsonNode response = post("/access/v1/search/" + endpoint, JSON.writeValueAsString(testCase.get("request")));
						assertThat(entities(response.get("results")))
							.isEqualTo(entities(testCase.get("expected").get("results")));
						counts[0].incrementAndGet();
					}
					catch (AssertionError | RuntimeException ex) {
						counts[1].incrementAndGet();
						throw ex;
					}
				}));
	}

	private static Set<JsonNode> entities(JsonNode results) {
		return new HashSet<>(results.valueStream().toList());
	}

	private static Set<String> ids(JsonNode response) {
		Set<String> ids = new HashSet<>();
		response.get("results").forEach((entity) -> ids.add(entity.has("id") ? entity.get("id").asString()
				: entity.get("name").asString()));
		return ids;
	}

	private static String evaluation(String subject, String action, String record, String properties) {
		return "{\"subject\": " + subject + ", \"action\": {\"name\": \"" + action + "\"}, \"resource\": {\"type\": "
				+ "\"record\", \"id\": \"" + record + "\"" + properties + "}}";
	}

	private boolean decision(String body) {
		return post("/access/v1/evaluation", body).get("decision").booleanValue();
	}

	private JsonNode post(String path, String body) {
		byte[] response = this.client.post()
			.uri(path)
			.header("Authorization", "Bearer interop-key")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return JSON.readTree(response);
	}

}
