package io.authz.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.engine.EngineHealth;
import io.authz.spring.actuate.AuthzHealthIndicator;
import io.authz.spring.policy.PolicyReloader;
import io.authz.spring.test.RoleEngine;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class,
				AuthzPolicyReloadAutoConfiguration.class, AuthzHealthAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void upWithThePoliciesOfTheEmbeddedEngine() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("authzHealthIndicator");
			Health health = health(context.getBean(AuthzHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("engine", "local")
				.containsEntry("policies", 2)
				.containsKey("digest")
				.doesNotContainKey("warning");
		});
	}

	@Test
	void aFailedReloadIsAWarningNotDown() throws Exception {
		Files.writeString(this.directory.resolve("document.yaml"), """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: document
				  rules:
				    - actions: ["read"]
				      effect: EFFECT_ALLOW
				      roles: ["user"]
				""");
		this.runner.withPropertyValues("authz.local.policies=file:" + this.directory + "/").run((context) -> {
			Files.writeString(this.directory.resolve("document.yaml"), "resourcePolicy: [");
			assertThat(context.getBean(PolicyReloader.class).reload("test").isSuccessful()).isFalse();
			Health health = health(context.getBean(AuthzHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("policies", 1).containsKey("warning");
			assertThat(health.getDetails().get("failedReload")).asInstanceOf(
					InstanceOfAssertFactories.MAP)
				.containsEntry("trigger", "test")
				.containsKeys("time", "errors");
		});
	}

	@Test
	void downWithoutPolicies() {
		this.runner
			.withBean(EmbeddedEngine.class, () -> EmbeddedEngine.create(List.of(), EmbeddedEngineOptions.defaults()))
			.run((context) -> {
				Health health = health(context.getBean(AuthzHealthIndicator.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("policies", 0).containsKey("reason");
			});
	}

	@Test
	void downWhenTheEngineReportsItsPdpUnavailable() {
		this.runner.withBean(ProbedEngine.class, () -> new ProbedEngine(false)).run((context) -> {
			Health health = health(context.getBean(AuthzHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("engine", "role");
			assertThat(health.getDetails().get("pdp")).isEqualTo(Map.of("url", "http://pdp:3592", "reason",
					"connection refused"));
		});
	}

	@Test
	void upWhenTheEngineReportsItsPdpAvailable() {
		this.runner.withBean(ProbedEngine.class, () -> new ProbedEngine(true)).run((context) -> {
			Health health = health(context.getBean(AuthzHealthIndicator.class));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("pdp")).isEqualTo(Map.of("url", "http://pdp:3592"));
		});
	}

	@Test
	void downWhenAnEngineHealthBeanReportsUnavailable() {
		this.runner.withBean(RoleEngine.class)
			.withBean(EngineHealth.class,
					() -> () -> EngineHealth.Report.unavailable("timed out after 250ms", Map.of()))
			.run((context) -> {
				Health health = health(context.getBean(AuthzHealthIndicator.class));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("pdp")).isEqualTo(Map.of("reason", "timed out after 250ms"));
			});
	}

	@Test
	void aProbeThatThrowsIsDown() {
		this.runner.withBean(RoleEngine.class).withBean(EngineHealth.class, () -> () -> {
			throw new IllegalStateException("boom");
		}).run((context) -> assertThat(health(context.getBean(AuthzHealthIndicator.class)).getStatus())
			.isEqualTo(Status.DOWN));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("management.health.authz.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuthzHealthIndicator.class));
	}

	@Test
	void worksWithoutSpringBootHealthOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuthzHealthIndicator.class));
	}

	private static Health health(HealthIndicator indicator) {
		Health health = indicator.health();
		assertThat(health).isNotNull();
		return health;
	}

	static class ProbedEngine extends RoleEngine implements EngineHealth {

		private final boolean available;

		ProbedEngine(boolean available) {
			this.available = available;
		}

		@Override
		public Report health() {
			return this.available ? Report.available(Map.of("url", "http://pdp:3592"))
					: Report.unavailable("connection refused", Map.of("url", "http://pdp:3592"));
		}

	}

}
