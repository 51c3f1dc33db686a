package io.authz.spring.autoconfigure;

import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckListener;
import io.authz.core.check.CheckObserver;
import io.authz.core.engine.AuthorizationEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Authorizer} every check goes through, told about checks by the application's
 * {@link CheckListener} beans and wrapped by its {@link CheckObserver} bean, if it has exactly one.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Authorizer authorizer(AuthorizationEngine engine, ObjectProvider<CheckListener> listeners,
			ObjectProvider<CheckObserver> observer) {
		return new Authorizer(engine, listeners.orderedStream().toList(),
				observer.getIfUnique(() -> CheckObserver.NONE));
	}

}
