package io.authz.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application pointed at a Cerbos PDP that is not there: protected requests are denied with 403 within the
 * timeout, never a 500, and lists come back empty.
 */
@TestPropertySource(properties = { "authz.engine=cerbos", "authz.remote.timeout=250ms",
		"spring.datasource.url=jdbc:h2:mem:expenses-pdp-down;DB_CLOSE_DELAY=-1" })
class RemotePdpDownTests extends AbstractApiTests {

	@DynamicPropertySource
	static void deadPdp(DynamicPropertyRegistry registry) {
		registry.add("authz.remote.url", () -> "http://127.0.0.1:" + freePort());
	}

	@Test
	void protectedRequestsAreDeniedNotFailed() {
		String bot = financeBotToken();
		// One untimed round: the first requests of a fresh application are slow for reasons of their own
		deniedRound(bot);
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			deniedRound(bot);
			long millis = (System.nanoTime() - start) / 1_000_000;
			// Three requests, each waiting at most the 250 ms timeout for the PDP (engine-level tests hold the
			// decision itself to the timeout plus 50 ms; this leaves room for the HTTP round trips)
			assertThat(millis).isLessThan(3 * (250 + 250));
		}
	}

	private void deniedRound(String bot) {
		assertDenied(get("/api/expenses/1", user("alice")), "read");
		assertDenied(post("/api/expenses/7/approve", user("bob")), "approve");
		assertDenied(post("/api/expenses/4/pay", bearer(bot)), "pay");
	}

	@Test
	void listsAreEmpty() {
		List<Map<String, Object>> expenses = list(user("alice"));
		assertThat(expenses).isEmpty();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
