package io.authz.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for authorizing HTTP
 * requests with policies: a {@link io.authz.spring.http.PolicyRequestAuthorizationManager} built from
 * {@code authz.http.rules}. The starter declares no security filter chain for it: the application plugs the manager
 * into its own.
 */
@AutoConfiguration(after = AuthzAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RequestAuthorizationContext.class, PathPatternRequestMatcher.class })
@Import(HttpRulesConfiguration.class)
public final class AuthzHttpAuthorizationAutoConfiguration {

}
