package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.spring.policy.PolicyFileLoader;
import io.authz.spring.policy.PolicyReloader;
import io.authz.spring.policy.PolicyWatcher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The policy reloader and, when {@code authz.local.watch} is on, the watcher.
 */
@Configuration(proxyBeanMethods = false)
class PolicyReloadConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolicyReloader authzPolicyReloader(AuthorizationEngine engine, AuthzProperties properties,
			ResourceLoader resourceLoader, ApplicationEventPublisher publisher) {
		return new PolicyReloader(engine, properties.getLocal().getPolicies(), new PolicyFileLoader(resourceLoader),
				publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("authz.local.watch")
	PolicyWatcher authzPolicyWatcher(PolicyReloader reloader, ResourceLoader resourceLoader) {
		return new PolicyWatcher(reloader, resourceLoader);
	}

}
