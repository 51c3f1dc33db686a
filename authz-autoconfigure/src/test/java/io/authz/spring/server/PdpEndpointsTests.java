package io.authz.spring.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.authz.core.protocol.JsonValues;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDP endpoints over real HTTP, in an application with its own security filter chain: the AuthZEN 1.0
 * certification scenario's fixture decisions, error cases, batch semantics and searches (its fixture's subjects and
 * records come from attribute files), the Cerbos check API, and the API key.
 */
@SpringBootTest(classes = PdpEndpointsTests.PdpApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "authz.local.policies=classpath:pdp-policies/", "authz.server.enabled=true",
				"authz.server.api-key=test-key", "authz.server.max-resources-per-request=3",
				"authz.server.max-actions-per-resource=2", "authz.pip.principals=classpath:pdp-data/subjects.json",
				"authz.pip.resources.record=classpath:pdp-data/records.json",
				"authz.server.search.actions.record=read,write,delete" })
class PdpEndpointsTests {

	private static final String KEY = "test-key";

	private static final String ALICE = "{\"type\": \"user\", \"id\": \"alice\"}";

	private static final String BOB = "{\"type\": \"user\", \"id\": \"bob\"}";

	private static final String READ = "{\"name\": \"read\"}";

	private static final String WRITE = "{\"name\": \"write\"}";

	private static final String RECORD_1 = "{\"type\": \"record\", \"id\": \"record-1\"}";

	private static final String RECORD_2_ARCHIVED = "{\"type\": \"record\", \"id\": \"record-2\", \"properties\": {\"status\": \"archived\"}}";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void fixtureDecisions() {
		assertDecision(evaluation(ALICE, READ, RECORD_1), true);
		assertDecision(evaluation(ALICE, WRITE, RECORD_1), true);
		assertDecision(evaluation(BOB, READ, RECORD_1), true);
		assertDecision(evaluation(BOB, WRITE, RECORD_1), false);
		assertDecision(evaluation(ALICE, WRITE, RECORD_2_ARCHIVED), false);
		assertDecision(evaluation("{\"type\": \"user\", \"id\": \"bob\", \"properties\": {\"role\": \"admin\"}}", WRITE,
				RECORD_2_ARCHIVED), true);
		assertDecision(evaluation(ALICE, "{\"name\": \"delete\", \"properties\": {\"soft\": true}}", RECORD_1), true);
		assertDecision(evaluation(ALICE, "{\"name\": \"delete\", \"properties\": {\"soft\": false}}", RECORD_1), false);
	}

	@Test
	void optionalContextAdditionalPropertiesAndUnknownFieldsAreAccepted() {
		assertDecision("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1
				+ ", \"context\": {\"time\": \"2025-06-27T18:03-07:00\", \"ip\": \"192.168.1.1\"}}", true);
		assertDecision("{\"subject\": {\"type\": \"user\", \"id\": \"alice\", \"properties\": {\"department\": "
				+ "\"Sales\", \"role\": \"manager\"}}, \"action\": {\"name\": \"read\", \"properties\": {\"method\": "
				+ "\"GET\"}}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\", \"properties\": {\"status\": "
				+ "\"active\", \"owner\": \"bob\"}}}", true);
		assertDecision("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1
				+ ", \"foo\": \"bar\", \"futureField\": {\"nested\": true}}", true);
	}

	@Test
	void sameRequestSameDecision() {
		for (int i = 0; i < 3; i++) {
			assertDecision(evaluation(BOB, WRITE, RECORD_1), false);
		}
	}

