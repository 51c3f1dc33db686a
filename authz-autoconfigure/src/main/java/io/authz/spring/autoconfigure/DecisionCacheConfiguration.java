package io.authz.spring.autoconfigure;

import java.time.Duration;

import io.authz.core.cache.DecisionCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
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
	DecisionCache authzDecisionCache(AuthzProperties properties) {
		return new DecisionCache(properties.getCache().getTtl(), properties.getCache().getMaxSize());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class DecisionCacheMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "authzDecisionCacheMetrics")
		MeterBinder authzDecisionCacheMetrics(DecisionCache cache) {
			return (registry) -> {
				FunctionCounter.builder("authz.cache.requests", cache, DecisionCache::hitCount)
					.tag("result", "hit")
					.description("Decision cache lookups")
					.register(registry);
				FunctionCounter.builder("authz.cache.requests", cache, DecisionCache::missCount)
					.tag("result", "miss")
					.description("Decision cache lookups")
					.register(registry);
			};
		}

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
