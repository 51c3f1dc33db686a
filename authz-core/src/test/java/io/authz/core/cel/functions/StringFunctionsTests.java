package io.authz.core.cel.functions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

class StringFunctionsTests {

	@Test
	void formatsEachClause() {
		cel().evaluatesTo("'department_%s_%d'.format(['marketing', 1])", "department_marketing_1");
		cel().evaluatesTo("'%% %s %d %f %e %b %x %X %o'.format(['s', 42, 1.5, 1234.5678, 5, 255, 255, 8])",
				"% s 42 1.500000 1.234568e+03 101 ff FF 10");
		cel().evaluatesTo("'%.2f|%.0f|%.3e|%.0e'.format([2.345, 2.5, 0.00012345, 15.0])", "2.35|2|1.234e-04|2e+01");
		cel().evaluatesTo("'%x|%X|%x|%b|%o'.format(['hi', b'\\xff', -26, -5, -8])", "6869|FF|-1a|-101|-10");
		cel().evaluatesTo("'%d|%s|%s'.format([2.50, 1e30, -0.0])", "2.5|1000000000000000000000000000000|-0");
	}

	@Test
	void roundsHalfToEvenOnTheExactValueAsGo() {
		// 0.125 is exact: Go rounds it to even; 2.675 is a little below 2.675
		cel().evaluatesTo("'%.2f %.2f %.1f'.format([0.125, 2.675, 0.25])", "0.12 2.67 0.2");
		assertThat(GoNumbers.fixed(-0.001, 2)).isEqualTo("-0.00");
		assertThat(GoNumbers.scientific(9.9999999, 3)).isEqualTo("1.000e+01");
		assertThat(GoNumbers.scientific(0, 2)).isEqualTo("0.00e+00");
		assertThat(GoNumbers.scientific(-1e-100, 1)).isEqualTo("-1.0e-100");
		assertThat(GoNumbers.shortest(0.1 + 0.2)).isEqualTo("0.30000000000000004");
	}

	@Test
	void formatsCompositeValuesWithSortedKeys() {
		cel().evaluatesTo("'%s'.format([[1, 'a', [true, null]]])", "[1, a, [true, null]]");
		cel().evaluatesTo("'%s'.format([{'b': 2, 'a': [1.5]}])", "{a: [1.5], b: 2}");
		cel().evaluatesTo("'%s %s'.format([timestamp('2024-01-02T03:04:05.5+01:00'), duration('90.25s')])",
				"2024-01-02T02:04:05.5Z 90.25s");
		cel().evaluatesTo("'%s %s'.format([type(1), b'abc'])", "int abc");
		cel().evaluatesTo("'%d %f %s'.format([0.0 / 0.0, 1.0 / 0.0, -1.0 / 0.0])", "NaN Infinity -Infinity");
	}

	@Test
	void formatsDynArgumentsAtRunTime() {
		withAttributes(Map.of("name", "x", "count", 3, "tags", List.of("b", "a"))).evaluatesTo(
				"'%s has %d tags: %s'.format([P.attr.name, P.attr.count, P.attr.tags])", "x has 3 tags: [b, a]");
		withAttributes(Map.of("name", "x")).fails("'%d'.format([P.attr.name])", "decimal clause");
		withAttributes(Map.of("args", List.of("x"))).fails("'%s %s'.format(P.attr.args)", "index 1 out of range");
		cel().fails("'%s'.format([dyn(hierarchy('a'))])", "string clause");
	}

	@Test
	void literalFormatCallsAreCheckedAtCompileTime() {
		cel().doesNotCompile("'%s %s'.format(['a'])");
		cel().doesNotCompile("'%s'.format(['a', 'b'])");
		cel().doesNotCompile("'%d'.format(['a'])");
		cel().doesNotCompile("'%s'.format([[1, hierarchy('a')]])");
		cel().doesNotCompile("'%q'.format([1])");
		cel().doesNotCompile("'%.101f'.format([1.0])");
		cel().doesNotCompile("'%.f'.format([1.0])");
		cel().doesNotCompile("'%'.format([1])");
		cel().holds("'%d'.format([dyn(1)]) == '1'", "'%.100f'.format([1.0]).size() == 102");
	}

	@Test
	void indexOfCountsCodePointsAndToleratesOffsetsPastTheEnd() {
		cel().holds("'a😀b😀'.indexOf('😀') == 1", "'a😀b😀'.indexOf('😀', 2) == 3",
				"'abc'.indexOf('c', 30) == -1",
				"'abc'.indexOf('', 2) == 2", "'abc'.indexOf('', 30) == 3", "'abc'.indexOf('') == 0",
				"'abc'.indexOf('bcd') == -1", "''.indexOf('a') == -1");
		cel().fails("'abc'.indexOf('a', -1)", "index out of range");
	}

	@Test
	void lastIndexOfCountsCodePointsAndToleratesOffsetsPastTheEnd() {
		cel().holds("'a😀b😀'.lastIndexOf('😀') == 3", "'a😀b😀'.lastIndexOf('😀', 2) == 1",
				"'abab'.lastIndexOf('ab', 3) == 2", "'abc'.lastIndexOf('a', 30) == -1", "'abc'.lastIndexOf('') == 3",
				"'abc'.lastIndexOf('', 1) == 1", "'abc'.lastIndexOf('', 30) == 3", "''.lastIndexOf('ab') == -1",
				"'é'.lastIndexOf('ab') == -1");
		cel().fails("'abc'.lastIndexOf('a', -1)", "index out of range");
	}

}
