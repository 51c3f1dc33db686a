package io.authz.spring.autoconfigure;

import java.time.Duration;

import io.authz.core.cache.DecisionCache;
import io.authz.core.engine.DecisionCacheListener;
import io.authz.spring.policy.PolicyReloadEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The decision cache, when {@code authz.cache.ttl} is positive. The {@link io.authz.core.check.Authorizer} puts it in
 * front of whichever engine decides, the application's own included.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DecisionCacheConfiguration.OnCacheEnabledCondition.class)
class DecisionCacheConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DecisionCache authzDecisionCache(AuthzProperties properties, ObjectProvider<DecisionCacheListener> listener) {
		DecisionCache cache = new DecisionCache(properties.getCache().getTtl(), properties.getCache().getMaxSize());
		cache.setListener(listener.getIfAvailable(() -> DecisionCacheListener.NONE));
		return cache;
	}

	/** A cache in front of the embedded engine must not answer with decisions of policies just replaced. */
	@Bean
	ApplicationListener<PolicyReloadEvent> authzDecisionCacheInvalidation(DecisionCache cache) {
		return (event) -> {
			if (event.getStatus().isSuccessful()) {
				cache.invalidateAll();
			}
		};
	}

	static class OnCacheEnabledCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Duration ttl = Binder.get(context.getEnvironment())
				.bind("authz.cache.ttl", Duration.class)
				.orElse(Duration.ZERO);
			return (ttl.isNegative() || ttl.isZero())
					? ConditionOutcome.noMatch("authz.cache.ttl is " + ttl + ": decision cache off")
					: ConditionOutcome.match("authz.cache.ttl is " + ttl);
		}

	}

}
