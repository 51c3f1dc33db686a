package io.authz.core.cel.functions;

import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address, parsed and printed as Go's {@code net/netip} does: the value of {@code ip(...)} in
 * CEL expressions. IPv4 addresses are 4 bytes, IPv6 ones 16 (an IPv4-mapped IPv6 address stays IPv6).
 */
public final class IpAddress {

	private final byte[] bytes;

	private final String zone;

	private IpAddress(byte[] bytes, String zone) {
		this.bytes = bytes;
		this.zone = zone;
	}

	/**
	 * Parses an address as {@code netip.ParseAddr}: dotted IPv4 without leading zeros, or IPv6 with an optional
	 * {@code ::}, an optional trailing dotted IPv4 and an optional {@code %zone}.
	 * @throws IllegalArgumentException if {@code text} is not an address
	 */
	public static IpAddress parse(String text) {
		for (int i = 0; i < text.length(); i++) {
			switch (text.charAt(i)) {
				case '.':
					return new IpAddress(parseIpv4(text, 0, text.length()), "");
				case ':':
					return parseIpv6(text);
				case '%':
					throw error(text, "missing IPv6 address");
				default:
					break;
			}
		}
		throw error(text, "unable to parse IP");
	}

	private static byte[] parseIpv4(String in, int start, int end) {
		byte[] fields = new byte[4];
		int value = 0;
		int digits = 0;
		int position = 0;
		for (int i = start; i < end; i++) {
			char c = in.charAt(i);
			if (c >= '0' && c <= '9') {
				if (digits == 1 && value == 0) {
					throw error(in, "IPv4 field has octet with leading zero");
				}
				value = value * 10 + (c - '0');
				digits++;
				if (value > 255) {
					throw error(in, "IPv4 field has value >255");
				}
			}
			else if (c == '.') {
				if (i == start || i == end - 1 || in.charAt(i - 1) == '.') {
					throw error(in, "IPv4 field must have at least one digit");
				}
				if (position == 3) {
					throw error(in, "IPv4 address too long");
				}
				fields[position++] = (byte) value;
				value = 0;
				digits = 0;
			}
			else {
				throw error(in, "unexpected character");
			}
		}
		if (position < 3) {
			throw error(in, "IPv4 address too short");
		}
		fields[3] = (byte) value;
		return fields;
	}

	private static IpAddress parseIpv6(String in) {
		String s = in;
		String zone = "";
		int percent = s.indexOf('%');
		if (percent >= 0) {
			zone = s.substring(percent + 1);
			s = s.substring(0, percent);
			if (zone.isEmpty()) {
				throw error(in, "zone must be a non-empty string");
			}
		}
		int end = s.length();
		byte[] ip = new byte[16];
		int ellipsis = -1;
		int pos = 0;
		if (end >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
			ellipsis = 0;
			pos = 2;
			if (pos == end) {
				return new IpAddress(ip, zone);
			}
		}
		int i = 0;
		while (i < 16) {
			int offset = 0;
			int accumulator = 0;
			for (; pos + offset < end; offset++) {
				int digit = hexDigit(s.charAt(pos + offset));
				if (digit < 0) {
					break;
				}
				accumulator = (accumulator << 4) + digit;
				if (offset > 3) {
					throw error(in, "each colon-separated field must have at most 4 hex digits");
				}
			}
			if (offset == 0) {
				throw error(in, "each colon-separated field must have at least one digit");
			}
			if (pos + offset < end && s.charAt(pos + offset) == '.') {
				if (ellipsis < 0 && i != 12) {
					throw error(in, "embedded IPv4 address must replace the final 2 fields of the address");
				}
				if (i + 4 > 16) {
					throw error(in, "too many hex fields to fit an embedded IPv4 at the end of the address");
				}
				System.arraycopy(parseIpv4(s, pos, end), 0, ip, i, 4);
				pos = end;
				i += 4;
				break;
			}
			ip[i] = (byte) (accumulator >> 8);
			ip[i + 1] = (byte) accumulator;
			i += 2;
			pos += offset;
			if (pos == end) {
				break;
			}
			if (s.charAt(pos) != ':') {
				throw error(in, "unexpected character, want colon");
			}
			if (pos + 1 == end) {
				throw error(in, "colon must be followed by more characters");
			}
			pos++;
			if (s.charAt(pos) == ':') {
				if (ellipsis >= 0) {
					throw error(in, "multiple :: in address");
				}
				ellipsis = i;
				pos++;
				if (pos == end) {
					break;
				}
			}
		}
		if (pos != end) {
			throw error(in, "trailing garbage after address");
		}
		if (i < 16) {
			if (ellipsis < 0) {
				throw error(in, "address string too short");
			}
			int n = 16 - i;
			for (int j = i - 1; j >= ellipsis; j--) {
				ip[j + n] = ip[j];
			}
			Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
		}
		else if (ellipsis >= 0) {
			throw error(in, "the :: must expand to at least one field of zeros");
		}
		return new IpAddress(ip, zone);
	}

