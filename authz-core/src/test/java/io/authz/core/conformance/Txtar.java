package io.authz.core.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads txtar archives: a comment, then files each introduced by a {@code -- path --} line. */
final class Txtar {

	private Txtar() {
	}

	static Map<String, String> files(String archive) {
		Map<String, String> files = new LinkedHashMap<>();
		String current = null;
		StringBuilder content = new StringBuilder();
		for (String line : archive.split("\n", -1)) {
			if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
				if (current != null) {
					files.put(current, content.toString());
				}
				current = line.substring(3, line.length() - 3).trim();
				content.setLength(0);
			}
			else if (current != null) {
				content.append(line).append('\n');
			}
		}
		if (current != null) {
			files.put(current, content.toString());
		}
		return files;
	}

}
