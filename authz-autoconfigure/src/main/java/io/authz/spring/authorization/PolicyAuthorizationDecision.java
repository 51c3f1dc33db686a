package io.authz.spring.authorization;

import java.io.Serial;

import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.util.Assert;

/**
 * An {@link AuthorizationDecision} made by a policy: which action on which resource was decided, and the policy
 * and rule that decided it.
 * <p>
 * Carries no attribute values, so it can be published in authorization events and logged without exposing
 * personal data.
 *
 * @see PolicyDeniedException
 */
public class PolicyAuthorizationDecision extends AuthorizationDecision {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String resourceKind;

	private final String resourceId;

	private final String action;

	// The decision's parts rather than the record itself, so that the decision stays serializable.
	private final Effect effect;

	private final String policy;

	private final @Nullable String rule;

	private final String scope;

	private final @Nullable String failure;

	/**
	 * Creates a decision.
	 * @param resourceKind the kind of the resource decided on
	 * @param resourceId the id of the resource decided on, empty when none
	 * @param action the action decided
	 * @param decision the engine's decision
	 */
	public PolicyAuthorizationDecision(String resourceKind, String resourceId, String action, Decision decision) {
		super(decision.isAllowed());
		Assert.notNull(resourceKind, "'resourceKind' must not be null");
		Assert.notNull(resourceId, "'resourceId' must not be null");
		Assert.notNull(action, "'action' must not be null");
		this.resourceKind = resourceKind;
		this.resourceId = resourceId;
		this.action = action;
		this.effect = decision.effect();
		this.policy = decision.policy();
		this.rule = decision.rule();
		this.scope = decision.scope();
		this.failure = decision.failure();
	}

	/**
	 * The kind of the resource decided on.
	 * @return the resource kind
	 */
	public String getResourceKind() {
		return this.resourceKind;
	}

	/**
	 * The id of the resource decided on.
	 * @return the resource id, empty when the check was about the kind rather than one resource
	 */
	public String getResourceId() {
		return this.resourceId;
	}

	/**
	 * The action decided.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * The engine's decision: effect, deciding policy and rule, and the failure when the engine could not decide.
	 * @return the decision
	 */
	public Decision getDecision() {
		return new Decision(this.effect, this.policy, this.rule, this.scope, this.failure);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(getClass().getSimpleName()).append(" [granted=")
			.append(isGranted())
			.append(", resource=")
			.append(this.resourceKind)
			.append(", action=")
			.append(this.action)
			.append(", policy=")
			.append(this.policy);
		if (this.rule != null) {
			text.append(", rule=").append(this.rule);
		}
		if (this.failure != null) {
			text.append(", failure=").append(this.failure);
		}
		return text.append(']').toString();
	}

}