	private static int hexDigit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	private static IllegalArgumentException error(String in, String message) {
		return new IllegalArgumentException("ParseAddr(\"" + in + "\"): " + message);
	}

	public boolean is4() {
		return this.bytes.length == 4;
	}

	/** Whether this is an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}). */
	public boolean is4In6() {
		if (this.bytes.length != 16) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (this.bytes[i] != 0) {
				return false;
			}
		}
		return this.bytes[10] == (byte) 0xff && this.bytes[11] == (byte) 0xff;
	}

	/** The IPv6 zone, empty when there is none. */
	public String zone() {
		return this.zone;
	}

	/** 32 or 128. */
	public int bitLength() {
		return this.bytes.length * 8;
	}

	byte[] bytes() {
		return this.bytes.clone();
	}

	/** The 16-byte form: IPv4 addresses as IPv4-mapped IPv6. */
	byte[] as16() {
		if (this.bytes.length == 16) {
			return this.bytes.clone();
		}
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(this.bytes, 0, mapped, 12, 4);
		return mapped;
	}

	private IpAddress unmap() {
		return is4In6() ? new IpAddress(Arrays.copyOfRange(this.bytes, 12, 16), "") : this;
	}

	private int unsigned(int index) {
		return this.bytes[index] & 0xff;
	}

	public boolean isLoopback() {
		IpAddress ip = unmap();
		if (ip.is4()) {
			return ip.unsigned(0) == 127;
		}
		for (int i = 0; i < 15; i++) {
			if (ip.bytes[i] != 0) {
				return false;
			}
		}
		return ip.bytes[15] == 1;
	}

	public boolean isMulticast() {
		IpAddress ip = unmap();
		return ip.is4() ? (ip.unsigned(0) & 0xf0) == 0xe0 : ip.unsigned(0) == 0xff;
	}

	public boolean isLinkLocalMulticast() {
		IpAddress ip = unmap();
		if (ip.is4()) {
			return ip.unsigned(0) == 224 && ip.unsigned(1) == 0 && ip.unsigned(2) == 0;
		}
		return ip.unsigned(0) == 0xff && (ip.unsigned(1) & 0x0f) == 0x02;
	}

	public boolean isLinkLocalUnicast() {
		IpAddress ip = unmap();
		if (ip.is4()) {
			return ip.unsigned(0) == 169 && ip.unsigned(1) == 254;
		}
		return ip.unsigned(0) == 0xfe && (ip.unsigned(1) & 0xc0) == 0x80;
	}

	/** {@code 0.0.0.0} or {@code ::}. */
	public boolean isUnspecified() {
		for (byte b : this.bytes) {
			if (b != 0) {
				return false;
			}
		}
		return this.zone.isEmpty();
	}

	/**
	 * As Go's {@code IsGlobalUnicast}: anything but unspecified, broadcast, loopback, multicast and link-local
	 * unicast addresses (so private and unique-local addresses are global unicast).
	 */
	public boolean isGlobalUnicast() {
		IpAddress ip = unmap();
		if (ip.is4() && (ip.isUnspecified() || Arrays.equals(ip.bytes, new byte[] { -1, -1, -1, -1 }))) {
			return false;
		}
		return !ip.isUnspecified() && !ip.isLoopback() && !ip.isMulticast() && !ip.isLinkLocalUnicast();
	}

	/** This address with all but the first {@code bits} bits cleared, and no zone. */
	IpAddress masked(int bits) {
		byte[] masked = this.bytes.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			masked[i] &= (byte) (0xff << (8 - keep));
		}
		return new IpAddress(masked, "");
	}

	/** RFC 5952 text (lower-case hex, longest run of zero fields as {@code ::}), with the zone if any. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		if (is4()) {
			appendIpv4(text, 0);
			return text.toString();
		}
		if (is4In6()) {
			text.append("::ffff:");
			appendIpv4(text, 12);
		}
		else {
			appendIpv6(text);
		}
		if (!this.zone.isEmpty()) {
			text.append('%').append(this.zone);
		}
		return text.toString();
	}

	private void appendIpv4(StringBuilder text, int offset) {
		for (int i = 0; i < 4; i++) {
			if (i > 0) {
				text.append('.');
			}
			text.append(unsigned(offset + i));
		}
	}

	private void appendIpv6(StringBuilder text) {
		int zeroStart = -1;
		int zeroEnd = -1;
		for (int i = 0; i < 8; i++) {
			int j = i;
			while (j < 8 && field(j) == 0) {
				j++;
			}
			if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
				zeroStart = i;
				zeroEnd = j;
			}
		}
		for (int i = 0; i < 8; i++) {
			if (i == zeroStart) {
				text.append("::");
				i = zeroEnd;
				if (i >= 8) {
					break;
				}
			}
			else if (i > 0) {
				text.append(':');
			}
			text.append(Integer.toHexString(field(i)));
		}
	}

	private int field(int index) {
		return (unsigned(index * 2) << 8) | unsigned(index * 2 + 1);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpAddress address && Arrays.equals(this.bytes, address.bytes)
				&& this.zone.equals(address.zone);
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.bytes), this.zone);
	}

}
