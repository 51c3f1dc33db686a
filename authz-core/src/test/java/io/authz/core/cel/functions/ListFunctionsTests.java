package io.authz.core.cel.functions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

class ListFunctionsTests {

	@Test
	void exceptKeepsOrderAndDuplicatesOfTheFirstList() {
		cel().holds("[3, 1, 3, 2].except([2]) == [3, 1, 3]", "except([1, 2], [1, 2, 3]) == []",
				"[].except([1]) == []", "[1].except([]) == [1]", "['a', 'b'].except(['b', 'c']) == ['a']");
	}

	@Test
	void membershipUsesCelEqualityAcrossNumericTypes() {
		withAttributes(Map.of("levels", List.of(1, 2, 3))).holds("P.attr.levels.except([1, 3]) == [2]",
				"intersect(P.attr.levels, [2]) == [2]", "hasIntersection([3], P.attr.levels)",
				"[1, 2].isSubset(P.attr.levels)", "[dyn(1u)].isSubset([1.0])");
	}

	@Test
	void intersectTakesTheElementsOfTheShorterList() {
		cel().holds("intersect([1, 2, 3], [3, 2]) == [3, 2]", "intersect([3, 2], [1, 2, 3]) == [3, 2]",
				"intersect([1, 2], [2, 1]) == [1, 2]", "intersect([1, 1, 2], [1, 5, 6, 7]) == [1, 1]",
				"[1, 2].intersect([]) == []");
	}

	@Test
	void listsOfListsAndMapsCompareByValue() {
		cel().holds("[[1], [2]].isSubset([[2], [1]])", "![[1, 2]].isSubset([[2, 1]])",
				"[{'a': 1}].except([dyn({'a': 1.0})]) == []", "has_intersection([[1]], [[1], [2]])");
	}

	@Test
	void emptyListsAreSubsetsAndHaveNoIntersection() {
		cel().holds("[].isSubset([])", "[].is_subset([1])", "!hasIntersection([], [1])",
				"!has_intersection([1], [])", "![1].isSubset([])");
	}

	@Test
	void setFunctionsTypeCheckWithDynArguments() {
		withAttributes(Map.of("a", List.of("x", "y"), "b", List.of("y"))).holds("P.attr.a.except(P.attr.b) == ['x']",
				"P.attr.b.isSubset(P.attr.a)", "intersect(P.attr.a, P.attr.b) == ['y']");
	}

	@Test
	void setFunctionsFailOnNonLists() {
		withAttributes(Map.of("name", "x")).fails("P.attr.name.except(['x'])", "No matching overload");
	}

	@Test
	void sortByKeepsTheElementTypeForFurtherSelection() {
		cel().holds("[{'n': 'b', 's': 2}, {'n': 'a', 's': 1}].sortBy(e, e.s).map(e, e.n) == ['a', 'b']",
				"['bb', 'a', 'ccc'].sortBy(s, size(s)) == ['a', 'bb', 'ccc']", "[].sortBy(x, x) == []");
	}

	@Test
	void sortByIsStableAndEvaluatesTheTargetOnce() {
		cel().holds("[[2, 'x'], [1, 'y'], [2, 'z']].sortBy(p, p[0]).map(p, p[1]) == ['y', 'x', 'z']");
		withAttributes(Map.of("scores", List.of(3, 1, 2))).holds("P.attr.scores.sortBy(s, -s) == [3.0, 2.0, 1.0]");
	}

	@Test
	void sortByRejectsMixedOrIncomparableKeys() {
		cel().fails("[1, 2].sortBy(x, x == 1 ? dyn(1) : dyn('a'))", "same type");
		cel().fails("[1, 2].sortBy(x, x == 1 ? dyn(1) : dyn(2.0))", "same type");
		cel().fails("[[1], [2]].sortBy(x, x)", "comparable");
		cel().doesNotCompile("[1, 2].sortBy(x + 1, x)");
		cel().doesNotCompile("{'a': 1}.sortBy(x, x)");
	}

	@Test
	void sortByOrdersStringsByCodePoint() {
		// U+FF21 sorts before U+1F600 in UTF-8 (Go) but after it in UTF-16 (Java's String order)
		cel().holds("['\\U0001F600', '\\uFF21'].sortBy(s, s) == ['\\uFF21', '\\U0001F600']");
		assertThat(ListFunctions.compareUtf8("\uFF21", "\uD83D\uDE00")).isNegative();
		assertThat(ListFunctions.compareUtf8("ab", "abc")).isNegative();
		assertThat(ListFunctions.compareUtf8("b", "abc")).isPositive();
	}

	@Test
	void twoVariableComprehensionsAreAvailable() {
		cel().holds("[10, 20].all(i, v, v == (i + 1) * 10)", "{'a': 1}.exists(k, v, k == 'a' && v == 1)",
				"[1, 2, 3].transformList(i, v, i > 0, v * 2) == [4, 6]",
				"{'a': 1}.transformMapEntry(k, v, {v: k}) == {1: 'a'}");
	}

}
