package io.authz.spring.http;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Resource;
import io.authz.spring.authorization.PolicyAuthorizationDecision;
import io.authz.spring.principal.SecurityContextPrincipalResolver;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyRequestAuthorizationManagerTests {

	private final RoleEngine engine = new RoleEngine();

	private final PolicyRequestAuthorizationManager manager = new PolicyRequestAuthorizationManager(
			List.of(HttpRule.of("/documents/{id}", List.of("GET", "PUT", "DELETE"), "document", "id", null,
					Map.of("region", "header:X-Region", "version", "query:v", "folder", "path:id")),
					HttpRule.of("/reports/**", List.of(), "report", null, "view", Map.of())),
			() -> new Authorizer(this.engine), SecurityContextPrincipalResolver::new);

	@Test
	void matchingRequestIsCheckedWithActionFromMethod() {
		MockHttpServletRequest request = request("GET", "/documents/42");
		request.addHeader("X-Region", "eu");
		request.setQueryString("v=3&v=4&other=x");
		AuthorizationResult result = this.manager.authorize(user("alice", "document:read"), context(request));
		assertThat(result).isInstanceOf(PolicyAuthorizationDecision.class);
		assertThat(result.isGranted()).isTrue();
		PolicyAuthorizationDecision decision = (PolicyAuthorizationDecision) result;
		assertThat(decision.getResourceKind()).isEqualTo("document");
		assertThat(decision.getResourceId()).isEqualTo("42");
		assertThat(decision.getAction()).isEqualTo("read");
		assertThat(decision.getDecision().rule()).isEqualTo(RoleEngine.RULE);
		CheckRequest asked = this.engine.lastRequest();
		assertThat(asked.principal().id()).isEqualTo("alice");
		Resource resource = asked.resources().get(0).resource();
		assertThat(resource.attributes()).isEqualTo(Map.of("region", "eu", "version", List.of("3", "4"), "folder", "42"));
	}

	@Test
	void denyIsAPolicyDecision() {
		AuthorizationResult result = this.manager.authorize(user("alice", "document:read"),
				context(request("DELETE", "/documents/42")));
		assertThat(result.isGranted()).isFalse();
		assertThat(((PolicyAuthorizationDecision) result).getAction()).isEqualTo("delete");
	}

	@Test
	void configuredActionAndNoId() {
		AuthorizationResult result = this.manager.authorize(user("bob", "report:view"),
				context(request("POST", "/reports/2024/q1")));
		assertThat(result.isGranted()).isTrue();
		assertThat(((PolicyAuthorizationDecision) result).getResourceId()).isEmpty();
	}

	@Test
	void unmatchedRequestIsDeniedUnlessAFallbackDecides() {
		MockHttpServletRequest other = request("GET", "/other");
		assertThat(this.manager.authorize(user("admin", "admin"), context(other)).isGranted()).isFalse();
		// A method the rule does not list is not matched either
		assertThat(this.manager.authorize(user("admin", "admin"), context(request("POST", "/documents/1")))
			.isGranted()).isFalse();
		PolicyRequestAuthorizationManager withFallback = this.manager
			.orElse(AuthenticatedAuthorizationManager.authenticated());
		assertThat(withFallback.authorize(user("nobody"), context(other)).isGranted()).isTrue();
		assertThat(this.engine.requests()).isEmpty();
		assertThat(this.manager.getRequestMatcher().matches(other)).isFalse();
		assertThat(this.manager.getRequestMatcher().matches(request("GET", "/documents/1"))).isTrue();
	}

	@Test
	void abstainingViewComposesWithAllOf() {
		PolicyRequestAuthorizationManager abstaining = this.manager.abstainingWhenUnmatched();
		assertThat(abstaining.authorize(user("nobody"), context(request("GET", "/other")))).isNull();
		var composed = AuthorizationManagers.allOf(new AuthorizationDecision(false), abstaining,
				AuthenticatedAuthorizationManager.<RequestAuthorizationContext>authenticated());
		assertThat(composed.authorize(user("nobody"), context(request("GET", "/other"))).isGranted()).isTrue();
		assertThat(composed.authorize(user("nobody"), context(request("GET", "/documents/1"))).isGranted())
			.isFalse();
	}

	@Test
	void anonymousCallerIsCheckedAsTheAnonymousPrincipal() {
		Supplier<Authentication> none = () -> null;
		assertThat(this.manager.authorize(none, context(request("GET", "/documents/1"))).isGranted()).isFalse();
		assertThat(this.engine.lastRequest().principal().id()).isEqualTo("anonymous");
	}

	@Test
	void defaultActionsFollowTheMethod() {
		assertThat(HttpRule.defaultAction("GET")).isEqualTo("read");
		assertThat(HttpRule.defaultAction("HEAD")).isEqualTo("read");
		assertThat(HttpRule.defaultAction("POST")).isEqualTo("create");
		assertThat(HttpRule.defaultAction("PUT")).isEqualTo("update");
		assertThat(HttpRule.defaultAction("PATCH")).isEqualTo("update");
		assertThat(HttpRule.defaultAction("DELETE")).isEqualTo("delete");
		assertThat(HttpRule.defaultAction("OPTIONS")).isEqualTo("options");
	}

	@Test
	void invalidRulesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> HttpRule.of("documents", List.of(), "d", null, null, null))
			.withMessageContaining("must start with '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HttpRule.of("/documents/{id", List.of(), "d", null, null, null))
			.withMessageContaining("Invalid path pattern '/documents/{id'");
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

	private static RequestAuthorizationContext context(MockHttpServletRequest request) {
		return new RequestAuthorizationContext(request);
	}

	private static Supplier<Authentication> user(String name, String... roles) {
		TestingAuthenticationToken token = new TestingAuthenticationToken(name, "password", roles);
		return () -> token;
	}

}
