package io.authz.core.cel.functions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;

class RegexFunctionsTests {

	@Test
	void extractReturnsTheFirstMatchOrCapture() {
		cel().holds("regex.extract('id=42;id=7', 'id=(\\\\d+)') == optional.of('42')",
				"regex.extract('id=42', '\\\\d+') == optional.of('42')", "regex.extract('abc', 'x') == optional.none()",
				"regex.extract('héllo wörld', 'w(.)r') == optional.of('ö')");
	}

	@Test
	void anEmptyCaptureIsNoMatch() {
		cel().holds("regex.extract('ab', 'a(x?)b') == optional.none()",
				"regex.extract('ab', 'a(x)?b') == optional.none()",
				"regex.extractAll('k=, k=v, k=', 'k=([^,]*)') == ['v']");
	}

	@Test
	void extractAllIgnoresEmptyMatchesRightAfterAMatch() {
		cel().holds("regex.extractAll('baaac', 'a*') == ['', 'aaa', '']",
				"regex.extractAll('a b c', '(\\\\S*)\\\\s*') == ['a', 'b', 'c']",
				"regex.extractAll('\\U0001F600a\\U0001F600a', 'a|') == ['', 'a', 'a']",
				"regex.extractAll('aaa', '^a') == ['a']", "regex.extractAll('abc', 'x') == []");
	}

	@Test
	void moreThanOneCaptureGroupOrABadPatternFails() {
		cel().fails("regex.extract('ab', '(a)(b)')", "more than one capturing group");
		cel().fails("regex.extractAll('ab', '(a)(b)')", "more than one capturing group");
		cel().fails("regex.extractAll('ab', dyn('('))", "missing closing )");
	}

	@Test
	void replaceIsCelJavas() {
		cel().holds("regex.replace('banana', 'a', 'o') == 'bonono'", "regex.replace('banana', 'a', 'o', 2) == 'bonona'",
				"regex.replace('ab', '(a)(b)', '\\\\2\\\\1') == 'ba'");
		withAttributes(Map.of("tags", List.of("a1", "b22"))).holds(
				"P.attr.tags.map(t, regex.extract(t, '\\\\d+').orValue('')) == ['1', '22']");
	}

}
