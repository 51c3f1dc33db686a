package io.authz.spring.audit;

import java.io.Serial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.check.CheckEvent;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * One decision: who (and on whose behalf) was allowed or denied which action on which resource, by which policy
 * and rule, decided by which engine. Published once per (principal, resource, action) of every check made through
 * the {@link io.authz.core.check.Authorizer}: a check of three resources for two actions each publishes six.
 * <p>
 * Attribute values are only carried when {@code authz.audit.include-attributes} is on: they can be personal data.
 * Everything else (ids, roles, the deciding policy and rule) always is.
 */
public class AuthorizationDecisionEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String requestId;

	private final String principalId;

	private final PrincipalType principalType;

	private final List<String> roles;

	private final List<Actor> actingFor;

	private final String resourceKind;

	private final String resourceId;

	private final String action;

	private final Effect effect;

	private final String policy;

	private final @Nullable String rule;

	private final String scope;

	private final String engine;

	private final Duration duration;

	private final @Nullable String failure;

	private final Map<String, Object> principalAttributes;

	private final Map<String, Object> resourceAttributes;

	/**
	 * Creates an event for one decision of a check.
	 * @param source the object that published the event
	 * @param check the completed check
	 * @param resource the resource the decision is about, as asked
	 * @param action the action decided
	 * @param decision the decision
	 * @param includeAttributes whether to carry the principal's and the resource's attribute values
	 */
	public AuthorizationDecisionEvent(Object source, CheckEvent check, Resource resource, String action,
			Decision decision, boolean includeAttributes) {
		super(source);
		Principal principal = check.request().principal();
		this.requestId = check.request().requestId();
		this.principalId = principal.id();
		this.principalType = principal.type();
		this.roles = principal.roles();
		this.actingFor = principal.delegationChain().stream().map(Actor::of).toList();
		this.resourceKind = resource.kind();
		this.resourceId = resource.id();
		this.action = action;
		this.effect = decision.effect();
		this.policy = decision.policy();
		this.rule = decision.rule();
		this.scope = decision.scope();
		this.engine = check.engine();
		this.duration = check.duration();
		this.failure = decision.failure();
		this.principalAttributes = includeAttributes ? principal.attributes() : Map.of();
		this.resourceAttributes = includeAttributes ? resource.attributes() : Map.of();
	}

	/**
	 * Creates the events for every decision of a check, in request order: by resource, then by action.
	 * @param source the object that publishes the events
	 * @param check the completed check
	 * @param includeAttributes whether to carry attribute values
	 * @return one event per decision
	 */
	public static List<AuthorizationDecisionEvent> of(Object source, CheckEvent check, boolean includeAttributes) {
		CheckRequest request = check.request();
		List<AuthorizationDecisionEvent> events = new ArrayList<>(request.decisionCount());
		for (int i = 0; i < request.resources().size(); i++) {
			ResourceCheck asked = request.resources().get(i);
			// The decisions the caller enforced: an action the engine left out is a deny, as the result says.
			var result = check.result().results().get(i);
			for (String action : asked.actions()) {
				events.add(new AuthorizationDecisionEvent(source, check, asked.resource(), action,
						result.decision(action), includeAttributes));
			}
		}
		return events;
	}

	/**
	 * The correlation id of the check, empty when the caller gave none.
	 * @return the request id
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * The id of the principal that asked: the agent or service itself when it acts for someone.
	 * @return the principal id
	 */
	public String getPrincipalId() {
		return this.principalId;
	}

	/**
	 * What kind of actor the principal is.
	 * @return the principal type
	 */
	public PrincipalType getPrincipalType() {
		return this.principalType;
	}

	/**
	 * The principal's roles.
	 * @return the roles
	 */
	public List<String> getRoles() {
		return this.roles;
	}

	/**
	 * Who the principal acts for, closest first: the user an agent acts for, then whoever that user acts for.
	 * @return the delegation chain, empty when the principal acts for itself
	 */
	public List<Actor> getActingFor() {
		return this.actingFor;
	}

	/**
	 * The kind of the resource.
	 * @return the resource kind
	 */
	public String getResourceKind() {
		return this.resourceKind;
	}

	/**
	 * The id of the resource.
	 * @return the resource id, empty when the check was about a kind rather than one resource
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
	 * The effect.
	 * @return allow or deny
	 */
	public Effect getEffect() {
		return this.effect;
	}

	/**
	 * Whether the action was allowed.
	 * @return {@code true} for an allow
	 */
	public boolean isAllowed() {
		return this.effect == Effect.ALLOW;
	}

	/**
	 * The policy that decided.
	 * @return the policy key ({@code resource.expense.vdefault}), or {@code NO_MATCH}
	 */
	public String getPolicy() {
		return this.policy;
	}

	/**
	 * The rule that decided.
	 * @return the rule name, or {@code null} when no rule matched
	 */
	public @Nullable String getRule() {
		return this.rule;
	}

	/**
	 * The policy scope that decided.
	 * @return the scope, empty for the root scope
	 */
	public String getScope() {
		return this.scope;
	}

	/**
	 * The engine that decided.
	 * @return the engine name ({@code local}, {@code cerbos}, ...)
	 */
	public String getEngine() {
		return this.engine;
	}

	/**
	 * How long the engine took for the whole check this decision was part of.
	 * @return the check's duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

	/**
	 * Why the engine could not decide; the decision is then a deny.
	 * @return the failure reason, or {@code null} when the engine decided
	 */
	public @Nullable String getFailure() {
		return this.failure;
	}

	/**
	 * The principal's attributes.
	 * @return the attributes, empty unless {@code authz.audit.include-attributes} is on
	 */
	public Map<String, Object> getPrincipalAttributes() {
		return this.principalAttributes;
	}

	/**
	 * The resource's attributes.
	 * @return the attributes, empty unless {@code authz.audit.include-attributes} is on
	 */
	public Map<String, Object> getResourceAttributes() {
		return this.resourceAttributes;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(getClass().getSimpleName()).append(" [principal=")
			.append(this.principalId);
		if (!this.actingFor.isEmpty()) {
			text.append(", actingFor=").append(this.actingFor.stream().map(Actor::id).toList());
		}
		text.append(", resource=").append(this.resourceKind);
		if (!this.resourceId.isEmpty()) {
			text.append(':').append(this.resourceId);
		}
		text.append(", action=").append(this.action).append(", effect=").append(this.effect);
		text.append(", policy=").append(this.policy);
		if (this.rule != null) {
			text.append(", rule=").append(this.rule);
		}
		if (this.failure != null) {
			text.append(", failure=").append(this.failure);
		}
		return text.append(']').toString();
	}

	/**
	 * A principal in a delegation chain.
	 *
	 * @param id the principal's id
	 * @param type what kind of actor it is
	 */
	public record Actor(String id, PrincipalType type) {

		static Actor of(Principal principal) {
			return new Actor(principal.id(), principal.type());
		}

	}

}
