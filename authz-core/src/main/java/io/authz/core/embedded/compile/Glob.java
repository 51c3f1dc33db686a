package io.authz.core.embedded.compile;

import java.util.regex.Pattern;

/**
 * Action and role patterns as Cerbos matches them: a lone {@code *} matches everything; otherwise {@code *} matches
 * within one {@code :}-separated segment, {@code **} across segments, {@code ?} one character, {@code [..]} a
 * class and {@code {a,b}} alternatives. Patterns without wildcards compare literally.
 */
final class Glob {

	private final String pattern;

	private final Pattern regex;

	private Glob(String pattern, Pattern regex) {
		this.pattern = pattern;
		this.regex = regex;
	}

	static boolean isPattern(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '*' || c == '?' || c == '[' || c == '{') {
				return true;
			}
		}
		return false;
	}

	static Glob compile(String pattern) {
		if (pattern.equals("*") || pattern.equals("**")) {
			return new Glob(pattern, null);
		}
		return new Glob(pattern, Pattern.compile(toRegex(pattern)));
	}

	boolean matches(String value) {
		return this.regex == null || this.regex.matcher(value).matches();
	}

	String pattern() {
		return this.pattern;
	}

	private static String toRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		int alternatives = 0;
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> {
					if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
						regex.append(".*");
						i++;
					}
					else {
						regex.append("[^:]*");
					}
				}
				case '?' -> regex.append("[^:]");
				case '[' -> {
					int end = glob.indexOf(']', i + 1);
					if (end < 0) {
						regex.append("\\[");
					}
					else {
						String body = glob.substring(i + 1, end);
						if (body.startsWith("!")) {
							body = "^" + body.substring(1);
						}
						regex.append('[').append(body.replace("\\", "\\\\")).append(']');
						i = end;
					}
				}
				case '{' -> {
					regex.append("(?:");
					alternatives++;
				}
				case '}' -> {
					if (alternatives > 0) {
						regex.append(')');
						alternatives--;
					}
					else {
						regex.append("\\}");
					}
				}
				case ',' -> regex.append((alternatives > 0) ? "|" : ",");
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

	@Override
	public String toString() {
		return this.pattern;
	}

}
