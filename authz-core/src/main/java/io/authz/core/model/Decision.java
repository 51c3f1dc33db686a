package io.authz.core.model;

import java.util.Objects;

/**
 * The effect for one (principal, resource, action) and why.
 *
 * @param effect allow or deny
 * @param policy the policy that decided ({@code resource.expense.vdefault}), or {@link #NO_MATCH}
 * @param rule the rule that decided, or {@code null} when no rule matched
 * @param scope the policy scope that decided, empty for the root scope
 * @param failure why the engine could not decide (the decision is then a deny), or {@code null}
 */
public record Decision(Effect effect, String policy, String rule, String scope, String failure) {

	/** Policy name reported when no policy matched the request, as Cerbos reports it. */
	public static final String NO_MATCH = "NO_MATCH";

	public Decision {
		Objects.requireNonNull(effect, "effect");
		policy = (policy != null) ? policy : NO_MATCH;
		scope = (scope != null) ? scope : "";
	}

	/** A deny because nothing matched. */
	public static Decision noMatch() {
		return new Decision(Effect.DENY, NO_MATCH, null, "", null);
	}

	/** A deny because the engine failed; {@code reason} says how. */
	public static Decision failed(String reason) {
		return new Decision(Effect.DENY, NO_MATCH, null, "", reason);
	}

	public boolean isAllowed() {
		return this.effect == Effect.ALLOW;
	}

	public boolean isFailure() {
		return this.failure != null;
	}

}
