package io.authz.spring.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.authz.spring.authorization.PolicyDeniedException;
import io.authz.spring.autoconfigure.AuthzAuditAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzMethodSecurityAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzMetricsAutoConfiguration;
import io.authz.spring.method.Authorize;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decision made under concurrent load is audited exactly once, with the effect that was enforced.
 */
class AuditCompletenessTests {

	private static final int THREADS = 8;

	private static final int CHECKS_PER_THREAD = 10_000;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class,
				AuthzMethodSecurityAutoConfiguration.class, AuthzAuditAutoConfiguration.class,
				AuthzMetricsAutoConfiguration.class))
		.withUserConfiguration(ServiceConfiguration.class);

	@Test
	void everyDecisionUnderLoadIsPublishedOnceWithItsEffect() {
		this.runner.run((context) -> {
			DocumentService service = context.getBean(DocumentService.class);
			ServiceConfiguration audit = context.getBean(ServiceConfiguration.class);
			ExecutorService executor = Executors.newFixedThreadPool(THREADS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<long[]>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				results.add(executor.submit(() -> {
					start.await();
					long allowed = 0;
					long denied = 0;
					for (int i = 0; i < CHECKS_PER_THREAD; i++) {
						// Even calls by a reader (allowed by the document policy), odd ones by a guest (denied).
						boolean reader = i % 2 == 0;
						SecurityContextHolder.getContext()
							.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
									reader ? "alice" : "guest", null,
									AuthorityUtils.createAuthorityList(reader ? "ROLE_user" : "ROLE_guest")));
						try {
							service.read(Integer.toString(i));
							allowed++;
						}
						catch (PolicyDeniedException ex) {
							denied++;
						}
						finally {
							SecurityContextHolder.clearContext();
						}
					}
					return new long[] { allowed, denied };
				}));
			}
			start.countDown();
			long allowed = 0;
			long denied = 0;
			for (Future<long[]> result : results) {
				long[] counts = result.get(2, TimeUnit.MINUTES);
				allowed += counts[0];
				denied += counts[1];
			}
			executor.shutdown();
			assertThat(allowed).isEqualTo(THREADS * CHECKS_PER_THREAD / 2);
			assertThat(denied).isEqualTo(THREADS * CHECKS_PER_THREAD / 2);
			assertThat(audit.events.sum()).isEqualTo(THREADS * CHECKS_PER_THREAD);
			assertThat(audit.allowed.sum()).isEqualTo(allowed);
			assertThat(audit.denied.sum()).isEqualTo(denied);
			assertThat(audit.mismatched.sum()).as("events whose effect is not the one enforced").isZero();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("authz.decisions").tag("effect", "allow").counter().count()).isEqualTo(allowed);
			assertThat(registry.get("authz.decisions").tag("effect", "deny").counter().count()).isEqualTo(denied);
			assertThat(registry.get("authz.checks").timer().count()).isEqualTo(THREADS * CHECKS_PER_THREAD);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		final LongAdder events = new LongAdder();

		final LongAdder allowed = new LongAdder();

		final LongAdder denied = new LongAdder();

		final LongAdder mismatched = new LongAdder();

		@Bean
		DocumentService documentService() {
			return new DocumentService();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ApplicationListener<AuthorizationDecisionEvent> auditRecorder() {
			return (event) -> {
				this.events.increment();
				(event.isAllowed() ? this.allowed : this.denied).increment();
				boolean expected = event.getPrincipalId().equals("alice");
				if (event.isAllowed() != expected || !event.getAction().equals("read")
						|| !event.getResourceKind().equals("document")) {
					this.mismatched.increment();
				}
			};
		}

	}

	static class DocumentService {

		@Authorize(resource = "document", id = "#id")
		public String read(String id) {
			return id;
		}

	}

}
