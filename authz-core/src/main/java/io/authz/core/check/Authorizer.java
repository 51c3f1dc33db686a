package io.authz.core.check;

import java.time.Duration;
import java.util.List;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point for decisions: asks the engine, fails closed, and tells the listeners.
 * <p>
 * Fail closed means any exception from the engine, or an answer that does not cover the request, becomes a deny
 * for every decision asked, carrying the failure as its reason. An engine fault must never open a door, nor
 * surface to the caller as a server error.
 */
public final class Authorizer {

	private static final Logger logger = LoggerFactory.getLogger(Authorizer.class);

	private final AuthorizationEngine engine;

	private final CheckListener[] listeners;

	public Authorizer(AuthorizationEngine engine) {
		this(engine, List.of());
	}

	public Authorizer(AuthorizationEngine engine, List<? extends CheckListener> listeners) {
		this.engine = engine;
		this.listeners = listeners.toArray(new CheckListener[0]);
	}

	/** Decides the request. Never throws because of the engine. */
	public CheckResult check(CheckRequest request) {
		long start = System.nanoTime();
		CheckResult result;
		Throwable error = null;
		try {
			result = this.engine.check(request);
			if (result == null || result.results().size() != request.resources().size()) {
				error = new IllegalStateException("engine '" + this.engine.name() + "' returned "
						+ ((result != null) ? result.results().size() : "no") + " results for "
						+ request.resources().size() + " resources");
				result = CheckResult.failed(request, error.getMessage());
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			error = ex;
			logger.warn("Authorization engine '{}' failed; denying request '{}': {}", this.engine.name(),
					request.requestId(), ex.toString());
			result = CheckResult.failed(request, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		if (this.listeners.length > 0) {
			notifyListeners(new CheckEvent(request, result, this.engine.name(), Duration.ofNanos(System.nanoTime() - start),
					error));
		}
		return result;
	}

	private void notifyListeners(CheckEvent event) {
		for (CheckListener listener : this.listeners) {
			try {
				listener.onCheck(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Check listener {} failed", listener, ex);
			}
		}
	}

	/** The engine decisions come from. */
	public AuthorizationEngine engine() {
		return this.engine;
	}

}
