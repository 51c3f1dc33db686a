package io.authz.core.cel.functions;

/**
 * A SPIFFE trust domain such as {@code example.org}: the value of {@code spiffeTrustDomain(...)} in CEL
 * expressions.
 *
 * @param name the trust domain name
 */
public record SpiffeTrustDomain(String name) {

	static final String BAD_CHARACTER = "trust domain characters are limited to lowercase letters, numbers, dots, "
			+ "dashes, and underscores";

	/**
	 * Parses a trust domain name, or a SPIFFE ID (anything containing {@code :/}) whose trust domain is taken, as
	 * go-spiffe's {@code spiffeid.TrustDomainFromString}.
	 * @throws IllegalArgumentException with go-spiffe's message if {@code text} is neither
	 */
	public static SpiffeTrustDomain parse(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("trust domain is missing");
		}
		if (text.contains(":/")) {
			return SpiffeId.parse(text).trustDomain();
		}
		for (int i = 0; i < text.length(); i++) {
			if (!isValidChar(text.charAt(i))) {
				throw new IllegalArgumentException(BAD_CHARACTER);
			}
		}
		return new SpiffeTrustDomain(text);
	}

	static boolean isValidChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
	}

	/** The trust domain's SPIFFE ID, {@code spiffe://name}. */
	public String id() {
		return SpiffeId.SCHEME + this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
