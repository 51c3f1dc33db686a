package io.authz.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the core of authz:
 * the {@link io.authz.core.engine.AuthorizationEngine engine}, the {@link io.authz.core.check.Authorizer} every
 * check goes through, the {@link io.authz.spring.principal.PrincipalResolver}, and the
 * {@link io.authz.core.pip.AttributeEnricher} that merges attribute providers into checks. Each backs off when the
 * application defines a bean of the same type.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuthzProperties.class)
@Import({ AuthorizationEngineConfiguration.class, RemoteEngineConfiguration.class, DecisionCacheConfiguration.class,
		AuthorizerConfiguration.class, PrincipalResolverConfiguration.class, AttributeProvidersConfiguration.class })
public final class AuthzAutoConfiguration {

}
