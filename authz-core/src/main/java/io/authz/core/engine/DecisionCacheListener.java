package io.authz.core.engine;

/**
 * Told about every lookup in a decision cache, for the {@code authz.cache.requests} metric. A cache takes one
 * (the Spring Boot starter provides a Micrometer-backed one when Micrometer is present) and calls it once per
 * lookup, on the caller's thread; implementations are cheap and never throw.
 */
@FunctionalInterface
public interface DecisionCacheListener {

	/** A listener that does nothing, for caches used without metrics. */
	DecisionCacheListener NONE = (hit) -> {
	};

	/**
	 * Records one cache lookup.
	 * @param hit whether the decision was served from the cache
	 */
	void onLookup(boolean hit);

}
