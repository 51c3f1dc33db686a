package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for reloading the
 * embedded engine's policies: a {@link io.authz.spring.policy.PolicyReloader} (used by the actuator endpoint),
 * and, with {@code authz.local.watch=true}, a {@link io.authz.spring.policy.PolicyWatcher} that reloads
 * {@code file:} policies when they change.
 */
@AutoConfiguration(after = AuthzAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "authz.engine", havingValue = "local", matchIfMissing = true)
@ConditionalOnBean(AuthorizationEngine.class)
@EnableConfigurationProperties(AuthzProperties.class)
@Import(PolicyReloadConfiguration.class)
public final class AuthzPolicyReloadAutoConfiguration {

}
