package io.authz.core.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.authz.core.engine.EngineHealth;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The HTTP side of a remote engine: JSON calls over one keep-alive {@link HttpClient}, each bounded by the check's
 * deadline, retried on connection failures and guarded by a circuit breaker (resilience4j).
 * <p>
 * Every failure comes out as a {@link RemotePdpException}; the engines built on it add the protocol.
 */
public final class PdpHttpClient implements AutoCloseable {

	private static final int MAX_BODY_IN_MESSAGE = 200;

	private final String name;

	private final RemoteEngineOptions options;

	private final HttpClient client;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final ScheduledExecutorService scheduler;

	/**
	 * Creates a client.
	 * @param name the PDP's name in messages and resilience4j instances ({@code cerbos}, {@code authzen})
	 * @param options where the PDP is and how to treat its failures
	 */
	public PdpHttpClient(String name, RemoteEngineOptions options) {
		this.name = name;
		this.options = options;
		// HTTP/1.1: plain-text HTTP/2 would need an upgrade round trip; the pool keeps connections alive.
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(options.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		RemoteEngineOptions.CircuitBreaker breaker = options.circuitBreaker();
		this.circuitBreaker = CircuitBreaker.of("authz-" + name, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.windowSize())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(PdpHttpClient::isPdpFailure)
			.build());
		RemoteEngineOptions.Retry retry = options.retry();
		this.retry = Retry.of("authz-" + name, RetryConfig.custom()
			.maxAttempts(retry.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(retry.backoff(), 2.0))
			.retryOnException(PdpHttpClient::isRetryable)
			.failAfterMaxAttempts(false)
			.build());
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "authz-" + name + "-retry");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Warms the client up in the background, so that the first checks after start-up do not spend the timeout on
	 * class loading and connection set-up (in a cold JVM the first call takes a second or more): runs
	 * {@code codec} (the engine's JSON paths), then GETs {@code uri} outside the circuit breaker and ignores what
	 * comes back, failures included.
	 * @param uri a cheap resource of the PDP, a health or metadata endpoint
	 * @param codec exercises the engine's request and answer mapping
	 */
	public void warmUp(URI uri, Runnable codec) {
		this.scheduler.execute(() -> {
			try {
				codec.run();
				HttpRequest request = request(uri, "").GET().timeout(Duration.ofSeconds(5)).build();
				// Not waited for: the scheduler thread also runs retries
				this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (RuntimeException ex) {
				// Only a warm-up: the first check reports any real problem
			}
		});
	}

	/**
	 * Asks the PDP whether it answers, for health checks: a GET of {@code uri} bounded by the call timeout,
	 * outside the circuit breaker and the retries. Never throws.
	 * @param uri a cheap resource of the PDP, a health or metadata endpoint
	 */
	public EngineHealth.Report probe(URI uri) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("url", this.options.url().toString());
		details.put("circuitBreaker", this.circuitBreaker.getState().name());
		long start = System.nanoTime();
		try {
			HttpRequest request = request(uri, "").GET().timeout(this.options.timeout()).build();
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			details.put("latencyMillis", Duration.ofNanos(System.nanoTime() - start).toMillis());
			details.put("status", response.statusCode());
			return (response.statusCode() / 100 == 2) ? EngineHealth.Report.available(details)
					: EngineHealth.Report.unavailable("the PDP answered " + response.statusCode(), details);
		}
		catch (IOException | RuntimeException ex) {
			return EngineHealth.Report.unavailable(ex.getClass().getSimpleName() + ": " + ex.getMessage(), details);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return EngineHealth.Report.unavailable("interrupted", details);
		}
	}

	/** The options this client was made with. */
	public RemoteEngineOptions options() {
		return this.options;
	}

	/** The circuit breaker guarding the PDP, for health and metrics. */
	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	/** The retry policy, for metrics. */
	public Retry retry() {
		return this.retry;
	}

	/** A URI below the PDP's base URL. */
	public URI resolve(String path) {
		String base = this.options.url().toString();
		return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
	}

	/** The deadline of a check starting now, in {@link System#nanoTime()} terms. */
	public long deadline() {
		return System.nanoTime() + this.options.timeout().toNanos();
	}

	/**
	 * POSTs a JSON body and hands a 2xx answer to {@code handler}; any other status fails.
	 * @param <T> what the handler makes of the answer
	 * @param uri where to
	 * @param json the request body
	 * @param requestId sent as {@code X-Request-ID} unless empty
	 * @param deadline from {@link #deadline()}
	 * @param handler reads the answer body; any exception it throws marks the answer invalid
	 * @return the handler's result, or a {@link RemotePdpException}
	 */
	public <T> CompletableFuture<T> post(URI uri, byte[] json, String requestId, long deadline,
			BodyHandler<T> handler) {
		HttpRequest.Builder request = request(uri, requestId).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json));
		return send(request, deadline, (status, body) -> {
			if (status / 100 != 2) {
				throw statusFailure(uri, status, body);
			}
			return handler.handle(body);
		});
	}

	/**
	 * GETs a resource and hands the status and body to {@code handler}, whatever the status.
	 * @param <T> what the handler makes of the answer
	 * @param uri where to
	 * @param deadline from {@link #deadline()}
	 * @param handler reads the status and body
	 * @return the handler's result, or a {@link RemotePdpException}
	 */
	public <T> CompletableFuture<T> get(URI uri, long deadline, ResponseHandler<T> handler) {
		return send(request(uri, "").GET(), deadline, handler);
	}

	/**
	 * Waits for calls of one check, at most until the deadline.
	 * @param <T> the calls' result type
	 * @param calls the calls
	 * @param deadline from {@link #deadline()}
	 * @return the results in the order of the calls
	 * @throws RemotePdpException the first failure, or a timeout
	 */
	public <T> List<T> await(List<CompletableFuture<T>> calls, long deadline) {
		List<T> results = new ArrayList<>(calls.size());
		try {
			for (CompletableFuture<T> call : calls) {
				// Each attempt times out by itself at the deadline; the margin only guards against a late timer.
				long remaining = deadline - System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
				results.add(call.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS));
			}
			return results;
		}
		catch (ExecutionException ex) {
			calls.forEach((call) -> call.cancel(true));
			throw asPdpException(ex.getCause());
		}
		catch (TimeoutException ex) {
			calls.forEach((call) -> call.cancel(true));
			throw timeout(null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			calls.forEach((call) -> call.cancel(true));
			throw new RemotePdpException(RemotePdpException.Kind.CONNECTION,
					this.name + " PDP call interrupted", ex);
		}
	}

	private HttpRequest.Builder request(URI uri, String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
		if (this.options.apiKey() != null) {
			request.header("Authorization", "Bearer " + this.options.apiKey());
		}
		if (requestId != null && !requestId.isEmpty()) {
			request.header("X-Request-ID", requestId);
		}
		return request;
	}

	private <T> CompletableFuture<T> send(HttpRequest.Builder request, long deadline, ResponseHandler<T> handler) {
		Supplier<CompletionStage<T>> attempt = () -> attempt(request, deadline, handler);
		Supplier<CompletionStage<T>> guarded = CircuitBreaker.decorateCompletionStage(this.circuitBreaker, attempt);
		CompletableFuture<T> result = new CompletableFuture<>();
		this.retry.executeCompletionStage(this.scheduler, guarded).whenComplete((value, failure) -> {
			if (failure != null) {
				result.completeExceptionally(asPdpException(failure));
			}
			else {
				result.complete(value);
			}
		});
		return result;
	}

	private <T> CompletionStage<T> attempt(HttpRequest.Builder builder, long deadline, ResponseHandler<T> handler) {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return CompletableFuture.failedFuture(timeout(null));
		}
		HttpRequest request = builder.copy().timeout(Duration.ofNanos(remaining)).build();
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request,
				HttpResponse.BodyHandlers.ofByteArray());
		CompletableFuture<T> answer = exchange.handle((response, failure) -> {
			if (failure != null) {
				throw classify(request.uri(), failure, deadline);
			}
			try {
				return handler.handle(response.statusCode(), response.body());
			}
			catch (RemotePdpException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new RemotePdpException(RemotePdpException.Kind.INVALID_RESPONSE, this.name + " PDP at "
						+ request.uri() + " answered something that is not a decision: " + ex.getMessage(), ex);
			}
		});
		// The whole answer, body included, must come by the deadline: a server that sends headers and then
		// trickles the body is as down as one that never answers.
		CompletableFuture<T> bounded = answer.orTimeout(remaining, TimeUnit.NANOSECONDS);
		// Abort the exchange off the completing thread, so that the deny is not held up by closing a connection
		bounded.whenCompleteAsync((value, failure) -> {
			if (failure != null) {
				exchange.cancel(true);
			}
		}, this.scheduler);
		return bounded.exceptionallyCompose((failure) -> CompletableFuture.failedFuture(asPdpException(failure)));
	}

	private RemotePdpException classify(URI uri, Throwable failure, long deadline) {
		Throwable cause = unwrap(failure);
		if (cause instanceof RemotePdpException ex) {
			return ex;
		}
		if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException
				|| cause instanceof TimeoutException || cause instanceof CancellationException) {
			return timeout(cause);
		}
		if (cause instanceof IOException) {
			// A refused or dropped connection: the PDP never saw the request, or it is idempotent anyway.
			long backoff = this.options.retry().backoff().toNanos();
			boolean retryable = deadline - System.nanoTime() > backoff;
			String what = (cause instanceof ConnectException) ? "cannot connect to " : "lost the connection to ";
			return new RemotePdpException(RemotePdpException.Kind.CONNECTION,
					this.name + " PDP: " + what + uri + " (" + cause + ")", cause, retryable);
		}
		return new RemotePdpException(RemotePdpException.Kind.CONNECTION,
				this.name + " PDP call to " + uri + " failed: " + cause, cause);
	}

	private RemotePdpException asPdpException(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof RemotePdpException ex) {
			return ex;
		}
		if (cause instanceof CallNotPermittedException) {
			return new RemotePdpException(RemotePdpException.Kind.UNAVAILABLE, this.name + " PDP at "
					+ this.options.url() + " is failing; circuit breaker open, not called", cause);
		}
		if (cause instanceof TimeoutException || cause instanceof CancellationException) {
			return timeout(cause);
		}
		return classify(this.options.url(), cause, 0);
	}

	private RemotePdpException timeout(Throwable cause) {
		return new RemotePdpException(RemotePdpException.Kind.TIMEOUT, this.name + " PDP at " + this.options.url()
				+ " did not answer within " + this.options.timeout().toMillis() + "ms", cause);
	}

	private RemotePdpException statusFailure(URI uri, int status, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.length() > MAX_BODY_IN_MESSAGE) {
			text = text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
		}
		return new RemotePdpException(RemotePdpException.Kind.HTTP_STATUS,
				this.name + " PDP at " + uri + " answered HTTP " + status + (text.isEmpty() ? "" : ": " + text),
				new HttpStatusException(status));
	}

	private static boolean isRetryable(Throwable failure) {
		return unwrap(failure) instanceof RemotePdpException ex && ex.isRetryable();
	}

	// What the breaker counts: the PDP down, slow, broken or erroring; not our own bad requests (4xx).
	private static boolean isPdpFailure(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof RemotePdpException ex && ex.getKind() == RemotePdpException.Kind.HTTP_STATUS
				&& ex.getCause() instanceof HttpStatusException status) {
			return status.status >= 500 || status.status == 429;
		}
		return true;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/**
	 * Reads a successful answer body.
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	public interface BodyHandler<T> {

		T handle(byte[] body);

	}

	/**
	 * Reads an answer, whatever its status.
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	public interface ResponseHandler<T> {

		T handle(int status, byte[] body);

	}

	/** The status of an error answer, kept as the cause of its {@link RemotePdpException}. */
	static final class HttpStatusException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		HttpStatusException(int status) {
			super("HTTP " + status, null, false, false);
			this.status = status;
		}

	}

}
