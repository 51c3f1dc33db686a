package io.authz.core.pip;

import java.time.Duration;

/**
 * How an {@link AttributeEnricher} calls one provider.
 *
 * @param authoritative whether the provider's values win over the request's (attributes it gives replace the
 * request's, roles it gives replace the request's); otherwise the request's attributes win and the provider's
 * roles are added
 * @param cacheTtl how long an answer (including "unknown") is reused; zero turns caching off
 * @param cacheMaxSize how many answers are cached at most
 * @param timeout how long one lookup may take; zero lets it take as long as it takes, on the caller's thread
 * @param failurePolicy what a failed or timed-out lookup does to the check
 */
public record AttributeProviderSettings(boolean authoritative, Duration cacheTtl, int cacheMaxSize, Duration timeout,
		FailurePolicy failurePolicy) {

	public AttributeProviderSettings {
		cacheTtl = (cacheTtl != null && !cacheTtl.isNegative()) ? cacheTtl : Duration.ZERO;
		timeout = (timeout != null && !timeout.isNegative()) ? timeout : Duration.ZERO;
		cacheMaxSize = Math.max(0, cacheMaxSize);
		failurePolicy = (failurePolicy != null) ? failurePolicy : FailurePolicy.DENY;
	}

	/** Not authoritative, no cache, no timeout, failures deny. */
	public static AttributeProviderSettings defaults() {
		return new AttributeProviderSettings(false, Duration.ZERO, 0, Duration.ZERO, FailurePolicy.DENY);
	}

	public AttributeProviderSettings withAuthoritative(boolean authoritative) {
		return new AttributeProviderSettings(authoritative, this.cacheTtl, this.cacheMaxSize, this.timeout,
				this.failurePolicy);
	}

}
