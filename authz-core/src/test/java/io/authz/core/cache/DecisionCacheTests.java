package io.authz.core.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DecisionCacheTests {

	final AtomicInteger calls = new AtomicInteger();

	Function<CheckRequest, CheckResult> answer = (request) -> CheckResult.failed(request, null);

	final AuthorizationEngine engine = new AuthorizationEngine() {

		@Override
		public String name() {
			return "counting";
		}

		@Override
		public CheckResult check(CheckRequest request) {
			DecisionCacheTests.this.calls.incrementAndGet();
			return DecisionCacheTests.this.answer.apply(request);
		}

	};

	final DecisionCache cache = new DecisionCache(Duration.ofMinutes(1), 100);

	final CachingEngine caching = new CachingEngine(this.engine, this.cache);

	static CheckRequest request(String requestId, Principal principal, Resource resource, Map<String, Object> auxData,
			String... actions) {
		return new CheckRequest(requestId, principal, List.of(ResourceCheck.of(resource, actions)), auxData);
	}

	static Principal alice() {
		return Principal.builder("alice").roles("employee").attribute("department", "engineering").build();
	}

	static Resource expense() {
		return Resource.builder("expense", "1").attribute("amount", 10).build();
	}

	@Test
	void repeatedIdenticalChecksHit() {
		CheckResult first = this.caching.check(request("a", alice(), expense(), Map.of(), "read"));
		CheckResult second = this.caching.check(request("b", alice(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(1);
		assertThat(second.requestId()).isEqualTo("b");
		assertThat(second.results()).isEqualTo(first.results());
		assertThat(this.cache.hitCount()).isEqualTo(1);
		assertThat(this.cache.missCount()).isEqualTo(1);
		assertThat(this.caching.name()).isEqualTo("counting");
	}

	@Test
	void anyChangeMisses() {
		this.caching.check(request("a", alice(), expense(), Map.of(), "read"));
		this.caching.check(request("a", alice().toBuilder().attribute("department", "sales").build(), expense(), Map.of(),
				"read"));
		this.caching.check(request("a", alice().toBuilder().roles("employee", "manager").build(), expense(), Map.of(),
				"read"));
		this.caching.check(request("a", alice(), Resource.builder("expense", "1").attribute("amount", 11).build(),
				Map.of(), "read"));
		this.caching.check(request("a", alice(), Resource.of("expense", "2"), Map.of(), "read"));
		this.caching.check(request("a", alice(), expense(), Map.of(), "approve"));
		this.caching.check(request("a", alice(), expense(), Map.of("jwt", Map.of("sub", "x")), "read"));
		this.caching.check(request("a", Principal.builder("alice").roles("employee")
			.attribute("department", "engineering")
			.actingFor(Principal.builder("bob").build())
			.build(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(8);
		assertThat(this.cache.hitCount()).isZero();
		this.caching.check(request("again", alice(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(8);
	}

	@Test
	void failuresAreNeverCached() {
		this.answer = (request) -> CheckResult.failed(request, "PDP down");
		this.caching.check(request("a", alice(), expense(), Map.of(), "read"));
		this.caching.check(request("a", alice(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(2);
		this.answer = (request) -> {
			throw new IllegalStateException("PDP down");
		};
		assertThatIllegalStateException().isThrownBy(() -> this.caching.check(request("a", alice(), expense(), Map.of(),
				"read")));
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void entriesExpire() {
		AtomicLong now = new AtomicLong();
		CachingEngine shortLived = new CachingEngine(this.engine,
				new DecisionCache(Duration.ofSeconds(5), 100, now::get));
		shortLived.check(request("a", alice(), expense(), Map.of(), "read"));
		now.addAndGet(Duration.ofSeconds(4).toNanos());
		shortLived.check(request("a", alice(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(1);
		now.addAndGet(Duration.ofSeconds(2).toNanos());
		shortLived.check(request("a", alice(), expense(), Map.of(), "read"));
		assertThat(this.calls).hasValue(2);
	}

}
