package io.authz.benchmarks.method;

import io.authz.core.model.Principal;
import io.authz.spring.autoconfigure.AuthzAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzMethodSecurityAutoConfiguration;
import io.authz.spring.principal.PrincipalResolver;
import io.authz.spring.principal.SecurityContextPrincipalResolver;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The application of the method security benchmark: Spring Security's method security, the authz
 * auto-configurations on the embedded engine, and the service beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ImportAutoConfiguration({ AuthzAutoConfiguration.class, AuthzMethodSecurityAutoConfiguration.class })
class MethodSecurityBenchmarkConfiguration {

	@Bean
	Approvals.Unsecured unsecured() {
		return new Approvals.Unsecured();
	}

	@Bean
	Approvals.SpelRule spelRule() {
		return new Approvals.SpelRule();
	}

	@Bean
	Approvals.SpelRole spelRole() {
		return new Approvals.SpelRole();
	}

	@Bean
	Approvals.Policy policy() {
		return new Approvals.Policy();
	}

	/**
	 * The principal as policies see it: the starter's mapping of the authentication (name, roles from
	 * authorities), plus the department that the SpEL rule reads as {@code authentication.details}.
	 * @return the resolver
	 */
	@Bean
	PrincipalResolver principalResolver() {
		SecurityContextPrincipalResolver delegate = new SecurityContextPrincipalResolver();
		return (authentication) -> {
			Principal principal = delegate.resolve(authentication);
			if (authentication != null && authentication.getDetails() instanceof String department) {
				return Principal.builder(principal.id())
					.roles(principal.roles())
					.type(principal.type())
					.attribute("department", department)
					.build();
			}
			return principal;
		};
	}

}
