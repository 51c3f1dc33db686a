package io.authz.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckObserver;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.spring.observation.CheckObservationContext;
import io.authz.spring.observation.ObservationCheckObserver;
import io.authz.spring.test.RoleEngine;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzObservationAutoConfigurationTests {

	private static final Principal ALICE = Principal.builder("alice").roles("document:read").build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzObservationAutoConfiguration.class))
		.withUserConfiguration(ObservationConfiguration.class);

	@Test
	void observesEachCheckWithTheEngineCallInScope() {
		this.runner.withUserConfiguration(ScopeCheckingEngineConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ObservationCheckObserver.class);
			Authorizer authorizer = context.getBean(Authorizer.class);
			authorizer.check(new CheckRequest("req-7", ALICE,
					List.of(ResourceCheck.of(Resource.of("document", "1"), "read", "delete")),
					Map.of()));
			ObservationConfiguration observations = context.getBean(ObservationConfiguration.class);
			assertThat(observations.stopped).singleElement().satisfies((observation) -> {
				assertThat(observation.getName()).isEqualTo("authz.check");
				assertThat(observation.getContextualName()).isEqualTo("authz check");
				assertThat(observation.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
						KeyValue.of("authz.engine", "role"), KeyValue.of("authz.principal.type", "user"),
						KeyValue.of("authz.outcome", "decided"), KeyValue.of("authz.effect", "mixed"));
				assertThat(observation.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
						KeyValue.of("authz.request.id", "req-7"), KeyValue.of("authz.decisions", "2"));
				assertThat(observation.getError()).isNull();
			});
			ScopeCheckingEngine engine = context.getBean(ScopeCheckingEngine.class);
			assertThat(engine.current).as("the check's observation is current while the engine decides")
				.singleElement()
				.satisfies((current) -> assertThat(current.getContext())
					.isSameAs(observations.stopped.get(0)));
			assertThat(context.getBean(ObservationRegistry.class).getCurrentObservation())
				.as("and no longer once it has decided")
				.isNull();
		});
	}

	@Test
	void engineFailureIsAnError() {
		this.runner.withUserConfiguration(FailingEngineConfiguration.class).run((context) -> {
			context.getBean(Authorizer.class).check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"));
			assertThat(context.getBean(ObservationConfiguration.class).stopped).singleElement()
				.satisfies((observation) -> {
					assertThat(observation.getError()).hasMessage("PDP unreachable");
					assertThat(observation.getLowCardinalityKeyValue("authz.outcome").getValue()).isEqualTo("error");
					assertThat(observation.getLowCardinalityKeyValue("authz.effect").getValue()).isEqualTo("deny");
				});
		});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzObservationAutoConfiguration.class))
			.withBean(RoleEngine.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CheckObserver.class));
	}

	@Test
	void worksWithoutMicrometerObservationOnTheClassPath() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withBean(RoleEngine.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CheckObserver.class);
				assertThat(context.getBean(Authorizer.class)
					.check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"))
					.isAllAllowed()).isTrue();
			});
	}

	@Test
	void backsOffFromAnApplicationDefinedObserver() {
		this.runner.withUserConfiguration(FailingEngineConfiguration.class)
			.withBean("myObserver", CheckObserver.class, () -> CheckObserver.NONE)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationCheckObserver.class);
				context.getBean(Authorizer.class).check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"));
				assertThat(context.getBean(ObservationConfiguration.class).stopped).isEmpty();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		final List<CheckObservationContext> stopped = new CopyOnWriteArrayList<>();

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<CheckObservationContext>() {

				@Override
				public void onStop(CheckObservationContext context) {
					ObservationConfiguration.this.stopped.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof CheckObservationContext;
				}

			});
			return registry;
		}

	}

	static class ScopeCheckingEngine extends RoleEngine {

		final List<Observation> current = new CopyOnWriteArrayList<>();

		private final ObservationRegistry registry;

		ScopeCheckingEngine(ObservationRegistry registry) {
			this.registry = registry;
		}

		@Override
		public CheckResult check(CheckRequest request) {
			Observation observation = this.registry.getCurrentObservation();
			if (observation != null) {
				this.current.add(observation);
			}
			return super.check(request);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ScopeCheckingEngineConfiguration {

		@Bean
		ScopeCheckingEngine scopeCheckingEngine(ObservationRegistry registry) {
			return new ScopeCheckingEngine(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingEngineConfiguration {

		@Bean
		AuthorizationEngine failingEngine() {
			return new AuthorizationEngine() {

				@Override
				public String name() {
					return "failing";
				}

				@Override
				public CheckResult check(CheckRequest request) {
					throw new IllegalStateException("PDP unreachable");
				}

			};
		}

	}

}
