package io.authz.spring.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the metadata generated from {@link AuthzProperties}, which IDEs show to users.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndItsDefault() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			JsonNode metadata = JsonMapper.shared().readTree(input);
			metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		}
		assertThat(properties).containsOnlyKeys("authz.enabled", "authz.engine", "authz.local.policies",
				"authz.local.strict-evaluation", "authz.local.globals", "authz.principal.authority-prefixes",
				"authz.web.problem-details", "authz.remote.url", "authz.remote.timeout", "authz.remote.api-key",
				"authz.remote.retry.max-attempts", "authz.remote.retry.backoff",
				"authz.remote.circuit-breaker.failure-rate-threshold", "authz.remote.circuit-breaker.window-size",
				"authz.remote.circuit-breaker.minimum-calls", "authz.remote.circuit-breaker.wait-in-open-state",
				"authz.remote.authzen.roles-property", "authz.remote.authzen.discovery", "authz.cache.ttl",
				"authz.cache.max-size");
		properties.forEach((name, property) -> assertThat(property.path("description").asString()).as(name)
			.isNotBlank());
		assertThat(properties.get("authz.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.engine").get("defaultValue").asString()).isEqualTo("local");
		assertThat(properties.get("authz.local.policies").get("defaultValue").asString())
			.isEqualTo("classpath:policies/");
		assertThat(properties.get("authz.local.strict-evaluation").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.web.problem-details").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.remote.timeout").get("defaultValue").asString()).isEqualTo("250ms");
		assertThat(properties.get("authz.cache.ttl").get("defaultValue").asString()).isEqualTo("0s");
		assertThat(properties.get("authz.cache.max-size").get("defaultValue").asLong()).isEqualTo(10000);
		assertThat(properties.get("authz.remote.authzen.roles-property").get("defaultValue").asString())
			.isEqualTo("cerbos.roles");
		List<String> prefixes = properties.get("authz.principal.authority-prefixes")
			.get("defaultValue")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		assertThat(prefixes).containsExactly("ROLE_", "SCOPE_");
	}

}
