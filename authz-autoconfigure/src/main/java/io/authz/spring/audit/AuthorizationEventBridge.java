package io.authz.spring.audit;

import java.util.function.Supplier;

import io.authz.core.check.CheckEvent;
import io.authz.core.check.CheckListener;
import io.authz.core.model.Decision;
import io.authz.spring.authorization.PolicyAuthorizationDecision;

import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;

/**
 * Reports every decision to Spring Security's {@link AuthorizationEventPublisher}, so that listeners of
 * {@link org.springframework.security.authorization.event.AuthorizationDeniedEvent} and
 * {@link org.springframework.security.authorization.event.AuthorizationGrantedEvent} (Spring Boot's
 * {@code AuthorizationAuditListener}, for one) see policy decisions as they see other authorization decisions.
 * <p>
 * Each event's result is a {@link PolicyAuthorizationDecision} (resource, action, deciding policy and rule; no
 * attribute values) and its object the matching {@link AuthorizationDecisionEvent}. The authentication is the one
 * in the security context when the check was made, read on the checking thread; checks made without one (a
 * scheduled job, say) are not reported, as Spring Security events are about an authenticated caller. Which
 * results become events is the publisher's choice: Spring Security's own publisher reports denials only unless it
 * is told otherwise.
 */
public final class AuthorizationEventBridge implements CheckListener {

	private final AuthorizationEventPublisher publisher;

	private final SecurityContextHolderStrategy securityContextHolderStrategy;

	/**
	 * Creates a bridge.
	 * @param publisher the publisher the decisions are reported to
	 * @param securityContextHolderStrategy where the current authentication is read
	 */
	public AuthorizationEventBridge(AuthorizationEventPublisher publisher,
			SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(securityContextHolderStrategy, "'securityContextHolderStrategy' must not be null");
		this.publisher = publisher;
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	@Override
	public void onCheck(CheckEvent event) {
		Authentication authentication = this.securityContextHolderStrategy.getContext().getAuthentication();
		if (authentication == null) {
			return;
		}
		// Read now, on the checking thread: listeners of the event may run later, elsewhere.
		Supplier<Authentication> current = () -> authentication;
		for (AuthorizationDecisionEvent decision : AuthorizationDecisionEvent.of(this, event, false)) {
			Decision details = new Decision(decision.getEffect(), decision.getPolicy(), decision.getRule(),
					decision.getScope(), decision.getFailure());
			this.publisher.publishAuthorizationEvent(current, decision, new PolicyAuthorizationDecision(
					decision.getResourceKind(), decision.getResourceId(), decision.getAction(), details));
		}
	}

}
