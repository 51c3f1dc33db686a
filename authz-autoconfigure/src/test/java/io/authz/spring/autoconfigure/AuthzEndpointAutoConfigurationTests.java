package io.authz.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.spring.actuate.AuthzEndpoint;
import io.authz.spring.actuate.DecisionStatistics;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthzEndpointAutoConfigurationTests {

	private static final Principal USER = Principal.builder("alice").roles("user").build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class,
				AuthzPolicyReloadAutoConfiguration.class, AuthzEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=authz");

	@TempDir
	Path directory;

	@Test
	void describesTheEngineItsPoliciesAndItsDecisions() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AuthzEndpoint.class).hasSingleBean(DecisionStatistics.class);
			// 3 decisions in 2 checks: read allowed, delete denied, approve denied.
			context.getBean(Authorizer.class)
				.check(new CheckRequest(null, USER,
						List.of(ResourceCheck.of(Resource.of("document", "1"), "read", "delete")), Map.of()));
			context.getBean(Authorizer.class)
				.check(CheckRequest.of(USER, Resource.of("leave_request", "7"), "approve"));
			JsonNode json = json(context.getBean(AuthzEndpoint.class).authz());
			String digest = ((EmbeddedEngine) context.getBean(AuthorizationEngine.class)).policySet().digest();
			assertThat(json.get("engine").asString()).isEqualTo("local");
			JsonNode policySet = json.get("policySet");
			assertThat(policySet.get("location").asString()).isEqualTo("classpath:policies/");
			assertThat(policySet.get("watching").asBoolean()).isFalse();
			assertThat(policySet.get("digest").asString()).isEqualTo(digest);
			assertThat(policySet.get("policies").valueStream().map((policy) -> policy.get("kind").asString() + " "
					+ policy.get("name").asString() + " " + policy.get("version").asString() + " "
					+ policy.get("scope").asString() + " " + policy.get("source").asString()))
				.containsExactlyInAnyOrder("resource document default  document.yaml",
						"resource leave_request default  hr/leave.yaml");
			JsonNode lastReload = json.get("lastReload");
			assertThat(lastReload.get("trigger").asString()).isEqualTo("startup");
			assertThat(lastReload.get("outcome").asString()).isEqualTo("success");
			assertThat(lastReload.get("digest").asString()).isEqualTo(digest);
			assertThat(lastReload.get("errors")).isEmpty();
			assertThat(lastReload.has("time")).isTrue();
			assertThat(json.get("decisions").get("allow").asLong()).isEqualTo(1);
			assertThat(json.get("decisions").get("deny").asLong()).isEqualTo(2);
			assertThat(json.get("checks").get("decided").asLong()).isEqualTo(2);
			assertThat(json.get("checks").get("error").asLong()).isZero();
		});
	}

	@Test
	void writeOperationReloadsAndShowsTheErrorsOfABrokenSet() throws Exception {
		Files.writeString(this.directory.resolve("document.yaml"), policy("read"));
		this.runner.withPropertyValues("authz.local.policies=file:" + this.directory + "/").run((context) -> {
			AuthzEndpoint endpoint = context.getBean(AuthzEndpoint.class);
			String digest = json(endpoint.authz()).get("policySet").get("digest").asString();
			Files.writeString(this.directory.resolve("document.yaml"), policy("read") + "      condition:\n"
					+ "        match:\n          expr: R.attr.owner ==\n");
			JsonNode failed = json(endpoint.reload());
			assertThat(failed.get("trigger").asString()).isEqualTo("endpoint");
			assertThat(failed.get("outcome").asString()).isEqualTo("failure");
			assertThat(failed.get("errors").get(0).asString()).startsWith("document.yaml:");
			JsonNode json = json(endpoint.authz());
			assertThat(json.get("lastReload").get("outcome").asString()).isEqualTo("failure");
			assertThat(json.get("lastReload").get("errors")).hasSize(1);
			assertThat(json.get("policySet").get("digest").asString()).as("the last good set serves")
				.isEqualTo(digest);
			assertThat(allowed(context, "read")).isTrue();

			Files.writeString(this.directory.resolve("document.yaml"), policy("read", "delete"));
			assertThat(json(endpoint.reload()).get("outcome").asString()).isEqualTo("success");
			assertThat(json(endpoint.authz()).get("policySet").get("digest").asString()).isNotEqualTo(digest);
			assertThat(allowed(context, "delete")).isTrue();
		});
	}

	@Test
	void showsWhetherPoliciesAreWatched() throws Exception {
		Files.writeString(this.directory.resolve("document.yaml"), policy("read"));
		this.runner.withPropertyValues("authz.local.policies=file:" + this.directory + "/", "authz.local.watch=true")
			.run((context) -> assertThat(json(context.getBean(AuthzEndpoint.class).authz()).get("policySet")
				.get("watching")
				.asBoolean()).isTrue());
	}

	@Test
	void otherEnginesHaveNoPoliciesToShowOrReload() {
		this.runner.withBean(RoleEngine.class).run((context) -> {
			AuthzEndpoint endpoint = context.getBean(AuthzEndpoint.class);
			JsonNode json = json(endpoint.authz());
			assertThat(json.get("engine").asString()).isEqualTo("role");
			assertThat(json.get("policySet").isNull()).isTrue();
			assertThat(json.get("lastReload").isNull()).isTrue();
			assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(endpoint::reload)
				.withMessageContaining("Engine 'role' has no policies");
		});
	}

	@Test
	void isNotAvailableUnlessExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class,
					AuthzPolicyReloadAutoConfiguration.class, AuthzEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AuthzEndpoint.class)
				.doesNotHaveBean(DecisionStatistics.class));
	}

	@Test
	void isNotAvailableWhenAccessIsNone() {
		this.runner.withPropertyValues("management.endpoint.authz.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(AuthzEndpoint.class));
	}

	@Test
	void worksWithoutTheActuatorOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AuthzEndpoint.class));
	}

	private static boolean allowed(AssertableApplicationContext context, String action) {
		return context.getBean(Authorizer.class)
			.check(CheckRequest.of(USER, Resource.of("document", "1"), action))
			.isAllAllowed();
	}

	private static JsonNode json(Object body) {
		JsonMapper mapper = JsonMapper.shared();
		return mapper.readTree(mapper.writeValueAsString(body));
	}

	private static String policy(String... actions) {
		return """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: document
				  rules:
				    - actions: [%s]
				      effect: EFFECT_ALLOW
				      roles: ["user"]
				""".formatted(String.join(", ", List.of(actions).stream().map((a) -> '"' + a + '"').toList()));
	}

}
