package io.authz.spring.autoconfigure;

import io.authz.core.check.Authorizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for serving the
 * configured engine as a policy decision point ({@code authz.server.enabled=true}): Cerbos' check API and the
 * AuthZEN 1.0 API, with the API key of {@code authz.server.api-key}.
 * <p>
 * Runs after Spring Boot's web security auto-configuration, so that the security filter chain guarding the PDP
 * paths with the API key never makes Boot's default chain for the rest of the application back off.
 */
@AutoConfiguration(after = AuthzAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "authz.server.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(Authorizer.class)
@Import({ PdpEndpointsConfiguration.class, PdpApiKeyConfiguration.class })
public final class AuthzServerAutoConfiguration {

}
