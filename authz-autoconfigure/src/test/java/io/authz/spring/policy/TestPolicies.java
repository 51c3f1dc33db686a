package io.authz.spring.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Policy files written to a directory, for reload tests.
 */
final class TestPolicies {

	private TestPolicies() {
	}

	/** A document policy: users may do the given actions. */
	static String documentPolicy(String... actions) {
		return """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: document
				  rules:
				    - name: user-actions
				      actions: [%s]
				      effect: EFFECT_ALLOW
				      roles: ["user"]
				""".formatted(String.join(", ", Arrays.stream(actions).map((a) -> '"' + a + '"').toList()));
	}

	/** A document policy whose condition does not compile (line 10). */
	static String brokenDocumentPolicy() {
		return """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  version: default
				  resource: document
				  rules:
				    - actions: ["read"]
				      effect: EFFECT_ALLOW
				      roles: ["user"]
				      condition:
				        match:
				          expr: request.resource.attr.owner ==
				""";
	}

	static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			// Written to a sibling and moved into place, as editors and deployment tools do, so that a reader
			// never sees half a file.
			Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
