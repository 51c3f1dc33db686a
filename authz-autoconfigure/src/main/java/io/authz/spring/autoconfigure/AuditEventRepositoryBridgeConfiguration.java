package io.authz.spring.autoconfigure;

import io.authz.spring.audit.AuditEventRepositoryDecisionListener;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records decisions in the application's {@link AuditEventRepository}, as Spring Boot's own audit listeners
 * record authentication events: only when the application defines one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AuditEventRepository.class)
@ConditionalOnBean(AuditEventRepository.class)
class AuditEventRepositoryBridgeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuditEventRepositoryDecisionListener authzAuditEventRepositoryDecisionListener(
			AuditEventRepository repository) {
		return new AuditEventRepositoryDecisionListener(repository);
	}

}
