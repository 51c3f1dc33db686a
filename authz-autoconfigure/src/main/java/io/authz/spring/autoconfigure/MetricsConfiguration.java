package io.authz.spring.autoconfigure;

import io.authz.core.engine.DecisionCacheListener;
import io.authz.spring.metrics.CheckMetrics;
import io.authz.spring.metrics.DecisionCacheMetrics;
import io.authz.spring.metrics.PolicyReloadMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meters of checks, decisions, the decision cache and policy reloads.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CheckMetrics authzCheckMetrics(MeterRegistry registry, AuthzProperties properties) {
		return new CheckMetrics(registry, properties.getMetrics().getMaxTagValues());
	}

	@Bean
	@ConditionalOnMissingBean
	PolicyReloadMetrics authzPolicyReloadMetrics(MeterRegistry registry) {
		return new PolicyReloadMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean(DecisionCacheListener.class)
	DecisionCacheMetrics authzDecisionCacheMetrics(MeterRegistry registry) {
		return new DecisionCacheMetrics(registry);
	}

}
