package io.authz.spring.autoconfigure;

import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Pointcut;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.util.function.SingletonSupplier;

/**
 * An {@link AuthorizationAdvisor} with a fixed pointcut and order that creates the interceptor doing the work on
 * first use.
 */
final class DeferringAuthorizationAdvisor implements AuthorizationAdvisor {

	private final Pointcut pointcut;

	private final int order;

	private final Supplier<AuthorizationAdvisor> delegate;

	DeferringAuthorizationAdvisor(Pointcut pointcut, int order, Supplier<? extends AuthorizationAdvisor> delegate) {
		this.pointcut = pointcut;
		this.order = order;
		this.delegate = SingletonSupplier.of(delegate::get);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		return this.delegate.get().invoke(invocation);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this;
	}

	@Override
	public boolean isPerInstance() {
		return true;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
