package io.authz.spring.autoconfigure;

import io.authz.spring.web.PolicyDeniedExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The controller advice that turns policy denies into problem details, unless {@code authz.web.problem-details} is
 * {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "authz.web.problem-details", matchIfMissing = true)
class ProblemDetailsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolicyDeniedExceptionHandler policyDeniedExceptionHandler(
			ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy,
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		PolicyDeniedExceptionHandler handler = new PolicyDeniedExceptionHandler();
		securityContextHolderStrategy.ifUnique(handler::setSecurityContextHolderStrategy);
		trustResolver.ifUnique(handler::setTrustResolver);
		return handler;
	}

}
