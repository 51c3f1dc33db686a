package io.authz.sample;

import java.nio.file.Path;

import io.authz.test.cerbos.CerbosContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * A Cerbos PDP in a container serving the project's {@code policies/}, wired into {@code authz.remote.url} through
 * {@code @ServiceConnection}.
 */
@TestConfiguration(proxyBeanMethods = false)
class RemotePdpConfiguration {

	@Bean
	@ServiceConnection
	CerbosContainer cerbos() {
		return new CerbosContainer().withPolicies(Path.of("../policies"));
	}

}
