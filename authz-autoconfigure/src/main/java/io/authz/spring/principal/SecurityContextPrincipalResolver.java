package io.authz.spring.principal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The default {@link PrincipalResolver}: maps a Spring Security {@link Authentication} to a {@link Principal}.
 * <ul>
 * <li>The authentication's name becomes the principal id.</li>
 * <li>Granted authorities become roles, with the first matching prefix (by default {@code ROLE_} and
 * {@code SCOPE_}) removed. Authentication factors ({@link FactorGrantedAuthority}) are not roles and are left
 * out.</li>
 * <li>For an OAuth 2.0 bearer token (a JWT or an introspected opaque token), the token's claims become attributes,
 * with instants as ISO-8601 strings (except claims named {@code type} or {@code actingFor}, which would shadow the
 * attributes policies see the principal type and delegation as). A token with no user (client credentials: no
 * {@code sub}, a {@code sub} equal to {@code client_id}, {@code azp} or {@code cid}, or a {@code gty} of
 * {@code client-credentials}) gives a {@link PrincipalType#SERVICE service} principal. A token with an RFC 8693
 * {@code act} claim gives an {@link PrincipalType#AGENT agent} principal (the actor, {@code act.sub}) acting for
 * the token's subject; nested {@code act} claims (earlier actors) extend the delegation chain. The actor gets the
 * token's roles and claims; the principals it acts for get only their ids (and, for earlier actors, the other
 * members of their {@code act} object).</li>
 * <li>No authentication, an anonymous one or one that is not authenticated gives the principal
 * {@value #ANONYMOUS_ID} with the role {@value #ANONYMOUS_ROLE}.</li>
 * </ul>
 * Bearer token support needs {@code spring-security-oauth2-resource-server} on the class path; without it every
 * authentication is mapped by name and authorities.
 */
public class SecurityContextPrincipalResolver implements PrincipalResolver {

	/** The id of the principal used for callers that are not authenticated. */
	public static final String ANONYMOUS_ID = "anonymous";

	/** The only role of the principal used for callers that are not authenticated. */
	public static final String ANONYMOUS_ROLE = "anonymous";

	/** The authority prefixes removed by default. */
	public static final List<String> DEFAULT_AUTHORITY_PREFIXES = List.of("ROLE_", "SCOPE_");

	private static final boolean bearerTokenPresent = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken",
			SecurityContextPrincipalResolver.class.getClassLoader());

	private static final Principal ANONYMOUS = Principal.builder(ANONYMOUS_ID)
		.roles(ANONYMOUS_ROLE)
		.type(PrincipalType.USER)
		.build();

	private final List<String> authorityPrefixes;

	private AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Creates a resolver that removes the {@link #DEFAULT_AUTHORITY_PREFIXES default authority prefixes}.
	 */
	public SecurityContextPrincipalResolver() {
		this(DEFAULT_AUTHORITY_PREFIXES);
	}

	/**
	 * Creates a resolver that removes the given prefixes from authorities to make roles.
	 * @param authorityPrefixes the prefixes, tried in order; the first that matches is removed
	 */
	public SecurityContextPrincipalResolver(List<String> authorityPrefixes) {
		Assert.notNull(authorityPrefixes, "'authorityPrefixes' must not be null");
		this.authorityPrefixes = List.copyOf(authorityPrefixes);
	}

	/**
	 * Sets the resolver that tells anonymous authentications apart.
	 * @param trustResolver the trust resolver
	 */
	public void setTrustResolver(AuthenticationTrustResolver trustResolver) {
		Assert.notNull(trustResolver, "'trustResolver' must not be null");
		this.trustResolver = trustResolver;
	}

	@Override
	public Principal resolve(@Nullable Authentication authentication) {
		if (authentication == null || !this.trustResolver.isAuthenticated(authentication)) {
			return ANONYMOUS;
		}
		List<String> roles = roles(authentication.getAuthorities());
		if (bearerTokenPresent) {
			Principal principal = BearerTokenPrincipals.resolve(authentication, roles);
			if (principal != null) {
				return principal;
			}
		}
		return Principal.builder(nameOf(authentication)).roles(roles).type(PrincipalType.USER).build();
	}

	/**
	 * The roles for a collection of authorities: each authority without its prefix, in order, without
	 * duplicates.
	 * @param authorities the granted authorities
	 * @return the roles
	 */
	protected List<String> roles(Collection<? extends GrantedAuthority> authorities) {
		Set<String> roles = new LinkedHashSet<>();
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof FactorGrantedAuthority) {
				continue;
			}
			String name = authority.getAuthority();
			if (StringUtils.hasText(name)) {
				roles.add(stripPrefix(name));
			}
		}
		return new ArrayList<>(roles);
	}

	private String stripPrefix(String authority) {
		for (String prefix : this.authorityPrefixes) {
			if (!prefix.isEmpty() && authority.startsWith(prefix) && authority.length() > prefix.length()) {
				return authority.substring(prefix.length());
			}
		}
		return authority;
	}

	static String nameOf(Authentication authentication) {
		String name = authentication.getName();
		return (name != null) ? name : "";
	}

	/**
	 * Maps claims to attributes with JSON-like values, as policies compare them. Claims named like the attributes
	 * the principal type and delegation are exposed as are left out, so that a token cannot shadow them.
	 */
	static Map<String, Object> attributes(Map<String, ?> claims) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		claims.forEach((name, value) -> {
			if (!Principal.TYPE_ATTRIBUTE.equals(name) && !Principal.ACTING_FOR_ATTRIBUTE.equals(name)) {
				attributes.put(name, ClaimValues.toJsonValue(value));
			}
		});
		return attributes;
	}

}
