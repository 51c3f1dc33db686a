package io.authz.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link AuthzRemoteConnectionDetails} from the {@code authz.remote.*} properties.
 */
final class PropertiesAuthzRemoteConnectionDetails implements AuthzRemoteConnectionDetails {

	private final AuthzProperties.Remote properties;

	PropertiesAuthzRemoteConnectionDetails(AuthzProperties.Remote properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String getUrl() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String getApiKey() {
		return this.properties.getApiKey();
	}

}
