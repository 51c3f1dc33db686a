package io.authz.spring.metrics;

import io.authz.core.engine.DecisionCacheListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Counts decision cache lookups in the {@value #NAME} counter, tag {@code result} = {@code hit} / {@code miss}.
 * A decision cache reports its lookups to the {@link DecisionCacheListener} bean; with no cache configured the
 * counter stays absent.
 */
public final class DecisionCacheMetrics implements DecisionCacheListener {

	/** The counter's name. */
	public static final String NAME = "authz.cache.requests";

	private final MeterRegistry registry;

	private volatile @Nullable Counter hits;

	private volatile @Nullable Counter misses;

	/**
	 * Creates the metrics.
	 * @param registry where the counter is registered
	 */
	public DecisionCacheMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void onLookup(boolean hit) {
		counter(hit).increment();
	}

	private Counter counter(boolean hit) {
		// Registered on first use, so that an application without a cache shows no cache metric.
		Counter counter = hit ? this.hits : this.misses;
		if (counter == null) {
			counter = Counter.builder(NAME)
				.description("Decision cache lookups")
				.tag("result", hit ? "hit" : "miss")
				.register(this.registry);
			if (hit) {
				this.hits = counter;
			}
			else {
				this.misses = counter;
			}
		}
		return counter;
	}

}
