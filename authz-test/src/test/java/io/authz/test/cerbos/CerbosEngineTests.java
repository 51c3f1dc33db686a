package io.authz.test.cerbos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.policy.PolicyDirectory;
import io.authz.core.policy.PolicyFile;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.authzen.AuthZenOptions;
import io.authz.core.remote.cerbos.CerbosEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote engines against a real Cerbos PDP serving the project's policies: every decision is the one the
 * embedded engine makes on the same policies.
 */
@RequiresCerbos
@Testcontainers
class CerbosEngineTests {

	static final Path POLICIES = Path.of("../policies");

	@Container
	static final CerbosContainer cerbos = new CerbosContainer().withPolicies(POLICIES)
		.withCopyFileToContainer(MountableFile.forClasspathResource("extra-policies"), "/policies/extra");

	static EmbeddedEngine embedded;

	static CerbosEngine cerbosEngine;

	static AuthZenEngine authZenEngine;

	@BeforeAll
	static void engines() {
		List<PolicyFile> files = new ArrayList<>(policyFiles(POLICIES));
		files.addAll(policyFiles(Path.of("src/test/resources/extra-policies")));
		embedded = EmbeddedEngine.create(files, new EmbeddedEngineOptions(Map.of(), false,
				EmbeddedEngineOptions.DEFAULT_VERSION));
		// Generous timeout: the first calls warm up a JVM on a shared machine
		RemoteEngineOptions options = RemoteEngineOptions.of(cerbos.getHttpUrl()).withTimeout(java.time.Duration.ofSeconds(5));
		cerbosEngine = new CerbosEngine(options);
		authZenEngine = new AuthZenEngine(options, AuthZenOptions.DEFAULT);
	}

	@AfterAll
	static void close() {
		cerbosEngine.close();
		authZenEngine.close();
	}

	@Test
	void cerbosDecidesAsTheEmbeddedEngineDoes() {
		for (Principal principal : principals()) {
			CheckRequest request = new CheckRequest("req-" + principal.id(), principal, expenseChecks(), Map.of());
			CheckResult expected = embedded.check(request);
			CheckResult actual = cerbosEngine.check(request);
			assertThat(actual.requestId()).isEqualTo(request.requestId());
			assertSameDecisions(principal, expected, actual, true);
		}
	}

	@Test
	void authZenDecidesAsTheEmbeddedEngineDoes() {
		for (Principal principal : principals()) {
			CheckRequest request = new CheckRequest("req-" + principal.id(), principal, expenseChecks(), Map.of());
			assertSameDecisions(principal, embedded.check(request), authZenEngine.check(request), false);
		}
	}

	@Test
	void singleDecisionsGoThroughTheSingleEvaluationEndpoint() {
		Principal bob = manager("bob", "engineering", 1000);
		for (ResourceCheck check : expenseChecks()) {
			for (String action : check.actions()) {
				CheckRequest request = CheckRequest.of(bob, check.resource(), action);
				assertThat(authZenEngine.check(request).results().get(0).decision(action).effect())
					.as("%s %s %s", action, check.resource().id(), bob.id())
					.isEqualTo(embedded.check(request).results().get(0).decision(action).effect());
			}
		}
	}

	@Test
	void includeMetaGivesPoliciesScopesDerivedRolesAndOutputs() {
		Principal alice = Principal.builder("alice").roles("user", "auditor").build();
		Resource own = Resource.builder("document", "d1").attribute("owner", "alice").build();
		Resource scoped = Resource.builder("document", "d2").attribute("owner", "dave").scope("acme").build();
		CheckRequest request = new CheckRequest("meta", alice,
				List.of(ResourceCheck.of(own, "view", "edit"), ResourceCheck.of(scoped, "view", "edit")), Map.of());
		CheckResult result = cerbosEngine.check(request);
		ResourceResult first = result.results().get(0);
		assertThat(first.decision("view")).isEqualTo(new Decision(Effect.ALLOW, "resource.document.vdefault", null,
				"", null));
		assertThat(first.outputs()).extracting((output) -> output.source() + "=" + output.value())
			.contains("resource.document.vdefault#owner_view=granted:alice");
		ResourceResult second = result.results().get(1);
		assertThat(second.decision("view").effect()).isEqualTo(Effect.ALLOW);
		assertThat(second.decision("view").policy()).isEqualTo("resource.document.vdefault/acme");
		assertThat(second.decision("view").scope()).isEqualTo("acme");
		assertThat(second.decision("edit").effect()).isEqualTo(Effect.DENY);
		assertThat(embedded.check(request).results().get(1).decision("view").effect()).isEqualTo(Effect.ALLOW);
		CheckResult derived = cerbosEngine.check(CheckRequest.of(manager("bob", "engineering", 1000),
				expense("7", "alice", "engineering", 100, "SUBMITTED"), "approve"));
		assertThat(derived.results().get(0).effectiveDerivedRoles()).containsExactly("department_manager");
	}

