package io.authz.core.cel.functions;

/**
 * Go's {@code path/filepath} functions as they behave on Unix ({@code /} separated), which Cerbos' path functions
 * are built on.
 */
final class GoPath {

	private GoPath() {
	}

	/** {@code filepath.Clean}: the shortest equivalent path, lexically. */
	static String clean(String path) {
		if (path.isEmpty()) {
			return ".";
		}
		boolean rooted = path.charAt(0) == '/';
		int n = path.length();
		StringBuilder out = new StringBuilder(n);
		int r = 0;
		int dotdot = 0;
		if (rooted) {
			out.append('/');
			r = 1;
			dotdot = 1;
		}
		while (r < n) {
			if (path.charAt(r) == '/') {
				r++;
			}
			else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
				r++;
			}
			else if (path.charAt(r) == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
				r += 2;
				if (out.length() > dotdot) {
					int w = out.length() - 1;
					while (w > dotdot && out.charAt(w) != '/') {
						w--;
					}
					out.setLength(w);
				}
				else if (!rooted) {
					if (out.length() > 0) {
						out.append('/');
					}
					out.append("..");
					dotdot = out.length();
				}
			}
			else {
				if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
					out.append('/');
				}
				for (; r < n && path.charAt(r) != '/'; r++) {
					out.append(path.charAt(r));
				}
			}
		}
		return (out.length() == 0) ? "." : out.toString();
	}

	/** {@code filepath.Base}: the last element, trailing slashes removed. */
	static String base(String path) {
		if (path.isEmpty()) {
			return ".";
		}
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		String trimmed = path.substring(0, end);
		int slash = trimmed.lastIndexOf('/');
		if (slash >= 0) {
			trimmed = trimmed.substring(slash + 1);
		}
		return trimmed.isEmpty() ? "/" : trimmed;
	}

	/** {@code filepath.Dir}: all but the last element, cleaned. */
	static String dir(String path) {
		int i = path.length() - 1;
		while (i >= 0 && path.charAt(i) != '/') {
			i--;
		}
		return clean(path.substring(0, i + 1));
	}

	/** {@code filepath.Ext}: the suffix from the last dot of the last element, or empty. */
	static String ext(String path) {
		for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
			if (path.charAt(i) == '.') {
				return path.substring(i);
			}
		}
		return "";
	}

	/** {@code filepath.Join}: the non-empty elements joined with slashes and cleaned; empty if all are empty. */
	static String join(String... elements) {
		StringBuilder joined = new StringBuilder();
		for (String element : elements) {
			if (element.isEmpty()) {
				continue;
			}
			if (joined.length() > 0) {
				joined.append('/');
			}
			joined.append(element);
		}
		return (joined.length() == 0) ? "" : clean(joined.toString());
	}

	/**
	 * {@code filepath.Rel}: a path to {@code target} relative to {@code base}.
	 * @throws IllegalArgumentException if one is absolute and the other not, or {@code base} climbs out with
	 * {@code ..} where {@code target} does not
	 */
	static String rel(String basePath, String targetPath) {
		String base = clean(basePath);
		String target = clean(targetPath);
		if (target.equals(base)) {
			return ".";
		}
		if (base.equals(".")) {
			base = "";
		}
		boolean baseSlashed = !base.isEmpty() && base.charAt(0) == '/';
		boolean targetSlashed = !target.isEmpty() && target.charAt(0) == '/';
		if (baseSlashed != targetSlashed) {
			throw new IllegalArgumentException("Rel: can't make " + targetPath + " relative to " + basePath);
		}
		int bl = base.length();
		int tl = target.length();
		int b0 = 0;
		int bi = 0;
		int t0 = 0;
		int ti = 0;
		while (true) {
			while (bi < bl && base.charAt(bi) != '/') {
				bi++;
			}
			while (ti < tl && target.charAt(ti) != '/') {
				ti++;
			}
			if (!target.substring(t0, ti).equals(base.substring(b0, bi))) {
				break;
			}
			if (bi < bl) {
				bi++;
			}
			if (ti < tl) {
				ti++;
			}
			b0 = bi;
			t0 = ti;
		}
		if (base.substring(b0, bi).equals("..")) {
			throw new IllegalArgumentException("Rel: can't make " + targetPath + " relative to " + basePath);
		}
		if (b0 != bl) {
			String rest = base.substring(b0, bl);
			long separators = rest.chars().filter((c) -> c == '/').count();
			StringBuilder relative = new StringBuilder("..");
			for (long i = 0; i < separators; i++) {
				relative.append("/..");
			}
			if (t0 != tl) {
				relative.append('/').append(target, t0, tl);
			}
			return relative.toString();
		}
		return target.substring(t0);
	}

	/**
	 * {@code filepath.Match}: whether {@code name} matches the shell pattern ({@code *}, {@code ?},
	 * {@code [range]}, {@code \} escapes); {@code *} and {@code ?} never match a slash.
	 * @throws IllegalArgumentException if the pattern is malformed
	 */
	static boolean match(String pattern, String name) {
		String p = pattern;
		String s = name;
		patterns: while (!p.isEmpty()) {
			Chunk chunk = scanChunk(p);
			p = chunk.rest;
			if (chunk.star && chunk.chunk.isEmpty()) {
				return s.indexOf('/') < 0;
			}
			String t = matchChunk(chunk.chunk, s);
			if (t != null && (t.isEmpty() || !p.isEmpty())) {
				s = t;
				continue;
			}
			if (chunk.star) {
				for (int i = 0; i < s.length() && s.charAt(i) != '/'; i++) {
					t = matchChunk(chunk.chunk, s.substring(i + 1));
					if (t != null) {
						if (p.isEmpty() && !t.isEmpty()) {
							continue;
						}
						s = t;
						continue patterns;
					}
				}
			}
			// Before failing, check that the rest of the pattern is well formed.
			while (!p.isEmpty()) {
				Chunk next = scanChunk(p);
				p = next.rest;
				matchChunk(next.chunk, "");
			}
			return false;
		}
		return s.isEmpty();
	}

	private record Chunk(boolean star, String chunk, String rest) {
	}

	private static Chunk scanChunk(String pattern) {
		boolean star = false;
		int start = 0;
		while (start < pattern.length() && pattern.charAt(start) == '*') {
			start++;
			star = true;
		}
		boolean inRange = false;
		int i = start;
		scan: for (; i < pattern.length(); i++) {
			switch (pattern.charAt(i)) {
				case '\\':
					if (i + 1 < pattern.length()) {
						i++;
					}
					break;
				case '[':
					inRange = true;
					break;
				case ']':
					inRange = false;
					break;
				case '*':
					if (!inRange) {
						break scan;
					}
					break;
				default:
					break;
			}
		}
		return new Chunk(star, pattern.substring(start, i), pattern.substring(i));
	}

	/**
	 * Matches one chunk at the start of {@code s}: the rest of {@code s}, or null if it does not match.
	 * @throws IllegalArgumentException if the chunk is malformed
	 */
	private static String matchChunk(String chunk, String s) {
		boolean failed = false;
		int c = 0;
		int i = 0;
		while (c < chunk.length()) {
			if (!failed && i == s.length()) {
				failed = true;
			}
			char next = chunk.charAt(c);
			if (next == '[') {
				int r = -1;
				if (!failed) {
					r = s.codePointAt(i);
					i += Character.charCount(r);
				}
				c++;
				boolean negated = false;
				if (c < chunk.length() && chunk.charAt(c) == '^') {
					negated = true;
					c++;
				}
				boolean matched = false;
				int ranges = 0;
				while (true) {
					if (c < chunk.length() && chunk.charAt(c) == ']' && ranges > 0) {
						c++;
						break;
					}
					int[] lo = escaped(chunk, c);
					c = lo[1];
					int hi = lo[0];
					if (chunk.charAt(c) == '-') {
						int[] upper = escaped(chunk, c + 1);
						c = upper[1];
						hi = upper[0];
					}
					if (lo[0] <= r && r <= hi) {
						matched = true;
					}
					ranges++;
				}
				if (matched == negated) {
					failed = true;
				}
			}
			else if (next == '?') {
				if (!failed) {
					if (s.charAt(i) == '/') {
						failed = true;
					}
					i += Character.charCount(s.codePointAt(i));
				}
				c++;
			}
			else {
				if (next == '\\') {
					c++;
					if (c == chunk.length()) {
						throw new IllegalArgumentException("syntax error in pattern");
					}
				}
				if (!failed) {
					if (chunk.charAt(c) != s.charAt(i)) {
						failed = true;
					}
					i++;
				}
				c++;
			}
		}
		return failed ? null : s.substring(i);
	}

	/** Go's {@code getEsc}: one range bound and the index after it. */
	private static int[] escaped(String chunk, int index) {
		int c = index;
		if (c >= chunk.length() || chunk.charAt(c) == '-' || chunk.charAt(c) == ']') {
			throw new IllegalArgumentException("syntax error in pattern");
		}
		if (chunk.charAt(c) == '\\') {
			c++;
			if (c == chunk.length()) {
				throw new IllegalArgumentException("syntax error in pattern");
			}
		}
		int r = chunk.codePointAt(c);
		c += Character.charCount(r);
		if (c == chunk.length()) {
			throw new IllegalArgumentException("syntax error in pattern");
		}
		return new int[] { r, c };
	}

}
