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
				"authz.local.strict-evaluation", "authz.local.globals", "authz.local.watch", "authz.local.default-policy-version",
				"authz.local.lenient-scope-search", "authz.local.schema-enforcement",
				"authz.principal.authority-prefixes", "authz.web.problem-details", "authz.audit.enabled",
				"authz.audit.include-attributes", "authz.audit.decision-log", "authz.audit.security-events",
				"authz.metrics.max-tag-values", "management.health.authz.enabled", "management.endpoint.authz.access",
				"management.endpoint.authz.cache.time-to-live", "authz.server.enabled", "authz.server.api-key",
				"authz.server.max-resources-per-request", "authz.server.max-actions-per-resource",
				"authz.server.base-url", "authz.server.aux-data.jwt.jwk-set-uri",
				"authz.server.aux-data.jwt.disable-verification", "authz.server.aux-data.jwt.acceptable-time-skew",
				"authz.server.search.subjects", "authz.server.search.resources", "authz.server.search.actions",
				"authz.http.rules", "authz.pip.principals", "authz.pip.resources", "authz.pip.principals-authoritative",
				"authz.pip.cache-ttl", "authz.pip.cache-max-size", "authz.pip.timeout", "authz.pip.failure-policy",
				"authz.remote.url", "authz.remote.timeout", "authz.remote.api-key", "authz.remote.retry.max-attempts",
				"authz.remote.retry.backoff", "authz.remote.circuit-breaker.failure-rate-threshold",
				"authz.remote.circuit-breaker.window-size", "authz.remote.circuit-breaker.minimum-calls",
				"authz.remote.circuit-breaker.wait-in-open-state", "authz.remote.authzen.roles-property",
				"authz.remote.authzen.discovery", "authz.cache.ttl", "authz.cache.max-size");
		properties.forEach((name, property) -> assertThat(property.path("description").asString()).as(name)
			.isNotBlank());
		assertThat(properties.get("authz.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.engine").get("defaultValue").asString()).isEqualTo("local");
		assertThat(properties.get("authz.local.policies").get("defaultValue").asString())
			.isEqualTo("classpath:policies/");
		assertThat(properties.get("authz.local.strict-evaluation").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.web.problem-details").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.local.watch").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.audit.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.audit.include-attributes").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.audit.decision-log").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.audit.security-events").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.metrics.max-tag-values").get("defaultValue").asInt()).isEqualTo(100);
		assertThat(properties.get("management.health.authz.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("authz.server.enabled").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("authz.server.max-resources-per-request").get("defaultValue").asInt()).isEqualTo(50);
		assertThat(properties.get("authz.server.max-actions-per-resource").get("defaultValue").asInt()).isEqualTo(50);
		assertThat(properties.get("authz.pip.cache-ttl").get("defaultValue").asString()).isEqualTo("60s");
		assertThat(properties.get("authz.pip.timeout").get("defaultValue").asString()).isEqualTo("500ms");
		assertThat(properties.get("authz.pip.failure-policy").get("defaultValue").asString()).isEqualTo("deny");
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
