package io.authz.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of the connection to a remote policy decision point ({@code authz.engine=cerbos} or {@code authzen}).
 * By default they come from the {@code authz.remote.*} properties; a bean of this type, such as the one
 * {@code @ServiceConnection} creates for a Cerbos container, takes their place.
 */
public interface AuthzRemoteConnectionDetails extends ConnectionDetails {

	/**
	 * The PDP's base URL.
	 * @return the URL, for example {@code http://localhost:3592}, or {@code null} when none is configured
	 */
	@Nullable String getUrl();

	/**
	 * The API key sent as {@code Authorization: Bearer <key>}.
	 * @return the key, or {@code null} for none
	 */
	default @Nullable String getApiKey() {
		return null;
	}

}
