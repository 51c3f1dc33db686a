package io.authz.core.pip;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.authz.core.check.Authorizer;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AttributeEnricherTests {

	private static final Principal ALICE = Principal.builder("alice")
		.roles("employee")
		.attribute("department", "from-token")
		.build();

	@Test
	void requestValuesWinAndRolesAreAdded() {
		AttributeEnricher enricher = AttributeEnricher.builder()
			.principalProvider("hr", (principal) -> new PrincipalAttributes(List.of("manager", "employee"),
					Map.of("department", "sales", "limit", 100, "type", "service")), AttributeProviderSettings.defaults())
			.build();
		Principal enriched = enricher.enrich(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read")).principal();
		assertThat(enriched.roles()).containsExactly("employee", "manager");
		assertThat(enriched.attributes()).isEqualTo(Map.of("department", "from-token", "limit", 100));
		// A provider never changes what kind of principal this is
		assertThat(enriched.type()).isEqualTo(PrincipalType.USER);
	}

	@Test
	void authoritativeProviderValuesWin() {
		AttributeEnricher enricher = AttributeEnricher.builder()
			.principalProvider("hr", (principal) -> new PrincipalAttributes(List.of("manager"),
					Map.of("department", "sales")), AttributeProviderSettings.defaults().withAuthoritative(true))
			.build();
		Principal enriched = enricher.enrich(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read")).principal();
		assertThat(enriched.roles()).containsExactly("manager");
		assertThat(enriched.attributes()).containsEntry("department", "sales");
	}

	@Test
	void principalsActedForAreLookedUpToo() {
		Principal agent = Principal.builder("assistant").type(PrincipalType.AGENT).roles("agent").actingFor(ALICE).build();
		AttributeEnricher enricher = AttributeEnricher.builder()
			.principalProvider("hr",
					(principal) -> (principal.type() == PrincipalType.USER)
							? PrincipalAttributes.of(Map.of("approvalLimit", 10.0)) : null,
					AttributeProviderSettings.defaults())
			.build();
		Principal enriched = enricher.enrich(CheckRequest.of(agent, Resource.of("doc", "1"), "read")).principal();
		assertThat(enriched.attributes()).doesNotContainKey("approvalLimit");
		assertThat(enriched.actingFor().attributes()).containsEntry("approvalLimit", 10.0);
	}

	@Test
	void resourcesAreEnriched() {
		AttributeEnricher enricher = AttributeEnricher.builder()
			.resourceProvider("store", (resource) -> "doc".equals(resource.kind()) ? Map.of("owner", "bob") : null,
					AttributeProviderSettings.defaults())
			.build();
		CheckRequest request = new CheckRequest("r", ALICE,
				List.of(io.authz.core.model.ResourceCheck.of(Resource.of("doc", "1"), "read"),
						io.authz.core.model.ResourceCheck.of(Resource.of("other", "2"), "read")),
				Map.of());
		CheckRequest enriched = enricher.enrich(request);
		assertThat(enriched.resources().get(0).resource().attributes()).containsEntry("owner", "bob");
		assertThat(enriched.resources().get(1).resource().attributes()).isEmpty();
		assertThat(enriched.requestId()).isEqualTo("r");
	}

	@Test
	void answersAreCachedForTheirTimeToLive() {
		AtomicInteger calls = new AtomicInteger();
		AtomicLong now = new AtomicLong();
		AttributeEnricher enricher = AttributeEnricher.builder()
			.principalProvider("hr", (principal) -> {
				calls.incrementAndGet();
				return null;
			}, new AttributeProviderSettings(false, Duration.ofSeconds(10), 100, Duration.ZERO, FailurePolicy.DENY))
			.nanoTime(now::get)
			.build();
		CheckRequest request = CheckRequest.of(ALICE, Resource.of("doc", "1"), "read");
		enricher.enrich(request);
		enricher.enrich(request);
		assertThat(calls).hasValue(1);
		now.addAndGet(Duration.ofSeconds(11).toNanos());
		enricher.enrich(request);
		assertThat(calls).hasValue(2);
	}

	@Test
	void failureDeniesTheCheckByDefault() {
		AttributeEnricher enricher = AttributeEnricher.builder().principalProvider("hr", (principal) -> {
			throw new IllegalStateException("database down");
		}, AttributeProviderSettings.defaults()).build();
		AuthorizationEngine engine = enricher.decorate(new AllowAll());
		assertThat(engine.name()).isEqualTo("allow-all");
		assertThatExceptionOfType(AttributeLookupException.class)
			.isThrownBy(() -> engine.check(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read")))
			.withMessage("principal attribute provider 'hr' failed for 'user:alice': database down");
		CheckResult result = new Authorizer(engine).check(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read"));
		assertThat(result.isAllAllowed()).isFalse();
		assertThat(result.results().get(0).decision("read").failure()).contains("database down");
	}

	@Test
	void failureCanBeIgnored() {
		AttributeEnricher enricher = AttributeEnricher.builder().principalProvider("hr", (principal) -> {
			throw new IllegalStateException("database down");
		}, new AttributeProviderSettings(false, Duration.ZERO, 0, Duration.ZERO, FailurePolicy.IGNORE)).build();
		CheckResult result = new Authorizer(enricher.decorate(new AllowAll()))
			.check(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read"));
		assertThat(result.isAllAllowed()).isTrue();
	}

	@Test
	void slowLookupTimesOut() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (AttributeEnricher enricher = AttributeEnricher.builder().principalProvider("slow", (principal) -> {
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}, new AttributeProviderSettings(false, Duration.ZERO, 0, Duration.ofMillis(50), FailurePolicy.DENY)).build()) {
			long start = System.nanoTime();
			assertThatExceptionOfType(AttributeLookupException.class)
				.isThrownBy(() -> enricher.enrich(CheckRequest.of(ALICE, Resource.of("doc", "1"), "read")))
				.withMessageContaining("no answer within 50ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void fileProviderReadsJsonAndYaml() {
		PrincipalAttributesFile json = PrincipalAttributesFile.read("users.json", stream("""
				{"pid-1": {"id": "rick@the-citadel.com", "email": "rick@the-citadel.com", "roles": ["admin", "evil_genius"]},
				 "pid-2": {"roles": "viewer"}}
				"""));
		assertThat(json.attributes(Principal.builder("pid-1").build())).isEqualTo(new PrincipalAttributes(
				List.of("admin", "evil_genius"),
				Map.of("id", "rick@the-citadel.com", "email", "rick@the-citadel.com")));
		assertThat(json.attributes(Principal.builder("pid-2").build()).roles()).containsExactly("viewer");
		assertThat(json.attributes(Principal.builder("nobody").build())).isNull();
		PrincipalAttributesFile yaml = PrincipalAttributesFile.read("users.yaml", stream("""
				alice:
				  roles: [manager]
				  department: Sales
				"""));
		assertThat(yaml.attributes(Principal.builder("alice").build()))
			.isEqualTo(new PrincipalAttributes(List.of("manager"), Map.of("department", "Sales")));
		PrincipalAttributesFile list = PrincipalAttributesFile.read("users.json", stream("""
				[{"id": "bob", "role": "employee", "department": "Legal"}]
				"""));
		assertThat(list.attributes(Principal.builder("bob").build()))
			.isEqualTo(PrincipalAttributes.of(Map.of("role", "employee", "department", "Legal")));
	}

	@Test
	void resourceFilesAreKeyedByIdForOneKind() {
		ResourceAttributesFile file = ResourceAttributesFile.read("record", new java.util.LinkedHashMap<>(Map.of(
				"records.json", stream("[{\"id\": 101, \"owner\": \"alice\"}, {\"id\": \"102\", \"owner\": \"bob\"}]"))));
		assertThat(file.ids()).containsExactly("101", "102");
		assertThat(file.attributes(Resource.of("record", "101"))).isEqualTo(Map.of("owner", "alice"));
		assertThat(file.attributes(Resource.of("other", "101"))).isNull();
		assertThat(file.attributes(Resource.of("record", "999"))).isNull();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ResourceAttributesFile.read("record", Map.of("r.json", stream("[{\"owner\": \"x\"}]"))))
			.withMessageContaining("an entry has no 'id'");
	}

	@Test
	void fileProviderRejectsMalformedFiles() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PrincipalAttributesFile.read("users.json", stream("{\"a\": ")))
			.withMessageContaining("'users.json' is not valid JSON or YAML");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PrincipalAttributesFile.read("users.json", stream("{\"a\": {\"roles\": [1]}}")))
			.withMessageContaining("roles of 'a' must be strings");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> PrincipalAttributesFile.read("users.json", stream("\"text\"")))
			.withMessageContaining("must hold an object of principals keyed by id");
	}

	private static ByteArrayInputStream stream(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

	/** Allows everything, after checking that it was asked about every resource. */
	private static final class AllowAll implements AuthorizationEngine {

		@Override
		public String name() {
			return "allow-all";
		}

		@Override
		public CheckResult check(CheckRequest request) {
			return new CheckResult(request.requestId(), request.resources().stream().map((check) -> {
				Map<String, io.authz.core.model.Decision> decisions = new java.util.LinkedHashMap<>();
				check.actions().forEach((action) -> decisions.put(action,
						new io.authz.core.model.Decision(io.authz.core.model.Effect.ALLOW, "p", "r", "", null)));
				return new io.authz.core.model.ResourceResult(check.resource(), decisions, List.of(), List.of(),
						List.of());
			}).toList());
		}

	}

}
