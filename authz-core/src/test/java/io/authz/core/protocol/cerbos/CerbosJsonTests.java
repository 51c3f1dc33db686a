package io.authz.core.protocol.cerbos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CerbosJsonTests {

	private final CerbosJson json = new CerbosJson();

	@Test
	void readsRequestWithCamelCaseAndProtoNames() {
		CheckResourcesRequest request = read("""
				{"request_id": "r1", "includeMeta": true,
				 "principal": {"id": "john", "policy_version": "20210210", "roles": ["employee"],
				               "attr": {"department": "marketing", "level": 3, "tags": ["a"]}, "scope": "acme.hr"},
				 "resources": [{"actions": ["view:public", "approve"],
				                "resource": {"kind": "leave_request", "id": "XX125", "policyVersion": "v1",
				                             "attr": {"owner": "john"}, "scope": "acme"}}],
				 "auxData": {"jwt": {"token": "a.b.c", "keySetId": "ks1"}},
				 "requestContext": {"annotations": {"x": "y"}}, "unknown": 1}
				""");
		assertThat(request.requestId()).isEqualTo("r1");
		assertThat(request.includeMeta()).isTrue();
		assertThat(request.principal().id()).isEqualTo("john");
		assertThat(request.principal().policyVersion()).isEqualTo("20210210");
		assertThat(request.principal().attr()).containsEntry("level", 3L).containsEntry("tags", List.of("a"));
		assertThat(request.principal().scope()).isEqualTo("acme.hr");
		assertThat(request.resources()).singleElement().satisfies((entry) -> {
			assertThat(entry.actions()).containsExactly("view:public", "approve");
			assertThat(entry.resource().kind()).isEqualTo("leave_request");
			assertThat(entry.resource().policyVersion()).isEqualTo("v1");
			assertThat(entry.resource().scope()).isEqualTo("acme");
		});
		assertThat(request.auxData().jwt()).isEqualTo(new CheckResourcesRequest.Jwt("a.b.c", "ks1"));
	}

	@Test
	void rejectsWhatCerbosRejects() {
		String resource = "{\"actions\": [\"read\"], \"resource\": {\"kind\": \"doc\", \"id\": \"1\"}}";
		String principal = "{\"id\": \"john\", \"roles\": [\"user\"]}";
		assertRejected("", "Request body is empty");
		assertRejected("{", "not valid JSON");
		assertRejected("[]", "must be a JSON object");
		assertRejected("{\"resources\": [" + resource + "]}", "principal: is required");
		assertRejected("{\"principal\": " + principal + "}", "resources: must contain at least one resource");
		assertRejected("{\"principal\": " + principal + ", \"resources\": []}", "resources: must contain");
		assertRejected("{\"principal\": {\"id\": \"john\", \"roles\": []}, \"resources\": [" + resource + "]}",
				"principal.roles: must contain at least one role");
		assertRejected("{\"principal\": {\"roles\": [\"user\"]}, \"resources\": [" + resource + "]}",
				"principal.id: is required");
		assertRejected("{\"principal\": {\"id\": \"j\", \"roles\": [\"a\", \"a\"]}, \"resources\": [" + resource + "]}",
				"principal.roles: 'a' is repeated");
		assertRejected("{\"principal\": " + principal + ", \"resources\": [{\"resource\": {\"kind\": \"doc\", \"id\": \"1\"}}]}",
				"resources[0].actions: must contain at least one action");
		assertRejected("{\"principal\": " + principal
				+ ", \"resources\": [{\"actions\": [\"read\", \"read\"], \"resource\": {\"kind\": \"doc\", \"id\": \"1\"}}]}",
				"resources[0].actions: 'read' is repeated");
		assertRejected("{\"principal\": " + principal + ", \"resources\": [{\"actions\": [\"read\"]}]}",
				"resources[0].resource: is required");
		assertRejected("{\"principal\": " + principal
				+ ", \"resources\": [{\"actions\": [\"read\"], \"resource\": {\"kind\": \"doc\"}}]}",
				"resources[0].resource.id: is required");
		assertRejected("{\"principal\": {\"id\": \"j\", \"roles\": [\"a\"], \"policyVersion\": \"v-1\"}, \"resources\": ["
				+ resource + "]}", "principal.policyVersion: 'v-1'");
		assertRejected("{\"principal\": {\"id\": \"j\", \"roles\": [\"a\"], \"scope\": \"acme..hr\"}, \"resources\": ["
				+ resource + "]}", "principal.scope: 'acme..hr' is not a valid scope");
		assertRejected("{\"principal\": {\"id\": 7, \"roles\": [\"a\"]}, \"resources\": [" + resource + "]}",
				"principal.id: must be a string, not a number");
		assertRejected("{\"principal\": " + principal + ", \"resources\": [" + resource
				+ "], \"auxData\": {\"jwt\": {\"token\": \"t\"}, \"jwts\": {\"a\": {\"token\": \"t\"}}}}",
				"auxData: only one of jwt or jwts may be set");
	}

	@Test
	void writesResponseLikeCerbos() {
		CheckResourcesResponse response = new CheckResourcesResponse("test",
				List.of(new CheckResourcesResponse.ResultEntry(
						new CheckResourcesResponse.Resource("XX125", "leave_request", "20210210", ""),
						Map.of("view:public", "EFFECT_ALLOW"),
						List.of(new CheckResourcesResponse.ValidationError("/department", "bad", "SOURCE_PRINCIPAL")),
						new CheckResourcesResponse.Meta(
								Map.of("view:public",
										new CheckResourcesResponse.EffectMeta("resource.leave_request.v20210210", "")),
								List.of()),
						List.of(new CheckResourcesResponse.OutputEntry("resource.x#r", Map.of("a", 1.5), "view:public")))),
				"01ABC");
		String written = new String(this.json.writeCheckResourcesResponse(response), StandardCharsets.UTF_8);
		assertThat(written).isEqualTo("{\"requestId\":\"test\",\"results\":[{\"resource\":{\"id\":\"XX125\","
				+ "\"kind\":\"leave_request\",\"policyVersion\":\"20210210\"},\"actions\":{\"view:public\":"
				+ "\"EFFECT_ALLOW\"},\"validationErrors\":[{\"path\":\"/department\",\"message\":\"bad\",\"source\":"
				+ "\"SOURCE_PRINCIPAL\"}],\"meta\":{\"actions\":{\"view:public\":{\"matchedPolicy\":"
				+ "\"resource.leave_request.v20210210\"}}},\"outputs\":[{\"src\":\"resource.x#r\",\"val\":{\"a\":1.5},"
				+ "\"action\":\"view:public\"}]}],\"cerbosCallId\":\"01ABC\"}");
		CheckResourcesResponse read = this.json.readCheckResourcesResponse(written.getBytes(StandardCharsets.UTF_8));
		assertThat(read).isEqualTo(response);
	}

	@Test
	void requestRoundTrips() {
		CheckResourcesRequest request = new CheckResourcesRequest("r", true,
				new CheckResourcesRequest.Principal("p", "", List.of("user"), Map.of("n", 1L), "acme"),
				List.of(new CheckResourcesRequest.ResourceEntry(List.of("read"),
						new CheckResourcesRequest.Resource("doc", "1", "v2", Map.of("owner", "p"), ""))),
				new CheckResourcesRequest.AuxData(null, Map.of("a", new CheckResourcesRequest.Jwt("t", ""))));
		assertThat(this.json.readCheckResourcesRequest(this.json.writeCheckResourcesRequest(request)))
			.isEqualTo(request);
	}

	@Test
	void writesErrorAsGrpcStatus() {
		assertThat(JsonValues.toMap(JsonValues.readObject(this.json.writeError(3, "bad"))))
			.isEqualTo(Map.of("code", 3L, "message", "bad", "details", List.of()));
	}

	private CheckResourcesRequest read(String body) {
		return this.json.readCheckResourcesRequest(body.getBytes(StandardCharsets.UTF_8));
	}

	private void assertRejected(String body, String message) {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> read(body)).withMessageContaining(message);
	}

}
