package io.authz.core.protocol.authzen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.authz.core.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthzenJsonTests {

	private static final String SUBJECT = "{\"type\": \"user\", \"id\": \"alice\"}";

	private static final String ACTION = "{\"name\": \"read\"}";

	private static final String RESOURCE = "{\"type\": \"record\", \"id\": \"record-1\"}";

	private final AuthzenJson json = new AuthzenJson();

	@Test
	void readsEvaluationIgnoringUnknownMembers() {
		EvaluationRequest request = evaluation("{\"subject\": {\"type\": \"user\", \"id\": \"alice\", \"properties\": "
				+ "{\"department\": \"Sales\"}}, \"action\": {\"name\": \"read\", \"properties\": {\"method\": \"GET\"}}, "
				+ "\"resource\": " + RESOURCE + ", \"context\": {\"ip\": \"10.0.0.1\"}, \"foo\": \"bar\", "
				+ "\"futureField\": {\"nested\": true}}");
		assertThat(request.subject()).isEqualTo(new AuthzenSubject("user", "alice", Map.of("department", "Sales")));
		assertThat(request.action()).isEqualTo(new AuthzenAction("read", Map.of("method", "GET")));
		assertThat(request.resource()).isEqualTo(new AuthzenResource("record", "record-1", Map.of()));
		assertThat(request.context()).containsEntry("ip", "10.0.0.1");
	}

	@Test
	void rejectsEvaluationsTheCertificationScenarioRejects() {
		assertRejected("", "empty");
		assertRejected("{\"subject\":", "not valid JSON");
		assertRejected("\"text\"", "must be a JSON object");
		assertRejected("{\"action\": " + ACTION + ", \"resource\": " + RESOURCE + "}", "subject: is required");
		assertRejected("{\"subject\": " + SUBJECT + ", \"resource\": " + RESOURCE + "}", "action: is required");
		assertRejected("{\"subject\": " + SUBJECT + ", \"action\": " + ACTION + "}", "resource: is required");
		assertRejected("{\"subject\": {\"id\": \"alice\"}, \"action\": " + ACTION + ", \"resource\": " + RESOURCE + "}",
				"subject.type: is required");
		assertRejected("{\"subject\": {\"type\": \"user\"}, \"action\": " + ACTION + ", \"resource\": " + RESOURCE + "}",
				"subject.id: is required");
		assertRejected("{\"subject\": " + SUBJECT + ", \"action\": {}, \"resource\": " + RESOURCE + "}",
				"action.name: is required");
		assertRejected("{\"subject\": " + SUBJECT + ", \"action\": " + ACTION + ", \"resource\": {\"id\": \"r\"}}",
				"resource.type: is required");
		assertRejected("{\"subject\": " + SUBJECT + ", \"action\": " + ACTION + ", \"resource\": {\"type\": \"r\"}}",
				"resource.id: is required");
		assertRejected("{\"subject\": \"alice\", \"action\": " + ACTION + ", \"resource\": " + RESOURCE + "}",
				"subject: must be an object, not a string");
		assertRejected("{\"subject\": " + SUBJECT + ", \"action\": {\"name\": 123}, \"resource\": " + RESOURCE + "}",
				"action.name: must be a string, not a number");
		assertRejected("{\"subject\": {\"type\": \"user\", \"id\": \"a\", \"properties\": []}, \"action\": " + ACTION
				+ ", \"resource\": " + RESOURCE + "}", "subject.properties: must be an object, not an array");
	}

	@Test
	void evaluationsTakeWholeDefaultsPerKey() {
		EvaluationsRequest request = this.json.readEvaluations(bytes("{\"subject\": " + SUBJECT
				+ ", \"action\": {\"name\": \"write\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\", "
				+ "\"properties\": {\"status\": \"active\"}}, \"context\": {\"time\": \"t1\"}, \"evaluations\": [{}, "
				+ "{\"resource\": {\"type\": \"record\", \"id\": \"record-2\"}, \"context\": {\"source\": \"x\"}}]}"));
		assertThat(request.semantic()).isEqualTo(EvaluationsSemantic.EXECUTE_ALL);
		EvaluationRequest first = request.evaluation(0);
		assertThat(first.resource().properties()).containsEntry("status", "active");
		assertThat(first.context()).containsEntry("time", "t1");
		EvaluationRequest second = request.evaluation(1);
		// The item's resource replaces the default whole: no status from the default
		assertThat(second.resource()).isEqualTo(new AuthzenResource("record", "record-2", Map.of()));
		assertThat(second.context()).isEqualTo(Map.of("source", "x"));
		assertThat(second.action().name()).isEqualTo("write");
	}

	@Test
	void malformedItemsFailAlone() {
		EvaluationsRequest request = this.json.readEvaluations(bytes("{\"subject\": " + SUBJECT + ", \"action\": "
				+ ACTION + ", \"evaluations\": [{\"resource\": " + RESOURCE + "}, {}, \"x\", {\"resource\": "
				+ "{\"type\": 1, \"id\": \"r\"}}], \"options\": {\"evaluations_semantic\": \"deny_on_first_deny\"}}"));
		assertThat(request.semantic()).isEqualTo(EvaluationsSemantic.DENY_ON_FIRST_DENY);
		assertThat(request.evaluation(0).resource().id()).isEqualTo("record-1");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> request.evaluation(1))
			.withMessage("evaluations[1].resource: is required");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> request.evaluation(2))
			.withMessage("evaluations[2]: must be an object, not a string");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> request.evaluation(3))
			.withMessage("evaluations[3].resource.type: must be a string, not a number");
	}

	@Test
	void evaluationsWithoutItemsAreASingleEvaluation() {
		EvaluationsRequest request = this.json.readEvaluations(bytes("{\"subject\": " + SUBJECT + ", \"action\": "
				+ ACTION + ", \"resource\": " + RESOURCE + ", \"evaluations\": []}"));
		assertThat(request.isSingle()).isTrue();
		assertThat(request.single().subject().id()).isEqualTo("alice");
	}

	@Test
	void rejectsMalformedTopLevelOfEvaluations() {
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.json.readEvaluations(bytes("{\"evaluations\": {}}")))
			.withMessage("evaluations: must be an array, not an object");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.json.readEvaluations(bytes("{\"subject\": 1, \"evaluations\": [{}]}")))
			.withMessage("subject: must be an object, not a number");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.json
				.readEvaluations(bytes("{\"options\": {\"evaluations_semantic\": \"all\"}, \"evaluations\": [{}]}")))
			.withMessageContaining("'all' is not one of execute_all");
	}

	@Test
	void writesDecisionsWithoutEmptyContext() {
		assertThat(text(this.json.writeEvaluationResponse(EvaluationResponse.of(false))))
			.isEqualTo("{\"decision\":false}");
		assertThat(text(this.json.writeEvaluationsResponse(new EvaluationsResponse(List.of(EvaluationResponse.of(true),
				new EvaluationResponse(false, Map.of("reason", "x")))))))
			.isEqualTo("{\"evaluations\":[{\"decision\":true},{\"decision\":false,\"context\":{\"reason\":\"x\"}}]}");
	}

	@Test
	void writesMetadata() {
		assertThat(text(this.json.writeMetadata(PdpMetadata.forBaseUrl("https://pdp.example.com/", false))))
			.isEqualTo("{\"policy_decision_point\":\"https://pdp.example.com\",\"access_evaluation_endpoint\":"
					+ "\"https://pdp.example.com/access/v1/evaluation\",\"access_evaluations_endpoint\":"
					+ "\"https://pdp.example.com/access/v1/evaluations\"}");
	}

	@Test
	void clientDirectionRoundTrips() {
		EvaluationRequest request = new EvaluationRequest(new AuthzenSubject("user", "alice", Map.of("a", 1L)),
				new AuthzenAction("read", Map.of()), new AuthzenResource("doc", "1", Map.of()), Map.of("k", "v"));
		assertThat(this.json.readEvaluation(this.json.writeEvaluation(request))).isEqualTo(request);
		byte[] batch = this.json.writeEvaluations(List.of(request, request), EvaluationsSemantic.PERMIT_ON_FIRST_PERMIT);
		EvaluationsRequest read = this.json.readEvaluations(batch);
		assertThat(read.semantic()).isEqualTo(EvaluationsSemantic.PERMIT_ON_FIRST_PERMIT);
		assertThat(read.evaluation(1)).isEqualTo(request);
		assertThat(this.json.readEvaluationsResponse(bytes("{\"evaluations\":[{\"decision\":true}]}")).evaluations())
			.containsExactly(EvaluationResponse.of(true));
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.json.readEvaluationResponse(bytes("{\"decision\":\"yes\"}")));
	}

	@Test
	void readsSearchRequests() {
		SearchRequest request = this.json.readSearch(bytes("{\"subject\": {\"type\": \"user\"}, \"action\": " + ACTION
				+ ", \"resource\": " + RESOURCE + ", \"page\": {\"limit\": 1, \"token\": \"t\"}}"));
		assertThat(request.subject().id()).isNull();
		assertThat(request.page()).isEqualTo(new SearchRequest.Page("t", 1));
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.json.readSearch(bytes("{\"page\": {\"limit\": -1}}")));
	}

	@Test
	void searchRequestsNeedTheirInputEntitiesComplete() {
		SearchRequest typesOnly = this.json.readSearch(bytes("{\"subject\": {\"type\": \"user\"}, \"action\": "
				+ ACTION + ", \"resource\": {\"type\": \"record\"}}"));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> typesOnly.validate(SearchRequest.Kind.SUBJECT))
			.withMessage("resource.id: is required and must be a non-empty string");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> typesOnly.validate(SearchRequest.Kind.RESOURCE))
			.withMessage("subject.id: is required and must be a non-empty string");
		SearchRequest withoutAction = this.json
			.readSearch(bytes("{\"subject\": " + SUBJECT + ", \"resource\": " + RESOURCE + "}"));
		withoutAction.validate(SearchRequest.Kind.ACTION);
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> withoutAction.validate(SearchRequest.Kind.RESOURCE))
			.withMessage("action: is required");
	}

	private EvaluationRequest evaluation(String body) {
		return this.json.readEvaluation(bytes(body));
	}

	private void assertRejected(String body, String message) {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> evaluation(body))
			.withMessageContaining(message);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
