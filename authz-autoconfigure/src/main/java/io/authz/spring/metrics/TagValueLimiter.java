package io.authz.spring.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets through at most a fixed number of distinct values of one tag; later values become {@value #OTHER}.
 * Resource kinds and actions normally come from code and policies, a handful of each; but a check can be built
 * from a request (a PDP endpoint, an HTTP rule), and every distinct tag value is a new time series kept for the
 * life of the application. The limit keeps a misbehaving or hostile caller from growing that without bound, at
 * the cost of lumping values past the limit together.
 */
final class TagValueLimiter {

	static final String OTHER = "other";

	private final int limit;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	TagValueLimiter(int limit) {
		this.limit = Math.max(limit, 0);
	}

	String apply(String value) {
		if (this.seen.contains(value)) {
			return value;
		}
		// Racing threads may overshoot by a few: the bound matters, not its exact value.
		if (this.seen.size() < this.limit) {
			this.seen.add(value);
			return value;
		}
		return OTHER;
	}

}
