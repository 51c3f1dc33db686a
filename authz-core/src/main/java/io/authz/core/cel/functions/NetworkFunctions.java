package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * IP address functions: Cerbos' {@code "10.0.0.1".inIPAddrRange("10.0.0.0/8")} and cel-go's network extension
 * ({@code isIP}, {@code ip}, {@code isCIDR}, {@code cidr}, {@code ip.isCanonical} and the methods of IP and CIDR
 * values), which cel-java does not have.
 * <p>
 * The extension parses strictly, as cel-go does: IPv4-mapped IPv6 addresses and zones are rejected.
 * {@code inIPAddrRange} follows Go's {@code net} package instead, where an IPv4-mapped address is the IPv4 one.
 */
final class NetworkFunctions implements FunctionLibrary {

	static final CelType IP = OpaqueType.create("net.IP");

	static final CelType CIDR = OpaqueType.create("net.CIDR");

	private static final byte[] V4_IN_V6_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1 };

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				function("inIPAddrRange", CelOverloadDecl.newMemberOverload("inIPAddrRange_string", SimpleType.BOOL,
						SimpleType.STRING, SimpleType.STRING)),
				function("isIP", CelOverloadDecl.newGlobalOverload("is_ip", SimpleType.BOOL, SimpleType.STRING)),
				function("isCIDR", CelOverloadDecl.newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)),
				function("ip.isCanonical",
						CelOverloadDecl.newGlobalOverload("ip_is_canonical", SimpleType.BOOL, SimpleType.STRING)),
				function("ip", CelOverloadDecl.newGlobalOverload("string_to_ip", IP, SimpleType.STRING),
						CelOverloadDecl.newMemberOverload("cidr_ip", IP, CIDR)),
				function("cidr", CelOverloadDecl.newGlobalOverload("string_to_cidr", CIDR, SimpleType.STRING)),
				function("string", CelOverloadDecl.newGlobalOverload("ip_to_string", SimpleType.STRING, IP),
						CelOverloadDecl.newGlobalOverload("cidr_to_string", SimpleType.STRING, CIDR)),
				function("family", CelOverloadDecl.newMemberOverload("ip_family", SimpleType.INT, IP)),
				ipPredicate("isGlobalUnicast", "ip_is_global_unicast"),
				ipPredicate("isLinkLocalMulticast", "ip_is_link_local_multicast"),
				ipPredicate("isLinkLocalUnicast", "ip_is_link_local_unicast"),
				ipPredicate("isLoopback", "ip_is_loopback"), ipPredicate("isUnspecified", "ip_is_unspecified"),
				function("containsIP",
						CelOverloadDecl.newMemberOverload("cidr_contains_ip_ip", SimpleType.BOOL, CIDR, IP),
						CelOverloadDecl.newMemberOverload("cidr_contains_ip_string", SimpleType.BOOL, CIDR,
								SimpleType.STRING)),
				function("containsCIDR",
						CelOverloadDecl.newMemberOverload("cidr_contains_cidr", SimpleType.BOOL, CIDR, CIDR),
						CelOverloadDecl.newMemberOverload("cidr_contains_cidr_string", SimpleType.BOOL, CIDR,
								SimpleType.STRING)),
				function("isMask", CelOverloadDecl.newMemberOverload("cidr_is_mask", SimpleType.BOOL, CIDR)),
				function("masked", CelOverloadDecl.newMemberOverload("cidr_masked", CIDR, CIDR)),
				function("prefixLength",
						CelOverloadDecl.newMemberOverload("cidr_prefix_length", SimpleType.INT, CIDR)));
	}

	private static CelFunctionDecl function(String name, CelOverloadDecl... overloads) {
		return CelFunctionDecl.newFunctionDeclaration(name, overloads);
	}

	private static CelFunctionDecl ipPredicate(String name, String overload) {
		return function(name, CelOverloadDecl.newMemberOverload(overload, SimpleType.BOOL, IP));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		List<CelFunctionBinding> bindings = new ArrayList<>();
		bindings.add(CelFunctionBinding.from("inIPAddrRange_string", String.class, String.class,
				NetworkFunctions::inIpAddressRange));
		bindings.add(CelFunctionBinding.from("is_ip", String.class, (text) -> isValid(() -> parseIp(text))));
		bindings.add(CelFunctionBinding.from("is_cidr", String.class, (text) -> isValid(() -> parseCidr(text))));
		bindings.add(CelFunctionBinding.from("ip_is_canonical", String.class,
				(text) -> ip(text).toString().equals(text)));
		bindings.add(CelFunctionBinding.from("string_to_ip", String.class, NetworkFunctions::ip));
		bindings.add(CelFunctionBinding.from("cidr_ip", IpPrefix.class, IpPrefix::address));
		bindings.add(CelFunctionBinding.from("string_to_cidr", String.class, NetworkFunctions::cidr));
		bindings.add(CelFunctionBinding.from("ip_to_string", IpAddress.class, IpAddress::toString));
		bindings.add(CelFunctionBinding.from("cidr_to_string", IpPrefix.class, IpPrefix::toString));
		bindings.add(CelFunctionBinding.from("ip_family", IpAddress.class, (ip) -> ip.is4() ? 4L : 6L));
		bindings.add(CelFunctionBinding.from("ip_is_global_unicast", IpAddress.class, IpAddress::isGlobalUnicast));
		bindings.add(CelFunctionBinding.from("ip_is_link_local_multicast", IpAddress.class,
				IpAddress::isLinkLocalMulticast));
		bindings.add(CelFunctionBinding.from("ip_is_link_local_unicast", IpAddress.class,
				IpAddress::isLinkLocalUnicast));
		bindings.add(CelFunctionBinding.from("ip_is_loopback", IpAddress.class, IpAddress::isLoopback));
		bindings.add(CelFunctionBinding.from("ip_is_unspecified", IpAddress.class, IpAddress::isUnspecified));
		bindings.add(CelFunctionBinding.from("cidr_contains_ip_ip", IpPrefix.class, IpAddress.class,
				IpPrefix::contains));
		bindings.add(CelFunctionBinding.from("cidr_contains_ip_string", IpPrefix.class, String.class,
				(cidr, text) -> cidr.contains(ip(text))));
		bindings.add(CelFunctionBinding.from("cidr_contains_cidr", IpPrefix.class, IpPrefix.class,
				IpPrefix::containsPrefix));
		bindings.add(CelFunctionBinding.from("cidr_contains_cidr_string", IpPrefix.class, String.class,
				(cidr, text) -> cidr.containsPrefix(cidr(text))));
		bindings.add(CelFunctionBinding.from("cidr_is_mask", IpPrefix.class, IpPrefix::isMask));
		bindings.add(CelFunctionBinding.from("cidr_masked", IpPrefix.class, IpPrefix::masked));
		bindings.add(CelFunctionBinding.from("cidr_prefix_length", IpPrefix.class, (cidr) -> (long) cidr.bits()));
		runtime.addFunctionBindings(bindings);
	}

	/** An address for the network extension: no zone, no IPv4-mapped IPv6. */
	static IpAddress parseIp(String text) {
		IpAddress address = IpAddress.parse(text);
		if (!address.zone().isEmpty()) {
			throw new IllegalArgumentException("IP address \"" + text + "\" with zone value is not allowed");
		}
		if (address.is4In6()) {
			throw new IllegalArgumentException("IPv4-mapped IPv6 address \"" + text + "\" is not allowed");
		}
		return address;
	}

	/** A range for the network extension: no IPv4-mapped IPv6. */
	static IpPrefix parseCidr(String text) {
		IpPrefix prefix = IpPrefix.parse(text);
		if (prefix.address().is4In6()) {
			throw new IllegalArgumentException("IPv4-mapped IPv6 address \"" + text + "\" is not allowed");
		}
		return prefix;
	}

	private static IpAddress ip(String text) throws CelEvaluationException {
		try {
			return parseIp(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException(
					"IP Address \"" + text + "\" parse error during conversion from string: " + ex.getMessage(), ex);
		}
	}

	private static IpPrefix cidr(String text) throws CelEvaluationException {
		try {
			return parseCidr(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException(
					"CIDR \"" + text + "\" parse error during conversion from string: " + ex.getMessage(), ex);
		}
	}

	private static boolean isValid(Runnable parse) {
		try {
			parse.run();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Cerbos' {@code inIPAddrRange}, with Go's {@code net.ParseIP}, {@code net.ParseCIDR} and
	 * {@code IPNet.Contains}: an IPv4 range contains the IPv4-mapped form of its addresses, the range's address is
	 * masked, and the prefix length may have leading zeros.
	 */
	static boolean inIpAddressRange(String ipText, String cidrText) throws CelEvaluationException {
		IpAddress ip;
		try {
			ip = IpAddress.parse(ipText);
		}
		catch (IllegalArgumentException ex) {
			ip = null;
		}
		if (ip == null || !ip.zone().isEmpty()) {
			throw new CelEvaluationException("invalid IP address: " + ipText);
		}
		int slash = cidrText.indexOf('/');
		IpAddress network = null;
		int bits = -1;
		if (slash >= 0) {
			try {
				network = IpAddress.parse(cidrText.substring(0, slash));
			}
			catch (IllegalArgumentException ex) {
				network = null;
			}
			bits = decimal(cidrText.substring(slash + 1));
		}
		int length = (network != null && network.is4()) ? 4 : 16;
		if (network == null || !network.zone().isEmpty() || bits < 0 || bits > 8 * length) {
			throw new CelEvaluationException("invalid CIDR address: " + cidrText);
		}
		// net.ParseCIDR: a 4-byte network for IPv4 ranges, 16 bytes otherwise; IPNet.Contains then compares the
		// IPv4 form of both sides when it has one.
		byte[] networkBytes = network.masked(bits).bytes();
		byte[] mask = new byte[length];
		for (int i = 0; i < length; i++) {
			int keep = Math.max(0, Math.min(8, bits - i * 8));
			mask[i] = (byte) (0xff << (8 - keep));
		}
		byte[] networkNumber = to4(networkBytes);
		if (networkNumber == null) {
			networkNumber = networkBytes;
		}
		if (mask.length == 4 && networkNumber.length != 4) {
			return false;
		}
		if (mask.length == 16 && networkNumber.length == 4) {
			mask = Arrays.copyOfRange(mask, 12, 16);
		}
		byte[] candidate = to4(ip.as16());
		if (candidate == null) {
			candidate = ip.as16();
		}
		if (candidate.length != networkNumber.length) {
			return false;
		}
		for (int i = 0; i < candidate.length; i++) {
			if ((candidate[i] & mask[i]) != (networkNumber[i] & mask[i])) {
				return false;
			}
		}
		return true;
	}

	/** Go's {@code IP.To4}: the IPv4 bytes of a 4-byte or IPv4-mapped address, else null. */
	private static byte[] to4(byte[] ip) {
		if (ip.length == 4) {
			return ip;
		}
		if (Arrays.equals(ip, 0, 12, V4_IN_V6_PREFIX, 0, 12)) {
			return Arrays.copyOfRange(ip, 12, 16);
		}
		return null;
	}

	/** Go's {@code net.dtoi} over the whole string: decimal digits (leading zeros allowed), else -1. */
	private static int decimal(String text) {
		if (text.isEmpty()) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
			if (value >= 0xFFFFFF) {
				return -1;
			}
		}
		return value;
	}

}
