package io.authz.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import io.authz.spring.policy.PolicyFileLoader;
import io.authz.spring.policy.PolicyReloader;
import io.authz.spring.policy.PolicyWatcher;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthzPolicyReloadAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzPolicyReloadAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void reloaderForTheEmbeddedEngineWithoutWatcherByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PolicyReloader.class).doesNotHaveBean(PolicyWatcher.class);
			PolicyReloader reloader = context.getBean(PolicyReloader.class);
			assertThat(reloader.isSupported()).isTrue();
			assertThat(reloader.getLocation()).isEqualTo("classpath:policies/");
			assertThat(reloader.lastReload().trigger()).isEqualTo(PolicyReloader.STARTUP);
		});
	}

	@Test
	void watchesFilePoliciesWhenAsked() throws Exception {
		Files.copy(new ClassPathResource("policies/document.yaml").getFile().toPath(),
				this.directory.resolve("document.yaml"));
		this.runner.withPropertyValues("authz.local.policies=file:" + this.directory + "/", "authz.local.watch=true")
			.run((context) -> {
				PolicyWatcher watcher = context.getBean(PolicyWatcher.class);
				assertThat(watcher.isRunning()).isTrue();
				assertThat(watcher.getDirectory()).isEqualTo(this.directory.toAbsolutePath());
				context.close();
				assertThat(watcher.isRunning()).as("stopped with the application").isFalse();
			});
	}

	@Test
	void doesNotWatchClassPathPolicies() {
		this.runner.withPropertyValues("authz.local.watch=true")
			.run((context) -> assertThat(context.getBean(PolicyWatcher.class).isRunning()).isFalse());
	}

	@Test
	void doesNotWatchForAnEngineWithoutPolicies() {
		this.runner.withBean(RoleEngine.class)
			.withPropertyValues("authz.local.watch=true", "authz.local.policies=file:" + this.directory + "/")
			.run((context) -> {
				assertThat(context.getBean(PolicyReloader.class).isSupported()).isFalse();
				assertThat(context.getBean(PolicyWatcher.class).isRunning()).isFalse();
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAReloader() {
		this.runner.withBean("myReloader", PolicyReloader.class,
				() -> new PolicyReloader(new RoleEngine(), "classpath:policies/",
						new PolicyFileLoader(), (event) -> {
						}))
			.run((context) -> assertThat(context).getBean(PolicyReloader.class)
				.isSameAs(context.getBean("myReloader")));
	}

	@Test
	void isDisabledWithTheStarter() {
		this.runner.withPropertyValues("authz.enabled=false", "authz.local.watch=true")
			.run((context) -> assertThat(context).doesNotHaveBean(PolicyReloader.class)
				.doesNotHaveBean(PolicyWatcher.class));
	}

}
