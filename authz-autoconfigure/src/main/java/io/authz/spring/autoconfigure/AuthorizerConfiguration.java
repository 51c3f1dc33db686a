package io.authz.spring.autoconfigure;

import io.authz.core.cache.CachingEngine;
import io.authz.core.cache.DecisionCache;
import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckListener;
import io.authz.core.check.CheckObserver;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.pip.AttributeEnricher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Authorizer} every check goes through, told about checks by the application's
 * {@link CheckListener} beans and wrapped by its {@link CheckObserver} bean, if it has exactly one. When attribute
 * providers are configured, checks pass through the {@link AttributeEnricher} on their way to the engine; the
 * decision cache, when there is one, sits in front of both, so a hit costs neither a provider call nor a decision.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Authorizer authorizer(AuthorizationEngine engine, ObjectProvider<CheckListener> listeners,
			ObjectProvider<CheckObserver> observer, ObjectProvider<AttributeEnricher> attributeEnricher,
			ObjectProvider<DecisionCache> decisionCache) {
		AttributeEnricher enricher = attributeEnricher.getIfAvailable();
		AuthorizationEngine decider = (enricher != null && !enricher.isEmpty()) ? enricher.decorate(engine) : engine;
		DecisionCache cache = decisionCache.getIfAvailable();
		if (cache != null) {
			decider = new CachingEngine(decider, cache);
		}
		return new Authorizer(decider, listeners.orderedStream().toList(),
				observer.getIfUnique(() -> CheckObserver.NONE));
	}

}
