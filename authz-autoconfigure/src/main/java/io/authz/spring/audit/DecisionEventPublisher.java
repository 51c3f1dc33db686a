package io.authz.spring.audit;

import io.authz.core.check.CheckEvent;
import io.authz.core.check.CheckListener;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Publishes an {@link AuthorizationDecisionEvent} for every decision of every check, synchronously, through the
 * application's {@link ApplicationEventPublisher}.
 */
public final class DecisionEventPublisher implements CheckListener {

	private final ApplicationEventPublisher publisher;

	private final boolean includeAttributes;

	/**
	 * Creates a publisher.
	 * @param publisher where the events go
	 * @param includeAttributes whether events carry attribute values
	 */
	public DecisionEventPublisher(ApplicationEventPublisher publisher, boolean includeAttributes) {
		Assert.notNull(publisher, "'publisher' must not be null");
		this.publisher = publisher;
		this.includeAttributes = includeAttributes;
	}

	@Override
	public void onCheck(CheckEvent event) {
		for (AuthorizationDecisionEvent decision : AuthorizationDecisionEvent.of(this, event,
				this.includeAttributes)) {
			this.publisher.publishEvent(decision);
		}
	}

}
