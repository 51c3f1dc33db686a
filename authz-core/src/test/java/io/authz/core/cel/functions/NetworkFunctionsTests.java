package io.authz.core.cel.functions;

import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NetworkFunctionsTests {

	@Test
	void parsesAddressesAsGoNetip() {
		assertThat(IpAddress.parse("192.168.0.1")).hasToString("192.168.0.1");
		assertThat(IpAddress.parse("2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
		assertThat(IpAddress.parse("::")).hasToString("::");
		assertThat(IpAddress.parse("::1")).hasToString("::1");
		assertThat(IpAddress.parse("1::")).hasToString("1::");
		assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
		assertThat(IpAddress.parse("2001:0:0:1:0:0:0:1")).hasToString("2001:0:0:1::1");
		assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
		assertThat(IpAddress.parse("::ffff:192.168.0.1")).hasToString("::ffff:192.168.0.1");
		assertThat(IpAddress.parse("64:ff9b::192.0.2.33")).hasToString("64:ff9b::c000:221");
		assertThat(IpAddress.parse("fe80::1%eth0")).hasToString("fe80::1%eth0");
		for (String invalid : new String[] { "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1..2.3", "1.2.3.4.",
				"a.b.c.d", "1.2.3.4/8", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "1:2:3:4:5:6:7:8::",
				"::1.2.3.4.5", "1:2:3:4:5:6:1.2.3.4:5", "fe80::1%", "%eth0", "[::1]", "１.2.3.4" }) {
			assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> IpAddress.parse(invalid));
		}
	}

	@Test
	void classifiesAddresses() {
		cel().holds("ip('127.0.0.53').isLoopback()", "ip('::1').isLoopback()", "!ip('::2').isLoopback()",
				"ip('0.0.0.0').isUnspecified()", "ip('::').isUnspecified()", "ip('169.254.1.1').isLinkLocalUnicast()",
				"ip('fe80::1').isLinkLocalUnicast()", "ip('febf::1').isLinkLocalUnicast()",
				"!ip('fec0::1').isLinkLocalUnicast()", "ip('224.0.0.251').isLinkLocalMulticast()",
				"!ip('224.0.1.1').isLinkLocalMulticast()", "ip('ff02::fb').isLinkLocalMulticast()",
				"!ip('ff05::fb').isLinkLocalMulticast()", "ip('10.0.0.1').isGlobalUnicast()",
				"ip('fd00::1').isGlobalUnicast()", "!ip('255.255.255.255').isGlobalUnicast()",
				"!ip('239.1.1.1').isGlobalUnicast()", "!ip('ff00::1').isGlobalUnicast()",
				"ip('10.0.0.1').family() == 4", "ip('::1').family() == 6");
	}

	@Test
	void canonicalFormIsRfc5952() {
		cel().holds("ip.isCanonical('2001:db8::1')", "!ip.isCanonical('2001:DB8::1')",
				"!ip.isCanonical('2001:db8:0:0:0:0:0:1')", "!ip.isCanonical('2001:db8::0:1')",
				"ip.isCanonical('10.1.2.3')", "string(ip('2001:DB8::1')) == '2001:db8::1'");
		cel().fails("ip.isCanonical('nope')", "parse error");
	}

	@Test
	void networkExtensionRejectsZonesAndMappedAddresses() {
		cel().holds("isIP('10.0.0.1')", "isIP('::1')", "!isIP('fe80::1%eth0')", "!isIP('::ffff:10.0.0.1')",
				"!isIP('10.0.0.01')", "!isIP('')", "isCIDR('10.0.0.1/8')", "isCIDR('::/0')", "!isCIDR('10.0.0.0')",
				"!isCIDR('10.0.0.0/33')", "!isCIDR('::/129')", "!isCIDR('10.0.0.0/08')", "!isCIDR('10.0.0.0/+8')",
				"!isCIDR('::ffff:10.0.0.0/104')", "!isCIDR('fe80::%eth0/64')");
		cel().fails("ip(dyn('fe80::1%eth0'))", "zone");
		cel().fails("ip(dyn('::ffff:1.2.3.4'))", "IPv4-mapped");
		cel().fails("cidr(dyn('1.2.3.4'))", "parse error");
	}

	@Test
	void cidrRanges() {
		cel().holds("cidr('10.0.0.0/8').containsIP(ip('10.255.0.1'))", "cidr('10.0.0.0/8').containsIP('10.1.2.3')",
				"!cidr('10.0.0.0/8').containsIP('11.0.0.1')", "cidr('0.0.0.0/0').containsIP('1.2.3.4')",
				"!cidr('0.0.0.0/0').containsIP('::1')", "!cidr('::/0').containsIP('1.2.3.4')",
				"cidr('2001:db8::/32').containsIP('2001:db8:ffff::1')",
				"!cidr('2001:db8::/32').containsIP('2001:db9::1')", "cidr('2001:db8::/127').containsIP('2001:db8::1')",
				"cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')", "cidr('10.0.0.0/8').containsCIDR(cidr('10.0.0.0/8'))",
				"!cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')", "!cidr('10.0.0.0/8').containsCIDR('::/0')",
				"cidr('10.1.2.3/8').containsCIDR('10.200.0.0/16')");
	}

	@Test
	void cidrValues() {
		cel().holds("cidr('192.168.1.5/24').ip() == ip('192.168.1.5')",
				"cidr('192.168.1.5/24').masked() == cidr('192.168.1.0/24')", "!cidr('192.168.1.5/24').isMask()",
				"cidr('192.168.1.0/24').isMask()", "cidr('2001:db8::1/64').masked() == cidr('2001:db8::/64')",
				"cidr('2001:db8::/64').prefixLength() == 64", "string(cidr('2001:DB8::/64')) == '2001:db8::/64'",
				"cidr('10.0.0.0/8') != cidr('10.0.0.0/9')", "ip('10.0.0.1') == ip('10.0.0.1')");
	}

	@Test
	void inIpAddressRangeFollowsGoNet() throws CelEvaluationException {
		cel().holds("'192.168.0.5'.inIPAddrRange('192.168.0.0/24')", "!'192.168.1.5'.inIPAddrRange('192.168.0.0/24')",
				"'192.168.0.5'.inIPAddrRange('192.168.0.99/24')", "'10.0.0.1'.inIPAddrRange('0.0.0.0/0')",
				"'::ffff:192.168.0.5'.inIPAddrRange('192.168.0.0/24')",
				"'192.168.0.5'.inIPAddrRange('192.168.0.0/024')",
				"'2001:db8::1'.inIPAddrRange('2001:db8::/32')", "!'2001:db9::1'.inIPAddrRange('2001:db8::/32')",
				"'2001:db8:ffff:ffff::'.inIPAddrRange('2001:db8::/32')", "!'10.0.0.1'.inIPAddrRange('::/0')",
				"!'::1'.inIPAddrRange('0.0.0.0/0')", "'192.168.0.5'.inIPAddrRange('::ffff:192.168.0.0/120')");
		assertThat(NetworkFunctions.inIpAddressRange("1.2.3.4", "1.2.3.0/32")).isFalse();
		for (String[] invalid : new String[][] { { "test", "10.0.0.0/8" }, { "10.0.0.1", "10.0.0.0" },
				{ "10.0.0.1", "10.0.0.0/33" }, { "fe80::1%eth0", "fe80::/10" }, { "10.0.0.1", "10.0.0.0/x" },
				{ "10.0.0.1", "10.0.0.0/" }, { "::1", "::/129" } }) {
			assertThatExceptionOfType(CelEvaluationException.class).as(String.join(" in ", invalid))
				.isThrownBy(() -> NetworkFunctions.inIpAddressRange(invalid[0], invalid[1]))
				.withMessageContaining("invalid");
		}
	}

	@Test
	void acceptsDynAttributes() {
		withAttributes(Map.of("ip", "2001:0db8::1", "range", "2001:db8::/48")).holds(
				"P.attr.ip.inIPAddrRange(P.attr.range)", "cidr(P.attr.range).containsIP(P.attr.ip)",
				"ip(P.attr.ip).family() == 6", "!ip.isCanonical(P.attr.ip)");
	}

	@Test
	void prefixValues() {
		IpPrefix prefix = IpPrefix.parse("10.1.2.3/8");
		assertThat(prefix.bits()).isEqualTo(8);
		assertThat(prefix.masked()).hasToString("10.0.0.0/8");
		assertThat(prefix.contains(IpAddress.parse("10.9.9.9"))).isTrue();
		assertThat(prefix.contains(IpAddress.parse("::ffff:10.9.9.9"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse("10.0.0.0/-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> IpPrefix.parse("10.0.0.0"));
	}

}
