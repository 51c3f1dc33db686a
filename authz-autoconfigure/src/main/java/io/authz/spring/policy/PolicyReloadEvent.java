package io.authz.spring.policy;

import java.io.Serial;

import org.springframework.context.ApplicationEvent;

/**
 * Published after every policy reload attempt, successful or not (not for the load at start-up).
 */
public class PolicyReloadEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PolicyReloadStatus status;

	/**
	 * Creates an event.
	 * @param source the reloader
	 * @param status the reload's outcome
	 */
	public PolicyReloadEvent(Object source, PolicyReloadStatus status) {
		super(source);
		this.status = status;
	}

	/**
	 * The reload's outcome.
	 * @return the status
	 */
	public PolicyReloadStatus getStatus() {
		return this.status;
	}

}
