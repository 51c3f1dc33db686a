package io.authz.core.pip;

import java.util.Map;

import io.authz.core.model.Resource;

/**
 * A policy information point for resources: looks up attributes of a resource (its owner, its status) that the
 * request does not carry, before the engine decides. Called for every resource of every check, through an
 * {@link AttributeEnricher} that caches the answers by kind and id, bounds the time a lookup may take and applies
 * a failure policy.
 * <p>
 * Implementations may block and must be thread-safe.
 */
@FunctionalInterface
public interface ResourceAttributeProvider {

	/**
	 * Looks up a resource.
	 * @param resource the resource as the request describes it
	 * @return attributes to add ({@code R.attr}), or {@code null} when the provider does not know the resource
	 * @throws RuntimeException when the lookup fails; the enricher applies the failure policy
	 */
	Map<String, Object> attributes(Resource resource);

	/**
	 * Whether this provider's values win over the request's: its attributes replace the request's of the same
	 * name. By default the request's own values win.
	 * @return {@code true} for a source of truth the caller may not override
	 */
	default boolean isAuthoritative() {
		return false;
	}

}
