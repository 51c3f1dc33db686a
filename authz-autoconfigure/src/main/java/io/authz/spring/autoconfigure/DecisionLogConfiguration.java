package io.authz.spring.autoconfigure;

import io.authz.spring.audit.JsonDecisionLog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes decisions to the JSON decision log when {@code authz.audit.decision-log} is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("authz.audit.decision-log")
class DecisionLogConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonDecisionLog authzJsonDecisionLog() {
		return new JsonDecisionLog();
	}

}
