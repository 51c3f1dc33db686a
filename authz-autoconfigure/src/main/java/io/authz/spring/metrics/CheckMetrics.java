package io.authz.spring.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.authz.core.check.CheckEvent;
import io.authz.core.check.CheckListener;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Decision;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

/**
 * Records the {@value #CHECKS} timer (one sample per check; tags {@code engine} and {@code outcome} =
 * {@code decided} / {@code error}) and the {@value #DECISIONS} counter (one per decision; tags {@code engine},
 * {@code effect} = {@code allow} / {@code deny}, {@code resource} and {@code action}).
 * <p>
 * Tag values are engine names, effects, resource kinds and actions, never ids or attribute values. Resource kinds
 * and actions are bounded: past {@code maxTagValues} distinct values of either, new ones are recorded as
 * {@code other}.
 */
public final class CheckMetrics implements CheckListener {

	/** The check timer's name. */
	public static final String CHECKS = "authz.checks";

	/** The decision counter's name. */
	public static final String DECISIONS = "authz.decisions";

	private final MeterRegistry registry;

	private final TagValueLimiter resources;

	private final TagValueLimiter actions;

	// Meters are looked up per decision: cached by their tag values to keep that off the registry's lock path.
	private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

	private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics.
	 * @param registry where the meters are registered
	 * @param maxTagValues the most distinct values of the {@code resource} tag, and of the {@code action} tag
	 */
	public CheckMetrics(MeterRegistry registry, int maxTagValues) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.resources = new TagValueLimiter(maxTagValues);
		this.actions = new TagValueLimiter(maxTagValues);
	}

	@Override
	public void onCheck(CheckEvent event) {
		String engine = event.engine();
		String outcome = event.isFailure() ? "error" : "decided";
		this.timers.computeIfAbsent(List.of(engine, outcome), (key) -> Timer.builder(CHECKS)
			.description("Authorization checks: one call to the engine for one principal, N resources, M actions")
			.tag("engine", engine)
			.tag("outcome", outcome)
			.register(this.registry)).record(event.duration());
		CheckRequest request = event.request();
		for (int i = 0; i < request.resources().size(); i++) {
			ResourceCheck asked = request.resources().get(i);
			ResourceResult result = event.result().results().get(i);
			String resource = this.resources.apply(asked.resource().kind());
			for (String action : asked.actions()) {
				Decision decision = result.decision(action);
				decisionCounter(engine, decision, resource, this.actions.apply(action)).increment();
			}
		}
	}

	private Counter decisionCounter(String engine, Decision decision, String resource, String action) {
		String effect = decision.effect().name().toLowerCase(Locale.ROOT);
		return this.counters.computeIfAbsent(List.of(engine, effect, resource, action), (key) -> Counter
			.builder(DECISIONS)
			.description("Authorization decisions: one effect for one principal, resource and action")
			.tag("engine", engine)
			.tag("effect", effect)
			.tag("resource", resource)
			.tag("action", action)
			.register(this.registry));
	}

}