	@Test
	void badRequestsAre400WithAMessage() {
		assertBadRequest("{\"action\": " + READ + ", \"resource\": " + RECORD_1 + "}", "subject: is required");
		assertBadRequest("{\"subject\": " + ALICE + ", \"resource\": " + RECORD_1 + "}", "action: is required");
		assertBadRequest("{\"subject\": " + ALICE + ", \"action\": " + READ + "}", "resource: is required");
		assertBadRequest(evaluation("{\"id\": \"alice\"}", READ, RECORD_1), "subject.type");
		assertBadRequest(evaluation("{\"type\": \"user\"}", READ, RECORD_1), "subject.id");
		assertBadRequest(evaluation(ALICE, "{}", RECORD_1), "action.name");
		assertBadRequest(evaluation(ALICE, READ, "{\"id\": \"record-1\"}"), "resource.type");
		assertBadRequest(evaluation(ALICE, READ, "{\"type\": \"record\"}"), "resource.id");
		assertBadRequest("{\"subject\": \"alice\", \"action\": " + READ + ", \"resource\": " + RECORD_1 + "}",
				"subject: must be an object");
		assertBadRequest(evaluation(ALICE, "{\"name\": 123}", RECORD_1), "action.name: must be a string");
		assertBadRequest("{\"subject\": ", "not valid JSON");
		assertBadRequest("", "empty");
		HttpResponse<String> text = post("/access/v1/evaluation", evaluation(ALICE, READ, RECORD_1), "text/plain",
				KEY, null);
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(text.body()).contains("Content-Type must be application/json");
		HttpResponse<String> none = post("/access/v1/evaluation", evaluation(ALICE, READ, RECORD_1), null, KEY, null);
		assertThat(none.statusCode()).isEqualTo(400);
	}

