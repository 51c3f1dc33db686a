package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.engine.EngineHealth;
import io.authz.spring.actuate.AuthzHealthIndicator;
import io.authz.spring.policy.PolicyReloader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code authz} health contributor.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "authzHealthIndicator")
	AuthzHealthIndicator authzHealthIndicator(AuthorizationEngine engine, ObjectProvider<EngineHealth> engineHealth,
			ObjectProvider<PolicyReloader> reloader) {
		return new AuthzHealthIndicator(engine, engineHealth.orderedStream().toList(), reloader.getIfUnique());
	}

}
