package io.authz.spring.principal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityContextPrincipalResolverTests {

	private static final Instant ISSUED_AT = Instant.parse("2025-01-02T03:04:05Z");

	private final SecurityContextPrincipalResolver resolver = new SecurityContextPrincipalResolver();

	@Test
	void userGetsNameAsIdAndAuthoritiesAsRolesWithoutPrefixes() {
		Principal principal = this.resolver.resolve(UsernamePasswordAuthenticationToken.authenticated("alice", "x",
				AuthorityUtils.createAuthorityList("ROLE_admin", "SCOPE_documents.read", "employee", "ROLE_")));
		assertThat(principal.id()).isEqualTo("alice");
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
		assertThat(principal.roles()).containsExactly("admin", "documents.read", "employee", "ROLE_");
		assertThat(principal.attributes()).isEmpty();
		assertThat(principal.actingFor()).isNull();
	}

	@Test
	void rolesHaveNoDuplicatesAndNoAuthenticationFactors() {
		List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_user"),
				new SimpleGrantedAuthority("SCOPE_user"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		Principal principal = this.resolver
			.resolve(UsernamePasswordAuthenticationToken.authenticated("alice", "x", authorities));
		assertThat(principal.roles()).containsExactly("user");
	}

	@Test
	void onlyConfiguredPrefixesAreRemoved() {
		SecurityContextPrincipalResolver resolver = new SecurityContextPrincipalResolver(List.of("GROUP_"));
		Principal principal = resolver.resolve(new TestingAuthenticationToken("alice", "x", "GROUP_staff", "ROLE_x"));
		assertThat(principal.roles()).containsExactly("staff", "ROLE_x");
	}

	@Test
	void noAuthenticationIsAnonymous() {
		assertAnonymous(this.resolver.resolve(null));
	}

	@Test
	void anonymousAuthenticationIsAnonymous() {
		assertAnonymous(this.resolver.resolve(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
	}

	@Test
	void unauthenticatedAuthenticationIsAnonymous() {
		assertAnonymous(this.resolver
			.resolve(UsernamePasswordAuthenticationToken.unauthenticated("mallory", "guessed-password")));
	}

	@Test
	void jwtClaimsBecomeAttributes() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "alice");
			claims.put("email", "alice@example.com");
			claims.put("aud", List.of("api"));
			claims.put("department", Map.of("id", 7, "name", "finance"));
			claims.put("email_verified", true);
		});
		Principal principal = this.resolver
			.resolve(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("SCOPE_expenses.read")));
		assertThat(principal.id()).isEqualTo("alice");
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
		assertThat(principal.roles()).containsExactly("expenses.read");
		assertThat(principal.attributes()).containsEntry("email", "alice@example.com")
			.containsEntry("aud", List.of("api"))
			.containsEntry("department", Map.of("id", 7, "name", "finance"))
			.containsEntry("email_verified", true)
			.containsEntry("iat", "2025-01-02T03:04:05Z")
			.containsEntry("exp", "2025-01-02T04:04:05Z");
	}

	@Test
	void claimsCannotShadowThePrincipalTypeOrDelegation() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "alice");
			claims.put("type", "service");
			claims.put("actingFor", "root");
		});
		Principal principal = this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()));
		assertThat(principal.attributes()).doesNotContainKeys("type", "actingFor").containsEntry("sub", "alice");
		assertThat(principal.policyAttributes()).containsEntry("type", "user").doesNotContainKey("actingFor");
	}

	@Test
	void jwtPrincipalIdIsTheAuthenticationName() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "0a8f-44");
			claims.put("preferred_username", "alice");
		});
		Principal principal = this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of(), "alice"));
		assertThat(principal.id()).isEqualTo("alice");
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
	}

	@Test
	void tokenWithoutSubjectIsAService() {
		Jwt jwt = jwt((claims) -> claims.put("client_id", "billing-service"));
		Principal principal = this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()));
		assertThat(principal.type()).isEqualTo(PrincipalType.SERVICE);
		assertThat(principal.id()).isEqualTo("billing-service");
	}

	@Test
	void tokenWhoseSubjectIsTheClientIsAService() {
		for (String claim : List.of("client_id", "azp", "cid")) {
			Jwt jwt = jwt((claims) -> {
				claims.put("sub", "billing-service");
				claims.put(claim, "billing-service");
			});
			Principal principal = this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()));
			assertThat(principal.type()).as(claim).isEqualTo(PrincipalType.SERVICE);
			assertThat(principal.id()).isEqualTo("billing-service");
		}
	}

	@Test
	void tokenFromClientCredentialsGrantIsAService() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "a1b2c3@clients");
			claims.put("azp", "a1b2c3");
			claims.put("gty", "client-credentials");
		});
		assertThat(this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of())).type())
			.isEqualTo(PrincipalType.SERVICE);
	}

	@Test
	void userTokenIssuedToAClientIsAUser() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "alice");
			claims.put("azp", "web-app");
		});
		assertThat(this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of())).type())
			.isEqualTo(PrincipalType.USER);
	}

	@Test
	void actorClaimMakesTheActorAnAgentActingForTheSubject() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "alice");
			claims.put("act", Map.of("sub", "assistant-bot"));
		});
		Principal principal = this.resolver
			.resolve(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("SCOPE_calendar.read")));
		assertThat(principal.id()).isEqualTo("assistant-bot");
		assertThat(principal.type()).isEqualTo(PrincipalType.AGENT);
		assertThat(principal.roles()).containsExactly("calendar.read");
		assertThat(principal.attributes()).containsEntry("act", Map.of("sub", "assistant-bot"));
		Principal subject = principal.actingFor();
		assertThat(subject).isNotNull();
		assertThat(subject.id()).isEqualTo("alice");
		assertThat(subject.type()).isEqualTo(PrincipalType.USER);
		assertThat(subject.actingFor()).isNull();
		assertThat(principal.policyAttributes()).containsEntry("type", "agent")
			.extractingByKey("actingFor")
			.isEqualTo(Map.of("id", "alice", "roles", List.of(), "type", "user", "attr", Map.of()));
	}

	@Test
	void nestedActorClaimsBuildTheDelegationChain() {
		Jwt jwt = jwt((claims) -> {
			claims.put("sub", "alice");
			claims.put("act", Map.of("sub", "summarizer", "act", Map.of("sub", "planner", "iss", "https://agents")));
		});
		Principal principal = this.resolver.resolve(new JwtAuthenticationToken(jwt, List.of()));
		assertThat(principal.id()).isEqualTo("summarizer");
		assertThat(principal.type()).isEqualTo(PrincipalType.AGENT);
		assertThat(principal.delegationChain()).extracting(Principal::id).containsExactly("planner", "alice");
		assertThat(principal.delegationChain()).extracting(Principal::type)
			.containsExactly(PrincipalType.AGENT, PrincipalType.USER);
		assertThat(principal.delegationChain().get(0).attributes()).isEqualTo(Map.of("iss", "https://agents"));
	}

	private static void assertAnonymous(Principal principal) {
		assertThat(principal.id()).isEqualTo("anonymous");
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
		assertThat(principal.roles()).containsExactly("anonymous");
		assertThat(principal.attributes()).isEmpty();
	}

	private static Jwt jwt(Consumer<Map<String, Object>> claims) {
		return Jwt.withTokenValue("token")
			.header("alg", "none")
			.issuedAt(ISSUED_AT)
			.expiresAt(ISSUED_AT.plusSeconds(3600))
			.claims(claims)
			.build();
	}

}
