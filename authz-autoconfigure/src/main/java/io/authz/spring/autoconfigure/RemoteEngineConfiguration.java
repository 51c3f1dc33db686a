package io.authz.spring.autoconfigure;

import java.net.URI;
import java.util.Locale;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.authzen.AuthZenOptions;
import io.authz.core.remote.cerbos.CerbosEngine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Where a remote engine finds its PDP, and how the remote engines are made from the {@code authz.remote.*}
 * properties.
 */
@Configuration(proxyBeanMethods = false)
class RemoteEngineConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuthzRemoteConnectionDetails.class)
	PropertiesAuthzRemoteConnectionDetails authzRemoteConnectionDetails(AuthzProperties properties) {
		return new PropertiesAuthzRemoteConnectionDetails(properties.getRemote());
	}

	static AuthorizationEngine remoteEngine(AuthzProperties.EngineType engine, AuthzProperties.Remote properties,
			AuthzRemoteConnectionDetails connectionDetails) {
		RemoteEngineOptions options = options(engine, properties, connectionDetails);
		return switch (engine) {
			case CERBOS -> new CerbosEngine(options);
			case AUTHZEN -> new AuthZenEngine(options, new AuthZenOptions(properties.getAuthzen().getRolesProperty(),
					properties.getAuthzen().isDiscovery()));
			case LOCAL -> throw new IllegalArgumentException("Not a remote engine: " + engine);
		};
	}

	private static RemoteEngineOptions options(AuthzProperties.EngineType engine, AuthzProperties.Remote properties,
			AuthzRemoteConnectionDetails connectionDetails) {
		String name = engine.name().toLowerCase(Locale.ROOT);
		String url = connectionDetails.getUrl();
		if (!StringUtils.hasText(url)) {
			throw new IllegalStateException("authz.engine=" + name + " needs the PDP's base URL: set authz.remote.url"
					+ " (for example http://localhost:3592), or use authz.engine=local");
		}
		AuthzProperties.Remote.Retry retry = properties.getRetry();
		AuthzProperties.Remote.CircuitBreaker breaker = properties.getCircuitBreaker();
		return new RemoteEngineOptions(URI.create(url.strip()), properties.getTimeout(), connectionDetails.getApiKey(),
				new RemoteEngineOptions.Retry(retry.getMaxAttempts(), retry.getBackoff()),
				new RemoteEngineOptions.CircuitBreaker(breaker.getFailureRateThreshold(), breaker.getWindowSize(),
						breaker.getMinimumCalls(), breaker.getWaitInOpenState()),
				0, 0);
	}

}
