package io.authz.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a policy directory from the file system: every regular file below it, with its path relative to the
 * directory. Which files are policies is the compiler's business ({@link PolicyParser#isPolicyPath(String)}), so
 * schemas under {@code _schemas/} travel along.
 */
public final class PolicyDirectory {

	private PolicyDirectory() {
	}

	/**
	 * Reads every file below {@code root}, in path order.
	 * @throws UncheckedIOException when the directory cannot be read
	 */
	public static List<PolicyFile> read(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.sorted()
				.map((path) -> new PolicyFile(root.relativize(path).toString().replace('\\', '/'), content(path)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read policy directory " + root, ex);
		}
	}

	private static String content(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read policy file " + path, ex);
		}
	}

}
