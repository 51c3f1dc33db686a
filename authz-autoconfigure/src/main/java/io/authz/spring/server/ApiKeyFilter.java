package io.authz.spring.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.authz.core.protocol.authzen.AuthzenPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the PDP endpoints with an API key: a request must send {@code Authorization: Bearer <key>}, or the bare
 * key as the AuthZEN interop harness does, or it is answered with 401. The key is compared in constant time. The
 * AuthZEN metadata ({@code /.well-known/authzen-configuration}) stays open: discovery documents are fetched
 * without credentials.
 * <p>
 * In a security filter chain, an accepted request is authenticated as the {@value #PRINCIPAL} principal with the
 * {@value #AUTHORITY} authority, for the chain's authorization rules; the context is not kept beyond the request.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	/** Name of the authenticated caller. */
	public static final String PRINCIPAL = "pdp-client";

	/** Authority of the authenticated caller. */
	public static final String AUTHORITY = "PDP_CLIENT";

	private static final RequestMatcher METADATA = PathPatternRequestMatcher.pathPattern(AuthzenPaths.METADATA + "/**");

	private final byte[] key;

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Creates a filter.
	 * @param apiKey the key callers must send
	 */
	public ApiKeyFilter(String apiKey) {
		Assert.hasText(apiKey, "'apiKey' must not be empty");
		this.key = apiKey.getBytes(StandardCharsets.UTF_8);
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "'securityContextHolderStrategy' must not be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return METADATA.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isValid(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"authz-pdp\"");
			response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.getWriter().write("Missing or invalid API key: send 'Authorization: Bearer <key>'");
			return;
		}
		SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
		context.setAuthentication(new PdpClientAuthentication());
		this.securityContextHolderStrategy.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.securityContextHolderStrategy.clearContext();
		}
	}

	private boolean isValid(String authorization) {
		if (authorization == null) {
			return false;
		}
		String value = authorization.trim();
		if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			value = value.substring(7).trim();
		}
		return MessageDigest.isEqual(this.key, value.getBytes(StandardCharsets.UTF_8));
	}

	/** The authentication of a caller that presented the key. */
	static final class PdpClientAuthentication extends AbstractAuthenticationToken {

		private static final long serialVersionUID = 1L;

		PdpClientAuthentication() {
			super(AuthorityUtils.createAuthorityList(AUTHORITY));
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return PRINCIPAL;
		}

	}

}
