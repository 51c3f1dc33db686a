package io.authz.spring.autoconfigure;

import io.authz.core.protocol.cerbos.JwtClaimsDecoder;
import io.authz.core.protocol.cerbos.UnverifiedJwtClaimsDecoder;
import io.authz.spring.server.AuthzenController;
import io.authz.spring.server.CerbosCheckController;
import io.authz.spring.server.SpringSecurityJwtClaimsDecoder;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzServerAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzServerAutoConfiguration.class))
		.withBean(RoleEngine.class);

	private final WebApplicationContextRunner securedRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, AuthzAutoConfiguration.class,
				AuthzServerAutoConfiguration.class))
		.withBean(RoleEngine.class);

	@Test
	void endpointsAreOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(CerbosCheckController.class);
			assertThat(context).doesNotHaveBean(AuthzenController.class);
		});
	}

	@Test
	void serverEnabledServesBothProtocols() {
		this.runner.withPropertyValues("authz.server.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(CerbosCheckController.class);
			assertThat(context).hasSingleBean(AuthzenController.class);
			assertThat(context).hasBean("authzRequestIdEchoFilter");
			// Without a key set nothing guards the endpoints but the application's own rules
			assertThat(context).doesNotHaveBean(PdpApiKeyConfiguration.FILTER_CHAIN_BEAN_NAME);
			assertThat(context).doesNotHaveBean("authzPdpApiKeyFilter");
			assertThat(context.getBean(JwtClaimsDecoder.class)).isNotInstanceOf(UnverifiedJwtClaimsDecoder.class)
				.isNotInstanceOf(SpringSecurityJwtClaimsDecoder.class);
		});
	}

	@Test
	void notServedOutsideServletWebApplicationsOrWhenAuthzIsOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzServerAutoConfiguration.class))
			.withBean(RoleEngine.class)
			.withPropertyValues("authz.server.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CerbosCheckController.class));
		this.runner.withPropertyValues("authz.server.enabled=true", "authz.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuthzenController.class));
	}

	@Test
	void apiKeyAddsAChainForThePdpPathsNextToBootsDefaultChain() {
		this.securedRunner.withPropertyValues("authz.server.enabled=true", "authz.server.api-key=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean(PdpApiKeyConfiguration.FILTER_CHAIN_BEAN_NAME);
				// Boot's default chain still protects the rest of the application
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2)
					.containsKey("defaultSecurityFilterChain");
			});
	}

	@Test
	void apiKeyChainSitsNextToTheApplicationsChains() {
		this.securedRunner.withPropertyValues("authz.server.enabled=true", "authz.server.api-key=secret")
			.withUserConfiguration(ApplicationSecurity.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
						PdpApiKeyConfiguration.FILTER_CHAIN_BEAN_NAME, "applicationSecurityFilterChain");
			});
	}

	@Test
	void withoutSpringSecurityWebTheKeyIsCheckedByAServletFilter() {
		this.runner.withPropertyValues("authz.server.enabled=true", "authz.server.api-key=secret").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PdpApiKeyConfiguration.FILTER_CHAIN_BEAN_NAME);
			assertThat(context.getBean("authzPdpApiKeyFilter", FilterRegistrationBean.class).getUrlPatterns())
				.contains("/api/check/resources", "/access/v1/evaluation", "/access/v1/evaluations")
				.doesNotContain("/.well-known/authzen-configuration");
		});
	}

	@Test
	void auxDataJwtsAreVerifiedAsConfigured() {
		this.runner
			.withPropertyValues("authz.server.enabled=true", "authz.server.aux-data.jwt.disable-verification=true")
			.run((context) -> assertThat(context.getBean(JwtClaimsDecoder.class))
				.isInstanceOf(UnverifiedJwtClaimsDecoder.class));
		this.runner
			.withPropertyValues("authz.server.enabled=true",
					"authz.server.aux-data.jwt.jwk-set-uri=https://issuer.example.com/jwks")
			.run((context) -> assertThat(context.getBean(JwtClaimsDecoder.class))
				.isInstanceOf(SpringSecurityJwtClaimsDecoder.class));
	}

	@Test
	void applicationBeansReplaceTheEndpoints() {
		this.runner.withPropertyValues("authz.server.enabled=true")
			.withBean("customDecoder", JwtClaimsDecoder.class, () -> JwtClaimsDecoder.rejecting("no"))
			.run((context) -> {
				assertThat(context).hasSingleBean(JwtClaimsDecoder.class);
				assertThat(context).hasBean("customDecoder");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationSecurity {

		@Bean
		SecurityFilterChain applicationSecurityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
