package io.authz.spring.autoconfigure;

import io.authz.spring.http.PolicyRequestAuthorizationManager;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRulesConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzHttpAuthorizationAutoConfiguration.class))
		.withBean(RoleEngine.class);

	@Test
	void rulesBecomeTheAuthorizationManager() {
		this.runner
			.withPropertyValues("authz.http.rules[0].path=/documents/{id}", "authz.http.rules[0].methods=GET,DELETE",
					"authz.http.rules[0].resource=document", "authz.http.rules[0].id=id",
					"authz.http.rules[0].attributes.region=header:X-Region", "authz.http.rules[1].path=/reports/**",
					"authz.http.rules[1].resource=report", "authz.http.rules[1].action=view")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PolicyRequestAuthorizationManager manager = context.getBean(PolicyRequestAuthorizationManager.class);
				assertThat(manager.getRules()).hasSize(2);
				assertThat(manager.getRules().get(0).getResource()).isEqualTo("document");
			});
	}

	@Test
	void withoutRulesTheManagerExistsAndMatchesNothing() {
		this.runner.run((context) -> assertThat(context.getBean(PolicyRequestAuthorizationManager.class).getRules())
			.isEmpty());
	}

	@Test
	void invalidRuleStopsStartUp() {
		this.runner
			.withPropertyValues("authz.http.rules[0].path=/documents/{id}", "authz.http.rules[0].resource=document",
					"authz.http.rules[0].attributes.region=cookie:region")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Attribute 'region' of the rule for '/documents/{id}' must be 'header:<name>'"));
		this.runner.withPropertyValues("authz.http.rules[0].path=/documents/{id}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Invalid authz.http.rules[0]: resource is required"));
	}

	@Test
	void onlyInServletWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzHttpAuthorizationAutoConfiguration.class))
			.withBean(RoleEngine.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PolicyRequestAuthorizationManager.class));
	}

}
