package io.authz.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.pip.AttributeEnricher;
import io.authz.core.pip.PrincipalAttributeProvider;
import io.authz.core.pip.PrincipalAttributes;
import io.authz.core.pip.ResourceAttributeProvider;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeProvidersConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class))
		.withBean(RoleEngine.class);

	@Test
	void withoutProvidersTheAuthorizerAsksTheEngineDirectly() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AttributeEnricher.class).isEmpty()).isTrue();
			assertThat(context.getBean(Authorizer.class).engine()).isSameAs(context.getBean(RoleEngine.class));
		});
	}

	@Test
	void principalsFileGrantsRolesAndAttributes() {
		this.runner.withPropertyValues("authz.pip.principals=classpath:pip/principals.yaml").run((context) -> {
			assertThat(context).hasNotFailed();
			Authorizer authorizer = context.getBean(Authorizer.class);
			assertThat(authorizer.engine().name()).isEqualTo("role");
			Principal pid = Principal.builder("pid-1").build();
			assertThat(authorizer.check(CheckRequest.of(pid, Resource.of("document", "1"), "read")).isAllAllowed())
				.isTrue();
			CheckRequest asked = context.getBean(RoleEngine.class).lastRequest();
			assertThat(asked.principal().roles()).containsExactly("document:read");
			assertThat(asked.principal().attributes()).containsEntry("email", "rick@the-citadel.com");
		});
	}

	@Test
	void requestRolesAreKeptUnlessTheFileIsAuthoritative() {
		Principal pid = Principal.builder("pid-1").roles("viewer").attribute("email", "from-request").build();
		this.runner.withPropertyValues("authz.pip.principals=classpath:pip/principals.yaml").run((context) -> {
			context.getBean(Authorizer.class).check(CheckRequest.of(pid, Resource.of("document", "1"), "read"));
			Principal asked = context.getBean(RoleEngine.class).lastRequest().principal();
			assertThat(asked.roles()).containsExactly("viewer", "document:read");
			assertThat(asked.attributes()).containsEntry("email", "from-request");
		});
		this.runner
			.withPropertyValues("authz.pip.principals=classpath:pip/principals.yaml",
					"authz.pip.principals-authoritative=true")
			.run((context) -> {
				context.getBean(Authorizer.class).check(CheckRequest.of(pid, Resource.of("document", "1"), "read"));
				Principal asked = context.getBean(RoleEngine.class).lastRequest().principal();
				assertThat(asked.roles()).containsExactly("document:read");
				assertThat(asked.attributes()).containsEntry("email", "rick@the-citadel.com");
			});
	}

	@Test
	void providerBeansAreConsultedWithTheirFailurePolicy() {
		this.runner
			.withBean(PrincipalAttributeProvider.class,
					() -> (principal) -> new PrincipalAttributes(List.of("admin"), Map.of()))
			.withBean(ResourceAttributeProvider.class, () -> (resource) -> Map.of("owner", "bob"))
			.run((context) -> {
				Authorizer authorizer = context.getBean(Authorizer.class);
				assertThat(authorizer.check(CheckRequest.of(Principal.builder("x").build(),
						Resource.of("document", "1"), "delete")).isAllAllowed()).isTrue();
				assertThat(context.getBean(RoleEngine.class).lastRequest().resources().get(0).resource().attributes())
					.containsEntry("owner", "bob");
			});
		this.runner.withBean(PrincipalAttributeProvider.class, () -> (principal) -> {
			throw new IllegalStateException("directory down");
		}).run((context) -> {
			var result = context.getBean(Authorizer.class)
				.check(CheckRequest.of(Principal.builder("x").roles("admin").build(), Resource.of("document", "1"),
						"read"));
			assertThat(result.isAllAllowed()).isFalse();
			assertThat(result.results().get(0).decision("read").failure()).contains("directory down");
		});
		this.runner.withPropertyValues("authz.pip.failure-policy=ignore")
			.withBean(PrincipalAttributeProvider.class, () -> (principal) -> {
				throw new IllegalStateException("directory down");
			})
			.run((context) -> assertThat(context.getBean(Authorizer.class)
				.check(CheckRequest.of(Principal.builder("x").roles("admin").build(), Resource.of("document", "1"),
						"read"))
				.isAllAllowed()).isTrue());
	}

	@Test
	void resourcesFilesAddAttributesByKind() {
		this.runner.withPropertyValues("authz.pip.resources.document=classpath:pip/documents.json").run((context) -> {
			Authorizer authorizer = context.getBean(Authorizer.class);
			Principal admin = Principal.builder("x").roles("admin").build();
			authorizer.check(CheckRequest.of(admin, Resource.of("document", "d1"), "read"));
			assertThat(context.getBean(RoleEngine.class).lastRequest().resources().get(0).resource().attributes())
				.isEqualTo(Map.of("owner", "alice", "status", "draft"));
			authorizer.check(CheckRequest.of(admin, Resource.builder("document", "d1").attribute("status", "final")
				.build(), "read"));
			assertThat(context.getBean(RoleEngine.class).lastRequest().resources().get(0).resource().attributes())
				.containsEntry("status", "final");
			authorizer.check(CheckRequest.of(admin, Resource.of("report", "d1"), "read"));
			assertThat(context.getBean(RoleEngine.class).lastRequest().resources().get(0).resource().attributes())
				.isEmpty();
		});
	}

	@Test
	void missingPrincipalsFileStopsStartUp() {
		this.runner.withPropertyValues("authz.pip.principals=classpath:pip/nowhere.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("The attributes file 'classpath:pip/nowhere.json' (authz.pip.principals) does not exist"));
	}

}
