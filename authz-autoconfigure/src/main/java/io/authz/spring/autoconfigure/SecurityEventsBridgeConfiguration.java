package io.authz.spring.autoconfigure;

import io.authz.spring.audit.AuthorizationEventBridge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Reports decisions as Spring Security authorization events.
 * <p>
 * Through the application's {@link AuthorizationEventPublisher} when it defines one, so that its choice of what to
 * publish (granted events too, say) applies to policy decisions as to every other. Otherwise through a
 * {@link SpringAuthorizationEventPublisher} of its own, which publishes denials only, as Spring Security does by
 * default for HTTP requests. That publisher is deliberately not a bean: a bean would be picked up by every
 * authorization manager of the application and change what they publish.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ AuthorizationEventPublisher.class, SpringAuthorizationEventPublisher.class })
@ConditionalOnBooleanProperty(name = "authz.audit.security-events", matchIfMissing = true)
class SecurityEventsBridgeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuthorizationEventBridge authzAuthorizationEventBridge(ObjectProvider<AuthorizationEventPublisher> publisher,
			ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy,
			ApplicationEventPublisher applicationEventPublisher) {
		return new AuthorizationEventBridge(
				publisher.getIfUnique(() -> new SpringAuthorizationEventPublisher(applicationEventPublisher)),
				securityContextHolderStrategy.getIfUnique(SecurityContextHolder::getContextHolderStrategy));
	}

}
