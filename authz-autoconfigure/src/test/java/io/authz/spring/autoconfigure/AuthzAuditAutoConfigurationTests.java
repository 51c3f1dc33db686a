package io.authz.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.authz.core.check.Authorizer;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.spring.audit.AuditEventRepositoryDecisionListener;
import io.authz.spring.audit.AuthorizationDecisionEvent;
import io.authz.spring.audit.AuthorizationEventBridge;
import io.authz.spring.audit.DecisionEventPublisher;
import io.authz.spring.audit.JsonDecisionLog;
import io.authz.spring.authorization.PolicyAuthorizationDecision;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(OutputCaptureExtension.class)
class AuthzAuditAutoConfigurationTests {

	private static final Principal ASSISTANT = Principal.builder("assistant")
		.roles("document:read")
		.type(PrincipalType.AGENT)
		.attribute("email", "assistant@example.com")
		.actingFor(Principal.builder("alice").attribute("salary", 100).build())
		.build();

	/** One check, three decisions: read allowed on two documents, delete denied on the first. */
	private static final CheckRequest CHECK = new CheckRequest("req-1", ASSISTANT,
			List.of(ResourceCheck.of(Resource.builder("document", "1").attribute("owner", "alice").build(), "read",
					"delete"), ResourceCheck.of(Resource.of("document", "2"), "read")),
			Map.of());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzAuditAutoConfiguration.class))
		.withUserConfiguration(EngineConfiguration.class, RecordingConfiguration.class);

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void publishesOneEventPerDecisionWithoutAttributeValues() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DecisionEventPublisher.class);
			check(context);
			List<AuthorizationDecisionEvent> events = context.getBean(RecordingConfiguration.class).decisions;
			assertThat(events).extracting(AuthorizationDecisionEvent::getResourceId,
					AuthorizationDecisionEvent::getAction, AuthorizationDecisionEvent::isAllowed)
				.containsExactly(tuple("1", "read", true),
						tuple("1", "delete", false),
						tuple("2", "read", true));
			assertThat(events.get(1)).satisfies((event) -> {
				assertThat(event.getRequestId()).isEqualTo("req-1");
				assertThat(event.getPrincipalId()).isEqualTo("assistant");
				assertThat(event.getPrincipalType()).isEqualTo(PrincipalType.AGENT);
				assertThat(event.getActingFor())
					.containsExactly(new AuthorizationDecisionEvent.Actor("alice", PrincipalType.USER));
				assertThat(event.getResourceKind()).isEqualTo("document");
				assertThat(event.getPolicy()).isEqualTo("resource.document.vdefault");
				assertThat(event.getRule()).isNull();
				assertThat(event.getEngine()).isEqualTo("role");
				assertThat(event.getDuration()).isPositive();
				assertThat(event.getFailure()).isNull();
				assertThat(event.getPrincipalAttributes()).isEmpty();
				assertThat(event.getResourceAttributes()).isEmpty();
				assertThat(event.toString()).doesNotContain("alice@", "salary", "owner");
			});
			assertThat(events.get(0).getRule()).isEqualTo(RoleEngine.RULE);
		});
	}

	@Test
	void includesAttributeValuesWhenAskedTo() {
		this.runner.withPropertyValues("authz.audit.include-attributes=true").run((context) -> {
			check(context);
			AuthorizationDecisionEvent event = context.getBean(RecordingConfiguration.class).decisions.get(0);
			assertThat(event.getPrincipalAttributes()).containsEntry("email", "assistant@example.com");
			assertThat(event.getResourceAttributes()).containsEntry("owner", "alice");
		});
	}

	@Test
	void engineFailureIsInTheEvents() {
		this.runner.withAllowBeanDefinitionOverriding(true)
			.withUserConfiguration(FailingEngineConfiguration.class)
			.run((context) -> {
				check(context);
				assertThat(context.getBean(RecordingConfiguration.class).decisions).hasSize(3)
					.allSatisfy((event) -> {
						assertThat(event.isAllowed()).isFalse();
						assertThat(event.getFailure()).contains("PDP unreachable");
					});
			});
	}

	@Test
	void recordsDecisionsInTheApplicationsAuditEventRepository() {
		this.runner.withUserConfiguration(AuditRepositoryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(AuditEventRepositoryDecisionListener.class);
			check(context);
			List<AuditEvent> audit = context.getBean(AuditEventRepository.class).find(null, null, null);
			assertThat(audit).extracting(AuditEvent::getType)
				.containsExactlyInAnyOrder("AUTHZ_ALLOW", "AUTHZ_DENY", "AUTHZ_ALLOW");
			AuditEvent deny = context.getBean(AuditEventRepository.class).find("assistant", null, "AUTHZ_DENY").get(0);
			assertThat(deny.getData()).containsEntry("resource", "document")
				.containsEntry("resourceId", "1")
				.containsEntry("action", "delete")
				.containsEntry("effect", "DENY")
				.containsEntry("policy", "resource.document.vdefault")
				.containsEntry("principalType", "agent")
				.containsEntry("requestId", "req-1")
				.containsEntry("actingFor", List.of(Map.of("id", "alice", "type", "user")))
				.doesNotContainKeys("principalAttributes", "resourceAttributes");
		});
	}

	@Test
	void withoutAnAuditEventRepositoryThereIsNoBridge() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(AuditEventRepositoryDecisionListener.class));
	}

	@Test
	void worksWithoutTheActuatorOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(AuditEventRepository.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AuditEventRepositoryDecisionListener.class);
			check(context);
			assertThat(context.getBean(RecordingConfiguration.class).decisions).hasSize(3);
		});
	}

	@Test
	void reportsDecisionsThroughTheApplicationsAuthorizationEventPublisher() {
		this.runner.withUserConfiguration(EventPublisherConfiguration.class).run((context) -> {
			authenticate("assistant");
			check(context);
			EventPublisherConfiguration publisher = context.getBean(EventPublisherConfiguration.class);
			assertThat(publisher.results).hasSize(3)
				.allSatisfy((result) -> assertThat(result).isInstanceOf(PolicyAuthorizationDecision.class))
				.extracting(AuthorizationResult::isGranted)
				.containsExactly(true, false, true);
			assertThat(publisher.objects).allSatisfy(
					(object) -> assertThat(object).isInstanceOf(AuthorizationDecisionEvent.class));
			assertThat(publisher.authentications).allSatisfy(
					(authentication) -> assertThat(authentication.getName()).isEqualTo("assistant"));
			// The application's publisher decides: nothing reaches listeners of the context directly.
			assertThat(context.getBean(RecordingConfiguration.class).securityEvents).isEmpty();
		});
	}

	@Test
	void withoutAnAuthorizationEventPublisherPublishesDenialsAsSpringSecurityDoes() {
		this.runner.run((context) -> {
			assertThat(context).as("no global publisher that other managers would pick up")
				.doesNotHaveBean(AuthorizationEventPublisher.class)
				.hasSingleBean(AuthorizationEventBridge.class);
			authenticate("assistant");
			check(context);
			assertThat(context.getBean(RecordingConfiguration.class).securityEvents).singleElement()
				.isInstanceOfSatisfying(AuthorizationDeniedEvent.class, (event) -> {
					assertThat(event.getAuthentication().get().getName()).isEqualTo("assistant");
					assertThat(event.getAuthorizationResult()).isInstanceOfSatisfying(
							PolicyAuthorizationDecision.class, (decision) -> {
								assertThat(decision.getResourceId()).isEqualTo("1");
								assertThat(decision.getAction()).isEqualTo("delete");
							});
				});
		});
	}

	@Test
	void checksWithoutAnAuthenticationAreNotSpringSecurityEvents() {
		this.runner.withUserConfiguration(EventPublisherConfiguration.class).run((context) -> {
			check(context);
			assertThat(context.getBean(EventPublisherConfiguration.class).results).isEmpty();
			assertThat(context.getBean(RecordingConfiguration.class).decisions).hasSize(3);
		});
	}

	@Test
	void springSecurityEventsCanBeTurnedOff() {
		this.runner.withPropertyValues("authz.audit.security-events=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AuthorizationEventBridge.class);
			authenticate("assistant");
			check(context);
			assertThat(context.getBean(RecordingConfiguration.class).securityEvents).isEmpty();
			assertThat(context.getBean(RecordingConfiguration.class).decisions).hasSize(3);
		});
	}

	@Test
	void auditCanBeTurnedOff() {
		this.runner.withUserConfiguration(AuditRepositoryConfiguration.class)
			.withPropertyValues("authz.audit.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DecisionEventPublisher.class)
					.doesNotHaveBean(AuditEventRepositoryDecisionListener.class)
					.doesNotHaveBean(AuthorizationEventBridge.class);
				authenticate("assistant");
				check(context);
				assertThat(context.getBean(RecordingConfiguration.class).decisions).isEmpty();
				assertThat(context.getBean(AuditEventRepository.class).find(null, null, null)).isEmpty();
			});
	}

	@Test
	void decisionLogIsOffByDefault(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(JsonDecisionLog.class);
			check(context);
			assertThat(output).doesNotContain(JsonDecisionLog.LOGGER_NAME);
		});
	}

	@Test
	void decisionLogWritesOneJsonLinePerDecision(CapturedOutput output) {
		this.runner.withPropertyValues("authz.audit.decision-log=true").run((context) -> {
			assertThat(context).hasSingleBean(JsonDecisionLog.class);
			check(context);
			List<String> lines = output.getAll()
				.lines()
				.filter((line) -> line.contains(JsonDecisionLog.LOGGER_NAME))
				.toList();
			assertThat(lines).hasSize(3);
			assertThat(lines.get(1)).contains("{\"time\":\"")
				.contains("\"principal\":\"assistant\"")
				.contains("\"actingFor\":[{\"")
				.contains("\"resource\":\"document\"", "\"resourceId\":\"1\"", "\"action\":\"delete\"",
						"\"effect\":\"DENY\"", "\"requestId\":\"req-1\"")
				.doesNotContain("assistant@example.com", "salary", "owner");
		});
	}

	private static void check(AssertableApplicationContext context) {
		context.getBean(Authorizer.class).check(CHECK);
	}

	private static void authenticate(String name) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
					AuthorityUtils.createAuthorityList("ROLE_agent")));
	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		RoleEngine roleEngine() {
			return new RoleEngine();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingEngineConfiguration {

		@Bean
		AuthorizationEngine roleEngine() {
			return new RoleEngine() {

				@Override
				public CheckResult check(CheckRequest request) {
					throw new IllegalStateException("PDP unreachable");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		final List<AuthorizationDecisionEvent> decisions = new CopyOnWriteArrayList<>();

		final List<AuthorizationEvent> securityEvents = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<AuthorizationDecisionEvent> decisionRecorder() {
			return this.decisions::add;
		}

		@Bean
		ApplicationListener<AuthorizationEvent> securityEventRecorder() {
			return (event) -> {
				if (event instanceof AuthorizationDeniedEvent<?> || event instanceof AuthorizationGrantedEvent<?>) {
					this.securityEvents.add(event);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuditRepositoryConfiguration {

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventPublisherConfiguration {

		final List<AuthorizationResult> results = new CopyOnWriteArrayList<>();

		final List<Object> objects = new CopyOnWriteArrayList<>();

		final List<Authentication> authentications = new CopyOnWriteArrayList<>();

		@Bean
		AuthorizationEventPublisher authorizationEventPublisher() {
			return new AuthorizationEventPublisher() {

				@Override
				public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
						AuthorizationResult result) {
					EventPublisherConfiguration.this.results.add(result);
					EventPublisherConfiguration.this.objects.add(object);
					EventPublisherConfiguration.this.authentications.add(authentication.get());
				}

			};
		}

	}

}
