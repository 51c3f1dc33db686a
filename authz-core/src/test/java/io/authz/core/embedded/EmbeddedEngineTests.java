package io.authz.core.embedded;

import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedEngineTests {

	private static EmbeddedEngine engine;

	@BeforeAll
	static void loadPolicies() {
		engine = EmbeddedEngine.create(PolicyFixtures.folder("engine/policies"),
				EmbeddedEngineOptions.defaults().withGlobals(Map.of("environment", "test")));
	}

	private static Principal user(String id, String... roles) {
		return Principal.builder(id).roles(roles).build();
	}

	private static Resource document(String id, Map<String, Object> attributes) {
		return Resource.builder("document", id).attributes(attributes).build();
	}

	private static Decision decide(Principal principal, Resource resource, String action) {
		return engine.check(CheckRequest.of(principal, resource, action)).results().get(0).decision(action);
	}

	@Test
	void ignoresHiddenFilesTestSuitesAndTestdata() {
		assertThat(engine.policySet().policies()).extracting("source")
			.containsExactlyInAnyOrder("derived_roles/common_roles.yaml", "document.yaml");
	}

	@Test
	void roleWildcardWithVariableCondition() {
		Decision allowed = decide(user("x", "guest"), document("1", Map.of("public", true)), "read");
		assertThat(allowed.effect()).isEqualTo(Effect.ALLOW);
		assertThat(allowed.policy()).isEqualTo("resource.document.vdefault");
		assertThat(allowed.rule()).isEqualTo("public-read");
		assertThat(decide(user("x", "guest"), document("1", Map.of("public", false)), "read").effect())
			.isEqualTo(Effect.DENY);
	}

	@Test
	void derivedRoleFromParentRoleAndCondition() {
		Resource owned = document("1", Map.of("owner", "alice"));
		assertThat(decide(user("alice", "user"), owned, "update").isAllowed()).isTrue();
		assertThat(decide(user("bob", "user"), owned, "update").isAllowed()).isFalse();
		// the derived role needs its parent role too
		assertThat(decide(user("alice", "guest"), owned, "update").isAllowed()).isFalse();
		CheckResult result = engine.check(CheckRequest.of(user("alice", "user"), owned, "update"));
		assertThat(result.results().get(0).effectiveDerivedRoles()).containsExactly("owner");
	}

	@Test
	void globActions() {
		Principal auditor = user("a", "auditor");
		assertThat(decide(auditor, document("1", Map.of()), "report:monthly").isAllowed()).isTrue();
		assertThat(decide(auditor, document("1", Map.of()), "report:monthly:detail").isAllowed())
			.as("a single * stays within one segment")
			.isFalse();
		assertThat(decide(auditor, document("1", Map.of()), "reporting").isAllowed()).isFalse();
		Principal admin = user("root", "admin");
		assertThat(decide(admin, document("1", Map.of()), "anything:at:all").isAllowed())
			.as("a lone * matches every action")
			.isTrue();
	}

	@Test
	void denyOverridesAllowWithinARole() {
		Principal admin = user("root", "admin");
		Decision denied = decide(admin, document("1", Map.of("locked", true)), "delete");
		assertThat(denied.effect()).isEqualTo(Effect.DENY);
		assertThat(denied.rule()).isEqualTo("locked-no-delete");
		assertThat(decide(admin, document("1", Map.of("locked", false)), "delete").isAllowed()).isTrue();
	}

	@Test
	void anyRolesAllowWinsAcrossRoles() {
		assertThat(decide(user("i", "intern"), document("1", Map.of()), "view").effect()).isEqualTo(Effect.DENY);
		assertThat(decide(user("i", "intern", "user"), document("1", Map.of()), "view").effect())
			.isEqualTo(Effect.ALLOW);
		assertThat(decide(user("i", "user", "intern"), document("1", Map.of()), "view").rule()).isEqualTo("rule-010");
	}

	@Test
	void constantsVariablesAndNumbersAsDoubles() {
		Principal manager = Principal.builder("bob").roles("manager").attribute("department", "eng").build();
		assertThat(decide(manager, document("1", Map.of("department", "eng", "amount", 999.5, "owner", "x")),
				"approve")
			.isAllowed()).isTrue();
		assertThat(decide(manager, document("1", Map.of("department", "eng", "amount", 1000, "owner", "x")),
				"approve")
			.isAllowed()).as("an int attribute compares with the int constant as a double").isTrue();
		assertThat(decide(manager, document("1", Map.of("department", "eng", "amount", 1000.01, "owner", "x")),
				"approve")
			.isAllowed()).isFalse();
		assertThat(decide(manager, document("1", Map.of("department", "ops", "amount", 5, "owner", "x")), "approve")
			.isAllowed()).as("not a manager of that department").isFalse();
		assertThat(decide(manager, document("1", Map.of("department", "eng", "amount", 5, "owner", "bob")),
				"approve")
			.isAllowed()).as("none.of blocks approving one's own").isFalse();
	}

	@Test
	void celRuntimeErrorMakesTheConditionFalse() {
		Decision decision = decide(user("u", "user"), document("1", Map.of()), "archive");
		assertThat(decision.effect()).isEqualTo(Effect.DENY);
		assertThat(decision.isFailure()).isFalse();
		// the failing expression is false, so none.of over it holds
		assertThat(decide(user("u", "user"), document("1", Map.of()), "purge").isAllowed()).isTrue();
	}

	@Test
	void strictEvaluationDeniesOnCelError() {
		EmbeddedEngine strict = EmbeddedEngine.create(PolicyFixtures.folder("engine/policies"),
				EmbeddedEngineOptions.defaults().withStrictEvaluation(true));
		CheckResult result = strict.check(CheckRequest.of(user("u", "user"), document("1", Map.of()), "purge"));
		assertThat(result.results().get(0).decision("purge").effect()).isEqualTo(Effect.DENY);
		assertThat(result.results().get(0).decision("purge").rule()).isEqualTo("purge-none-of-broken");
	}

	@Test
	void globalsAndDelegationAreVisibleToConditions() {
		Principal alice = Principal.builder("alice").roles("user").build();
		Principal agent = Principal.builder("assistant").roles("user").type(PrincipalType.AGENT).actingFor(alice).build();
		assertThat(decide(agent, document("1", Map.of("owner", "alice")), "share").isAllowed()).isTrue();
		assertThat(decide(agent, document("1", Map.of("owner", "dave")), "share").isAllowed()).isFalse();
		Principal person = Principal.builder("alice").roles("user").build();
		assertThat(decide(person, document("1", Map.of("owner", "alice")), "share").isAllowed())
			.as("only an agent acting for the owner").isFalse();
	}

	@Test
	void unknownKindOrVersionIsNoMatch() {
		Decision decision = decide(user("u", "admin"), Resource.of("unknown", "1"), "read");
		assertThat(decision.effect()).isEqualTo(Effect.DENY);
		assertThat(decision.policy()).isEqualTo(Decision.NO_MATCH);
		Resource otherVersion = Resource.builder("document", "1").policyVersion("v2").build();
		assertThat(decide(user("u", "admin"), otherVersion, "read").policy()).isEqualTo(Decision.NO_MATCH);
	}

	@Test
	void nothingMatchedIsDenyAgainstTheExistingPolicy() {
		Decision decision = decide(user("u", "guest"), document("1", Map.of()), "update");
		assertThat(decision.effect()).isEqualTo(Effect.DENY);
		assertThat(decision.policy()).isEqualTo("resource.document.vdefault");
		assertThat(decision.rule()).isNull();
	}

	@Test
	void batchOfResourcesAndActionsInOneCheck() {
		Principal alice = user("alice", "user");
		CheckRequest request = new CheckRequest("req-1", alice,
				List.of(ResourceCheck.of(document("1", Map.of("owner", "alice")), "read", "update", "delete"),
						ResourceCheck.of(document("2", Map.of("owner", "bob", "public", true)), "read", "update")),
				Map.of());
		CheckResult result = engine.check(request);
		assertThat(result.requestId()).isEqualTo("req-1");
		ResourceResult first = result.results().get(0);
		assertThat(first.decisions()).extractingFromEntries(Map.Entry::getKey, (entry) -> entry.getValue().effect())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("read", Effect.ALLOW),
					org.assertj.core.groups.Tuple.tuple("update", Effect.ALLOW),
					org.assertj.core.groups.Tuple.tuple("delete", Effect.DENY));
		ResourceResult second = result.results().get(1);
		assertThat(second.isAllowed("read")).isTrue();
		assertThat(second.isAllowed("update")).isFalse();
	}

}
