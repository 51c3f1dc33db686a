package io.authz.core.cel;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The clock {@code now()} and {@code timeSince()} read while an expression evaluates. Evaluation is synchronous
 * on the caller's thread, so the clock of the check being evaluated is kept in a thread-local for exactly the
 * duration of one evaluation; outside any evaluation the system clock applies.
 */
public final class CheckClock {

	private static final ThreadLocal<Supplier<Instant>> CURRENT = new ThreadLocal<>();

	private CheckClock() {
	}

	/** The instant of the check being evaluated on this thread. */
	public static Instant now() {
		Supplier<Instant> clock = CURRENT.get();
		return (clock != null) ? clock.get() : Instant.now();
	}

	/** Makes {@code clock} current and returns the previous one, to hand back to {@link #restore}. */
	static Supplier<Instant> enter(Supplier<Instant> clock) {
		Supplier<Instant> previous = CURRENT.get();
		CURRENT.set(clock);
		return previous;
	}

	static void restore(Supplier<Instant> previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
