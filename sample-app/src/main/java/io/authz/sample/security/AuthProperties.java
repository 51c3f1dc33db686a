package io.authz.sample.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the development token service: the shared HMAC key, token lifetime and the registered OAuth2 clients.
 *
 * @param issuer the {@code iss} claim of issued tokens, checked on incoming tokens
 * @param secret the HS256 key, at least 32 bytes
 * @param tokenTtl how long issued tokens are valid
 * @param clients the clients allowed to call the token endpoint, by client id
 */
@ConfigurationProperties("sample.auth")
public record AuthProperties(String issuer, String secret, Duration tokenTtl, Map<String, Client> clients) {

	public AuthProperties {
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofHours(1);
		clients = (clients != null) ? new LinkedHashMap<>(clients) : Map.of();
	}

	/**
	 * A registered client.
	 *
	 * @param secret the client secret, in Spring Security's {@code {id}encoded} form
	 * @param grantTypes the grant types the client may use
	 * @param scopes the scopes put in tokens issued to the client itself
	 */
	public record Client(String secret, List<String> grantTypes, List<String> scopes) {

		public Client {
			grantTypes = (grantTypes != null) ? List.copyOf(grantTypes) : List.of();
			scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		}

	}

}
