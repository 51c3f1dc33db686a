package io.authz.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * {@link io.authz.spring.method.Authorize @Authorize} method security. Works with and without
 * {@code @EnableMethodSecurity}: the advisor is registered either way, next to Spring Security's own.
 */
@AutoConfiguration(after = AuthzAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnClass(AuthorizationManagerBeforeMethodInterceptor.class)
@Import(AuthorizeMethodSecurityConfiguration.class)
public final class AuthzMethodSecurityAutoConfiguration {

}
