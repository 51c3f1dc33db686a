package io.authz.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Employees and managers signing in with HTTP Basic.
 */
class UserAccessTests extends AbstractApiTests {

	@Test
	void employeeReadsOwnExpense() {
		get("/api/expenses/1", user("alice")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(1)
			.jsonPath("$.owner")
			.isEqualTo("alice")
			.jsonPath("$.description")
			.isEqualTo("Team lunch");
	}

	@Test
	void employeeCannotReadColleaguesExpense() {
		assertDenied(get("/api/expenses/6", user("alice")), "read");
	}

	@Test
	void employeeListsOnlyOwnExpenses() {
		List<Map<String, Object>> expenses = list(user("alice"));
		assertThat(expenses).isNotEmpty().allSatisfy((expense) -> assertThat(expense).containsEntry("owner", "alice"));
		assertThat(expenses).extracting((expense) -> expense.get("id")).contains(1, 2, 3, 4, 5);
	}

	@Test
	void listCanBeNarrowedByStatus() {
		List<Map<String, Object>> drafts = this.client.get()
			.uri("/api/expenses?status=DRAFT")
			.headers(user("alice"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
		assertThat(drafts).isNotEmpty()
			.allSatisfy((expense) -> assertThat(expense).containsEntry("owner", "alice")
				.containsEntry("status", "DRAFT"));
	}

	@Test
	void managerListsDepartmentExpenses() {
		List<Map<String, Object>> expenses = list(user("bob"));
		assertThat(expenses).allSatisfy((expense) -> assertThat(expense).containsEntry("department", "engineering"));
		assertThat(expenses).extracting((expense) -> expense.get("owner")).contains("alice", "dave", "bob");
	}

	@Test
	void managerApprovesDepartmentExpenseWithinLimit() {
		post("/api/expenses/7/approve", user("bob")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED")
			.jsonPath("$.reviewedBy")
			.isEqualTo("bob");
	}

	@Test
	void managerCannotApproveAboveLimit() {
		// 2400 EUR against bob's limit of 1000
		assertDenied(post("/api/expenses/3/approve", user("bob")), "approve");
	}

	@Test
	void managerCannotApproveOwnExpense() {
		assertDenied(post("/api/expenses/10/approve", user("bob")), "approve");
	}

	@Test
	void managerCannotApproveOtherDepartment() {
		// carol's limit is high enough, but the expense is engineering's
		assertDenied(post("/api/expenses/2/approve", user("carol")), "approve");
	}

	@Test
	void managerWithHigherLimitApprovesLargeExpense() {
		post("/api/expenses/12/approve", user("carol")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("APPROVED");
	}

	@Test
	void employeeCannotChangeColleaguesDraft() {
		assertDenied(this.client.put()
			.uri("/api/expenses/6")
			.headers(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(expense(null, "1.00", "Mine now"))
			.exchange(), "update");
		assertDenied(this.client.delete().uri("/api/expenses/6").headers(user("alice")).exchange(), "delete");
	}

	@Test
	void expenseGoesThroughItsLifeCycle() {
		Map<String, Object> created = post("/api/expenses", user("alice"), expense(null, "640.50", "Workshop"))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists(HttpHeaders.LOCATION)
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		assertThat(created).containsEntry("owner", "alice")
			.containsEntry("department", "engineering")
			.containsEntry("status", "DRAFT");
		String uri = "/api/expenses/" + created.get("id");

		this.client.put()
			.uri(uri)
			.headers(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(expense(null, "650.00", "Workshop and materials"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.amount")
			.isEqualTo(650.0);
		post(uri + "/submit", user("alice")).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
		// A submitted expense is out of its owner's hands
		assertDenied(this.client.put()
			.uri(uri)
			.headers(user("alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(expense(null, "6500.00", "Workshop"))
			.exchange(), "update");
		assertDenied(post(uri + "/approve", user("alice")), "approve");
		post(uri + "/approve", user("bob")).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");
		post(uri + "/pay", bearer(financeBotToken())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID");
		get(uri, user("alice")).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAID");
	}

	@Test
	void ownerDeletesDraft() {
		Map<String, Object> created = post("/api/expenses", user("dave"), expense(null, "12.00", "Coffee"))
			.expectStatus()
			.isCreated()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		String uri = "/api/expenses/" + created.get("id");
		this.client.delete().uri(uri).headers(user("dave")).exchange().expectStatus().isNoContent();
		get(uri, user("dave")).expectStatus().isNotFound();
	}

	@Test
	void employeeCannotFileExpenseForColleague() {
		assertDenied(post("/api/expenses", user("alice"), expense("dave", "10.00", "On dave's account")), "create");
	}

	@Test
	void adminIsAllowedButLifeCycleStillApplies() {
		// The policy lets admin approve anything; a draft still cannot be approved
		post("/api/expenses/14/approve", user("admin")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		get("/api/expenses/6", user("admin")).expectStatus().isOk();
	}

}
