package io.authz.core.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates Cerbos' conformance test data, which lives beside the project in {@code ../shared} and is never copied
 * into it. Without it the suites skip with a message, except under {@code CI=true} where they must run.
 */
public final class SharedTestData {

	private SharedTestData() {
	}

	/** The {@code conformance/cerbos/testdata} folder; skips (or fails on CI) when it is not there. */
	public static Path cerbosTestData() {
		Path folder = projectRoot().resolveSibling("shared").resolve("conformance/cerbos/testdata");
		if (!Files.isDirectory(folder)) {
			String message = "Cerbos conformance data not found at " + folder
					+ " (it sits beside the project as ../shared); skipping";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message.replace("; skipping", "; it is required when CI=true"));
			}
			Assumptions.abort(message);
		}
		return folder;
	}

	/** The reactor root: the nearest folder upwards holding a {@code pom.xml} with modules. */
	public static Path projectRoot() {
		Path current = Path.of("").toAbsolutePath();
		Path root = null;
		for (Path candidate = current; candidate != null; candidate = candidate.getParent()) {
			Path pom = candidate.resolve("pom.xml");
			if (Files.isRegularFile(pom) && Files.isDirectory(candidate.resolve("authz-core"))) {
				root = candidate;
				break;
			}
		}
		return (root != null) ? root : current;
	}

}
