package io.authz.core.cel.functions;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;

class LiteralValidatorsTests {

	@Test
	void invalidLiteralsDoNotCompile() {
		cel().doesNotCompile("duration('10 minutes') > duration('1h')");
		cel().doesNotCompile("timestamp('2024-13-01T00:00:00Z') < now()");
		cel().doesNotCompile("ip('10.0.0.256').isLoopback()");
		cel().doesNotCompile("ip('::ffff:10.0.0.1').isLoopback()");
		cel().doesNotCompile("cidr('10.0.0.0/33').containsIP('10.0.0.1')");
		cel().doesNotCompile("'abc'.matches('(')");
		cel().doesNotCompile("'abc'.matches('a{2,1}')");
	}

	@Test
	void validLiteralsAndNonLiteralsCompile() {
		cel().holds("duration('1h30m') == duration('90m')", "timestamp(0) < now()", "ip('10.0.0.1').family() == 4",
				"cidr('10.0.0.0/8').containsIP('10.1.1.1')", "'abc'.matches('^a(?P<rest>.*)$')",
				"!'abc'.matches(dyn('x'))");
		cel().fails("'abc'.matches('(' + '')", "");
		cel().fails("ip('10.0.0.' + '256')", "parse error");
	}

	@Test
	void globalMatchesChecksItsFirstArgumentAsCelGoDoes() {
		cel().doesNotCompile("matches('(', 'a')");
		cel().holds("matches('abc', 'b')");
	}

}
