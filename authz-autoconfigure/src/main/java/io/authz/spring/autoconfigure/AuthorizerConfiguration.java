package io.authz.spring.autoconfigure;

import io.authz.core.cache.CachingEngine;
import io.authz.core.cache.DecisionCache;
import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckListener;
import io.authz.core.engine.AuthorizationEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Authorizer} every check goes through, told about checks by the application's
 * {@link CheckListener} beans, with the decision cache in front of the engine when there is one.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Authorizer authorizer(AuthorizationEngine engine, ObjectProvider<CheckListener> listeners,
			ObjectProvider<DecisionCache> decisionCache) {
		DecisionCache cache = decisionCache.getIfAvailable();
		AuthorizationEngine decider = (cache != null) ? new CachingEngine(engine, cache) : engine;
		return new Authorizer(decider, listeners.orderedStream().toList());
	}

}
