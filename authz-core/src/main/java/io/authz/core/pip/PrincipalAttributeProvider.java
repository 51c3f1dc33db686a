package io.authz.core.pip;

import io.authz.core.model.Principal;

/**
 * A policy information point for principals: looks up roles and attributes that the request does not carry (a
 * user's department from the HR database, say), before the engine decides. Called for the principal of every check
 * and for each principal it acts for, through an {@link AttributeEnricher} that caches the answers, bounds the
 * time a lookup may take and applies a failure policy.
 * <p>
 * Implementations may block (a database or HTTP call) and must be thread-safe.
 */
@FunctionalInterface
public interface PrincipalAttributeProvider {

	/**
	 * Looks up a principal.
	 * @param principal the principal as the request describes it (id, type, roles, attributes)
	 * @return what the provider knows, or {@code null} when it does not know the principal
	 * @throws RuntimeException when the lookup fails; the enricher applies the failure policy
	 */
	PrincipalAttributes attributes(Principal principal);

	/**
	 * Whether this provider's values win over the request's: its attributes replace the request's of the same
	 * name, and its roles, when it gives any, replace the request's. By default the request's own values win.
	 * @return {@code true} for a source of truth the caller may not override
	 */
	default boolean isAuthoritative() {
		return false;
	}

}
