package io.authz.test.cerbos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The Cerbos image, built {@code FROM scratch} from the static Cerbos binary and a server configuration. Tagged
 * with a digest of both, and kept, so that later containers and later runs reuse it instead of building again.
 */
final class CerbosImage {

	static final String CONFIG_PATH = "/config.yaml";

	static final String POLICY_DIR = "/policies";

	// Disk store below POLICY_DIR, telemetry off (no network here), HTTP on 3592 and gRPC on 3593.
	private static final String CONFIG = """
			server:
			  httpListenAddr: ":3592"
			  grpcListenAddr: ":3593"
			storage:
			  driver: disk
			  disk:
			    directory: /policies
			    watchForChanges: false
			telemetry:
			  disabled: true
			""";

	private static final Map<String, String> tags = new ConcurrentHashMap<>();

	private CerbosImage() {
	}

	/** The image's name, building the image first when Docker does not have it yet. */
	static String resolve(Path binary) {
		String tag = tags.computeIfAbsent(key(binary), (key) -> "authz-cerbos:" + digest(binary));
		if (!exists(tag)) {
			new ImageFromDockerfile(tag, false).withFileFromPath("cerbos", binary)
				.withFileFromString("config.yaml", CONFIG)
				.withFileFromString("policies/.keep", "")
				.withDockerfileFromBuilder((dockerfile) -> dockerfile.from("scratch")
					.copy("cerbos", "/cerbos")
					.copy("config.yaml", CONFIG_PATH)
					.copy("policies", POLICY_DIR)
					.expose(CerbosContainer.HTTP_PORT, CerbosContainer.GRPC_PORT)
					.entryPoint("/cerbos", "server", "--config=" + CONFIG_PATH)
					.build())
				.get();
		}
		return tag;
	}

	private static boolean exists(String tag) {
		try {
			DockerClientFactory.instance().client().inspectImageCmd(tag).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private static String key(Path binary) {
		try {
			return binary.toAbsolutePath() + ":" + Files.size(binary) + ":" + Files.getLastModifiedTime(binary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String digest(Path binary) {
		try (InputStream input = Files.newInputStream(binary)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			digest.update(CONFIG.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
