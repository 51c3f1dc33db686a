package io.authz.spring.autoconfigure;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.spring.actuate.AuthzEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the {@code authz}
 * actuator endpoint, when it is available (exposed and its access not {@code none}).
 */
@AutoConfiguration(after = { AuthzAutoConfiguration.class, AuthzPolicyReloadAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(AuthorizationEngine.class)
@ConditionalOnAvailableEndpoint(AuthzEndpoint.class)
@Import(EndpointConfiguration.class)
public final class AuthzEndpointAutoConfiguration {

}
