package io.authz.core.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Cerbos PDP started as a local process on loopback, serving a policy directory from disk. The binary
 * comes from the Cerbos npm package that {@code .ci/run} installs.
 */
final class CerbosProcess implements AutoCloseable {

	private final Process process;

	private final int httpPort;

	private final Path log;

	private CerbosProcess(Process process, int httpPort, Path log) {
		this.process = process;
		this.httpPort = httpPort;
		this.log = log;
	}

	/** The binary: {@code AUTHZ_CERBOS_BINARY}, else the copy under {@code .ci/tools}; skips or fails without it. */
	static Path binary() {
		String configured = System.getenv("AUTHZ_CERBOS_BINARY");
		Path binary = (configured != null && !configured.isBlank()) ? Path.of(configured)
				: SharedTestData.projectRoot()
					.resolve(".ci/tools/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64");
		if (!Files.isExecutable(binary)) {
			String message = "Cerbos binary not found at " + binary
					+ " (run .ci/run, or set AUTHZ_CERBOS_BINARY); skipping";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message.replace("; skipping", "; it is required when CI=true"));
			}
			Assumptions.abort(message);
		}
		return binary;
	}

	static CerbosProcess start(Path policies, Map<String, String> globals) throws IOException, InterruptedException {
		int httpPort = freePort();
		int grpcPort = freePort();
		Path config = Files.createTempFile("cerbos", ".yaml");
		String globalsYaml = globals.entrySet()
			.stream()
			.map((entry) -> "    " + entry.getKey() + ": \"" + entry.getValue() + "\"")
			.collect(Collectors.joining("\n"));
		Files.writeString(config, """
				server:
				  httpListenAddr: "127.0.0.1:%d"
				  grpcListenAddr: "127.0.0.1:%d"
				  requestLimits:
				    maxActionsPerResource: 50
				    maxResourcesPerRequest: 50
				storage:
				  driver: disk
				  disk:
				    directory: "%s"
				engine:
				  globals:
				%s
				""".formatted(httpPort, grpcPort, policies.toAbsolutePath(), globalsYaml.isEmpty() ? "    {}" : globalsYaml));
		Path log = Files.createTempFile("cerbos", ".log");
		Process process = new ProcessBuilder(List.of(binary().toString(), "server", "--config=" + config,
				"--log-level=error"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		CerbosProcess cerbos = new CerbosProcess(process, httpPort, log);
		cerbos.awaitHealthy();
		return cerbos;
	}

	private void awaitHealthy() throws InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Cerbos exited with " + this.process.exitValue() + ": " + readLog());
			}
			try {
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/_cerbos/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("SERVING")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Cerbos did not become healthy within 30 s");
	}

	private String readLog() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
