package io.authz.core.embedded;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import io.authz.core.policy.PolicyDirectory;
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
		return PolicyDirectory.read(root);
	}

}
