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

	private final CheckObserver observer;

	public Authorizer(AuthorizationEngine engine) {
		this(engine, List.of());
	}

	public Authorizer(AuthorizationEngine engine, List<? extends CheckListener> listeners) {
		this(engine, listeners, CheckObserver.NONE);
	}

	/**
	 * Creates an authorizer.
	 * @param engine the engine that decides
	 * @param listeners told about every completed check, in order
	 * @param observer wraps every check, from before the engine is asked until it has decided
	 */
	public Authorizer(AuthorizationEngine engine, List<? extends CheckListener> listeners, CheckObserver observer) {
		this.engine = engine;
		this.listeners = listeners.toArray(new CheckListener[0]);
		this.observer = (observer != null) ? observer : CheckObserver.NONE;
	}

	/** Decides the request. Never throws because of the engine. */
	public CheckResult check(CheckRequest request) {
		CheckObserver.ObservedCheck observation = startObservation(request);
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
		catch (Error ex) {
			// Not turned into a deny (the JVM is in trouble), but the observation must not stay open.
			stopObservation(observation, new CheckEvent(request, CheckResult.failed(request, ex.toString()),
					this.engine.name(), Duration.ofNanos(System.nanoTime() - start), ex));
			throw ex;
		}
		if (this.listeners.length > 0 || observation != CheckObserver.ObservedCheck.NONE) {
			CheckEvent event = new CheckEvent(request, result, this.engine.name(),
					Duration.ofNanos(System.nanoTime() - start), error);
			// Stopped before the listeners run, so that the observation measures the check, not the audit.
			stopObservation(observation, event);
			notifyListeners(event);
		}
		return result;
	}

	private CheckObserver.ObservedCheck startObservation(CheckRequest request) {
		try {
			CheckObserver.ObservedCheck observation = this.observer.start(request, this.engine.name());
			return (observation != null) ? observation : CheckObserver.ObservedCheck.NONE;
		}
		catch (RuntimeException ex) {
			logger.warn("Check observer {} failed", this.observer, ex);
			return CheckObserver.ObservedCheck.NONE;
		}
	}

	private void stopObservation(CheckObserver.ObservedCheck observation, CheckEvent event) {
		try {
			observation.stop(event);
		}
		catch (RuntimeException ex) {
			logger.warn("Check observer {} failed", this.observer, ex);
		}
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
