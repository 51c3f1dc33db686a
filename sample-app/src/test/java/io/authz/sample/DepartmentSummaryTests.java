package io.authz.sample;

import org.junit.jupiter.api.Test;

/**
 * The department summary, authorized by the HTTP rule in {@code application.yml} (resource {@code department}, id
 * from the path, action {@code read}) with {@code policies/department.yaml}. Managers' departments come from the
 * employee attribute provider, not from the request.
 */
class DepartmentSummaryTests extends AbstractApiTests {

	@Test
	void managerSeesOwnDepartment() {
		get("/api/departments/engineering/summary", user("bob")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.department")
			.isEqualTo("engineering")
			.jsonPath("$.byStatus.SUBMITTED.count")
			.exists();
	}

	@Test
	void managerDoesNotSeeOtherDepartment() {
		get("/api/departments/finance/summary", user("bob")).expectStatus().isForbidden();
		get("/api/departments/finance/summary", user("carol")).expectStatus().isOk();
	}

	@Test
	void employeeWhoIsNoManagerDoesNotSee() {
		get("/api/departments/engineering/summary", user("alice")).expectStatus().isForbidden();
	}

	@Test
	void financeServiceAndAdminSeeEveryDepartment() {
		get("/api/departments/engineering/summary", bearer(financeBotToken())).expectStatus().isOk();
		get("/api/departments/finance/summary", user("admin")).expectStatus().isOk();
	}

	@Test
	void agentActingForManagerIsNotTheManager() {
		get("/api/departments/engineering/summary", bearer(assistantTokenFor("bob"))).expectStatus().isForbidden();
	}

	@Test
	void anonymousCallerMustAuthenticate() {
		this.client.get().uri("/api/departments/engineering/summary").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void requestsNoRuleMatchesKeepTheApplicationsRules() {
		// Other API paths are still "authenticated, then @Authorize decides"
		get("/api/expenses/1", user("alice")).expectStatus().isOk();
		this.client.get().uri("/api/expenses/1").exchange().expectStatus().isUnauthorized();
	}

}
