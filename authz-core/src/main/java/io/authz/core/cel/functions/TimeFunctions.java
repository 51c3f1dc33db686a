package io.authz.core.cel.functions;

import java.time.Duration;
import java.time.Instant;

import io.authz.core.cel.CheckClock;
import java.util.List;
import java.util.Set;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelFunctionResolver;
import dev.cel.runtime.CelLateFunctionBindings;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.standard.CelStandardOverload;
import dev.cel.runtime.standard.GetHoursFunction.GetHoursOverload;
import dev.cel.runtime.standard.GetMillisecondsFunction.GetMillisecondsOverload;
import dev.cel.runtime.standard.GetMinutesFunction.GetMinutesOverload;
import dev.cel.runtime.standard.GetSecondsFunction.GetSecondsOverload;

/**
 * Cerbos' clock functions, {@code now()} and {@code timeSince(timestamp)}, and the duration getters as Go
 * computes them.
 * <p>
 * {@code now()} and {@code timeSince()} read the clock of the check being evaluated ({@link CheckClock}), so
 * every expression of one check agrees on "now" and callers can pin it.
 * <p>
 * cel-go's {@code getHours()}, {@code getMinutes()}, {@code getSeconds()} and {@code getMilliseconds()} on a
 * duration return the whole duration in that unit, truncated toward zero ({@code duration("3750s")
 * .getMilliseconds() == 3750000}); cel-java's standard {@code getMilliseconds()} returns the milliseconds within
 * the second and the others round negative durations down, so those four overloads are replaced.
 */
final class TimeFunctions implements FunctionLibrary {

	static final String NOW = "now";

	static final String TIME_SINCE = "timeSince";

	private static final String TIME_SINCE_GLOBAL = "timeSince_overload";

	private static final String TIME_SINCE_MEMBER = "timeSince_member_overload";

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;

	private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

	private static final Duration MAX_GO_DURATION = Duration.ofNanos(Long.MAX_VALUE);

	private static final Duration MIN_GO_DURATION = Duration.ofNanos(Long.MIN_VALUE);

	/** The standard overloads replaced here. */
	private static final Set<CelStandardOverload> REPLACED = Set.of(GetHoursOverload.DURATION_TO_HOURS,
			GetMinutesOverload.DURATION_TO_MINUTES, GetSecondsOverload.DURATION_TO_SECONDS,
			GetMillisecondsOverload.DURATION_TO_MILLISECONDS);

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				CelFunctionDecl.newFunctionDeclaration(NOW,
						CelOverloadDecl.newGlobalOverload(NOW, SimpleType.TIMESTAMP)),
				CelFunctionDecl.newFunctionDeclaration(TIME_SINCE,
						CelOverloadDecl.newGlobalOverload(TIME_SINCE_GLOBAL, SimpleType.DURATION,
								SimpleType.TIMESTAMP),
						CelOverloadDecl.newMemberOverload(TIME_SINCE_MEMBER, SimpleType.DURATION,
								SimpleType.TIMESTAMP)));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		// The clock of the check being evaluated, so every call in one check agrees.
		runtime.addFunctionBindings(CelFunctionBinding.from(NOW, List.of(), (args) -> CheckClock.now()),
				CelFunctionBinding.from(TIME_SINCE_GLOBAL, Instant.class, (since) -> between(since, CheckClock.now())),
				CelFunctionBinding.from(TIME_SINCE_MEMBER, Instant.class, (since) -> between(since, CheckClock.now())),
				durationGetter("duration_to_hours", NANOS_PER_HOUR),
				durationGetter("duration_to_minutes", NANOS_PER_MINUTE),
				durationGetter("duration_to_seconds", NANOS_PER_SECOND),
				durationGetter("duration_to_milliseconds", NANOS_PER_MILLI));
	}

	private static CelFunctionBinding durationGetter(String overload, long unit) {
		return CelFunctionBinding.from(overload, Duration.class, (duration) -> truncatedNanos(duration) / unit);
	}

	/** The standard function bindings minus the duration getters this library redefines. */
	static CelStandardFunctions standardFunctions() {
		return CelStandardFunctions.newBuilder()
			.filterFunctions((function, overload) -> !REPLACED.contains(overload))
			.build();
	}

	/** {@code now - since}, saturated like Go's {@code time.Time.Sub} (an int64 of nanoseconds). */
	static Duration between(Instant since, Instant now) {
		Duration elapsed = Duration.between(since, now);
		if (elapsed.compareTo(MAX_GO_DURATION) > 0) {
			return MAX_GO_DURATION;
		}
		if (elapsed.compareTo(MIN_GO_DURATION) < 0) {
			return MIN_GO_DURATION;
		}
		return elapsed;
	}

	/**
	 * The duration in nanoseconds, saturated to a Go duration's range; dividing it truncates toward zero as Go's
	 * {@code int64(d.Hours())} does.
	 */
	static long truncatedNanos(Duration duration) {
		if (duration.compareTo(MAX_GO_DURATION) >= 0) {
			return Long.MAX_VALUE;
		}
		if (duration.compareTo(MIN_GO_DURATION) <= 0) {
			return Long.MIN_VALUE;
		}
		return duration.toNanos();
	}

}
