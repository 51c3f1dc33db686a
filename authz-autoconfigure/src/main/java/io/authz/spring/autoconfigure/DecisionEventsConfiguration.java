package io.authz.spring.autoconfigure;

import io.authz.spring.audit.DecisionEventPublisher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes a decision event per decision.
 */
@Configuration(proxyBeanMethods = false)
class DecisionEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DecisionEventPublisher authzDecisionEventPublisher(ApplicationEventPublisher publisher,
			AuthzProperties properties) {
		return new DecisionEventPublisher(publisher, properties.getAudit().isIncludeAttributes());
	}

}
