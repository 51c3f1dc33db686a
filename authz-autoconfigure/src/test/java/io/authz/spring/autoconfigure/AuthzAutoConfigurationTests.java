package io.authz.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authz.core.cache.CachingEngine;
import io.authz.core.cache.DecisionCache;
import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckEvent;
import io.authz.core.check.CheckListener;
import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.policy.PolicyLoadException;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.cerbos.CerbosEngine;
import io.authz.spring.policy.NoPolicyFilesException;
import io.authz.spring.principal.PrincipalResolver;
import io.authz.spring.principal.SecurityContextPrincipalResolver;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class));

	@Test
	void autoConfiguresAuthorizerAndPrincipalResolverAroundTheApplicationEngine() {
		this.runner.withUserConfiguration(EngineConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(AuthzProperties.class);
			assertThat(context).hasSingleBean(AuthorizationEngine.class);
			assertThat(context).hasSingleBean(Authorizer.class);
			assertThat(context.getBean(Authorizer.class).engine()).isSameAs(context.getBean(RoleEngine.class));
			assertThat(context).hasSingleBean(PrincipalResolver.class);
			assertThat(context).getBean(PrincipalResolver.class).isInstanceOf(SecurityContextPrincipalResolver.class);
		});
	}

	@Test
	void defaultsLoadTheEmbeddedEngineFromClasspathPolicies() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(AuthorizationEngine.class).isInstanceOf(EmbeddedEngine.class);
			Authorizer authorizer = context.getBean(Authorizer.class);
			Principal alice = Principal.builder("alice").roles("user").build();
			assertThat(authorizer.check(CheckRequest.of(alice, Resource.of("document", "1"), "read")).isAllAllowed())
				.isTrue();
			assertThat(authorizer.check(CheckRequest.of(alice, Resource.of("document", "1"), "delete"))
				.isAllAllowed()).isFalse();
			Principal bob = Principal.builder("bob").roles("manager").build();
			assertThat(authorizer.check(CheckRequest.of(bob, Resource.of("leave_request", "7"), "approve"))
				.isAllAllowed()).as("policy in a sub-directory").isTrue();
		});
	}

	@Test
	void embeddedEngineUsesConfiguredGlobals() {
		Principal alice = Principal.builder("alice").roles("user").build();
		CheckRequest publish = CheckRequest.of(alice, Resource.of("document", "1"), "publish");
		this.runner.withPropertyValues("authz.local.globals.environment=test").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Authorizer.class).check(publish).isAllAllowed()).isTrue();
		});
		this.runner.withPropertyValues("authz.local.globals.environment=production").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Authorizer.class).check(publish).isAllAllowed()).isFalse();
		});
	}

	@Test
	void brokenPolicyFailsStartUpNamingTheFile() {
		this.runner.withPropertyValues("authz.local.policies=classpath:broken-policies/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PolicyLoadException.class)
				.hasMessageContaining("broken.yaml");
		});
	}

	@Test
	void missingPolicyLocationFailsStartUpNamingTheLocation() {
		this.runner.withPropertyValues("authz.local.policies=classpath:no-such-policies/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoPolicyFilesException.class)
				.hasMessage("Policy location 'classpath:no-such-policies/' does not exist");
		});
	}

	@Test
	void policyLocationWithoutPolicyFilesFailsStartUpNamingTheLocation() {
		this.runner.withPropertyValues("authz.local.policies=classpath:empty-policies").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoPolicyFilesException.class)
				.hasMessageContaining("'classpath:empty-policies'")
				.hasMessageContaining("No policy files");
		});
	}

	@Test
	void remoteEnginesWithoutUrlFailStartUpWithAClearMessage() {
		for (String engine : List.of("cerbos", "authzen")) {
			this.runner.withPropertyValues("authz.engine=" + engine).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("authz.engine=" + engine + " needs the PDP's base URL")
					.hasMessageContaining("authz.remote.url");
			});
		}
	}

	@Test
	void remoteEnginesAreConfiguredFromProperties() {
		this.runner
			.withPropertyValues("authz.engine=cerbos", "authz.remote.url=http://pdp.example:3592",
					"authz.remote.timeout=400ms", "authz.remote.api-key=k", "authz.remote.retry.max-attempts=2",
					"authz.remote.circuit-breaker.wait-in-open-state=3s",
					"authz.local.policies=classpath:no-such-policies/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CerbosEngine engine = context.getBean(CerbosEngine.class);
				RemoteEngineOptions options = engine.client().options();
				assertThat(options.url()).hasToString("http://pdp.example:3592");
				assertThat(options.timeout()).isEqualTo(Duration.ofMillis(400));
				assertThat(options.apiKey()).isEqualTo("k");
				assertThat(options.retry().maxAttempts()).isEqualTo(2);
				assertThat(options.circuitBreaker().waitInOpenState()).isEqualTo(Duration.ofSeconds(3));
				assertThat(context.getBean(Authorizer.class).engine()).isSameAs(engine);
			});
		this.runner.withPropertyValues("authz.engine=authzen", "authz.remote.url=http://pdp.example:8080")
			.run((context) -> assertThat(context).hasNotFailed().getBean(AuthorizationEngine.class)
				.isInstanceOf(AuthZenEngine.class));
	}

	@Test
	void remoteConnectionDetailsBeanTakesThePlaceOfProperties() {
		this.runner.withPropertyValues("authz.engine=cerbos", "authz.remote.url=http://from-properties:1")
			.withBean(AuthzRemoteConnectionDetails.class, () -> () -> "http://from-bean:2")
			.run((context) -> {
				assertThat(context).hasSingleBean(AuthzRemoteConnectionDetails.class);
				assertThat(context.getBean(CerbosEngine.class).client().options().url())
					.hasToString("http://from-bean:2");
			});
	}

	@Test
	void decisionCacheIsOffByDefault() {
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(DecisionCache.class));
	}

	@Test
	void decisionCacheSitsInFrontOfTheApplicationEngine() {
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.withPropertyValues("authz.cache.ttl=1m", "authz.cache.max-size=5")
			.run((context) -> {
				assertThat(context).hasSingleBean(DecisionCache.class);
				Authorizer authorizer = context.getBean(Authorizer.class);
				assertThat(authorizer.engine()).isInstanceOf(CachingEngine.class);
				assertThat(((CachingEngine) authorizer.engine()).delegate()).isSameAs(context.getBean(RoleEngine.class));
				Principal alice = Principal.builder("alice").roles("document:read").build();
				CheckRequest request = CheckRequest.of(alice, Resource.of("document", "1"), "read");
				assertThat(authorizer.check(request).isAllAllowed()).isTrue();
				assertThat(authorizer.check(request).isAllAllowed()).isTrue();
				assertThat(context.getBean(RoleEngine.class).requests()).hasSize(1);
				DecisionCache cache = context.getBean(DecisionCache.class);
				assertThat(cache.hitCount()).isEqualTo(1);
				assertThat(cache.missCount()).isEqualTo(1);
			});
	}

	@Test
	void remoteEngineSettingIsIgnoredWhenTheApplicationDefinesAnEngine() {
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.withPropertyValues("authz.engine=cerbos")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Authorizer.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnAuthorizer() {
		this.runner.withUserConfiguration(EngineConfiguration.class, AuthorizerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Authorizer.class);
			assertThat(context).getBean(Authorizer.class).isSameAs(context.getBean("customAuthorizer"));
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAPrincipalResolver() {
		this.runner.withUserConfiguration(EngineConfiguration.class, PrincipalResolverConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PrincipalResolver.class);
				assertThat(context).doesNotHaveBean(SecurityContextPrincipalResolver.class);
				assertThat(context.getBean(PrincipalResolver.class).resolve(null).id()).isEqualTo("custom");
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnEngine() {
		// No policies are read at all: the location below would fail start-up otherwise.
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.withPropertyValues("authz.local.policies=classpath:no-such-policies/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(AuthorizationEngine.class);
				assertThat(context).getBean(AuthorizationEngine.class).isInstanceOf(RoleEngine.class);
			});
	}

	@Test
	void isDisabledByProperty() {
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.withPropertyValues("authz.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AuthzProperties.class);
				assertThat(context).doesNotHaveBean(Authorizer.class);
				assertThat(context).doesNotHaveBean(PrincipalResolver.class);
			});
	}

	@Test
	void checkListenerBeansAreToldAboutChecks() {
		this.runner.withUserConfiguration(EngineConfiguration.class, ListenerConfiguration.class).run((context) -> {
			Principal alice = Principal.builder("alice").roles("document:read").build();
			context.getBean(Authorizer.class).check(CheckRequest.of(alice, Resource.of("document", "1"), "read"));
			List<CheckEvent> events = context.getBean(ListenerConfiguration.class).events;
			assertThat(events).singleElement().satisfies((event) -> {
				assertThat(event.engine()).isEqualTo("role");
				assertThat(event.result().isAllAllowed()).isTrue();
			});
		});
	}

	@Test
	void principalResolverUsesConfiguredAuthorityPrefixes() {
		this.runner.withUserConfiguration(EngineConfiguration.class)
			.withPropertyValues("authz.principal.authority-prefixes=GROUP_")
			.run((context) -> {
				Principal principal = context.getBean(PrincipalResolver.class)
					.resolve(UsernamePasswordAuthenticationToken.authenticated("alice", null,
							AuthorityUtils.createAuthorityList("GROUP_staff", "ROLE_user")));
				assertThat(principal.roles()).containsExactly("staff", "ROLE_user");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		RoleEngine roleEngine() {
			return new RoleEngine();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuthorizerConfiguration {

		@Bean
		Authorizer customAuthorizer() {
			return new Authorizer(new AuthorizationEngine() {

				@Override
				public String name() {
					return "custom";
				}

				@Override
				public CheckResult check(CheckRequest request) {
					return CheckResult.failed(request, "custom");
				}

			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrincipalResolverConfiguration {

		@Bean
		PrincipalResolver customPrincipalResolver() {
			return (authentication) -> Principal.builder("custom").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final List<CheckEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		CheckListener recordingListener() {
			return this.events::add;
		}

	}

}
