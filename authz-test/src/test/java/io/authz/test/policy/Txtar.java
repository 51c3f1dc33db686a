package io.authz.test.policy;

import java.util.ArrayList;
import java.util.List;

import io.authz.core.policy.PolicyFile;

/** Reads txtar archives: a comment, then files each introduced by a {@code -- path --} line. */
final class Txtar {

	private Txtar() {
	}

	static List<PolicyFile> files(String archive) {
		List<PolicyFile> files = new ArrayList<>();
		String current = null;
		StringBuilder content = new StringBuilder();
		for (String line : archive.split("\n", -1)) {
			if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
				if (current != null) {
					files.add(new PolicyFile(current, content.toString()));
				}
				current = line.substring(3, line.length() - 3).trim();
				content.setLength(0);
			}
			else if (current != null) {
				content.append(line).append('\n');
			}
		}
		if (current != null) {
			files.add(new PolicyFile(current, content.toString()));
		}
		return files;
	}

}
