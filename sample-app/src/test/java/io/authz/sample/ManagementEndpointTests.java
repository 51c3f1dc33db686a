package io.authz.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Actuator endpoints: open on the management port, absent from the application port.
 */
class ManagementEndpointTests extends AbstractApiTests {

	@LocalManagementPort
	int managementPort;

	@Test
	void healthIsOpenOnManagementPort() {
		management().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void metricsAreOpenOnManagementPort() {
		management().get().uri("/actuator/metrics").exchange().expectStatus().isOk();
	}

	@Test
	void actuatorIsNotOnApplicationPort() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().is4xxClientError();
		this.client.get().uri("/actuator/health").headers(user("admin")).exchange().expectStatus().is4xxClientError();
	}

	private RestTestClient management() {
		return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

}
