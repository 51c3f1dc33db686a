package io.authz.spring.observation;

import io.authz.core.check.CheckObserver;
import io.authz.core.model.CheckRequest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Makes every check a Micrometer {@link Observation}: started before the engine is asked and in scope while it
 * decides, so that a tracer records the check as a span, with the engine's own calls (a remote PDP request) as its
 * children; stopped with the outcome once the engine has decided.
 */
public final class ObservationCheckObserver implements CheckObserver {

	private static final CheckObservationConvention DEFAULT_CONVENTION = new DefaultCheckObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable CheckObservationConvention convention;

	/**
	 * Creates an observer.
	 * @param registry where observations are made
	 * @param convention replaces the default convention, or {@code null}
	 */
	public ObservationCheckObserver(ObservationRegistry registry, @Nullable CheckObservationConvention convention) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public CheckObserver.ObservedCheck start(CheckRequest request, String engine) {
		if (this.registry.isNoop()) {
			return CheckObserver.ObservedCheck.NONE;
		}
		CheckObservationContext context = new CheckObservationContext(request, engine);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		Observation.Scope scope = observation.openScope();
		return (event) -> {
			context.setEvent(event);
			if (event.error() != null) {
				observation.error(event.error());
			}
			scope.close();
			observation.stop();
		};
	}

}
