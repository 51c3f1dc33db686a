package io.authz.core.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on 127.0.0.1 that plays a PDP: it answers well-formed Cerbos and AuthZEN answers that allow
 * everything, or fails in the way its {@link Mode} says. It records the requests it gets.
 */
final class LocalPdp implements AutoCloseable {

	static final JsonMapper mapper = JsonMapper.builder().build();

	final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	volatile Mode mode = Mode.HEALTHY;

	volatile String metadata;

	LocalPdp() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("X-Request-ID"),
				exchange.getRequestHeaders().getFirst("Authorization"),
				(body.length > 0) ? mapper.readTree(body) : null));
		try (exchange) {
			if (path.startsWith("/.well-known/authzen-configuration")) {
				if (this.metadata == null) {
					send(exchange, 404, "{}");
				}
				else {
					send(exchange, 200, this.metadata);
				}
				return;
			}
			switch (this.mode) {
				case HEALTHY -> send(exchange, 200, answer(path, mapper.readTree(body)));
				case ERROR -> send(exchange, 500, "{\"code\":13,\"message\":\"internal error\"}");
				case GARBAGE -> send(exchange, 200, "<html>Service Unavailable</html>");
				case WRONG_SHAPE -> send(exchange, 200, "{\"results\":[],\"evaluations\":[{\"decision\":\"yes\"}]}");
				case SLOW -> {
					sleep(2000);
					send(exchange, 200, answer(path, mapper.readTree(body)));
				}
				case SLOW_BODY -> {
					byte[] answer = answer(path, mapper.readTree(body)).getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, answer.length);
					OutputStream out = exchange.getResponseBody();
					for (byte b : answer) {
						out.write(b);
						out.flush();
						sleep(20);
					}
				}
			}
		}
		catch (IOException ex) {
			// the client gave up, as it should
		}
	}

	private static String answer(String path, JsonNode request) {
		Map<String, Object> answer = new LinkedHashMap<>();
		if (path.endsWith("/evaluation")) {
			answer.put("decision", true);
		}
		else if (path.endsWith("/evaluations")) {
			List<Object> evaluations = new ArrayList<>();
			request.path("evaluations").forEach((evaluation) -> evaluations.add(Map.of("decision", true)));
			answer.put("evaluations", evaluations);
		}
		else {
			List<Object> results = new ArrayList<>();
			for (JsonNode entry : request.path("resources")) {
				Map<String, Object> actions = new LinkedHashMap<>();
				entry.path("actions").forEach((action) -> actions.put(action.asString(), "EFFECT_ALLOW"));
				results.add(Map.of("resource", Map.of("id", entry.path("resource").path("id").asString(), "kind",
						entry.path("resource").path("kind").asString()), "actions", actions));
			}
			answer.put("requestId", request.path("requestId").asString(""));
			answer.put("results", results);
		}
		return mapper.writeValueAsString(answer);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	enum Mode {

		HEALTHY, ERROR, GARBAGE, WRONG_SHAPE, SLOW, SLOW_BODY

	}

	record Recorded(String method, String path, String requestId, String authorization, JsonNode body) {

	}

}
