package io.authz.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.authz.core.policy.PolicyDirectory;
import io.authz.core.policy.PolicyFile;

/** Finds the policy directories benchmarks run on, relative to the project root. */
final class PolicyDirectories {

	private PolicyDirectories() {
	}

	static Path projectRoot() {
		for (Path candidate = Path.of("").toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
			if (Files.isDirectory(candidate.resolve("authz-core")) && Files.isDirectory(candidate.resolve("policies"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("run the benchmarks from the project root");
	}

	/** The project's own policies. */
	static Path projectPolicies() {
		return projectRoot().resolve("policies");
	}

	/** Cerbos' conformance policy store, beside the project in ../shared. */
	static Path cerbosStore() {
		Path store = projectRoot().resolveSibling("shared").resolve("conformance/cerbos/testdata/store");
		if (!Files.isDirectory(store)) {
			throw new IllegalStateException("Cerbos test store not found at " + store);
		}
		return store;
	}

	static List<PolicyFile> read(Path root) {
		return PolicyDirectory.read(root);
	}

}
