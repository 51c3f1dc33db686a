package io.authz.sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.sample.expense.ExpenseRepository;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions seen from the actuator on the management port: metrics, the authz endpoint, audit events and health.
 */
class ObservabilityTests extends AbstractApiTests {

	@Autowired
	private AuthorizationEngine engine;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ExpenseRepository expenses;

	@Test
	void decisionMetricsGrowByTheDecisionsMade() {
		double decisions = count("authz.decisions");
		double checks = count("authz.checks");
		get("/api/expenses/1", user("alice")).expectStatus().isOk();
		get("/api/expenses/6", user("alice")).expectStatus().isForbidden();
		// One batched check deciding "read" on every expense.
		long listed = this.expenses.count();
		list(user("alice"));
		assertThat(count("authz.decisions") - decisions).isEqualTo(2 + listed);
		assertThat(count("authz.checks") - checks).isEqualTo(3);
		management().get()
			.uri("/actuator/metrics/authz.decisions?tag={engine}&tag={resource}&tag={action}&tag={effect}",
					"engine:local", "resource:expense", "action:read", "effect:deny")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void authzEndpointListsThePolicies() {
		Map<String, Object> authz = management().get()
			.uri("/actuator/authz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat(authz).containsEntry("engine", "local");
		@SuppressWarnings("unchecked")
		Map<String, Object> policySet = (Map<String, Object>) authz.get("policySet");
		assertThat(policySet).containsEntry("location", "classpath:policies/").containsEntry("watching", false);
		assertThat((String) policySet.get("digest")).hasSize(64);
		assertThat(policySet.get("policies")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains(Map.of("kind", "resource", "name", "expense", "version", "default", "scope", "", "key",
					"resource.expense.vdefault", "source", "expense.yaml", "disabled", false))
			.anySatisfy((policy) -> assertThat(policy).asInstanceOf(
					InstanceOfAssertFactories.MAP)
				.containsEntry("kind", "derived_roles")
				.containsEntry("name", "common_roles")
				.containsEntry("source", "derived_roles/common_roles.yaml"));
		assertThat(authz.get("lastReload")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("trigger", "startup")
			.containsEntry("outcome", "success")
			.containsEntry("errors", List.of());
		assertThat(authz.get("decisions")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKeys("allow", "deny");
	}

	@Test
	void auditEventsShowTheDenials() {
		Instant start = Instant.now().minusMillis(1);
		assertDenied(get("/api/expenses/7", user("frank")), "read");
		assertThat(auditEvents("frank", "AUTHZ_DENY", "7", start)).singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("action", "read")
			.containsEntry("effect", "DENY")
			.containsEntry("policy", "resource.expense.vdefault")
			.containsEntry("principalType", "user");
	}

	@Test
	void agentDenialsNameWhoTheAgentActsFor() {
		String token = assistantTokenFor("alice");
		Instant start = Instant.now().minusMillis(1);
		get("/api/expenses/6", bearer(token)).expectStatus().isForbidden();
		assertThat(auditEvents("expense-assistant", "AUTHZ_DENY", "6", start)).singleElement()
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("principalType", "agent")
			.containsEntry("actingFor", List.of(Map.of("id", "alice", "type", "user")));
	}

	@Test
	void healthHasTheAuthzContributor() {
		management().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.authz.status")
			.isEqualTo("UP")
			.jsonPath("$.components.authz.details.engine")
			.isEqualTo("local")
			.jsonPath("$.components.authz.details.policies")
			.isEqualTo(((EmbeddedEngine) this.engine).policySet().policies().size());
	}

	@Test
	void policiesCanBeReloadedThroughTheEndpoint() {
		management().post()
			.uri("/actuator/authz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.trigger")
			.isEqualTo("endpoint")
			.jsonPath("$.outcome")
			.isEqualTo("success");
	}

	/** The data of the audit events of a principal and type about one expense, since a time. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> auditEvents(String principal, String type, String expense, Instant after) {
		Map<String, Object> body = management().get()
			.uri("/actuator/auditevents?principal={principal}&type={type}&after={after}", principal, type,
					after.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) body.get("events")).stream()
			.map((event) -> (Map<String, Object>) event.get("data"))
			.filter((data) -> expense.equals(data.get("resourceId")))
			.toList();
	}

	private double count(String metric) {
		Map<String, Object> body = management().get()
			.uri("/actuator/metrics/" + metric)
			.exchange()
			.returnResult(JSON_OBJECT)
			.getResponseBody();
		if (body == null || !body.containsKey("measurements")) {
			// Not registered yet: no check has been made in this application context.
			return 0;
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) body.get("measurements");
		return measurements.stream()
			.filter((measurement) -> "COUNT".equals(measurement.get("statistic")))
			.mapToDouble((measurement) -> ((Number) measurement.get("value")).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	private RestTestClient management() {
		return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

}
