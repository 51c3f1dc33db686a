package io.authz.spring.autoconfigure;

import io.authz.core.check.CheckObserver;
import io.authz.spring.observation.CheckObservationConvention;
import io.authz.spring.observation.ObservationCheckObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observer that makes every check an observation.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	@Bean
	@ConditionalOnMissingBean(CheckObserver.class)
	ObservationCheckObserver authzObservationCheckObserver(ObservationRegistry registry,
			ObjectProvider<CheckObservationConvention> convention) {
		return new ObservationCheckObserver(registry, convention.getIfUnique());
	}

}
