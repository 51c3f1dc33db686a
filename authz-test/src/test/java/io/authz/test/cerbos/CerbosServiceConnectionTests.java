package io.authz.test.cerbos;

import java.nio.file.Path;

import io.authz.core.check.Authorizer;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.remote.cerbos.CerbosEngine;
import io.authz.spring.autoconfigure.AuthzAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzRemoteConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Container @ServiceConnection} on a {@link CerbosContainer} points the remote engine at it.
 */
@RequiresCerbos
@Testcontainers
// A generous timeout: the first calls of a cold JVM are slow, and this test is about the wiring
@SpringBootTest(properties = { "authz.engine=cerbos", "authz.remote.timeout=5s" })
class CerbosServiceConnectionTests {

	@Container
	@ServiceConnection
	static final CerbosContainer cerbos = new CerbosContainer().withPolicies(Path.of("../policies"));

	@Autowired
	AuthzRemoteConnectionDetails connectionDetails;

	@Autowired
	AuthorizationEngine engine;

	@Autowired
	Authorizer authorizer;

	@Test
	void connectionDetailsComeFromTheContainer() {
		assertThat(this.connectionDetails.getUrl()).isEqualTo(cerbos.getHttpUrl());
		assertThat(this.engine).isInstanceOf(CerbosEngine.class);
		assertThat(((CerbosEngine) this.engine).client().options().url()).hasToString(cerbos.getHttpUrl());
	}

	@Test
	void checksAreDecidedByTheContainer() {
		Principal alice = CerbosEngineTests.employee("alice", "engineering");
		assertThat(this.authorizer.check(CheckRequest.of(alice,
				CerbosEngineTests.expense("1", "alice", "engineering", 10, "DRAFT"), "read", "update")).isAllAllowed())
			.isTrue();
		assertThat(this.authorizer.check(CheckRequest.of(alice,
				CerbosEngineTests.expense("2", "dave", "engineering", 10, "DRAFT"), "read")).isAllAllowed())
			.isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AuthzAutoConfiguration.class)
	static class Config {

	}

}
