package io.authz.sample.bench;

import io.authz.core.check.Authorizer;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * For the load benchmark only: lets the sample app start with {@code authz.enabled=false} under the {@code bench}
 * profile, so that the same endpoints can be measured with and without authz in the same jar.
 * <p>
 * With authz disabled, the starter registers no {@code @Authorize} advisor: the service methods run unchecked, and
 * everything else on the request path (filter chain, HTTP Basic, controller, transaction, repository, JSON) stays
 * the same. The only bean the starter no longer provides and the application needs is the {@link Authorizer} of
 * the list endpoint's batched check; it is replaced by one that denies everything, and that endpoint is not
 * measured.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
@ConditionalOnBooleanProperty(name = "authz.enabled", havingValue = false)
class AuthzDisabledConfiguration {

	@Bean
	Authorizer authorizer() {
		return new Authorizer(new DenyAllEngine());
	}

	/** Denies every check, saying why. */
	private static final class DenyAllEngine implements AuthorizationEngine {

		@Override
		public String name() {
			return "disabled";
		}

		@Override
		public CheckResult check(CheckRequest request) {
			return CheckResult.failed(request, "authz is disabled (bench profile)");
		}

	}

}
