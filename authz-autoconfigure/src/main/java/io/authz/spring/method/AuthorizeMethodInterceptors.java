package io.authz.spring.method;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/**
 * Factory for the method interceptor that enforces {@link Authorize @Authorize}.
 */
public final class AuthorizeMethodInterceptors {

	/**
	 * The interceptor's order: right after {@code @PreAuthorize}, so that role checks written as
	 * {@code @PreAuthorize} run first and policies are only asked when they pass.
	 */
	public static final int ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1;

	private AuthorizeMethodInterceptors() {
	}

	/**
	 * Creates an interceptor for {@code @Authorize} methods that decides with the given manager.
	 * @param authorizationManager usually an {@link AuthorizeAuthorizationManager}
	 * @return the interceptor, ordered {@link #ORDER}
	 */
	public static AuthorizationManagerBeforeMethodInterceptor authorize(
			AuthorizationManager<MethodInvocation> authorizationManager) {
		return authorize(authorizationManager, null);
	}

	/**
	 * Creates an interceptor for {@code @Authorize} methods that decides with the given manager. The template
	 * defaults only apply to matching: give an {@link AuthorizeAuthorizationManager} the same ones.
	 * @param authorizationManager usually an {@link AuthorizeAuthorizationManager}
	 * @param templateDefaults how placeholders in meta-annotations are resolved, or {@code null} for not at all
	 * @return the interceptor, ordered {@link #ORDER}
	 */
	public static AuthorizationManagerBeforeMethodInterceptor authorize(
			AuthorizationManager<MethodInvocation> authorizationManager,
			@Nullable AnnotationTemplateExpressionDefaults templateDefaults) {
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut(templateDefaults), authorizationManager);
		interceptor.setOrder(ORDER);
		return interceptor;
	}

	/**
	 * The pointcut of methods {@code @Authorize} applies to: annotated directly, on their type or an interface, or
	 * through a meta-annotation. Checks every {@code @Authorize} of a class when the class is first matched, and
	 * throws {@link IllegalStateException} naming the method for one that is not valid.
	 * @param templateDefaults how placeholders in meta-annotations are resolved, or {@code null} for not at all
	 * @return the pointcut
	 */
	public static Pointcut pointcut(@Nullable AnnotationTemplateExpressionDefaults templateDefaults) {
		return new AuthorizeMethodPointcut(templateDefaults);
	}

}
