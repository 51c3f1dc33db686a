package io.authz.core.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.authz.core.engine.EngineHealth;
import io.authz.core.remote.authzen.AuthZenEngine;
import io.authz.core.remote.cerbos.CerbosEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Remote engines report whether their PDP answers, for the health contributor. */
class RemoteEngineHealthTests {

	@Test
	void cerbosEngineIsAvailableWhileItsPdpAnswersAndUnavailableOnceItStops() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/_cerbos/health", (exchange) -> {
			byte[] body = "{\"status\":\"SERVING\"}".getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String url = "http://127.0.0.1:" + server.getAddress().getPort();
		try (CerbosEngine engine = new CerbosEngine(RemoteEngineOptions.of(url).withTimeout(Duration.ofMillis(500)))) {
			EngineHealth.Report up = engine.health();
			assertThat(up.available()).isTrue();
			assertThat(up.details()).containsEntry("status", 200).containsEntry("url", url);
			server.stop(0);
			EngineHealth.Report down = engine.health();
			assertThat(down.available()).isFalse();
			assertThat(down.details()).containsKey("reason");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void authzenEngineReportsAnErrorStatusAsUnavailable() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.start();
		try (AuthZenEngine engine = new AuthZenEngine(
				RemoteEngineOptions.of("http://127.0.0.1:" + server.getAddress().getPort())
					.withTimeout(Duration.ofMillis(500)),
				io.authz.core.remote.authzen.AuthZenOptions.DEFAULT)) {
			EngineHealth.Report report = engine.health();
			assertThat(report.available()).isFalse();
			assertThat(report.details()).containsEntry("status", 503);
		}
		finally {
			server.stop(0);
		}
	}

}
