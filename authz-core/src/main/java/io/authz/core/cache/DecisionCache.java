package io.authz.core.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.authz.core.engine.DecisionCacheListener;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;

/**
 * Results of recent checks, keyed on everything a check asks: the principal with its roles, attributes, type and
 * delegation, every resource with its attributes, the actions, and the auxiliary data. Only the request id is left
 * out. A change to any of them is a different check, so it misses.
 * <p>
 * Entries expire a fixed time after they were written; the oldest and least used go first once the cache is full.
 * Results carrying a failure are never stored.
 */
public final class DecisionCache {

	private final Cache<Key, CheckResult> cache;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private volatile DecisionCacheListener listener = DecisionCacheListener.NONE;

	/**
	 * Creates a cache.
	 * @param ttl how long a result is reused
	 * @param maxSize how many results are kept
	 */
	public DecisionCache(Duration ttl, long maxSize) {
		this(ttl, maxSize, Ticker.systemTicker());
	}

	DecisionCache(Duration ttl, long maxSize, Ticker ticker) {
		if (ttl == null || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("Decision cache time to live must be positive, not " + ttl);
		}
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(ttl)
			.maximumSize(Math.max(0, maxSize))
			.ticker(ticker)
			.build();
	}

	/** Tells {@code listener} about every lookup from now on (for the {@code authz.cache.requests} metric). */
	public void setListener(DecisionCacheListener listener) {
		this.listener = (listener != null) ? listener : DecisionCacheListener.NONE;
	}

	/** The cached result of an identical check, carrying this request's id, or {@code null}. */
	public CheckResult get(CheckRequest request) {
		CheckResult cached = this.cache.getIfPresent(Key.of(request));
		if (cached == null) {
			this.misses.increment();
			this.listener.onLookup(false);
			return null;
		}
		this.hits.increment();
		this.listener.onLookup(true);
		return new CheckResult(request.requestId(), cached.results());
	}

	/** Stores a result, unless any of its decisions is a failure or it does not answer the whole request. */
	public void put(CheckRequest request, CheckResult result) {
		if (isComplete(request, result)) {
			this.cache.put(Key.of(request), result);
		}
	}

	private static boolean isComplete(CheckRequest request, CheckResult result) {
		if (result == null || result.results().size() != request.resources().size()) {
			return false;
		}
		for (ResourceResult resourceResult : result.results()) {
			for (Decision decision : resourceResult.decisions().values()) {
				if (decision.isFailure()) {
					return false;
				}
			}
		}
		return true;
	}

	/** Drops every entry, for example after the policies changed. */
	public void invalidateAll() {
		this.cache.invalidateAll();
	}

	/** Lookups that found a result. */
	public long hitCount() {
		return this.hits.sum();
	}

	/** Lookups that found none. */
	public long missCount() {
		return this.misses.sum();
	}

	/** The approximate number of entries. */
	public long size() {
		return this.cache.estimatedSize();
	}

	// Records compare by content; the request id is left out on purpose.
	private record Key(Principal principal, List<ResourceCheck> resources, Map<String, Object> auxData) {

		static Key of(CheckRequest request) {
			return new Key(request.principal(), request.resources(), request.auxData());
		}

	}

}
