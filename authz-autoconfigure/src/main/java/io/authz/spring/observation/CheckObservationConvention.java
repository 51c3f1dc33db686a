package io.authz.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for authorization checks. Define a bean of this type to change the name or the
 * key values of check observations.
 */
public interface CheckObservationConvention extends ObservationConvention<CheckObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CheckObservationContext;
	}

}
