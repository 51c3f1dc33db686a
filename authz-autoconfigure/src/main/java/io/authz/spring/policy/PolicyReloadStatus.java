package io.authz.spring.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of loading policies into the embedded engine: at start-up, or by a later reload.
 *
 * @param time when the load finished
 * @param trigger what asked for it: {@value PolicyReloader#STARTUP}, {@value PolicyReloader#WATCH},
 * {@value PolicyReloader#ENDPOINT} or a caller's own name
 * @param outcome whether the new policies are now the ones checks use
 * @param digest the digest of the policy set checks use after the load (the previous one when it failed), or
 * {@code null} when none is loaded
 * @param policies how many policies that set has
 * @param errors what was wrong with the rejected policies, one entry per problem, each naming its file
 * @param duration how long reading and compiling took
 */
public record PolicyReloadStatus(Instant time, String trigger, Outcome outcome, @Nullable String digest,
		int policies, List<String> errors, Duration duration) {

	public PolicyReloadStatus {
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(outcome, "outcome");
		errors = List.copyOf(errors);
		Objects.requireNonNull(duration, "duration");
	}

	/**
	 * Whether the load succeeded.
	 * @return {@code true} when the new policies are in use
	 */
	public boolean isSuccessful() {
		return this.outcome == Outcome.SUCCESS;
	}

	/** Whether a load succeeded. */
	public enum Outcome {

		/** The new policies compiled and replaced the previous ones. */
		SUCCESS,

		/** The new policies were rejected; the previous ones keep serving. */
		FAILURE

	}

}
