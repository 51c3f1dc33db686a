package io.authz.core.check;

import io.authz.core.model.CheckRequest;

/**
 * Wraps every check of the {@link Authorizer}: told when a check starts, before the engine is asked, and handed
 * the completed {@link CheckEvent} on the same thread once it is decided. The hook for tracing, where a span has
 * to be open while the engine works (so that, for example, a remote PDP call becomes its child) rather than
 * reported afterwards as {@link CheckListener}s are.
 * <p>
 * The observer runs on the caller's thread and must not throw; an observer that throws is logged and ignored, and
 * never changes the decision.
 */
@FunctionalInterface
public interface CheckObserver {

	/** An observer that does nothing. */
	CheckObserver NONE = (request, engine) -> ObservedCheck.NONE;

	/**
	 * Starts observing a check.
	 * @param request what is about to be asked
	 * @param engine the name of the engine that will be asked
	 * @return the observation, stopped with the completed check
	 */
	ObservedCheck start(CheckRequest request, String engine);

	/** One observed check, stopped exactly once, on the thread that started it. */
	@FunctionalInterface
	interface ObservedCheck {

		/** An observation that does nothing. */
		ObservedCheck NONE = (event) -> {
		};

		/**
		 * Stops the observation.
		 * @param event the completed check, with {@link CheckEvent#error()} set when the engine failed
		 */
		void stop(CheckEvent event);

	}

}
