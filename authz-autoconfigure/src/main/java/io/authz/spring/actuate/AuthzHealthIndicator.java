package io.authz.spring.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.engine.EngineHealth;
import io.authz.spring.policy.PolicyReloadStatus;
import io.authz.spring.policy.PolicyReloader;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * The {@code authz} health contributor: {@code DOWN} when the engine cannot decide (no policies loaded, or a
 * remote PDP that its {@link EngineHealth} reports unavailable), {@code UP} otherwise. A rejected policy reload
 * does not make it {@code DOWN}, as the last good policies keep serving: it shows as a {@code warning} detail
 * with the errors.
 */
public class AuthzHealthIndicator extends AbstractHealthIndicator {

	private final AuthorizationEngine engine;

	private final List<EngineHealth> engineHealth;

	private final @Nullable PolicyReloader reloader;

	/**
	 * Creates a health indicator.
	 * @param engine the engine that decides
	 * @param engineHealth probes of the engine, in addition to the engine itself when it is an
	 * {@link EngineHealth}
	 * @param reloader reloads the embedded engine's policies, or {@code null}
	 */
	public AuthzHealthIndicator(AuthorizationEngine engine, List<EngineHealth> engineHealth,
			@Nullable PolicyReloader reloader) {
		super("Authorization engine health check failed");
		Assert.notNull(engine, "'engine' must not be null");
		this.engine = engine;
		this.engineHealth = List.copyOf(engineHealth);
		this.reloader = reloader;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("engine", this.engine.name());
		if (this.engine instanceof EmbeddedEngine embedded) {
			embeddedHealth(embedded, builder);
		}
		List<EngineHealth> probes = probes();
		for (int i = 0; i < probes.size(); i++) {
			EngineHealth.Report report = report(probes.get(i));
			builder.withDetail((i == 0) ? "pdp" : "pdp-" + (i + 1), report.details());
			if (!report.available()) {
				builder.down();
			}
		}
	}

	private void embeddedHealth(EmbeddedEngine engine, Health.Builder builder) {
		PolicySet set = engine.policySet();
		if (set == null || set.policies().isEmpty()) {
			// Without policies every decision is a deny: the application is up, but cannot authorize anything.
			builder.down().withDetail("policies", 0).withDetail("reason", "no policies are loaded");
			return;
		}
		builder.withDetail("policies", set.policies().size()).withDetail("digest", set.digest());
		PolicyReloadStatus last = (this.reloader != null) ? this.reloader.lastReload() : null;
		if (last != null && !last.isSuccessful()) {
			Map<String, Object> reload = new LinkedHashMap<>();
			reload.put("time", last.time().toString());
			reload.put("trigger", last.trigger());
			reload.put("errors", last.errors());
			builder.withDetail("warning", "The last policy reload failed; the previous policies keep serving")
				.withDetail("failedReload", reload);
		}
	}

	private List<EngineHealth> probes() {
		if (this.engine instanceof EngineHealth probe && !this.engineHealth.contains(probe)) {
			List<EngineHealth> probes = new ArrayList<>(this.engineHealth.size() + 1);
			probes.add(probe);
			probes.addAll(this.engineHealth);
			return probes;
		}
		return this.engineHealth;
	}

	private static EngineHealth.Report report(EngineHealth probe) {
		try {
			EngineHealth.Report report = probe.health();
			return (report != null) ? report : EngineHealth.Report.unavailable("no health report", Map.of());
		}
		catch (RuntimeException ex) {
			return EngineHealth.Report.unavailable(ex.toString(), Map.of());
		}
	}

}
