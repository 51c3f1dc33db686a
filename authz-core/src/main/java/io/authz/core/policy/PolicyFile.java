package io.authz.core.policy;

import java.util.Objects;

/**
 * The text of one policy file.
 *
 * @param path the file's path relative to the policy root ({@code expense.yaml}, {@code hr/leave.yaml}), used in
 * error messages and to skip hidden files and {@code testdata/} folders
 * @param content the file's text
 */
public record PolicyFile(String path, String content) {

	public PolicyFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(content, "content");
	}

}
