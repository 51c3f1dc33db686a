package io.authz.core.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.authzen.AuthZenOptions;
import io.authz.core.remote.cerbos.CerbosEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the remote engines send: request ids, the API key, principals with their type and delegation, AuthZEN roles
 * and endpoint discovery. (Decisions themselves are tested against a real Cerbos in authz-test.)
 */
class RemoteProtocolTests {

	LocalPdp pdp;

	RemoteEngineOptions options;

	@BeforeEach
	void start() throws IOException {
		this.pdp = new LocalPdp();
		this.options = RemoteEngineOptions.of(this.pdp.url()).withTimeout(Duration.ofSeconds(5)).withApiKey("s3cret");
	}

	@AfterEach
	void stop() {
		this.pdp.close();
	}

	// The checks' calls: the engines' start-up warm-up GETs (health, metadata) left out
	private List<LocalPdp.Recorded> calls() {
		return this.pdp.requests.stream().filter((call) -> call.method().equals("POST")).toList();
	}

	static Principal agent() {
		Principal alice = Principal.builder("alice").roles("employee").attribute("department", "engineering").build();
		return Principal.builder("assistant").roles("agent").type(PrincipalType.AGENT).actingFor(alice).build();
	}

	@Test
	void cerbosGetsOneCallWithRequestIdApiKeyAndPrincipalAttributes() {
		try (CerbosEngine engine = new CerbosEngine(this.options)) {
			CheckRequest request = new CheckRequest("req-42", agent(),
					List.of(ResourceCheck.of(Resource.builder("expense", "1").attribute("owner", "alice").build(), "read",
							"approve"), ResourceCheck.of(Resource.of("expense", ""), "create")),
					Map.of("jwt", Map.of("token", "a.b.c")));
			CheckResult result = engine.check(request);
			assertThat(result.requestId()).isEqualTo("req-42");
			assertThat(result.isAllAllowed()).isTrue();
		}
		assertThat(calls()).singleElement().satisfies((call) -> {
			assertThat(call.path()).isEqualTo("/api/check/resources");
			assertThat(call.requestId()).isEqualTo("req-42");
			assertThat(call.authorization()).isEqualTo("Bearer s3cret");
			JsonNode body = call.body();
			assertThat(body.path("requestId").asString()).isEqualTo("req-42");
			assertThat(body.path("includeMeta").asBoolean()).isTrue();
			assertThat(body.path("principal").path("roles").get(0).asString()).isEqualTo("agent");
			assertThat(body.path("principal").path("attr").path("type").asString()).isEqualTo("agent");
			assertThat(body.path("principal").path("attr").path("actingFor").path("id").asString()).isEqualTo("alice");
			assertThat(body.path("resources").get(0).path("resource").path("attr").path("owner").asString())
				.isEqualTo("alice");
			assertThat(body.path("resources").get(1).path("resource").path("id").asString()).isEqualTo("*");
			assertThat(body.path("auxData").path("jwt").path("token").asString()).isEqualTo("a.b.c");
		});
	}

	@Test
	void authZenSendsRolesAsSubjectPropertyAndUsesStandardPathsWithoutMetadata() {
		try (AuthZenEngine engine = new AuthZenEngine(this.options, AuthZenOptions.DEFAULT)) {
			assertThat(engine.check(CheckRequest.of(agent(), Resource.of("expense", "1"), "read")).isAllAllowed())
				.isTrue();
			assertThat(engine.check(new CheckRequest("req-7", agent(),
					List.of(ResourceCheck.of(Resource.of("expense", "1"), "read", "approve")), Map.of()))
				.isAllAllowed()).isTrue();
		}
		assertThat(this.pdp.requests).extracting(LocalPdp.Recorded::path).contains("/.well-known/authzen-configuration");
		assertThat(calls()).extracting(LocalPdp.Recorded::path)
			.containsExactly("/access/v1/evaluation", "/access/v1/evaluations");
		JsonNode single = calls().get(0).body();
		assertThat(single.path("subject").path("type").asString()).isEqualTo("agent");
		assertThat(single.path("subject").path("id").asString()).isEqualTo("assistant");
		assertThat(single.path("subject").path("properties").path("cerbos.roles").get(0).asString()).isEqualTo("agent");
		assertThat(single.path("subject").path("properties").path("actingFor").path("id").asString()).isEqualTo("alice");
		assertThat(single.path("resource").path("type").asString()).isEqualTo("expense");
		assertThat(single.path("action").path("name").asString()).isEqualTo("read");
		LocalPdp.Recorded batch = calls().get(1);
		assertThat(batch.requestId()).isEqualTo("req-7");
		assertThat(batch.authorization()).isEqualTo("Bearer s3cret");
		assertThat(batch.body().path("evaluations").size()).isEqualTo(2);
		assertThat(batch.body().path("options").path("evaluations_semantic").asString()).isEqualTo("execute_all");
	}

	@Test
	void authZenRolesPropertyIsConfigurable() {
		try (AuthZenEngine engine = new AuthZenEngine(this.options, new AuthZenOptions("roles", false))) {
			engine.check(CheckRequest.of(agent(), Resource.of("expense", "1"), "read"));
		}
		assertThat(calls()).singleElement().satisfies((call) -> {
			assertThat(call.path()).isEqualTo("/access/v1/evaluation");
			assertThat(call.body().path("subject").path("properties").path("roles").get(0).asString()).isEqualTo("agent");
			assertThat(call.body().path("subject").path("properties").has("cerbos.roles")).isFalse();
		});
	}

	@Test
	void authZenUsesDiscoveredEndpointsAndCallsPerDecisionWithoutBatchEndpoint() {
		this.pdp.metadata = "{\"policy_decision_point\":\"" + this.pdp.url() + "\",\"access_evaluation_endpoint\":\""
				+ this.pdp.url() + "/pdp/v1/evaluation\"}";
		try (AuthZenEngine engine = new AuthZenEngine(this.options, AuthZenOptions.DEFAULT)) {
			CheckResult result = engine.check(new CheckRequest("r", agent(),
					List.of(ResourceCheck.of(Resource.of("expense", "1"), "read", "approve"),
							ResourceCheck.of(Resource.of("expense", "2"), "read")),
					Map.of()));
			assertThat(result.isAllAllowed()).isTrue();
			assertThat(result.results().get(0).decisions()).containsOnlyKeys("read", "approve");
			engine.check(CheckRequest.of(agent(), Resource.of("expense", "1"), "read"));
		}
		assertThat(calls()).extracting(LocalPdp.Recorded::path)
			.containsExactly("/pdp/v1/evaluation", "/pdp/v1/evaluation", "/pdp/v1/evaluation", "/pdp/v1/evaluation");
	}

}
