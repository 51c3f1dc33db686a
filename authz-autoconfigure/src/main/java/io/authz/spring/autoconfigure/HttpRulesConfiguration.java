package io.authz.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.authz.core.check.Authorizer;
import io.authz.spring.http.HttpRule;
import io.authz.spring.http.PolicyRequestAuthorizationManager;
import io.authz.spring.principal.PrincipalResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link PolicyRequestAuthorizationManager} for the rules in {@code authz.http.rules}, for the application to
 * plug into its own security filter chain.
 */
@Configuration(proxyBeanMethods = false)
class HttpRulesConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PolicyRequestAuthorizationManager policyRequestAuthorizationManager(AuthzProperties properties,
			ObjectProvider<Authorizer> authorizer, ObjectProvider<PrincipalResolver> principalResolver) {
		List<HttpRule> rules = new ArrayList<>();
		List<AuthzProperties.Http.Rule> configured = properties.getHttp().getRules();
		for (int i = 0; i < configured.size(); i++) {
			AuthzProperties.Http.Rule rule = configured.get(i);
			try {
				rules.add(HttpRule.of(rule.getPath(), rule.getMethods(), rule.getResource(), rule.getId(),
						rule.getAction(), rule.getAttributes()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Invalid authz.http.rules[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		// Looked up on first use: the manager is created while the filter chains are, before most beans
		return new PolicyRequestAuthorizationManager(rules, authorizer::getObject, principalResolver::getObject);
	}

}
