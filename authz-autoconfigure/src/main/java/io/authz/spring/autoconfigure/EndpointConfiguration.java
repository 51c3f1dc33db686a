package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.spring.actuate.AuthzEndpoint;
import io.authz.spring.actuate.DecisionStatistics;
import io.authz.spring.policy.PolicyReloader;
import io.authz.spring.policy.PolicyWatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code authz} endpoint and the decision counts it shows.
 */
@Configuration(proxyBeanMethods = false)
class EndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DecisionStatistics authzDecisionStatistics() {
		return new DecisionStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	AuthzEndpoint authzEndpoint(AuthorizationEngine engine, ObjectProvider<PolicyReloader> reloader,
			ObjectProvider<PolicyWatcher> watcher, DecisionStatistics statistics) {
		return new AuthzEndpoint(engine, reloader.getIfUnique(), watcher.getIfUnique(), statistics);
	}

}
