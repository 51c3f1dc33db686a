package io.authz.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policy changes without a restart: the sample app on a copy of {@code policies/} with
 * {@code authz.local.watch=true}.
 */
// A database of its own: closing this context drops its tables (create-drop), which must not be the shared ones.
@TestPropertySource(properties = { "authz.local.watch=true",
		"spring.datasource.url=jdbc:h2:mem:expenses-hot-reload;DB_CLOSE_DELAY=-1" })
@DirtiesContext
class PolicyHotReloadTests extends AbstractApiTests {

	// The acceptance bound: an edit shows in decisions within 5 seconds.
	private static final Duration WITHIN = Duration.ofSeconds(5);

	private static final Path POLICIES = copyOfProjectPolicies();

	private static final String EVERYONE_READS = """
			    - name: everyone_reads
			      actions: ["read"]
			      effect: EFFECT_ALLOW
			      roles: ["employee"]
			""";

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void policies(DynamicPropertyRegistry registry) {
		registry.add("authz.local.policies", () -> "file:" + POLICIES + "/");
	}

	@Test
	void anEditChangesDecisionsAndABrokenEditKeepsThem() throws IOException {
		Path policy = POLICIES.resolve("expense.yaml");
		String original = Files.readString(policy);
		assertDenied(get("/api/expenses/1", user("frank")), "read");
		assertThat(policySet()).containsEntry("watching", true);

		long start = System.nanoTime();
		write(policy, original + EVERYONE_READS);
		await().atMost(WITHIN)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> status(get("/api/expenses/1", user("frank"))) == 200);
		System.out.println("Policy edit to changed decision: " + (System.nanoTime() - start) / 1_000_000 + " ms");
		Object digest = policySet().get("digest");

		write(policy, original + EVERYONE_READS + "      condition:\n        match:\n          expr: P.attr.type ==\n");
		await().atMost(WITHIN).until(() -> "failure".equals(lastReload().get("outcome")));
		Map<String, Object> lastReload = lastReload();
		assertThat(lastReload).containsEntry("trigger", "watch");
		assertThat(lastReload.get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.asString()
			.startsWith("expense.yaml:");
		assertThat(status(get("/api/expenses/1", user("frank")))).as("the last good policies keep deciding")
			.isEqualTo(200);
		assertThat(policySet()).containsEntry("digest", digest);
		management().get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.authz.status")
			.isEqualTo("UP")
			.jsonPath("$.components.authz.details.warning")
			.exists();
		management().get()
			.uri("/actuator/metrics/authz.policies.reloads?tag=result:failure")
			.exchange()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(1.0);

		write(policy, original);
		await().atMost(WITHIN).until(() -> status(get("/api/expenses/1", user("frank"))) == 403);
	}

	private static int status(RestTestClient.ResponseSpec response) {
		return response.returnResult().getStatus().value();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> policySet() {
		return (Map<String, Object>) authz().get("policySet");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> lastReload() {
		return (Map<String, Object>) authz().get("lastReload");
	}

	private Map<String, Object> authz() {
		return management().get()
			.uri("/actuator/authz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient management() {
		return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	/** Replaces a file the way editors save: a new file moved over the old one. */
	private static void write(Path file, String content) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + ".swp");
		Files.writeString(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static Path copyOfProjectPolicies() {
		Path source = Path.of("..", "policies").toAbsolutePath().normalize();
		try {
			Path target = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "policies-")
				.toAbsolutePath();
			try (Stream<Path> paths = Files.walk(source)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					Path copy = target.resolve(source.relativize(path).toString());
					if (Files.isDirectory(path)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(path, copy);
					}
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static {
		assertThat(List.of(POLICIES.toFile().list())).contains("expense.yaml");
	}

}