	@Test
	void checksBeyondTheServerLimitsAreSplitAndReassembled() {
		// 120 resources of 60 actions: 7200 decisions, more than one call can carry in either protocol
		List<String> actions = new ArrayList<>(List.of("read", "approve", "pay", "update", "delete"));
		for (int i = actions.size(); i < 60; i++) {
			actions.add("custom:" + i);
		}
		List<ResourceCheck> checks = new ArrayList<>();
		String[] owners = { "alice", "dave", "bob", "erin" };
		String[] statuses = { "DRAFT", "SUBMITTED", "APPROVED" };
		for (int i = 0; i < 120; i++) {
			checks.add(new ResourceCheck(expense(String.valueOf(i), owners[i % owners.length],
					(i % 5 == 0) ? "finance" : "engineering", 10 * i, statuses[i % statuses.length]), actions));
		}
		Principal bob = manager("bob", "engineering", 1000);
		CheckRequest request = new CheckRequest("big", bob, checks, Map.of());
		CheckResult expected = embedded.check(request);
		assertSameDecisions(bob, expected, cerbosEngine.check(request), false);
		assertSameDecisions(bob, expected, authZenEngine.check(request), false);
		assertThat(expected.results().stream().filter((r) -> r.isAllowed("approve")).count()).isPositive();
	}

	private static void assertSameDecisions(Principal principal, CheckResult expected, CheckResult actual,
			boolean samePolicy) {
		assertThat(actual.results()).hasSameSizeAs(expected.results());
		for (int i = 0; i < expected.results().size(); i++) {
			ResourceResult want = expected.results().get(i);
			ResourceResult got = actual.results().get(i);
			assertThat(got.resource()).isEqualTo(want.resource());
			assertThat(got.decisions().keySet()).containsExactlyElementsOf(want.decisions().keySet());
			want.decisions().forEach((action, decision) -> {
				String what = principal.id() + " " + action + " expense " + want.resource().id();
				assertThat(got.decision(action).effect()).as(what).isEqualTo(decision.effect());
				assertThat(got.decision(action).isFailure()).as(what).isFalse();
				if (samePolicy) {
					assertThat(got.decision(action).policy()).as(what).isEqualTo(decision.policy());
				}
			});
			if (samePolicy) {
				assertThat(got.effectiveDerivedRoles()).as(principal.id() + " expense " + want.resource().id())
					.containsExactlyInAnyOrderElementsOf(want.effectiveDerivedRoles());
			}
		}
	}

	static List<Principal> principals() {
		Principal alice = employee("alice", "engineering");
		return List.of(alice, employee("dave", "engineering"), manager("bob", "engineering", 1000),
				manager("carol", "finance", 5000), Principal.builder("admin").roles("admin", "employee").build(),
				Principal.builder("finance-bot").roles("finance").type(PrincipalType.SERVICE).build(),
				Principal.builder("expense-assistant").roles("agent").type(PrincipalType.AGENT).actingFor(alice).build(),
				Principal.builder("anonymous").roles("anonymous").build());
	}

	static Principal employee(String id, String department) {
		return Principal.builder(id).roles("employee").attribute("department", department)
			.attribute("approvalLimit", 0.0).build();
	}

	static Principal manager(String id, String department, double limit) {
		return Principal.builder(id).roles("employee", "manager").attribute("department", department)
			.attribute("approvalLimit", limit).build();
	}

	static Resource expense(String id, String owner, String department, double amount, String status) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("owner", owner);
		attributes.put("department", department);
		attributes.put("amount", amount);
		attributes.put("currency", "EUR");
		attributes.put("status", status);
		return Resource.builder("expense", id).attributes(attributes).build();
	}

	static List<ResourceCheck> expenseChecks() {
		String[] actions = { "read", "create", "update", "submit", "delete", "approve", "reject", "pay" };
		List<ResourceCheck> checks = new ArrayList<>();
		int id = 1;
		for (String owner : List.of("alice", "dave", "bob", "carol", "erin")) {
			for (String department : List.of("engineering", "finance")) {
				for (String status : List.of("DRAFT", "SUBMITTED", "APPROVED", "PAID")) {
					for (double amount : new double[] { 100, 2400 }) {
						checks.add(ResourceCheck.of(expense(String.valueOf(id++), owner, department, amount, status),
								actions));
					}
				}
			}
		}
		return checks;
	}

	static List<PolicyFile> policyFiles(Path root) {
		return PolicyDirectory.read(root);
	}

}
