package io.authz.spring.web;

import java.net.URI;

import io.authz.spring.authorization.PolicyDeniedException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link PolicyDeniedException} thrown while handling a Spring MVC request with HTTP 403 and an RFC 9457
 * problem detail naming the resource kind and the action, but no ids or attribute values.
 * <p>
 * A caller that is not authenticated gets the exception rethrown instead, so that Spring Security's authentication
 * entry point answers (typically with 401 and a challenge). The advice has the lowest precedence, so exception
 * handlers of the application's controllers and advice come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PolicyDeniedExceptionHandler {

	/** The problem type of a policy deny. */
	public static final URI PROBLEM_TYPE = URI.create("https://authz.io/problems/access-denied");

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	private AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Sets the strategy the current authentication is read from.
	 * @param securityContextHolderStrategy the strategy
	 */
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "'securityContextHolderStrategy' must not be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	/**
	 * Sets the resolver that tells anonymous callers apart.
	 * @param trustResolver the trust resolver
	 */
	public void setTrustResolver(AuthenticationTrustResolver trustResolver) {
		Assert.notNull(trustResolver, "'trustResolver' must not be null");
		this.trustResolver = trustResolver;
	}

	/**
	 * Answers a policy deny.
	 * @param exception the deny
	 * @return the problem detail
	 * @throws PolicyDeniedException the deny itself, when the caller is not authenticated
	 */
	@ExceptionHandler(PolicyDeniedException.class)
	public ProblemDetail handlePolicyDenied(PolicyDeniedException exception) throws PolicyDeniedException {
		Authentication authentication = this.securityContextHolderStrategy.getContext().getAuthentication();
		if (!this.trustResolver.isAuthenticated(authentication)) {
			throw exception;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Access denied by policy");
		problem.setType(PROBLEM_TYPE);
		problem.setTitle("Forbidden");
		problem.setProperty("resource", exception.getResourceKind());
		problem.setProperty("action", exception.getAction());
		return problem;
	}

}
