package io.authz.core.cel.functions;

/**
 * A CIDR range, parsed and compared as Go's {@code netip.Prefix}: the value of {@code cidr(...)} in CEL
 * expressions. The address keeps its host bits ({@code cidr("192.168.1.5/24").ip()} is {@code 192.168.1.5}).
 *
 * @param address the address as written
 * @param bits the prefix length
 */
public record IpPrefix(IpAddress address, int bits) {

	/**
	 * Parses {@code address/bits} as {@code netip.ParsePrefix}: no zone, bits in decimal without sign or leading
	 * zero, at most 32 or 128.
	 * @throws IllegalArgumentException if {@code text} is not a CIDR range
	 */
	public static IpPrefix parse(String text) {
		int slash = text.lastIndexOf('/');
		if (slash < 0) {
			throw error(text, "no '/'");
		}
		IpAddress address;
		try {
			address = IpAddress.parse(text.substring(0, slash));
		}
		catch (IllegalArgumentException ex) {
			throw error(text, ex.getMessage());
		}
		if (!address.zone().isEmpty()) {
			throw error(text, "IPv6 zones cannot be present in a prefix");
		}
		String bits = text.substring(slash + 1);
		if (bits.isEmpty() || (bits.length() > 1 && (bits.charAt(0) < '1' || bits.charAt(0) > '9'))
				|| !bits.chars().allMatch((c) -> c >= '0' && c <= '9') || bits.length() > 3) {
			throw error(text, "bad bits after slash: \"" + bits + "\"");
		}
		int length = Integer.parseInt(bits);
		if (length > address.bitLength()) {
			throw error(text, "prefix length out of range");
		}
		return new IpPrefix(address, length);
	}

	private static IllegalArgumentException error(String text, String message) {
		return new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): " + message);
	}

	/** Whether {@code ip} is in this range; never for an address of the other family or with a zone. */
	public boolean contains(IpAddress ip) {
		if (!ip.zone().isEmpty() || ip.bitLength() != this.address.bitLength()) {
			return false;
		}
		return ip.masked(this.bits).equals(this.address.masked(this.bits));
	}

	/** Whether the two ranges share an address. */
	public boolean overlaps(IpPrefix other) {
		if (this.address.is4() != other.address.is4()) {
			return false;
		}
		int common = Math.min(this.bits, other.bits);
		return this.address.masked(common).equals(other.address.masked(common));
	}

	/** Whether {@code other} is inside this range (as cel-go's {@code containsCIDR}). */
	public boolean containsPrefix(IpPrefix other) {
		return overlaps(other) && this.bits <= other.bits;
	}

	/** This range with the host bits of its address cleared. */
	public IpPrefix masked() {
		return new IpPrefix(this.address.masked(this.bits), this.bits);
	}

	/** Whether the address has no host bits set. */
	public boolean isMask() {
		return this.address.equals(this.address.masked(this.bits));
	}

	@Override
	public String toString() {
		return this.address + "/" + this.bits;
	}

}
