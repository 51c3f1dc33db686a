package io.authz.core.check;

import java.time.Duration;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;

/**
 * One completed check.
 *
 * @param request what was asked
 * @param result what was decided (all denies when the engine failed)
 * @param engine the engine's name
 * @param duration how long the engine took
 * @param error the engine's failure, or {@code null} when it decided
 */
public record CheckEvent(CheckRequest request, CheckResult result, String engine, Duration duration,
		Throwable error) {

	public boolean isFailure() {
		return this.error != null;
	}

}
