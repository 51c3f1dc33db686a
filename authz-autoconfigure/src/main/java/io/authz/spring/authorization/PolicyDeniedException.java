package io.authz.spring.authorization;

import java.io.Serial;

import io.authz.core.model.Decision;

import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.Assert;

/**
 * Thrown when a policy denies an action. Being an {@link AuthorizationDeniedException} (and so an
 * {@link org.springframework.security.access.AccessDeniedException}), Spring Security's exception handling treats
 * it like any other authorization failure; callers that want to explain the deny can read the resource, the action
 * and the deciding policy and rule from it.
 */
public class PolicyDeniedException extends AuthorizationDeniedException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PolicyAuthorizationDecision decision;

	/**
	 * Creates an exception for a denied decision, with a message naming the action, the resource and the policy.
	 * @param decision the denied decision
	 */
	public PolicyDeniedException(PolicyAuthorizationDecision decision) {
		this(describe(decision), decision);
	}

	/**
	 * Creates an exception for a denied decision.
	 * @param message the detail message
	 * @param decision the denied decision
	 */
	public PolicyDeniedException(String message, PolicyAuthorizationDecision decision) {
		super(message, decision);
		this.decision = decision;
	}

	/**
	 * The kind of the resource access was denied to.
	 * @return the resource kind
	 */
	public String getResourceKind() {
		return this.decision.getResourceKind();
	}

	/**
	 * The id of the resource access was denied to.
	 * @return the resource id, empty when none was given
	 */
	public String getResourceId() {
		return this.decision.getResourceId();
	}

	/**
	 * The denied action.
	 * @return the action
	 */
	public String getAction() {
		return this.decision.getAction();
	}

	/**
	 * The engine's decision: the policy and rule that denied, or the failure reason when the engine could not
	 * decide.
	 * @return the decision
	 */
	public Decision getDecision() {
		return this.decision.getDecision();
	}

	@Override
	public PolicyAuthorizationDecision getAuthorizationResult() {
		return this.decision;
	}

	private static String describe(PolicyAuthorizationDecision decision) {
		Assert.notNull(decision, "'decision' must not be null");
		Decision details = decision.getDecision();
		StringBuilder message = new StringBuilder("Access denied: action '").append(decision.getAction())
			.append("' on resource '")
			.append(decision.getResourceKind());
		if (!decision.getResourceId().isEmpty()) {
			message.append(':').append(decision.getResourceId());
		}
		message.append("' (policy ").append(details.policy());
		if (details.rule() != null) {
			message.append(", rule ").append(details.rule());
		}
		if (details.failure() != null) {
			message.append(", engine failure: ").append(details.failure());
		}
		return message.append(')').toString();
	}

}
