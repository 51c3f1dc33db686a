package io.authz.sample;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication failures, unknown expenses and invalid input.
 */
class ApiErrorTests extends AbstractApiTests {

	@Test
	void anonymousIsUnauthorized() {
		this.client.get().uri("/api/expenses").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/api/expenses/1").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void wrongPasswordIsUnauthorized() {
		get("/api/expenses/1", (headers) -> headers.setBasicAuth("alice", "wrong")).expectStatus().isUnauthorized();
	}

	@Test
	void invalidBearerTokenIsUnauthorized() {
		get("/api/expenses/1", bearer("not-a-token")).expectStatus().isUnauthorized();
	}

	@Test
	void unknownExpenseIsNotFound() {
		get("/api/expenses/9999", user("alice")).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404);
		post("/api/expenses/9999/approve", user("bob")).expectStatus().isNotFound();
	}

	@Test
	void invalidExpenseIsBadRequest() {
		post("/api/expenses", user("alice"), "{\"amount\":-5,\"currency\":\"euro\",\"description\":\"\"}")
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asInstanceOf(InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder("amount", "currency", "description"));
	}

	@Test
	void malformedJsonIsBadRequest() {
		post("/api/expenses", user("alice"), "{\"amount\":").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownOwnerIsBadRequest() {
		post("/api/expenses", user("admin"), expense("nobody", "10.00", "Ghost")).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Unknown employee 'nobody'");
	}

	@Test
	void nonNumericIdIsBadRequest() {
		get("/api/expenses/abc", user("alice")).expectStatus().isBadRequest();
	}

}
