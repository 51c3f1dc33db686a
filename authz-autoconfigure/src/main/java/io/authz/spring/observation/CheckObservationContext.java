package io.authz.spring.observation;

import io.authz.core.check.CheckEvent;
import io.authz.core.model.CheckRequest;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one authorization check.
 */
public class CheckObservationContext extends Observation.Context {

	private final CheckRequest request;

	private final String engine;

	private @Nullable CheckEvent event;

	/**
	 * Creates a context for a check that is about to be made.
	 * @param request what is asked
	 * @param engine the name of the engine asked
	 */
	public CheckObservationContext(CheckRequest request, String engine) {
		this.request = request;
		this.engine = engine;
	}

	/**
	 * What is asked.
	 * @return the request
	 */
	public CheckRequest getRequest() {
		return this.request;
	}

	/**
	 * The engine asked.
	 * @return the engine's name
	 */
	public String getEngine() {
		return this.engine;
	}

	/**
	 * The completed check.
	 * @return the check, or {@code null} while the engine is deciding
	 */
	public @Nullable CheckEvent getEvent() {
		return this.event;
	}

	void setEvent(CheckEvent event) {
		this.event = event;
	}

}
