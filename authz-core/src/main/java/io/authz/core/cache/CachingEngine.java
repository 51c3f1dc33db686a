package io.authz.core.cache;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;

/**
 * An engine that answers repeated identical checks from a {@link DecisionCache} and asks its delegate otherwise.
 * Failures, thrown or carried in decisions, are passed on and never cached, so the next check asks again.
 */
public final class CachingEngine implements AuthorizationEngine {

	private final AuthorizationEngine delegate;

	private final DecisionCache cache;

	public CachingEngine(AuthorizationEngine delegate, DecisionCache cache) {
		this.delegate = delegate;
		this.cache = cache;
	}

	/** The delegate's name: the cache does not decide anything itself. */
	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public CheckResult check(CheckRequest request) {
		CheckResult cached = this.cache.get(request);
		if (cached != null) {
			return cached;
		}
		CheckResult result = this.delegate.check(request);
		this.cache.put(request, result);
		return result;
	}

	/** The engine that decides on a miss. */
	public AuthorizationEngine delegate() {
		return this.delegate;
	}

	/** The cache. */
	public DecisionCache cache() {
		return this.cache;
	}

}
