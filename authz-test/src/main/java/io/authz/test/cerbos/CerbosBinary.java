package io.authz.test.cerbos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the Cerbos PDP binary that {@link CerbosContainer} packs into its image: the file named by the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, else the one {@code .ci/run} installs under {@value #CI_TOOLS_PATH} in
 * the project root (searched from the working directory upwards).
 */
public final class CerbosBinary {

	/** Environment variable naming the Cerbos binary. */
	public static final String ENVIRONMENT_VARIABLE = "AUTHZ_CERBOS_BINARY";

	/** Where {@code .ci/run} installs the binary from npm, relative to the project root. */
	public static final String CI_TOOLS_PATH = ".ci/tools/cerbos/node_modules/@cerbos/cerbos-linux-x64/cerbos-linux-x64";

	private CerbosBinary() {
	}

	/**
	 * The Cerbos binary.
	 * @return its path
	 * @throws IllegalStateException when there is none, saying where it was looked for
	 */
	public static Path locate() {
		Path binary = find();
		if (binary == null) {
			throw new IllegalStateException(describeMissing());
		}
		return binary;
	}

	/**
	 * The Cerbos binary, if there is one.
	 * @return its path, or {@code null}
	 * @throws IllegalStateException when {@value #ENVIRONMENT_VARIABLE} names a file that is not there
	 */
	public static Path find() {
		String configured = System.getenv(ENVIRONMENT_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			Path path = Paths.get(configured.strip());
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException(ENVIRONMENT_VARIABLE + "=" + configured + " is not a file");
			}
			return path.toAbsolutePath();
		}
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(CI_TOOLS_PATH);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	static String describeMissing() {
		return "No Cerbos binary: set " + ENVIRONMENT_VARIABLE + " to the cerbos executable, or run .ci/run, which "
				+ "installs it under " + CI_TOOLS_PATH;
	}

}
