package io.authz.spring.metrics;

import io.authz.spring.policy.PolicyReloadEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Counts policy reloads in the {@value #NAME} counter, tag {@code result} = {@code success} / {@code failure}.
 * Both counters are registered up front, so that an alert on failures has a series to watch before the first one.
 */
public final class PolicyReloadMetrics implements ApplicationListener<PolicyReloadEvent> {

	/** The counter's name. */
	public static final String NAME = "authz.policies.reloads";

	private final Counter successes;

	private final Counter failures;

	/**
	 * Creates the metrics.
	 * @param registry where the counter is registered
	 */
	public PolicyReloadMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.successes = counter(registry, "success");
		this.failures = counter(registry, "failure");
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder(NAME)
			.description("Policy reloads; a failed reload keeps the last good policies")
			.tag("result", result)
			.register(registry);
	}

	@Override
	public void onApplicationEvent(PolicyReloadEvent event) {
		(event.getStatus().isSuccessful() ? this.successes : this.failures).increment();
	}

}
