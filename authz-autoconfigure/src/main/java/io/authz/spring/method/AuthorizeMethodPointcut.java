package io.authz.spring.method;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/**
 * Matches methods that {@link Authorize @Authorize} applies to, on the method, its type, an interface, or through a
 * meta-annotation.
 * <p>
 * The class filter resolves every method of a class the first time the class is seen, which is when a bean of it is
 * considered for proxying; an invalid {@code @Authorize} anywhere on the class therefore fails the bean's creation,
 * and the application's start-up, instead of the first call. Expressions are only parsed here, to check them; they
 * are evaluated with the application's expression handler.
 */
final class AuthorizeMethodPointcut extends StaticMethodMatcherPointcut {

	private static final ExpressionParser expressionParser = new SpelExpressionParser();

	private final AuthorizeAttributeRegistry registry = new AuthorizeAttributeRegistry(() -> expressionParser);

	private final Map<Class<?>, Boolean> candidates = new ConcurrentHashMap<>();

	AuthorizeMethodPointcut(@Nullable AnnotationTemplateExpressionDefaults templateDefaults) {
		this.registry.setTemplateDefaults(templateDefaults);
		setClassFilter(new AuthorizeClassFilter());
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return this.registry.getAttribute(method, targetClass) != null;
	}

	private boolean isCandidate(Class<?> targetClass) {
		Boolean candidate = this.candidates.get(targetClass);
		if (candidate == null) {
			candidate = this.registry.resolveAll(targetClass);
			this.candidates.putIfAbsent(targetClass, candidate);
		}
		return candidate;
	}

	private final class AuthorizeClassFilter implements ClassFilter {

		@Override
		public boolean matches(Class<?> clazz) {
			return isCandidate(clazz);
		}

	}

}
