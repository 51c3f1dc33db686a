package io.authz.spring.method;

import java.util.Map;
import java.util.function.Supplier;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.spring.authorization.PolicyAuthorizationDecision;
import io.authz.spring.authorization.PolicyDeniedException;
import io.authz.spring.principal.PrincipalResolver;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * An {@link AuthorizationManager} that decides a {@link MethodInvocation} with the policy engine, as its
 * {@link Authorize @Authorize} annotation asks: it resolves the current principal, evaluates the id and attribute
 * expressions, checks the one action on the one resource through the {@link Authorizer}, and answers with a
 * {@link PolicyAuthorizationDecision}. It abstains ({@code null}) for methods without {@code @Authorize}.
 * <p>
 * A denied decision becomes a {@link PolicyDeniedException} when the manager is used through
 * {@link #verify(Supplier, MethodInvocation) verify} or as the {@link MethodAuthorizationDeniedHandler} of an
 * {@link org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor}. Engine
 * failures never open access: the {@code Authorizer} turns them into denies.
 *
 * @see AuthorizeMethodInterceptors
 */
public final class AuthorizeAuthorizationManager
		implements AuthorizationManager<MethodInvocation>, MethodAuthorizationDeniedHandler {

	private static final TypeReference<Map<String, Object>> ATTRIBUTES_TYPE = new TypeReference<>() {
	};

	private final Supplier<Authorizer> authorizer;

	private final Supplier<PrincipalResolver> principalResolver;

	private MethodSecurityExpressionHandler expressionHandler = new DefaultMethodSecurityExpressionHandler();

	private Supplier<JsonMapper> jsonMapper = JsonMapper::shared;

	private final AuthorizeAttributeRegistry registry = new AuthorizeAttributeRegistry(
			() -> this.expressionHandler.getExpressionParser());

	/**
	 * Creates a manager.
	 * @param authorizer the authorizer that makes the checks
	 * @param principalResolver resolves the principal from the current authentication
	 */
	public AuthorizeAuthorizationManager(Authorizer authorizer, PrincipalResolver principalResolver) {
		this(() -> authorizer, () -> principalResolver);
		Assert.notNull(authorizer, "'authorizer' must not be null");
		Assert.notNull(principalResolver, "'principalResolver' must not be null");
	}

	/**
	 * Creates a manager that looks up its collaborators on first use, so that it can be created before them (as
	 * infrastructure beans are).
	 * @param authorizer supplies the authorizer that makes the checks
	 * @param principalResolver supplies the principal resolver
	 */
	public AuthorizeAuthorizationManager(Supplier<Authorizer> authorizer,
			Supplier<PrincipalResolver> principalResolver) {
		Assert.notNull(authorizer, "'authorizer' must not be null");
		Assert.notNull(principalResolver, "'principalResolver' must not be null");
		this.authorizer = SingletonSupplier.of(authorizer);
		this.principalResolver = SingletonSupplier.of(principalResolver);
	}

	/**
	 * Sets the expression handler that evaluates the id and attribute expressions; by default a
	 * {@link DefaultMethodSecurityExpressionHandler} without bean references.
	 * @param expressionHandler the expression handler
	 */
	public void setExpressionHandler(MethodSecurityExpressionHandler expressionHandler) {
		Assert.notNull(expressionHandler, "'expressionHandler' must not be null");
		this.expressionHandler = expressionHandler;
	}

	/**
	 * Sets how placeholders in meta-annotations are resolved; by default they are not.
	 * @param templateDefaults the template defaults
	 */
	public void setTemplateDefaults(AnnotationTemplateExpressionDefaults templateDefaults) {
		Assert.notNull(templateDefaults, "'templateDefaults' must not be null");
		this.registry.setTemplateDefaults(templateDefaults);
	}

	/**
	 * Sets the mapper that turns attribute objects into maps; by default {@link JsonMapper#shared()}.
	 * @param jsonMapper supplies the mapper, on first use
	 */
	public void setJsonMapper(Supplier<JsonMapper> jsonMapper) {
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		this.jsonMapper = SingletonSupplier.of(jsonMapper);
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			MethodInvocation invocation) {
		AuthorizeAttribute attribute = this.registry.getAttribute(invocation);
		if (attribute == null) {
			return null;
		}
		EvaluationContext context = this.expressionHandler.createEvaluationContext(authentication, invocation);
		String id = resourceId(attribute, context);
		Map<String, Object> attributes = resourceAttributes(attribute, context);
		Principal principal = this.principalResolver.get().resolve(currentAuthentication(authentication));
		Resource resource = Resource.builder(attribute.resource(), id).attributes(attributes).build();
		CheckResult result = this.authorizer.get().check(CheckRequest.of(principal, resource, attribute.action()));
		Decision decision = result.results().get(0).decision(attribute.action());
		return new PolicyAuthorizationDecision(attribute.resource(), id, attribute.action(), decision);
	}

	@Override
	public void verify(Supplier<? extends @Nullable Authentication> authentication, MethodInvocation invocation) {
		AuthorizationResult result = authorize(authentication, invocation);
		if (result != null && !result.isGranted()) {
			throw deniedException(result);
		}
	}

	@Override
	public @Nullable Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
		throw deniedException(result);
	}

	private static AuthorizationDeniedException deniedException(AuthorizationResult result) {
		if (result instanceof AuthorizationDeniedException denied) {
			// Denied further down the call (a nested @Authorize, say): keep that exception.
			return denied;
		}
		if (result instanceof PolicyAuthorizationDecision decision) {
			return new PolicyDeniedException(decision);
		}
		return new AuthorizationDeniedException("Access Denied", result);
	}

	private String resourceId(AuthorizeAttribute attribute, EvaluationContext context) {
		Object id = evaluate(attribute, "id", attribute.id(), context);
		return (id != null) ? id.toString() : "";
	}

	private Map<String, Object> resourceAttributes(AuthorizeAttribute attribute, EvaluationContext context) {
		Object value = evaluate(attribute, "attributes", attribute.attributes(), context);
		if (value == null) {
			return Map.of();
		}
		try {
			// Maps are converted too, so that values nested in them become JSON-like as well.
			Map<String, Object> attributes = this.jsonMapper.get().convertValue(value, ATTRIBUTES_TYPE);
			return (attributes != null) ? attributes : Map.of();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("@Authorize attributes expression '"
					+ attribute.attributes().getExpressionString() + "' on " + attribute.location()
					+ " gave a value that cannot be converted to a map: " + value.getClass().getName(), ex);
		}
	}

	private static @Nullable Object evaluate(AuthorizeAttribute attribute, String name,
			@Nullable Expression expression, EvaluationContext context) {
		if (expression == null) {
			return null;
		}
		try {
			return expression.getValue(context);
		}
		catch (EvaluationException ex) {
			AuthorizationDeniedException denied = findDenied(ex);
			if (denied != null) {
				throw denied;
			}
			throw new IllegalArgumentException("Failed to evaluate @Authorize " + name + " expression '"
					+ expression.getExpressionString() + "' on " + attribute.location(), ex);
		}
	}

	private static @Nullable AuthorizationDeniedException findDenied(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthorizationDeniedException denied) {
				return denied;
			}
		}
		return null;
	}

	private static @Nullable Authentication currentAuthentication(
			Supplier<? extends @Nullable Authentication> authentication) {
		try {
			return authentication.get();
		}
		catch (AuthenticationCredentialsNotFoundException ex) {
			// No security context at all: decide for the anonymous principal rather than fail.
			return null;
		}
	}

}
