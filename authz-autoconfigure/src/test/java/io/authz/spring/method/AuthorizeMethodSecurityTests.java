package io.authz.spring.method;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Resource;
import io.authz.spring.authorization.PolicyAuthorizationDecision;
import io.authz.spring.authorization.PolicyDeniedException;
import io.authz.spring.autoconfigure.AuthzAuditAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzMethodSecurityAutoConfiguration;
import io.authz.spring.principal.SecurityContextPrincipalResolver;
import io.authz.spring.test.RoleEngine;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.SpelParseException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthorizeMethodSecurityTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMethodSecurityAutoConfiguration.class))
		.withUserConfiguration(EngineConfiguration.class, ServiceConfiguration.class);

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void allowedCallReturns() {
		this.runner.run((context) -> {
			authenticate("alice", "document:read");
			assertThat(context.getBean(DocumentService.class).read("42")).isEqualTo("document 42");
			CheckRequest request = engine(context).lastRequest();
			assertThat(request.principal().id()).isEqualTo("alice");
			assertThat(request.principal().roles()).containsExactly("document:read");
			assertThat(request.resources()).singleElement().satisfies((check) -> {
				assertThat(check.resource().kind()).isEqualTo("document");
				assertThat(check.resource().id()).isEqualTo("42");
				assertThat(check.actions()).containsExactly("read");
			});
		});
	}

	@Test
	void deniedCallThrowsPolicyDeniedExceptionExplainingTheDeny() {
		this.runner.run((context) -> {
			authenticate("bob", "document:edit");
			assertThatExceptionOfType(PolicyDeniedException.class)
				.isThrownBy(() -> context.getBean(DocumentService.class).read("42"))
				.isInstanceOf(AccessDeniedException.class)
				.withMessage(
						"Access denied: action 'read' on resource 'document:42' (policy resource.document.vdefault)")
				.satisfies((ex) -> {
					assertThat(ex.getResourceKind()).isEqualTo("document");
					assertThat(ex.getResourceId()).isEqualTo("42");
					assertThat(ex.getAction()).isEqualTo("read");
					assertThat(ex.getDecision().effect()).isEqualTo(Effect.DENY);
					assertThat(ex.getDecision().policy()).isEqualTo("resource.document.vdefault");
					assertThat(ex.getAuthorizationResult().isGranted()).isFalse();
				});
			assertThat(context.getBean(DocumentService.class).calls).isZero();
		});
	}

	@Test
	void actionDefaultsToTheMethodName() {
		this.runner.run((context) -> {
			authenticate("alice", "document:archive");
			assertThat(context.getBean(DocumentService.class).archive("7")).isEqualTo("archived 7");
			assertThat(engine(context).lastRequest().resources().get(0).actions()).containsExactly("archive");
		});
	}

	@Test
	void attributesFromAnObjectAreConvertedToAMap() {
		this.runner.run((context) -> {
			authenticate("alice", "document:edit");
			context.getBean(DocumentService.class).edit(new Document("9", "alice", 3));
			Resource resource = engine(context).lastRequest().resources().get(0).resource();
			assertThat(resource.id()).isEqualTo("9");
			assertThat(resource.attributes()).containsExactlyInAnyOrderEntriesOf(
					Map.of("id", "9", "owner", "alice", "pages", 3));
		});
	}

	@Test
	void expressionsSeeArgumentsAuthenticationAndBeans() {
		this.runner.run((context) -> {
			authenticate("alice", "document:share", "document:review");
			context.getBean(DocumentService.class).share("5", "team");
			assertThat(engine(context).lastRequest().resources().get(0).resource().attributes())
				.containsExactlyInAnyOrderEntriesOf(Map.of("sharedBy", "alice", "audience", "team"));
			context.getBean(DocumentService.class).review(" X-1 ");
			assertThat(engine(context).lastRequest().resources().get(0).resource().id()).isEqualTo("x-1");
		});
	}

	@Test
	void typeLevelAnnotationAppliesToEveryMethodWithTheMethodNameAsAction() {
		this.runner.run((context) -> {
			ReportService reports = context.getBean(ReportService.class);
			authenticate("alice", "report:daily");
			assertThat(reports.daily()).isEqualTo("daily");
			assertThat(engine(context).lastRequest().resources().get(0).actions()).containsExactly("daily");
			assertThatExceptionOfType(PolicyDeniedException.class).isThrownBy(reports::weekly)
				.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("weekly"));
		});
	}

	@Test
	void methodLevelAnnotationWinsOverTypeLevel() {
		this.runner.run((context) -> {
			authenticate("alice", "report:export");
			assertThat(context.getBean(ReportService.class).monthly("csv")).isEqualTo("monthly csv");
			Resource resource = engine(context).lastRequest().resources().get(0).resource();
			assertThat(resource.id()).isEqualTo("csv");
			assertThat(engine(context).lastRequest().resources().get(0).actions()).containsExactly("export");
		});
	}

	@Test
	void metaAnnotationIsFound() {
		this.runner.run((context) -> {
			authenticate("alice", "document:read");
			assertThat(context.getBean(ComposedService.class).open("3")).isEqualTo("open 3");
			assertThat(engine(context).lastRequest().resources().get(0).resource().id()).isEqualTo("3");
			SecurityContextHolder.clearContext();
			authenticate("bob");
			assertThatExceptionOfType(PolicyDeniedException.class)
				.isThrownBy(() -> context.getBean(ComposedService.class).open("3"));
		});
	}

	@Test
	void metaAnnotationTemplatesAreFilledWhenTemplateDefaultsAreDefined() {
		this.runner.withUserConfiguration(TemplateDefaultsConfiguration.class).run((context) -> {
			authenticate("alice", "invoice:pay");
			assertThat(context.getBean(ComposedService.class).pay("INV-1")).isEqualTo("paid INV-1");
			CheckRequest request = engine(context).lastRequest();
			assertThat(request.resources().get(0).resource().kind()).isEqualTo("invoice");
			assertThat(request.resources().get(0).actions()).containsExactly("pay");
		});
	}

	@Test
	void annotationOnAnInterfaceMethodApplies() {
		this.runner.run((context) -> {
			Catalog catalog = context.getBean(Catalog.class);
			assertThat(AopUtils.isAopProxy(catalog)).isTrue();
			authenticate("alice");
			assertThatExceptionOfType(PolicyDeniedException.class).isThrownBy(catalog::browse);
			SecurityContextHolder.clearContext();
			authenticate("alice", "catalog:browse");
			assertThat(catalog.browse()).containsExactly("book");
		});
	}

	@Test
	void methodsWithoutAuthorizeAreNotChecked() {
		this.runner.run((context) -> {
			assertThat(context.getBean(DocumentService.class).unprotected()).isEqualTo("open");
			assertThat(engine(context).requests()).isEmpty();
		});
	}

	@Test
	void callerWithoutAuthenticationIsCheckedAsAnonymous() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(PolicyDeniedException.class)
				.isThrownBy(() -> context.getBean(DocumentService.class).read("1"));
			assertThat(engine(context).lastRequest().principal().id())
				.isEqualTo(SecurityContextPrincipalResolver.ANONYMOUS_ID);
			assertThat(engine(context).lastRequest().principal().roles())
				.containsExactly(SecurityContextPrincipalResolver.ANONYMOUS_ROLE);
		});
	}

	@Test
	void engineFailureDenies() {
		this.runner.withUserConfiguration(FailingEngineConfiguration.class).run((context) -> {
			authenticate("alice", "admin");
			assertThatExceptionOfType(PolicyDeniedException.class)
				.isThrownBy(() -> context.getBean(DocumentService.class).read("1"))
				.satisfies((ex) -> assertThat(ex.getDecision().failure()).contains("engine down"))
				.withMessageContaining("engine failure");
		});
	}

	@Test
	void applicationExpressionHandlerIsUsed() {
		this.runner.withUserConfiguration(ExpressionHandlerConfiguration.class).run((context) -> {
			authenticate("alice", "document:read");
			context.getBean(TenantService.class).read("4");
			assertThat(engine(context).lastRequest().resources().get(0).resource().id()).isEqualTo("acme/4");
		});
	}

	@Test
	void authorizationEventsArePublishedThroughTheAuditAutoConfiguration() {
		this.runner.withConfiguration(AutoConfigurations.of(AuthzAuditAutoConfiguration.class))
			.withUserConfiguration(EventPublisherConfiguration.class)
			.run((context) -> {
				authenticate("alice", "document:read");
				context.getBean(DocumentService.class).read("1");
				List<AuthorizationResult> results = context.getBean(EventPublisherConfiguration.class).results;
				assertThat(results).as("published once, by the audit bridge, not by the interceptor too")
					.singleElement()
					.isInstanceOfSatisfying(PolicyAuthorizationDecision.class, (decision) -> {
						assertThat(decision.isGranted()).isTrue();
						assertThat(decision.getDecision().rule()).isEqualTo(RoleEngine.RULE);
					});
			});
	}

	@Test
	void worksAlongsideEnableMethodSecurityRunningBothChecks() {
		this.runner.withUserConfiguration(MethodSecurityConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			MixedService service = context.getBean(MixedService.class);
			authenticate("admin", "ROLE_ADMIN", "document:purge");
			assertThat(service.purge("1")).isEqualTo("purged 1");
			assertThat(engine(context).requests()).hasSize(1);

			SecurityContextHolder.clearContext();
			authenticate("alice", "document:purge");
			assertThatExceptionOfType(AuthorizationDeniedException.class).isThrownBy(() -> service.purge("1"))
				.isNotInstanceOf(PolicyDeniedException.class);
			assertThat(engine(context).requests()).as("@PreAuthorize runs first").hasSize(1);

			SecurityContextHolder.clearContext();
			authenticate("root", "ROLE_ADMIN");
			assertThatExceptionOfType(PolicyDeniedException.class).isThrownBy(() -> service.purge("1"));
			assertThat(engine(context).requests()).hasSize(2);

			// @Authorize beans are still enforced with @EnableMethodSecurity on.
			assertThatExceptionOfType(PolicyDeniedException.class)
				.isThrownBy(() -> context.getBean(DocumentService.class).read("1"));
		});
	}

	@Test
	void worksWithSpringBootAopAutoConfiguration() {
		// Boot proxies classes rather than interfaces, with the AspectJ-aware proxy creator when AspectJ is present.
		this.runner.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class)).run((context) -> {
			Catalog catalog = context.getBean(Catalog.class);
			assertThat(AopUtils.isCglibProxy(catalog)).isTrue();
			authenticate("alice", "document:read");
			assertThatExceptionOfType(PolicyDeniedException.class).isThrownBy(catalog::browse);
			assertThat(context.getBean(DocumentService.class).read("1")).isEqualTo("document 1");
		});
	}

	@Test
	void unparsableExpressionFailsStartUpNamingTheMethod() {
		this.runner.withUserConfiguration(BrokenServiceConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("Invalid @Authorize on "
					+ BrokenService.class.getName() + ".find(..): attributes expression '{'owner': #owner' : ")
				.hasRootCauseInstanceOf(SpelParseException.class);
		});
	}

	@Test
	void unparsableExpressionOnAnyMethodFailsStartUp() {
		// The first method matches; the broken one comes after it and must still be checked.
		this.runner.withUserConfiguration(PartlyBrokenServiceConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining(PartlyBrokenService.class.getName() + ".zzz(..): id expression '#id)'");
		});
	}

	@Test
	void emptyResourceFailsStartUp() {
		this.runner.withUserConfiguration(NoResourceServiceConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("Invalid @Authorize on "
					+ NoResourceService.class.getName() + ".read(..): resource must not be empty");
		});
	}

	@Test
	void isDisabledWithTheStarter() {
		this.runner.withPropertyValues("authz.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isAopProxy(context.getBean(DocumentService.class))).isFalse();
		});
	}

	@Test
	void applicationAdvisorBeanReplacesTheDefault() {
		this.runner.withUserConfiguration(CustomAdvisorConfiguration.class).run((context) -> {
			authenticate("alice");
			assertThat(context.getBean(DocumentService.class).read("1")).isEqualTo("document 1");
			assertThat(engine(context).requests()).isEmpty();
		});
	}

	@Test
	void realPoliciesDecide() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzMethodSecurityAutoConfiguration.class))
			.withUserConfiguration(ServiceConfiguration.class)
			.run((context) -> {
				DocumentService documents = context.getBean(DocumentService.class);
				authenticate("alice", "ROLE_user");
				assertThat(documents.read("1")).isEqualTo("document 1");
				assertThat(documents.edit(new Document("1", "alice", 1))).isEqualTo("edited 1");
				assertThatExceptionOfType(PolicyDeniedException.class)
					.isThrownBy(() -> documents.edit(new Document("2", "bob", 1)))
					.satisfies((ex) -> assertThat(ex.getDecision().policy()).contains("document"));
				assertThatExceptionOfType(PolicyDeniedException.class).isThrownBy(() -> documents.archive("1"));
			});
	}

	private static void authenticate(String name, String... authorities) {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList(authorities));
		SecurityContextHolder.getContext().setAuthentication(authentication);
	}

	private static RoleEngine engine(AssertableApplicationContext context) {
		return context.getBean(RoleEngine.class);
	}

	record Document(String id, String owner, int pages) {
	}

	static class DocumentService {

		int calls;

		@Authorize(resource = "document", action = "read", id = "#id")
		String read(String id) {
			this.calls++;
			return "document " + id;
		}

		@Authorize(resource = "document", id = "#id")
		String archive(String id) {
			return "archived " + id;
		}

		@Authorize(resource = "document", action = "edit", id = "#document.id", attributes = "#document")
		String edit(Document document) {
			return "edited " + document.id();
		}

		@Authorize(resource = "document", action = "share", id = "#id",
				attributes = "{'sharedBy': authentication.name, 'audience': #audience}")
		String share(String id, String audience) {
			return "shared";
		}

		@Authorize(resource = "document", action = "review", id = "@documentIds.normalize(#id)")
		String review(String id) {
			return "reviewed";
		}

		String unprotected() {
			return "open";
		}

	}

	static class DocumentIds {

		public String normalize(String id) {
			return id.trim().toLowerCase();
		}

	}

	@Authorize(resource = "report")
	static class ReportService {

		String daily() {
			return "daily";
		}

		String weekly() {
			return "weekly";
		}

		@Authorize(resource = "report", action = "export", id = "#format")
		String monthly(String format) {
			return "monthly " + format;
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Authorize(resource = "document", action = "read", id = "#id")
	@interface CanReadDocument {

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Authorize(resource = "{kind}", action = "{action}", id = "#id")
	@interface Can {

		String kind();

		String action();

	}

	static class ComposedService {

		@CanReadDocument
		String open(String id) {
			return "open " + id;
		}

		@Can(kind = "invoice", action = "pay")
		String pay(String id) {
			return "paid " + id;
		}

	}

	interface Catalog {

		@Authorize(resource = "catalog", action = "browse")
		List<String> browse();

	}

	static class DefaultCatalog implements Catalog {

		@Override
		public List<String> browse() {
			return List.of("book");
		}

	}

	static class TenantService {

		@Authorize(resource = "document", action = "read", id = "#tenant + '/' + #id")
		String read(String id) {
			return id;
		}

	}

	static class MixedService {

		@PreAuthorize("hasRole('ADMIN')")
		@Authorize(resource = "document", action = "purge", id = "#id")
		String purge(String id) {
			return "purged " + id;
		}

	}

	static class BrokenService {

		@Authorize(resource = "document", action = "find", attributes = "{'owner': #owner")
		String find(String owner) {
			return owner;
		}

	}

	static class PartlyBrokenService {

		@Authorize(resource = "document", action = "read")
		String aaa() {
			return "a";
		}

		@Authorize(resource = "document", action = "read", id = "#id)")
		String zzz(String id) {
			return id;
		}

	}

	static class NoResourceService {

		@Authorize(resource = " ", action = "read")
		String read() {
			return "read";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		RoleEngine roleEngine() {
			return new RoleEngine();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		DocumentService documentService() {
			return new DocumentService();
		}

		@Bean
		DocumentIds documentIds() {
			return new DocumentIds();
		}

		@Bean
		ReportService reportService() {
			return new ReportService();
		}

		@Bean
		ComposedService composedService() {
			return new ComposedService();
		}

		@Bean
		Catalog catalog() {
			return new DefaultCatalog();
		}

		@Bean
		TenantService tenantService() {
			return new TenantService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateDefaultsConfiguration {

		@Bean
		static AnnotationTemplateExpressionDefaults templateDefaults() {
			return new AnnotationTemplateExpressionDefaults();
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
					throw new IllegalStateException("engine down");
				}

			};
		}

		@Bean
		io.authz.core.check.Authorizer authorizer(AuthorizationEngine failingEngine) {
			return new io.authz.core.check.Authorizer(failingEngine);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExpressionHandlerConfiguration {

		@Bean
		static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
			return new DefaultMethodSecurityExpressionHandler() {

				@Override
				public EvaluationContext createEvaluationContext(Supplier<? extends Authentication> authentication,
						MethodInvocation invocation) {
					EvaluationContext context = super.createEvaluationContext(authentication, invocation);
					context.setVariable("tenant", "acme");
					return context;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventPublisherConfiguration {

		final List<AuthorizationResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Bean
		AuthorizationEventPublisher authorizationEventPublisher() {
			return new AuthorizationEventPublisher() {

				@Override
				public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
						AuthorizationResult result) {
					EventPublisherConfiguration.this.results.add(result);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class MethodSecurityConfiguration {

		@Bean
		MixedService mixedService() {
			return new MixedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenServiceConfiguration {

		@Bean
		BrokenService brokenService() {
			return new BrokenService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PartlyBrokenServiceConfiguration {

		@Bean
		PartlyBrokenService partlyBrokenService() {
			return new PartlyBrokenService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoResourceServiceConfiguration {

		@Bean
		NoResourceService noResourceService() {
			return new NoResourceService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomAdvisorConfiguration {

		@Bean
		static org.springframework.aop.Advisor authorizeAuthorizationAdvisor() {
			// Replaces the policy check with one that allows everything.
			Decision allow = new Decision(Effect.ALLOW, "allow-all", null, "", null);
			return AuthorizeMethodInterceptors
				.authorize((authentication, invocation) -> new PolicyAuthorizationDecision("any", "", "any", allow));
		}

	}

}
