package io.authz.spring.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.spring.authorization.PolicyAuthorizationDecision;
import io.authz.spring.principal.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Authorizes HTTP requests with policies, as the {@link HttpRule rules} configured in {@code authz.http.rules}
 * say: the first rule that matches a request turns it into a check of one action on one resource, decided by the
 * {@link Authorizer} for the principal of the current authentication. The answer is a
 * {@link PolicyAuthorizationDecision} naming the policy and rule that decided.
 * <p>
 * A request that no rule matches is not this manager's to decide. Spring Security's {@code AuthorizationFilter}
 * lets a request through when its manager abstains ({@code null}), so this manager never abstains by itself: it
 * hands such requests to a fallback manager, by default one that denies. Compose it with the application's other
 * rules in one of three ways:
 * <ul>
 * <li>only for the requests the rules match: {@code .requestMatchers(rules.getRequestMatcher()).access(rules)},
 * followed by the application's own matchers;</li>
 * <li>with a fallback for the rest: {@code .anyRequest().access(rules.orElse(authenticated()))};</li>
 * <li>inside {@code AuthorizationManagers.allOf} / {@code anyOf}: {@link #abstainingWhenUnmatched()} abstains on
 * unmatched requests, which those combinators skip.</li>
 * </ul>
 * Engine failures never open access: the {@code Authorizer} turns them into denies.
 */
public final class PolicyRequestAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationManager<RequestAuthorizationContext> DENY = (authentication,
			context) -> new AuthorizationDecision(false);

	private final List<HttpRule> rules;

	private final Supplier<Authorizer> authorizer;

	private final Supplier<PrincipalResolver> principalResolver;

	private final @Nullable AuthorizationManager<RequestAuthorizationContext> unmatched;

	private final RequestMatcher requestMatcher;

	/**
	 * Creates a manager that denies requests no rule matches.
	 * @param rules the rules, tried in order
	 * @param authorizer supplies the authorizer, on first use
	 * @param principalResolver supplies the principal resolver, on first use
	 */
	public PolicyRequestAuthorizationManager(List<HttpRule> rules, Supplier<Authorizer> authorizer,
			Supplier<PrincipalResolver> principalResolver) {
		this(List.copyOf(rules), SingletonSupplier.of(authorizer), SingletonSupplier.of(principalResolver), DENY);
	}

	private PolicyRequestAuthorizationManager(List<HttpRule> rules, Supplier<Authorizer> authorizer,
			Supplier<PrincipalResolver> principalResolver,
			@Nullable AuthorizationManager<RequestAuthorizationContext> unmatched) {
		Assert.notNull(rules, "'rules' must not be null");
		this.rules = rules;
		this.authorizer = authorizer;
		this.principalResolver = principalResolver;
		this.unmatched = unmatched;
		List<RequestMatcher> matchers = new ArrayList<>();
		rules.forEach((rule) -> matchers.add(rule.getRequestMatcher()));
		this.requestMatcher = matchers.isEmpty() ? (request) -> false : new OrRequestMatcher(matchers);
	}

	/**
	 * A manager with the same rules that hands requests no rule matches to {@code fallback}.
	 * @param fallback decides unmatched requests, for example {@code AuthenticatedAuthorizationManager.authenticated()}
	 * @return the composed manager
	 */
	public PolicyRequestAuthorizationManager orElse(AuthorizationManager<RequestAuthorizationContext> fallback) {
		Assert.notNull(fallback, "'fallback' must not be null");
		return new PolicyRequestAuthorizationManager(this.rules, this.authorizer, this.principalResolver, fallback);
	}

	/**
	 * A manager with the same rules that abstains ({@code null}) on requests no rule matches: only for use inside
	 * {@code AuthorizationManagers.allOf(...)} or {@code anyOf(...)} with a default decision, never on its own
	 * (Spring Security lets a request through when its manager abstains).
	 * @return the abstaining manager
	 */
	public PolicyRequestAuthorizationManager abstainingWhenUnmatched() {
		return new PolicyRequestAuthorizationManager(this.rules, this.authorizer, this.principalResolver, null);
	}

	/**
	 * A matcher for the requests some rule matches, to route exactly those to this manager.
	 * @return the matcher
	 */
	public RequestMatcher getRequestMatcher() {
		return this.requestMatcher;
	}

	/** The rules, in the order they are tried. */
	public List<HttpRule> getRules() {
		return this.rules;
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpServletRequest request = context.getRequest();
		for (HttpRule rule : this.rules) {
			Map<String, String> variables = rule.match(request);
			if (variables != null) {
				return decide(rule, variables, authentication, request);
			}
		}
		return (this.unmatched != null) ? this.unmatched.authorize(authentication, context) : null;
	}

	private AuthorizationResult decide(HttpRule rule, Map<String, String> variables,
			Supplier<? extends @Nullable Authentication> authentication, HttpServletRequest request) {
		String id = rule.resourceId(variables);
		String action = rule.action(request);
		Resource resource = Resource.builder(rule.getResource(), id)
			.attributes(rule.attributes(request, variables))
			.build();
		Principal principal = this.principalResolver.get().resolve(currentAuthentication(authentication));
		Decision decision = this.authorizer.get()
			.check(CheckRequest.of(principal, resource, action))
			.results()
			.get(0)
			.decision(action);
		return new PolicyAuthorizationDecision(rule.getResource(), id, action, decision);
	}

	private static @Nullable Authentication currentAuthentication(
			Supplier<? extends @Nullable Authentication> authentication) {
		try {
			return authentication.get();
		}
		catch (AuthenticationCredentialsNotFoundException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "PolicyRequestAuthorizationManager " + this.rules;
	}

}
