package io.authz.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.authz.core.policy.PolicyFile;

/** Reads policy folders from test resources. */
final class PolicyFixtures {

	private PolicyFixtures() {
	}

	static List<PolicyFile> folder(String resource) {
		try {
			Path root = Path.of(PolicyFixtures.class.getClassLoader().getResource(resource).toURI());
			return folder(root);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<PolicyFile> folder(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> new PolicyFile(root.relativize(path).toString().replace('\\', '/'), read(path)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
