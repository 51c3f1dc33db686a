package io.authz.sample.security;

import io.authz.sample.employee.EmployeeRepository;
import io.authz.spring.principal.PrincipalResolver;
import io.authz.spring.principal.SecurityContextPrincipalResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces the starter's principal resolver with one that knows about employees.
 */
@Configuration(proxyBeanMethods = false)
public class PrincipalConfiguration {

	@Bean
	PrincipalResolver principalResolver(EmployeeRepository employees) {
		return new EmployeePrincipalResolver(new SecurityContextPrincipalResolver(), employees);
	}

}
