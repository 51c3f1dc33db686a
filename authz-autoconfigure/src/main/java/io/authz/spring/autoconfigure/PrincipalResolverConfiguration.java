package io.authz.spring.autoconfigure;

import io.authz.spring.principal.PrincipalResolver;
import io.authz.spring.principal.SecurityContextPrincipalResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;

/**
 * The default {@link PrincipalResolver}, unless the application defines one.
 */
@Configuration(proxyBeanMethods = false)
class PrincipalResolverConfiguration {

	@Bean
	@ConditionalOnMissingBean(PrincipalResolver.class)
	SecurityContextPrincipalResolver principalResolver(AuthzProperties properties,
			ObjectProvider<AuthenticationTrustResolver> trustResolver) {
		SecurityContextPrincipalResolver resolver = new SecurityContextPrincipalResolver(
				properties.getPrincipal().getAuthorityPrefixes());
		trustResolver.ifUnique(resolver::setTrustResolver);
		return resolver;
	}

}
