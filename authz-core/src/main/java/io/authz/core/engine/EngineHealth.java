package io.authz.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an engine can decide right now, for health checks. A remote engine implements it to report whether its
 * PDP answers; an engine that decides in memory does not need to.
 * <p>
 * The Spring Boot health contributor {@code authz} calls {@link #health()} on every health request, on the
 * requesting thread: implementations should probe with a short, bounded timeout (the engine's own call timeout,
 * say) and never throw; a thrown exception is reported as unavailable. Implement it on the
 * {@link AuthorizationEngine} itself, or, when the engine is wrapped (by a cache, say), on a separate bean.
 */
@FunctionalInterface
public interface EngineHealth {

	/**
	 * Probes the engine.
	 * @return whether it can decide, with details for operators
	 */
	Report health();

	/**
	 * The outcome of a probe.
	 *
	 * @param available whether the engine can decide
	 * @param details what operators should see (the PDP URL, the probe's latency, the error); no secrets
	 */
	record Report(boolean available, Map<String, Object> details) {

		public Report {
			details = (details != null) ? Map.copyOf(details) : Map.of();
		}

		/** The engine can decide. */
		public static Report available(Map<String, Object> details) {
			return new Report(true, details);
		}

		/** The engine cannot decide, and why. */
		public static Report unavailable(String reason, Map<String, Object> details) {
			Map<String, Object> all = new LinkedHashMap<>((details != null) ? details : Map.of());
			all.put("reason", Objects.requireNonNull(reason, "reason"));
			return new Report(false, all);
		}

	}

}
