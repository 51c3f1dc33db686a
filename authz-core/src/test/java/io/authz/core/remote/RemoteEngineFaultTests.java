package io.authz.core.remote;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckEvent;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.authzen.AuthZenOptions;
import io.authz.core.remote.cerbos.CerbosEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both remote engines against a local server that fails: HTTP 500, garbage, a wrong answer, slow headers, a slow
 * body, and no server at all. Every check denies within the timeout plus 50 ms with the failure as its reason and
 * is reported to listeners as an error; the circuit breaker then fails fast, and once the server answers properly
 * again checks are decided again.
 */
class RemoteEngineFaultTests {

	static final Duration TIMEOUT = Duration.ofMillis(250);

	static final long BOUND_MILLIS = TIMEOUT.toMillis() + 50;

	// One check in a run may exceed the bound by a garbage collection or compilation pause on a small machine; it
	// must still deny well before a second timeout would have passed.
	static final long PAUSE_MILLIS = TIMEOUT.toMillis() + 500;

	final List<CheckEvent> events = new CopyOnWriteArrayList<>();

	LocalPdp pdp;

	@BeforeEach
	void start() throws IOException {
		this.pdp = new LocalPdp();
	}

	@AfterEach
	void stop() {
		this.pdp.close();
	}

	static List<Arguments> faults() {
		List<Arguments> arguments = new java.util.ArrayList<>();
		for (String engine : List.of("cerbos", "authzen")) {
			for (LocalPdp.Mode mode : List.of(LocalPdp.Mode.ERROR, LocalPdp.Mode.GARBAGE, LocalPdp.Mode.WRONG_SHAPE,
					LocalPdp.Mode.SLOW, LocalPdp.Mode.SLOW_BODY)) {
				arguments.add(Arguments.of(engine, mode));
			}
		}
		return arguments;
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("faults")
	void failingPdpDeniesWithinTheTimeoutAndRecovers(String engineName, LocalPdp.Mode mode) {
		try (AutoCloseable engine = (AutoCloseable) engine(engineName, this.pdp.url())) {
			Authorizer authorizer = new Authorizer((AuthorizationEngine) engine, List.of(this.events::add));
			warmUp(engineName, authorizer);
			this.pdp.mode = mode;
			assertDenied(authorizer, engineName + " " + mode);
			this.pdp.mode = LocalPdp.Mode.HEALTHY;
			assertRecovers(authorizer);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("engines")
	void noServerDeniesAtOnce(String engineName) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		AuthorizationEngine engine = engine(engineName, "http://127.0.0.1:" + port);
		Authorizer authorizer = new Authorizer(engine, List.of(this.events::add));
		assertDenied(authorizer, engineName + " no server");
		assertThat(this.events).allSatisfy((event) -> assertThat(((RemotePdpException) event.error()).getKind())
			.isIn(RemotePdpException.Kind.CONNECTION, RemotePdpException.Kind.UNAVAILABLE));
		((AutoCloseable) engine).close();
	}

	static List<String> engines() {
		return List.of("cerbos", "authzen");
	}

	// The first checks of a cold JVM can take longer than the timeout: warm up with a throwaway engine so that
	// the circuit breaker of the engine under test starts clean
	private void warmUp(String engineName, Authorizer authorizer) throws Exception {
		try (AutoCloseable warm = (AutoCloseable) engine(engineName, this.pdp.url())) {
			Authorizer warmAuthorizer = new Authorizer((AuthorizationEngine) warm);
			assertRecovers(warmAuthorizer);
			for (int i = 0; i < 20; i++) {
				warmAuthorizer.check(request());
			}
		}
		boolean allowed = false;
		for (int attempt = 0; attempt < 3 && !allowed; attempt++) {
			allowed = authorizer.check(request()).isAllAllowed();
		}
		assertThat(allowed).as("a check after the warm-up is allowed").isTrue();
		this.events.clear();
	}

	private void assertDenied(Authorizer authorizer, String fault) {
		long slowest = 0;
		int overBound = 0;
		for (int i = 0; i < 8; i++) {
			long start = System.nanoTime();
			CheckResult result = authorizer.check(request());
			long millis = (System.nanoTime() - start) / 1_000_000;
			slowest = Math.max(slowest, millis);
			for (String action : List.of("read", "approve")) {
				Decision decision = result.results().get(0).decision(action);
				assertThat(decision.isAllowed()).as(fault).isFalse();
				assertThat(decision.failure()).as(fault).startsWith(RemotePdpException.class.getSimpleName());
			}
			assertThat(millis).as(fault + ", check " + i).isLessThanOrEqualTo(PAUSE_MILLIS);
			if (millis > BOUND_MILLIS) {
				overBound++;
			}
		}
		System.out.printf("%s: 8 checks denied, slowest %d ms (timeout %d ms)%n", fault, slowest, TIMEOUT.toMillis());
		assertThat(overBound).as(fault + ": checks slower than the timeout plus 50 ms").isLessThanOrEqualTo(1);
		assertThat(this.events).hasSize(8).allSatisfy((event) -> {
			assertThat(event.isFailure()).isTrue();
			assertThat(event.error()).isInstanceOf(RemotePdpException.class);
		});
		assertThat(this.events).last()
			.satisfies((event) -> assertThat(((RemotePdpException) event.error()).getKind())
				.isEqualTo(RemotePdpException.Kind.UNAVAILABLE));
	}

	private static void assertRecovers(Authorizer authorizer) {
		long start = System.nanoTime();
		boolean allowed = false;
		while (!allowed && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
			allowed = authorizer.check(request()).isAllAllowed();
			if (!allowed) {
				sleep(25);
			}
		}
		assertThat(allowed).as("decides again once the PDP answers").isTrue();
	}

	static AuthorizationEngine engine(String name, String url) {
		RemoteEngineOptions options = RemoteEngineOptions.of(url)
			.withTimeout(TIMEOUT)
			.withCircuitBreaker(new RemoteEngineOptions.CircuitBreaker(50, 10, 4, Duration.ofMillis(200)));
		Function<RemoteEngineOptions, AuthorizationEngine> factory = name.equals("cerbos") ? CerbosEngine::new
				: (o) -> new AuthZenEngine(o, AuthZenOptions.DEFAULT);
		return factory.apply(options);
	}

	static CheckRequest request() {
		Principal alice = Principal.builder("alice").roles("employee").build();
		return new CheckRequest("r-1", alice, List.of(ResourceCheck.of(Resource.of("expense", "1"), "read", "approve")),
				Map.of());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
