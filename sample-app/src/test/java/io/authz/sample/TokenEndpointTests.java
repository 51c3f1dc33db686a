package io.authz.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development token endpoint.
 */
class TokenEndpointTests extends AbstractApiTests {

	@Test
	void clientCredentialsTokenForService() {
		Map<String, Object> response = tokenResponse("finance-bot", "finance-bot-secret",
				form("grant_type", "client_credentials"));
		assertThat(response).containsEntry("token_type", "Bearer").containsEntry("scope", "finance");
	}

	@Test
	void tokenExchangeIssuesDelegatedToken() {
		String userToken = (String) tokenResponse("expense-assistant", "expense-assistant-secret",
				form("grant_type", "password", "username", "alice", "password", "alice"))
			.get("access_token");
		Map<String, Object> response = tokenResponse("expense-assistant", "expense-assistant-secret",
				form("grant_type", TOKEN_EXCHANGE, "subject_token", userToken));
		assertThat(response).containsEntry("issued_token_type", ACCESS_TOKEN_TYPE).containsEntry("scope", "agent");
	}

	@Test
	void clientMustAuthenticate() {
		this.client.post()
			.uri("/auth/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void userPasswordIsNotAClientSecret() {
		this.client.post()
			.uri("/auth/token")
			.headers(user("alice"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", "client_credentials"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void clientIsLimitedToItsGrantTypes() {
		this.client.post()
			.uri("/auth/token")
			.headers((headers) -> headers.setBasicAuth("finance-bot", "finance-bot-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", "password", "username", "alice", "password", "alice"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized_client");
	}

	@Test
	void unknownGrantTypeIsUnsupported() {
		this.client.post()
			.uri("/auth/token")
			.headers((headers) -> headers.setBasicAuth("finance-bot", "finance-bot-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", "authorization_code"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unsupported_grant_type");
	}

	@Test
	void serviceTokenCannotBeExchanged() {
		String serviceToken = financeBotToken();
		this.client.post()
			.uri("/auth/token")
			.headers((headers) -> headers.setBasicAuth("expense-assistant", "expense-assistant-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", TOKEN_EXCHANGE, "subject_token", serviceToken))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant");
	}

	@Test
	void wrongUserPasswordIsInvalidGrant() {
		this.client.post()
			.uri("/auth/token")
			.headers((headers) -> headers.setBasicAuth("expense-assistant", "expense-assistant-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form("grant_type", "password", "username", "alice", "password", "wrong"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("invalid_grant");
	}

}
