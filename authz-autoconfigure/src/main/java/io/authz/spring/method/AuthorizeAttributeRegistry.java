package io.authz.spring.method;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds and caches the {@link Authorize @Authorize} that applies to a method, with its expressions parsed. An
 * annotation that is not valid (no resource kind, an expression that does not parse, competing annotations) is
 * reported with the method it is on.
 */
final class AuthorizeAttributeRegistry {

	private final Map<MethodClassKey, Optional<AuthorizeAttribute>> attributes = new ConcurrentHashMap<>();

	private final Supplier<ExpressionParser> expressionParser;

	private volatile SecurityAnnotationScanner<Authorize> scanner = SecurityAnnotationScanners
		.requireUnique(Authorize.class);

	AuthorizeAttributeRegistry(Supplier<ExpressionParser> expressionParser) {
		this.expressionParser = expressionParser;
	}

	void setTemplateDefaults(@Nullable AnnotationTemplateExpressionDefaults templateDefaults) {
		this.scanner = (templateDefaults != null)
				? SecurityAnnotationScanners.requireUnique(Authorize.class, templateDefaults)
				: SecurityAnnotationScanners.requireUnique(Authorize.class);
		this.attributes.clear();
	}

	@Nullable AuthorizeAttribute getAttribute(MethodInvocation invocation) {
		Object target = invocation.getThis();
		return getAttribute(invocation.getMethod(), (target != null) ? target.getClass() : null);
	}

	@Nullable AuthorizeAttribute getAttribute(Method method, @Nullable Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Optional<AuthorizeAttribute> attribute = this.attributes.get(key);
		if (attribute == null) {
			// Not computeIfAbsent: resolving may fail, and failures must be reported each time, not cached.
			attribute = Optional.ofNullable(resolve(method, targetClass));
			this.attributes.putIfAbsent(key, attribute);
		}
		return attribute.orElse(null);
	}

	/**
	 * Resolves every method of a class, so that any invalid annotation on it is reported now.
	 * @return whether any method of the class has an {@code @Authorize}
	 */
	boolean resolveAll(Class<?> targetClass) {
		if (!AnnotationUtils.isCandidateClass(targetClass, Authorize.class)) {
			return false;
		}
		boolean found = false;
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(targetClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			found |= getAttribute(method, targetClass) != null;
		}
		return found;
	}

	private @Nullable AuthorizeAttribute resolve(Method method, @Nullable Class<?> targetClass) {
		Class<?> targetClassToUse = (targetClass != null) ? targetClass : method.getDeclaringClass();
		String location = ClassUtils.getUserClass(targetClassToUse).getName() + "." + method.getName() + "(..)";
		Authorize authorize;
		try {
			authorize = this.scanner.scan(method, targetClassToUse);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Invalid @Authorize on " + location + ": " + ex.getMessage(), ex);
		}
		if (authorize == null) {
			return null;
		}
		if (!StringUtils.hasText(authorize.resource())) {
			throw new IllegalStateException("Invalid @Authorize on " + location + ": resource must not be empty");
		}
		String action = StringUtils.hasText(authorize.action()) ? authorize.action() : method.getName();
		return new AuthorizeAttribute(authorize.resource(), action, parse(location, "id", authorize.id()),
				parse(location, "attributes", authorize.attributes()), location);
	}

	private @Nullable Expression parse(String location, String attribute, String expression) {
		if (!StringUtils.hasText(expression)) {
			return null;
		}
		try {
			return this.expressionParser.get().parseExpression(expression);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Invalid @Authorize on " + location + ": " + attribute + " expression '"
					+ expression + "' : " + ex.getMessage(), ex);
		}
	}

}
