package io.authz.sample.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The registered OAuth2 clients of the token endpoint.
 */
@Component
public class OAuthClients {

	private final AuthProperties properties;

	public OAuthClients(AuthProperties properties) {
		this.properties = properties;
	}

	/**
	 * The registration of a client.
	 * @param clientId the client id
	 * @return the registration, or {@code null}
	 */
	public AuthProperties.Client find(String clientId) {
		return this.properties.clients().get(clientId);
	}

	/**
	 * The clients as a user store, for HTTP Basic client authentication. Not exposed as a bean: that would make the
	 * API accept client secrets as user passwords.
	 * @return the client store
	 */
	UserDetailsService asUserDetailsService() {
		return (clientId) -> {
			AuthProperties.Client client = find(clientId);
			if (client == null) {
				throw new UsernameNotFoundException("Unknown client");
			}
			return User.withUsername(clientId).password(client.secret()).authorities("CLIENT").build();
		};
	}

}
