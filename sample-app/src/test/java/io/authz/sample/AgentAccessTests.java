package io.authz.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expense assistant acting for a user, with a token obtained by token exchange.
 */
class AgentAccessTests extends AbstractApiTests {

	@Test
	void readsExpenseOfUserItActsFor() {
		get("/api/expenses/1", bearer(assistantTokenFor("alice"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.owner")
			.isEqualTo("alice");
	}

	@Test
	void cannotReadExpenseOfAnotherUser() {
		assertDenied(get("/api/expenses/6", bearer(assistantTokenFor("alice"))), "read");
	}

	@Test
	void listsOnlyExpensesOfUserItActsFor() {
		List<Map<String, Object>> expenses = list(bearer(assistantTokenFor("alice")));
		assertThat(expenses).isNotEmpty().allSatisfy((expense) -> assertThat(expense).containsEntry("owner", "alice"));
	}

	@Test
	void cannotApprove() {
		assertDenied(post("/api/expenses/2/approve", bearer(assistantTokenFor("alice"))), "approve");
	}

	@Test
	void cannotApproveEvenForManager() {
		// bob may approve dave's keyboard himself; his assistant may not
		assertDenied(post("/api/expenses/16/approve", bearer(assistantTokenFor("bob"))), "approve");
		get("/api/expenses/16", user("bob")).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
	}

	@Test
	void filesExpenseForUserItActsFor() {
		post("/api/expenses", bearer(assistantTokenFor("alice")), expense(null, "23.40", "Lunch with a customer"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.owner")
			.isEqualTo("alice")
			.jsonPath("$.status")
			.isEqualTo("DRAFT");
	}

	@Test
	void cannotFileExpenseForAnotherUser() {
		assertDenied(post("/api/expenses", bearer(assistantTokenFor("alice")), expense("dave", "23.40", "Lunch")),
				"create");
	}

	@Test
	void cannotDeleteDraftOfUserItActsFor() {
		assertDenied(this.client.delete().uri("/api/expenses/1").headers(bearer(assistantTokenFor("alice"))).exchange(),
				"delete");
	}

}
