package io.authz.core.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a remote engine reaches its policy decision point and how it behaves when the PDP fails.
 *
 * @param url base URL of the PDP ({@code http://cerbos:3592})
 * @param timeout the longest a check waits for the PDP, retries included; past it every decision is a deny
 * @param apiKey sent as {@code Authorization: Bearer <key>}, or {@code null}
 * @param retry retries of connection failures
 * @param circuitBreaker when to stop calling a failing PDP, and when to try it again
 * @param maxResourcesPerCall resources per call; larger checks are split into concurrent calls
 * @param maxActionsPerResource actions per resource per call
 */
public record RemoteEngineOptions(URI url, Duration timeout, String apiKey, Retry retry,
		CircuitBreaker circuitBreaker, int maxResourcesPerCall, int maxActionsPerResource) {

	/** Default per-check timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

	/** Cerbos' default {@code server.requestLimits}: 50 resources per request, 50 actions per resource. */
	public static final int DEFAULT_LIMIT = 50;

	public RemoteEngineOptions {
		Objects.requireNonNull(url, "url");
		if (url.getScheme() == null || url.getHost() == null) {
			throw new IllegalArgumentException("Remote PDP url '" + url + "' is not an absolute http(s) URL");
		}
		timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("Remote PDP timeout must be positive, not " + timeout);
		}
		apiKey = (apiKey != null && !apiKey.isBlank()) ? apiKey : null;
		retry = (retry != null) ? retry : Retry.DEFAULT;
		circuitBreaker = (circuitBreaker != null) ? circuitBreaker : CircuitBreaker.DEFAULT;
		maxResourcesPerCall = (maxResourcesPerCall > 0) ? maxResourcesPerCall : DEFAULT_LIMIT;
		maxActionsPerResource = (maxActionsPerResource > 0) ? maxActionsPerResource : DEFAULT_LIMIT;
	}

	/** Options with defaults for everything but the URL. */
	public static RemoteEngineOptions of(String url) {
		return new RemoteEngineOptions(URI.create(url), null, null, null, null, 0, 0);
	}

	public RemoteEngineOptions withTimeout(Duration timeout) {
		return new RemoteEngineOptions(this.url, timeout, this.apiKey, this.retry, this.circuitBreaker,
				this.maxResourcesPerCall, this.maxActionsPerResource);
	}

	public RemoteEngineOptions withApiKey(String apiKey) {
		return new RemoteEngineOptions(this.url, this.timeout, apiKey, this.retry, this.circuitBreaker,
				this.maxResourcesPerCall, this.maxActionsPerResource);
	}

	public RemoteEngineOptions withRetry(Retry retry) {
		return new RemoteEngineOptions(this.url, this.timeout, this.apiKey, retry, this.circuitBreaker,
				this.maxResourcesPerCall, this.maxActionsPerResource);
	}

	public RemoteEngineOptions withCircuitBreaker(CircuitBreaker circuitBreaker) {
		return new RemoteEngineOptions(this.url, this.timeout, this.apiKey, this.retry, circuitBreaker,
				this.maxResourcesPerCall, this.maxActionsPerResource);
	}

	public RemoteEngineOptions withLimits(int maxResourcesPerCall, int maxActionsPerResource) {
		return new RemoteEngineOptions(this.url, this.timeout, this.apiKey, this.retry, this.circuitBreaker,
				maxResourcesPerCall, maxActionsPerResource);
	}

	/**
	 * Retries of calls that failed to connect (or lost their connection before an answer), with exponential
	 * backoff, always within the check's timeout. Errors the PDP answered with are never retried.
	 *
	 * @param maxAttempts attempts in all, the first included; 1 turns retries off
	 * @param backoff wait before the first retry, doubled for each further one
	 */
	public record Retry(int maxAttempts, Duration backoff) {

		/** Three attempts, 10 ms then 20 ms apart. */
		public static final Retry DEFAULT = new Retry(3, Duration.ofMillis(10));

		public Retry {
			maxAttempts = Math.max(1, maxAttempts);
			backoff = (backoff != null && !backoff.isNegative() && !backoff.isZero()) ? backoff : Duration.ofMillis(1);
		}

	}

	/**
	 * A circuit breaker over the last calls: once {@code failureRateThreshold} percent of at least
	 * {@code minimumCalls} of the last {@code windowSize} calls failed, calls are denied at once without reaching
	 * the PDP for {@code waitInOpenState}; then one probe call decides whether it closes again.
	 *
	 * @param failureRateThreshold failure percentage that opens the breaker
	 * @param windowSize calls the rate is computed over
	 * @param minimumCalls calls needed before the rate counts
	 * @param waitInOpenState how long to fail fast before probing the PDP again
	 */
	public record CircuitBreaker(float failureRateThreshold, int windowSize, int minimumCalls,
			Duration waitInOpenState) {

		/** Opens at 50% failures of the last 20 calls (5 at least); probes again after 2 seconds. */
		public static final CircuitBreaker DEFAULT = new CircuitBreaker(50, 20, 5, Duration.ofSeconds(2));

		public CircuitBreaker {
			if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
				throw new IllegalArgumentException("failureRateThreshold must be in (0, 100], not " + failureRateThreshold);
			}
			windowSize = Math.max(1, windowSize);
			minimumCalls = Math.max(1, Math.min(minimumCalls, windowSize));
			waitInOpenState = (waitInOpenState != null && !waitInOpenState.isNegative()
					&& !waitInOpenState.isZero()) ? waitInOpenState : Duration.ofSeconds(2);
		}

	}

}
