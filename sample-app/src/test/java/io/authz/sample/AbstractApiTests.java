package io.authz.sample;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base class for tests against the running application over HTTP. All test classes share one application context and
 * so one database: tests that change an expense each use their own seeded expense or create a new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureRestTestClient
abstract class AbstractApiTests {

	static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient client;

	/** HTTP Basic credentials of a demonstration user, whose password is the user name. */
	static Consumer<HttpHeaders> user(String name) {
		return (headers) -> headers.setBasicAuth(name, name);
	}

	static Consumer<HttpHeaders> bearer(String token) {
		return (headers) -> headers.setBearerAuth(token);
	}

	/** A token for the finance service account (client credentials grant). */
	String financeBotToken() {
		return token("finance-bot", "finance-bot-secret", form("grant_type", "client_credentials"));
	}

	/** A token for the assistant acting for a user: the user signs in, then the assistant exchanges that token. */
	String assistantTokenFor(String user) {
		String userToken = token("expense-assistant", "expense-assistant-secret",
				form("grant_type", "password", "username", user, "password", user));
		return token("expense-assistant", "expense-assistant-secret", form("grant_type", TOKEN_EXCHANGE,
				"subject_token", userToken, "subject_token_type", ACCESS_TOKEN_TYPE));
	}

	Map<String, Object> tokenResponse(String clientId, String secret, MultiValueMap<String, String> form) {
		return this.client.post()
			.uri("/auth/token")
			.headers((headers) -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private String token(String clientId, String secret, MultiValueMap<String, String> form) {
		Map<String, Object> response = tokenResponse(clientId, secret, form);
		assertThat(response).containsEntry("token_type", "Bearer").containsKey("access_token");
		return (String) response.get("access_token");
	}

	static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	static String expense(String owner, String amount, String description) {
		String ownerField = (owner != null) ? "\"owner\":\"" + owner + "\"," : "";
		return "{" + ownerField + "\"amount\":" + amount + ",\"currency\":\"EUR\",\"description\":\"" + description
				+ "\"}";
	}

	RestTestClient.ResponseSpec get(String uri, Consumer<HttpHeaders> credentials) {
		return this.client.get().uri(uri).headers(credentials).exchange();
	}

	RestTestClient.ResponseSpec post(String uri, Consumer<HttpHeaders> credentials) {
		return this.client.post().uri(uri).headers(credentials).exchange();
	}

	RestTestClient.ResponseSpec post(String uri, Consumer<HttpHeaders> credentials, String json) {
		return this.client.post()
			.uri(uri)
			.headers(credentials)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	List<Map<String, Object>> list(Consumer<HttpHeaders> credentials) {
		return get("/api/expenses", credentials).expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
	}

	/** Asserts a policy denial of an action on an expense: 403 with an RFC 9457 problem body. */
	static void assertDenied(RestTestClient.ResponseSpec response, String action) {
		response.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.resource")
			.isEqualTo("expense")
			.jsonPath("$.action")
			.isEqualTo(action);
	}

}