	@Test
	void requestIdIsEchoed() {
		HttpResponse<String> ok = post("/access/v1/evaluation", evaluation(ALICE, READ, RECORD_1), "application/json",
				KEY, "req-1");
		assertThat(ok.headers().firstValue("X-Request-ID")).hasValue("req-1");
		assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		HttpResponse<String> bad = post("/access/v1/evaluation", "{}", "application/json", KEY, "req-2");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("X-Request-ID")).hasValue("req-2");
		HttpResponse<String> unauthorized = post("/access/v1/evaluation", "{}", "application/json", null, "req-3");
		assertThat(unauthorized.statusCode()).isEqualTo(401);
		assertThat(unauthorized.headers().firstValue("X-Request-ID")).hasValue("req-3");
		assertThat(post("/access/v1/evaluation", evaluation(ALICE, READ, RECORD_1), "application/json", KEY, null)
			.headers()
			.firstValue("X-Request-ID")).isEmpty();
	}

	@Test
	void batchDecisionsInRequestOrderWithDefaults() {
		assertEvaluations("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"evaluations\": [{\"resource\": "
				+ RECORD_1 + "}, {\"resource\": {\"type\": \"record\", \"id\": \"record-2\"}}]}", true, true);
		assertEvaluations("{\"subject\": " + BOB + ", \"resource\": " + RECORD_1 + ", \"evaluations\": [{\"action\": "
				+ READ + "}, {\"action\": " + WRITE + "}]}", true, false);
		assertEvaluations("{\"subject\": " + ALICE + ", \"action\": " + WRITE + ", \"evaluations\": [{\"resource\": "
				+ "{\"type\": \"record\", \"id\": \"record-1\", \"properties\": {\"status\": \"active\"}}}, "
				+ "{\"resource\": " + RECORD_2_ARCHIVED + "}]}", true, false);
		assertEvaluations("{\"action\": " + WRITE + ", \"resource\": " + RECORD_2_ARCHIVED + ", \"evaluations\": ["
				+ "{\"subject\": " + ALICE + "}, {\"subject\": {\"type\": \"user\", \"id\": \"bob\", \"properties\": "
				+ "{\"role\": \"admin\"}}}]}", false, true);
		assertEvaluations("{\"evaluations\": [{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": "
				+ RECORD_1 + "}, {\"subject\": " + BOB + ", \"action\": " + WRITE + ", \"resource\": " + RECORD_1
				+ "}]}", true, false);
		// An item's key replaces the whole default object, properties included
		assertEvaluations("{\"subject\": " + ALICE + ", \"action\": " + WRITE + ", \"resource\": {\"type\": \"record\", "
				+ "\"id\": \"record-1\", \"properties\": {\"status\": \"active\"}}, \"evaluations\": [{}, {\"resource\": "
				+ RECORD_2_ARCHIVED + "}]}", true, false);
		assertEvaluations("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"context\": {\"time\": \"t\"}, "
				+ "\"evaluations\": [{\"resource\": " + RECORD_1 + "}, {\"resource\": " + RECORD_1 + ", \"context\": "
				+ "{\"source\": \"batch-override\"}}]}", true, true);
	}

	@Test
	void failedItemIsAFalseDecisionWithItsReason() {
		Map<String, Object> body = json(post("/access/v1/evaluations", "{\"subject\": " + ALICE + ", \"action\": " + READ
				+ ", \"options\": {\"evaluations_semantic\": \"execute_all\"}, \"evaluations\": [{\"resource\": "
				+ RECORD_1 + "}, {}]}", "application/json", KEY, null));
		assertThat(body).isEqualTo(Map.of("evaluations", List.of(Map.of("decision", true), Map.of("decision", false,
				"context", Map.of("error", Map.of("status", 400L, "message", "evaluations[1].resource: is required"))))));
	}

	@Test
	void evaluationsWithoutItemsAnswerAsASingleEvaluation() {
		String single = "{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1;
		assertThat(json(post("/access/v1/evaluations", single + "}", "application/json", KEY, null)))
			.isEqualTo(Map.of("decision", true));
		assertThat(json(post("/access/v1/evaluations", single + ", \"evaluations\": []}", "application/json", KEY, null)))
			.isEqualTo(Map.of("decision", true));
		assertThat(post("/access/v1/evaluations", "{\"subject\": " + ALICE + "}", "application/json", KEY, null)
			.statusCode()).isEqualTo(400);
	}

	@Test
	void shortCircuitSemantics() {
		String items = "\"evaluations\": [{\"action\": " + READ + "}, {\"action\": " + WRITE + "}, {\"action\": " + READ
				+ "}]";
		String defaults = "{\"subject\": " + BOB + ", \"resource\": " + RECORD_1 + ", ";
		assertEvaluations(defaults + "\"options\": {\"evaluations_semantic\": \"deny_on_first_deny\"}, " + items + "}",
				true, false);
		assertEvaluations(defaults + "\"options\": {\"evaluations_semantic\": \"permit_on_first_permit\"}, " + items + "}",
				true);
		// A failed evaluation is no permit: the run goes on
		Map<String, Object> failedThenPermit = json(post("/access/v1/evaluations", defaults
				+ "\"options\": {\"evaluations_semantic\": \"permit_on_first_permit\"}, \"evaluations\": [{\"action\": "
				+ WRITE + "}, {}, {\"action\": " + READ + "}, {\"action\": " + READ + "}]}", "application/json", KEY, null));
		assertThat(decisions(failedThenPermit)).containsExactly(false, false, true);
		// ... and a failed evaluation is a deny that stops deny_on_first_deny
		Map<String, Object> failedStops = json(post("/access/v1/evaluations", defaults
				+ "\"options\": {\"evaluations_semantic\": \"deny_on_first_deny\"}, \"evaluations\": [{\"action\": "
				+ READ + "}, {}, {\"action\": " + READ + "}]}", "application/json", KEY, null));
		assertThat(decisions(failedStops)).containsExactly(true, false);
		assertEvaluations(defaults + "\"options\": {\"evaluations_semantic\": \"execute_all\"}, " + items + "}", true,
				false, true);
		assertThat(post("/access/v1/evaluations", defaults + "\"options\": {\"evaluations_semantic\": \"some\"}, "
				+ items + "}", "application/json", KEY, null)
			.statusCode()).isEqualTo(400);
	}

	@Test
	void tooManyEvaluationsAreRejected() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < 7; i++) {
			items.append((i > 0) ? ", " : "").append("{}");
		}
		HttpResponse<String> response = post("/access/v1/evaluations", "{\"subject\": " + ALICE + ", \"action\": "
				+ READ + ", \"resource\": " + RECORD_1 + ", \"evaluations\": [" + items + "]}", "application/json", KEY,
				null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("7 evaluations exceed the limit of 6");
	}

	@Test
	void searchesFindTheFixtureEntities() {
		Map<String, Object> subjects = search("subject", "{\"subject\": {\"type\": \"user\"}, \"action\": " + READ
				+ ", \"resource\": " + RECORD_1 + "}");
		assertThat(subjects).isEqualTo(Map.of("results",
				List.of(Map.of("type", "user", "id", "alice"), Map.of("type", "user", "id", "bob"))));
		// The searched-for subject's id, and the context, change nothing
		assertThat(search("subject", "{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": "
				+ RECORD_1 + ", \"context\": {\"ip\": \"192.168.1.1\"}}"))
			.isEqualTo(subjects);
		Map<String, Object> resources = search("resource", "{\"subject\": " + ALICE + ", \"action\": " + WRITE
				+ ", \"resource\": {\"type\": \"record\"}}");
		assertThat(resources).isEqualTo(Map.of("results", List.of(Map.of("type", "record", "id", "record-1"))));
		assertThat(search("resource", "{\"subject\": " + ALICE + ", \"action\": " + WRITE + ", \"resource\": "
				+ RECORD_1 + "}"))
			.isEqualTo(resources);
		assertThat(search("action", "{\"subject\": " + ALICE + ", \"resource\": " + RECORD_1 + "}"))
			.isEqualTo(Map.of("results", List.of(Map.of("name", "read"), Map.of("name", "write"))));
	}

	@Test
	void searchesEvaluateProperties() {
		assertThat(search("subject", "{\"subject\": {\"type\": \"user\"}, \"action\": " + WRITE
				+ ", \"resource\": " + RECORD_2_ARCHIVED + "}"))
			.isEqualTo(Map.of("results", List.of(Map.of("type", "user", "id", "bob"))));
		assertThat(search("resource", "{\"subject\": {\"type\": \"user\", \"id\": \"bob\", \"properties\": "
				+ "{\"role\": \"admin\"}}, \"action\": " + WRITE + ", \"resource\": {\"type\": \"record\"}}"))
			.isEqualTo(Map.of("results", List.of(Map.of("type", "record", "id", "record-2"))));
		assertThat(search("action", "{\"subject\": {\"type\": \"user\", \"id\": \"bob\", \"properties\": "
				+ "{\"role\": \"admin\"}}, \"resource\": " + RECORD_2_ARCHIVED + "}"))
			.isEqualTo(Map.of("results", List.of(Map.of("name", "read"), Map.of("name", "write"))));
	}

	@Test
	void searchesWithUnknownEntitiesFindNothing() {
		assertThat(search("action", "{\"subject\": {\"type\": \"user\", \"id\": \"nonexistent-user\"}, "
				+ "\"resource\": " + RECORD_1 + "}"))
			.isEqualTo(Map.of("results", List.of()));
		assertThat(search("subject", "{\"subject\": {\"type\": \"spaceship\"}, \"action\": " + READ
				+ ", \"resource\": " + RECORD_1 + "}"))
			.isEqualTo(Map.of("results", List.of()));
		assertThat(search("resource", "{\"subject\": " + ALICE + ", \"action\": " + READ
				+ ", \"resource\": {\"type\": \"spaceship\"}}"))
			.isEqualTo(Map.of("results", List.of()));
	}

	@Test
	void searchesAcceptPaginationAndAnswerInOnePage() {
		assertThat(search("subject", "{\"subject\": {\"type\": \"user\"}, \"action\": " + READ
				+ ", \"resource\": " + RECORD_1 + ", \"page\": {\"limit\": 1}}"))
			.isEqualTo(Map.of("results",
					List.of(Map.of("type", "user", "id", "alice"), Map.of("type", "user", "id", "bob")), "page",
					Map.of("next_token", "")));
	}

	@Test
	void searchesMissingRequiredMembersAre400() {
		assertSearchRejected("subject", "{\"subject\": {\"type\": \"user\"}, \"resource\": " + RECORD_1 + "}",
				"action: is required");
		assertSearchRejected("resource", "{\"action\": " + READ + ", \"resource\": {\"type\": \"record\"}}",
				"subject: is required");
		assertSearchRejected("action", "{\"subject\": " + ALICE + "}", "resource: is required");
		String typesOnly = "{\"subject\": {\"type\": \"user\"}, \"action\": " + READ
				+ ", \"resource\": {\"type\": \"record\"}}";
		assertSearchRejected("subject", typesOnly, "resource.id: is required");
		assertSearchRejected("resource", typesOnly, "subject.id: is required");
		assertSearchRejected("action", "{\"subject\": {\"type\": \"user\"}, \"resource\": " + RECORD_1 + "}",
				"subject.id: is required");
	}

	private Map<String, Object> search(String kind, String body) {
		HttpResponse<String> response = post("/access/v1/search/" + kind, body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		return json(response);
	}

	private void assertSearchRejected(String kind, String body, String message) {
		HttpResponse<String> response = post("/access/v1/search/" + kind, body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(response.body()).contains(message);
	}

	@Test
	void metadataIsOpenAndNamesTheEndpoints() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url("/.well-known/authzen-configuration"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(json(response)).containsEntry("policy_decision_point", url(""))
			.containsEntry("access_evaluation_endpoint", url("/access/v1/evaluation"))
			.containsEntry("access_evaluations_endpoint", url("/access/v1/evaluations"))
			.containsEntry("search_subject_endpoint", url("/access/v1/search/subject"))
			.containsEntry("search_resource_endpoint", url("/access/v1/search/resource"))
			.containsEntry("search_action_endpoint", url("/access/v1/search/action"));
	}

	@Test
	void apiKeyIsRequiredAsBearerOrBareKey() {
		String body = evaluation(ALICE, READ, RECORD_1);
		HttpResponse<String> missing = post("/access/v1/evaluation", body, "application/json", null, null);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Bearer"));
		assertThat(post("/access/v1/evaluation", body, "application/json", "wrong", null).statusCode()).isEqualTo(401);
		assertThat(post("/access/v1/evaluation", body, "application/json", "Bearer wrong", null).statusCode())
			.isEqualTo(401);
		assertThat(post("/access/v1/evaluation", body, "application/json", "Bearer " + KEY, null).statusCode())
			.isEqualTo(200);
		assertThat(post("/access/v1/evaluation", body, "application/json", KEY, null).statusCode()).isEqualTo(200);
		assertThat(post("/api/check/resources", "{}", "application/json", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void theKeyOpensThePdpOnlyAndTheApplicationKeepsItsOwnRules() throws Exception {
		HttpResponse<String> anonymous = get("/hello", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(get("/hello", KEY).statusCode()).isEqualTo(401);
		assertThat(get("/hello", "Bearer " + KEY).statusCode()).isEqualTo(401);
		String basic = "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> user = get("/hello", basic);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).isEqualTo("hello user");
		// The application's users are not PDP callers
		assertThat(post("/access/v1/evaluation", evaluation(ALICE, READ, RECORD_1), "application/json", basic, null)
			.statusCode()).isEqualTo(401);
	}

	@Test
	void cerbosCheckWithMetaAndOutputs() {
		HttpResponse<String> response = post("/api/check/resources", """
				{"requestId": "r1", "includeMeta": true,
				 "principal": {"id": "alice", "roles": ["user"]},
				 "resources": [{"actions": ["read", "edit"], "resource": {"kind": "document", "id": "1", "attr": {"owner": "alice"}}},
				               {"actions": ["edit"], "resource": {"kind": "document", "id": "2", "policyVersion": "default",
				                "attr": {"owner": "bob"}}},
				               {"actions": ["read"], "resource": {"kind": "unknown", "id": "3"}}]}
				""", "application/json", KEY, null);
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = json(response);
		assertThat(body).containsEntry("requestId", "r1").containsKey("cerbosCallId");
		assertThat(body.get("results")).isEqualTo(List.of(
				Map.of("resource", Map.of("id", "1", "kind", "document"), "actions",
						Map.of("read", "EFFECT_ALLOW", "edit", "EFFECT_ALLOW"), "meta",
						Map.of("actions", Map.of("read", Map.of("matchedPolicy", "resource.document.vdefault"), "edit",
								Map.of("matchedPolicy", "resource.document.vdefault"))),
						"outputs",
						List.of(Map.of("src", "resource.document.vdefault#owner_edits", "val", "edited by alice",
								"action", "edit"))),
				Map.of("resource", Map.of("id", "2", "kind", "document", "policyVersion", "default"), "actions",
						Map.of("edit", "EFFECT_DENY"), "meta",
						Map.of("actions", Map.of("edit", Map.of("matchedPolicy", "resource.document.vdefault")))),
				Map.of("resource", Map.of("id", "3", "kind", "unknown"), "actions", Map.of("read", "EFFECT_DENY"), "meta",
						Map.of("actions", Map.of("read", Map.of("matchedPolicy", "NO_MATCH"))))));
	}

	@Test
	void cerbosBadRequestsAre400WithCerbosErrorBody() {
		String principal = "\"principal\": {\"id\": \"alice\", \"roles\": [\"user\"]}";
		String resource = "{\"actions\": [\"read\"], \"resource\": {\"kind\": \"document\", \"id\": \"1\"}}";
		assertCerbosRejected("{\"resources\": [" + resource + "]}", "principal: is required");
		assertCerbosRejected("{" + principal + ", \"resources\": []}", "resources: must contain at least one resource");
		assertCerbosRejected("{" + principal + ", \"resources\": [" + resource + ", " + resource + ", " + resource + ", "
				+ resource + "]}", "4 resources exceed the limit of 3 per request");
		assertCerbosRejected("{" + principal + ", \"resources\": [{\"actions\": [\"a\", \"b\", \"c\"], \"resource\": "
				+ "{\"kind\": \"document\", \"id\": \"1\"}}]}", "3 actions exceed the limit of 2 per resource");
		assertCerbosRejected("{\"principal\": ", "not valid JSON");
		assertCerbosRejected("", "empty");
		assertCerbosRejected("{" + principal + ", \"resources\": [" + resource + "], \"auxData\": {\"jwt\": {\"token\": "
				+ "\"a.b.c\"}}}", "auxData.jwt: JWTs in auxiliary data cannot be verified");
	}

	private static List<Object> decisions(Map<String, Object> response) {
		return ((List<?>) response.get("evaluations")).stream()
			.map((item) -> (Object) ((Map<?, ?>) item).get("decision"))
			.toList();
	}

	private void assertCerbosRejected(String body, String message) {
		HttpResponse<String> response = post("/api/check/resources", body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		Map<String, Object> error = json(response);
		assertThat(error).containsEntry("code", 3L);
		assertThat((String) error.get("message")).contains(message);
	}

	private static String evaluation(String subject, String action, String resource) {
		return "{\"subject\": " + subject + ", \"action\": " + action + ", \"resource\": " + resource + "}";
	}

	private void assertDecision(String body, boolean expected) {
		HttpResponse<String> response = post("/access/v1/evaluation", body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		assertThat(json(response)).as(body).isEqualTo(Map.of("decision", expected));
	}

	private void assertEvaluations(String body, Boolean... expected) {
		HttpResponse<String> response = post("/access/v1/evaluations", body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		List<Map<String, Object>> decisions = java.util.Arrays.stream(expected)
			.map((decision) -> Map.<String, Object>of("decision", decision))
			.toList();
		assertThat(json(response)).as(body).isEqualTo(Map.of("evaluations", decisions));
	}

	private void assertBadRequest(String body, String message) {
		HttpResponse<String> response = post("/access/v1/evaluation", body, "application/json", KEY, null);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		assertThat(response.body()).as(body).contains(message);
	}

	private HttpResponse<String> post(String path, String body, String contentType, String authorization,
			String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (requestId != null) {
			request.header("X-Request-ID", requestId);
		}
		return send(request.build());
	}

	private HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Map<String, Object> json(HttpResponse<String> response) {
		return JsonValues.toMap(JsonValues.readObject(response.body().getBytes(StandardCharsets.UTF_8)));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PdpApplication {

		@Bean
		SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}password").build());
		}

		@Bean
		HelloController helloController() {
			return new HelloController();
		}

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello(java.security.Principal principal) {
			return "hello " + principal.getName();
		}

	}

}
