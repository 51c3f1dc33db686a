package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the {@code authz}
 * health contributor. Turned off by {@code management.health.authz.enabled=false}.
 */
@AutoConfiguration(after = { AuthzAutoConfiguration.class, AuthzPolicyReloadAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AuthorizationEngine.class)
@ConditionalOnEnabledHealthIndicator("authz")
@Import(HealthConfiguration.class)
public final class AuthzHealthAutoConfiguration {

}
