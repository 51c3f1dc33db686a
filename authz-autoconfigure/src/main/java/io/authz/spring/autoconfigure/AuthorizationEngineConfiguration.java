package io.authz.spring.autoconfigure;

import java.util.List;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.policy.PolicyFile;
import io.authz.spring.policy.PolicyFileLoader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The engine selected by {@code authz.engine}, unless the application defines its own.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationEngineConfiguration {

	private static final Log logger = LogFactory.getLog(AuthorizationEngineConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(AuthorizationEngine.class)
	AuthorizationEngine authorizationEngine(AuthzProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<AuthzRemoteConnectionDetails> remoteConnectionDetails) {
		return switch (properties.getEngine()) {
			case LOCAL -> embeddedEngine(properties.getLocal(), resourceLoader);
			case CERBOS, AUTHZEN -> RemoteEngineConfiguration.remoteEngine(properties.getEngine(),
					properties.getRemote(), remoteConnectionDetails.getObject());
		};
	}

	private static EmbeddedEngine embeddedEngine(AuthzProperties.Local properties, ResourceLoader resourceLoader) {
		List<PolicyFile> files = new PolicyFileLoader(resourceLoader).load(properties.getPolicies());
		EmbeddedEngine engine = EmbeddedEngine.create(files,
				new EmbeddedEngineOptions(properties.getGlobals(), properties.isStrictEvaluation(),
						properties.getDefaultPolicyVersion(), properties.isLenientScopeSearch(),
						properties.getSchemaEnforcement()));
		if (logger.isDebugEnabled()) {
			logger.debug("Loaded " + files.size() + " policy files from '" + properties.getPolicies() + "'");
		}
		return engine;
	}

}
