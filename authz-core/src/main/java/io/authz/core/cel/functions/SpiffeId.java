package io.authz.core.cel.functions;

/**
 * A SPIFFE ID such as {@code spiffe://example.org/ns/prod/sa/api}, validated as go-spiffe's
 * {@code spiffeid.FromString} does: the value of {@code spiffeID(...)} in CEL expressions.
 *
 * @param trustDomain the trust domain
 * @param path the path, empty or starting with {@code /}
 */
public record SpiffeId(SpiffeTrustDomain trustDomain, String path) {

	static final String SCHEME = "spiffe://";

	/**
	 * Parses a SPIFFE ID: the {@code spiffe://} scheme, a trust domain of lower-case letters, digits, dots,
	 * dashes and underscores, and a path of non-empty segments of letters, digits, dots, dashes and underscores
	 * other than {@code .} and {@code ..}, without trailing slash.
	 * @throws IllegalArgumentException with go-spiffe's message if {@code text} is not a SPIFFE ID
	 */
	public static SpiffeId parse(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("cannot be empty");
		}
		if (!text.startsWith(SCHEME)) {
			throw new IllegalArgumentException("scheme is missing or invalid");
		}
		int pathIndex = SCHEME.length();
		for (; pathIndex < text.length(); pathIndex++) {
			char c = text.charAt(pathIndex);
			if (c == '/') {
				break;
			}
			if (!SpiffeTrustDomain.isValidChar(c)) {
				throw new IllegalArgumentException(SpiffeTrustDomain.BAD_CHARACTER);
			}
		}
		if (pathIndex == SCHEME.length()) {
			throw new IllegalArgumentException("trust domain is missing");
		}
		String path = text.substring(pathIndex);
		validatePath(path);
		return new SpiffeId(new SpiffeTrustDomain(text.substring(SCHEME.length(), pathIndex)), path);
	}

	private static void validatePath(String path) {
		if (path.isEmpty()) {
			return;
		}
		if (path.charAt(0) != '/') {
			throw new IllegalArgumentException("path must have a leading slash");
		}
		int segmentStart = 0;
		int segmentEnd = 0;
		for (; segmentEnd < path.length(); segmentEnd++) {
			char c = path.charAt(segmentEnd);
			if (c == '/') {
				checkSegment(path.substring(segmentStart, segmentEnd), "path cannot contain empty segments");
				segmentStart = segmentEnd;
				continue;
			}
			if (!isValidPathChar(c)) {
				throw new IllegalArgumentException(
						"path segment characters are limited to letters, numbers, dots, dashes, and underscores");
			}
		}
		checkSegment(path.substring(segmentStart, segmentEnd), "path cannot have a trailing slash");
	}

	private static void checkSegment(String segment, String emptyMessage) {
		switch (segment) {
			case "/" -> throw new IllegalArgumentException(emptyMessage);
			case "/.", "/.." -> throw new IllegalArgumentException("path cannot contain dot segments");
			default -> {
			}
		}
	}

	private static boolean isValidPathChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_';
	}

	/** Whether this ID belongs to {@code domain}. */
	public boolean isMemberOf(SpiffeTrustDomain domain) {
		return this.trustDomain.equals(domain);
	}

	@Override
	public String toString() {
		return SCHEME + this.trustDomain.name() + this.path;
	}

}
