package io.authz.test.cerbos;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.DockerClient;
import io.authz.core.check.Authorizer;
import io.authz.core.check.CheckEvent;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Principal;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.RemotePdpException;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.authzen.AuthZenOptions;
import io.authz.core.remote.cerbos.CerbosEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Cerbos PDP failing under both remote engines: stopped (connections refused) and paused (connections
 * accepted, never answered). Each check then denies within the timeout plus 50 ms, is reported to the check
 * listeners as an error, and checks are decided again once the PDP is back, with no restart of the client.
 */
@RequiresCerbos
class CerbosFaultTests {

	static final Duration TIMEOUT = Duration.ofMillis(250);

	static final long BOUND_MILLIS = TIMEOUT.toMillis() + 50;

	// One check per engine may exceed the bound by a garbage collection or compilation pause on a small machine;
	// it must still deny well before a second timeout would have passed.
	static final long PAUSE_MILLIS = TIMEOUT.toMillis() + 500;

	static CerbosContainer cerbos;

	static DockerClient docker;

	final List<CheckEvent> events = new CopyOnWriteArrayList<>();

	CerbosEngine cerbosEngine;

	AuthZenEngine authZenEngine;

	@BeforeAll
	static void start() throws IOException {
		// A fixed host port: a restarted container must be where the engines look for it
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		cerbos = new CerbosContainer().withPolicies(Path.of("../policies"));
		cerbos.setPortBindings(List.of(port + ":" + CerbosContainer.HTTP_PORT));
		cerbos.start();
		docker = DockerClientFactory.instance().client();
	}

	@AfterAll
	static void stop() {
		if (cerbos != null) {
			cerbos.stop();
		}
	}

	@BeforeEach
	void engines() {
		RemoteEngineOptions options = RemoteEngineOptions.of(cerbos.getHttpUrl())
			.withTimeout(TIMEOUT)
			.withCircuitBreaker(new RemoteEngineOptions.CircuitBreaker(50, 10, 4, Duration.ofMillis(500)));
		this.cerbosEngine = new CerbosEngine(options);
		this.authZenEngine = new AuthZenEngine(options, AuthZenOptions.DEFAULT);
		// Warm up connections and the JIT while the PDP is healthy (the first calls of a JVM are slow)
		for (AuthorizationEngine engine : List.of(this.cerbosEngine, this.authZenEngine)) {
			awaitAllowed(new Authorizer(engine), Duration.ofSeconds(20));
			for (int i = 0; i < 50; i++) {
				engine.check(request());
			}
		}
		// Slow first calls may have counted as failures: start the test with closed circuits
		this.cerbosEngine.client().circuitBreaker().reset();
		this.authZenEngine.client().circuitBreaker().reset();
		assertAllowed(this.cerbosEngine);
		assertAllowed(this.authZenEngine);
		this.events.clear();
	}

	@AfterEach
	void close() {
		this.cerbosEngine.close();
		this.authZenEngine.close();
	}

	@Test
	void pausedPdpDeniesWithinTheTimeoutAndRecovers() {
		docker.pauseContainerCmd(cerbos.getContainerId()).exec();
		try {
			assertDeniedWhileDown("paused");
		}
		finally {
			docker.unpauseContainerCmd(cerbos.getContainerId()).exec();
		}
		assertRecovers("paused");
	}

	@Test
	void stoppedPdpDeniesWithinTheTimeoutAndRecovers() {
		docker.stopContainerCmd(cerbos.getContainerId()).withTimeout(2).exec();
		try {
			assertDeniedWhileDown("stopped");
		}
		finally {
			docker.startContainerCmd(cerbos.getContainerId()).exec();
		}
		Wait.forHttp("/_cerbos/health").forPort(CerbosContainer.HTTP_PORT).waitUntilReady(cerbos);
		assertRecovers("stopped");
	}

	private void assertDeniedWhileDown(String fault) {
		for (AuthorizationEngine engine : List.of(this.cerbosEngine, this.authZenEngine)) {
			Authorizer authorizer = new Authorizer(engine, List.of(this.events::add));
			long slowest = 0;
			long total = 0;
			int overBound = 0;
			int checks = 8;
			for (int i = 0; i < checks; i++) {
				long start = System.nanoTime();
				CheckResult result = authorizer.check(request());
				long millis = (System.nanoTime() - start) / 1_000_000;
				slowest = Math.max(slowest, millis);
				total += millis;
				Decision decision = result.results().get(0).decision("read");
				assertThat(decision.isAllowed()).isFalse();
				assertThat(decision.failure()).as(engine.name() + " " + fault).contains(RemotePdpException.class.getSimpleName());
				assertThat(millis).as(engine.name() + " " + fault + " check " + i).isLessThanOrEqualTo(PAUSE_MILLIS);
				if (millis > BOUND_MILLIS) {
					overBound++;
				}
			}
			assertThat(overBound).as(engine.name() + " " + fault + ": checks slower than the timeout plus 50 ms")
				.isLessThanOrEqualTo(1);
			System.out.printf("%s PDP %s: %d checks denied, slowest %d ms, mean %d ms (timeout %d ms)%n", engine.name(),
					fault, checks, slowest, total / checks, TIMEOUT.toMillis());
		}
		assertThat(this.events).hasSize(16).allSatisfy((event) -> {
			assertThat(event.isFailure()).isTrue();
			assertThat(event.error()).isInstanceOf(RemotePdpException.class);
		});
		// The circuit breaker opened: later checks were denied without calling the PDP
		assertThat(this.events).anySatisfy((event) -> assertThat(((RemotePdpException) event.error()).getKind())
			.isEqualTo(RemotePdpException.Kind.UNAVAILABLE));
	}

	private void assertRecovers(String fault) {
		for (AuthorizationEngine engine : List.of(this.cerbosEngine, this.authZenEngine)) {
			long start = System.nanoTime();
			boolean allowed = awaitAllowed(new Authorizer(engine, List.of(this.events::add)), Duration.ofSeconds(20));
			assertThat(allowed).as(engine.name() + " decides again after the PDP was " + fault).isTrue();
			System.out.printf("%s PDP back after being %s: allowed again after %d ms%n", engine.name(), fault,
					(System.nanoTime() - start) / 1_000_000);
			for (int i = 0; i < 5; i++) {
				assertAllowed(engine);
			}
		}
	}

	private static boolean awaitAllowed(Authorizer authorizer, Duration limit) {
		long start = System.nanoTime();
		boolean allowed = false;
		while (!allowed && System.nanoTime() - start < limit.toNanos()) {
			allowed = authorizer.check(request()).isAllAllowed();
			if (!allowed) {
				sleep(50);
			}
		}
		return allowed;
	}

	private static void assertAllowed(AuthorizationEngine engine) {
		assertThat(engine.check(request()).isAllAllowed()).as(engine.name()).isTrue();
	}

	private static CheckRequest request() {
		Principal alice = Principal.builder("alice").roles("employee").build();
		return new CheckRequest("fault", alice, List.of(io.authz.core.model.ResourceCheck.of(
				CerbosEngineTests.expense("1", "alice", "engineering", 10, "DRAFT"), "read")), Map.of());
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
