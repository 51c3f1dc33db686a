package io.authz.spring.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Records every {@link AuthorizationDecisionEvent} in Spring Boot's {@link AuditEventRepository}, as an
 * {@value #ALLOW} or {@value #DENY} audit event of the principal, so that {@code /actuator/auditevents} lists
 * decisions next to authentication events.
 */
public final class AuditEventRepositoryDecisionListener implements ApplicationListener<AuthorizationDecisionEvent> {

	/** The audit event type of an allow. */
	public static final String ALLOW = "AUTHZ_ALLOW";

	/** The audit event type of a deny. */
	public static final String DENY = "AUTHZ_DENY";

	private final AuditEventRepository repository;

	/**
	 * Creates a listener.
	 * @param repository where the audit events go
	 */
	public AuditEventRepositoryDecisionListener(AuditEventRepository repository) {
		Assert.notNull(repository, "'repository' must not be null");
		this.repository = repository;
	}

	@Override
	public void onApplicationEvent(AuthorizationDecisionEvent event) {
		Map<String, Object> data = DecisionData.of(event);
		this.repository.add(new AuditEvent(Instant.ofEpochMilli(event.getTimestamp()), event.getPrincipalId(),
				event.isAllowed() ? ALLOW : DENY, data));
	}

}
