package io.authz.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance service account, authenticated with a client credentials token.
 */
class ServiceAccountAccessTests extends AbstractApiTests {

	@Test
	void paysApprovedExpense() {
		post("/api/expenses/4/pay", bearer(financeBotToken())).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID");
	}

	@Test
	void cannotPaySubmittedExpense() {
		assertDenied(post("/api/expenses/2/pay", bearer(financeBotToken())), "pay");
	}

	@Test
	void cannotApprove() {
		assertDenied(post("/api/expenses/11/approve", bearer(financeBotToken())), "approve");
	}

	@Test
	void readsEveryDepartment() {
		List<Map<String, Object>> expenses = list(bearer(financeBotToken()));
		assertThat(expenses).extracting((expense) -> expense.get("department"))
			.contains("engineering", "finance");
	}

	@Test
	void clientSecretIsNotAUserPassword() {
		get("/api/expenses", (headers) -> headers.setBasicAuth("finance-bot", "finance-bot-secret")).expectStatus()
			.isUnauthorized();
	}

}
