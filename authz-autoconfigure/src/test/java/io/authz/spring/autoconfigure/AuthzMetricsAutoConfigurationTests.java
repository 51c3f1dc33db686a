package io.authz.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.engine.DecisionCacheListener;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.spring.metrics.CheckMetrics;
import io.authz.spring.metrics.DecisionCacheMetrics;
import io.authz.spring.metrics.PolicyReloadMetrics;
import io.authz.spring.policy.PolicyReloadEvent;
import io.authz.spring.policy.PolicyReloadStatus;
import io.authz.spring.test.RoleEngine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzMetricsAutoConfigurationTests {

	private static final Principal ALICE = Principal.builder("alice").roles("document:read").build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withUserConfiguration(EngineConfiguration.class);

	@Test
	void countsChecksAndDecisionsWithTheirTags() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CheckMetrics.class);
			Authorizer authorizer = context.getBean(Authorizer.class);
			// 2 checks, 5 decisions: 2 allows (read), 3 denies (delete x2, read on a report).
			authorizer.check(new CheckRequest(null, ALICE, List.of(
					ResourceCheck.of(Resource.of("document", "1"), "read", "delete"),
					ResourceCheck.of(Resource.of("document", "2"), "read", "delete")), Map.of()));
			authorizer.check(CheckRequest.of(ALICE, Resource.of("report", "9"), "read"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("authz.checks").tags("engine", "role", "outcome", "decided").timer().count())
				.isEqualTo(2);
			assertThat(count(registry, "allow", "document", "read")).isEqualTo(2);
			assertThat(count(registry, "deny", "document", "delete")).isEqualTo(2);
			assertThat(count(registry, "deny", "report", "read")).isEqualTo(1);
			assertThat(registry.get("authz.decisions").counters()).allSatisfy((counter) -> assertThat(
					counter.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("engine", "effect", "resource", "action"));
			assertThat(registry.find("authz.decisions").tag("resource", "1").counters())
				.as("no ids as tag values")
				.isEmpty();
		});
	}

	@Test
	void engineFailureIsAnErrorOutcome() {
		this.runner.withAllowBeanDefinitionOverriding(true)
			.withUserConfiguration(FailingEngineConfiguration.class)
			.run((context) -> {
				context.getBean(Authorizer.class).check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("authz.checks").tags("engine", "failing", "outcome", "error").timer().count())
					.isEqualTo(1);
				assertThat(registry.find("authz.checks").tag("outcome", "decided").timer()).isNull();
				assertThat(registry.get("authz.decisions").tags("engine", "failing", "effect", "deny").counter())
					.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1));
			});
	}

	@Test
	void resourceAndActionTagValuesAreBounded() {
		this.runner.withPropertyValues("authz.metrics.max-tag-values=3").run((context) -> {
			Authorizer authorizer = context.getBean(Authorizer.class);
			for (int i = 0; i < 50; i++) {
				authorizer.check(CheckRequest.of(ALICE, Resource.of("kind-" + i, "1"), "action-" + i));
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			List<Meter.Id> ids = registry.get("authz.decisions").counters().stream().map(Meter::getId).toList();
			assertThat(ids).extracting((id) -> id.getTag("resource"))
				.containsOnly("kind-0", "kind-1", "kind-2", "other");
			assertThat(ids).extracting((id) -> id.getTag("action"))
				.containsOnly("action-0", "action-1", "action-2", "other");
			assertThat(ids).hasSize(4);
			assertThat(registry.get("authz.decisions").tag("resource", "other").counter().count()).isEqualTo(47);
		});
	}

	@Test
	void countsPolicyReloadsRegisteredUpFront() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PolicyReloadMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("authz.policies.reloads").tag("result", "success").counter().count()).isZero();
			assertThat(registry.get("authz.policies.reloads").tag("result", "failure").counter().count()).isZero();
			context.publishEvent(reload(PolicyReloadStatus.Outcome.FAILURE));
			context.publishEvent(reload(PolicyReloadStatus.Outcome.SUCCESS));
			context.publishEvent(reload(PolicyReloadStatus.Outcome.FAILURE));
			assertThat(registry.get("authz.policies.reloads").tag("result", "success").counter().count()).isEqualTo(1);
			assertThat(registry.get("authz.policies.reloads").tag("result", "failure").counter().count()).isEqualTo(2);
		});
	}

	@Test
	void providesADecisionCacheListenerThatCountsLookups() {
		this.runner.run((context) -> {
			assertThat(context).getBean(DecisionCacheListener.class).isInstanceOf(DecisionCacheMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find("authz.cache.requests").counters()).as("no cache, no meter").isEmpty();
			DecisionCacheListener listener = context.getBean(DecisionCacheListener.class);
			listener.onLookup(true);
			listener.onLookup(false);
			listener.onLookup(true);
			assertThat(registry.get("authz.cache.requests").tag("result", "hit").counter().count()).isEqualTo(2);
			assertThat(registry.get("authz.cache.requests").tag("result", "miss").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMetricsAutoConfiguration.class))
			.withUserConfiguration(EngineConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CheckMetrics.class)
				.doesNotHaveBean(DecisionCacheListener.class));
	}

	@Test
	void worksWithoutMicrometerOnTheClassPath() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withUserConfiguration(EngineConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CheckMetrics.class);
				assertThat(context.getBean(Authorizer.class)
					.check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"))
					.isAllAllowed()).isTrue();
			});
	}

	@Test
	void backsOffFromAnApplicationDefinedCacheListener() {
		this.runner.withBean("myCacheListener", DecisionCacheListener.class, () -> DecisionCacheListener.NONE)
			.run((context) -> assertThat(context).getBean(DecisionCacheListener.class)
				.isSameAs(DecisionCacheListener.NONE));
	}

	@Test
	void usesAnApplicationMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMetricsAutoConfiguration.class))
			.withUserConfiguration(EngineConfiguration.class)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				context.getBean(Authorizer.class).check(CheckRequest.of(ALICE, Resource.of("document", "1"), "read"));
				assertThat(context.getBean(SimpleMeterRegistry.class).get("authz.decisions").counter().count())
					.isEqualTo(1);
			});
	}

	private static double count(MeterRegistry registry, String effect, String resource, String action) {
		return registry.get("authz.decisions")
			.tags("engine", "role", "effect", effect, "resource", resource, "action", action)
			.counter()
			.count();
	}

	private static PolicyReloadEvent reload(PolicyReloadStatus.Outcome outcome) {
		return new PolicyReloadEvent(new Object(), new PolicyReloadStatus(Instant.now(), "test", outcome,
				"digest", 1, List.of(), Duration.ZERO));
	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		AuthorizationEngine roleEngine() {
			return new RoleEngine();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingEngineConfiguration {

		@Bean
		AuthorizationEngine roleEngine() {
			return new AuthorizationEngine() {

				@Override
				public String name() {
					return "failing";
				}

				@Override
				public CheckResult check(CheckRequest request) {
					throw new IllegalStateException("down");
				}

			};
		}

	}

}
