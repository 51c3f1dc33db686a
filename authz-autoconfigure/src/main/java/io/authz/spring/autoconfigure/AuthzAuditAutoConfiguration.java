package io.authz.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the audit of
 * decisions: an {@link io.authz.spring.audit.AuthorizationDecisionEvent} per decision, recorded in the
 * application's {@code AuditEventRepository} when it has one, reported as Spring Security authorization events,
 * and, when {@code authz.audit.decision-log} is on, written to a JSON decision log. Turned off by
 * {@code authz.audit.enabled=false}.
 */
@AutoConfiguration(after = AuthzAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "authz.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "authz.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuthzProperties.class)
@Import({ DecisionEventsConfiguration.class, AuditEventRepositoryBridgeConfiguration.class,
		SecurityEventsBridgeConfiguration.class, DecisionLogConfiguration.class })
public final class AuthzAuditAutoConfiguration {

}
