package io.authz.core.cel.functions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HierarchyFunctionsTests {

	@Test
	void buildsFromDottedStringsDelimitedStringsAndLists() {
		cel().holds("hierarchy('a.b.c') == hierarchy(['a', 'b', 'c'])", "hierarchy('a/b/c', '/') == hierarchy('a.b.c')",
				"hierarchy('a::b::c', '::').size() == 3", "hierarchy('a.b', ':').size() == 1",
				"hierarchy('a.b', ':')[0] == 'a.b'");
	}

	@Test
	void keepsEmptyLevelsAsGoSplitDoes() {
		cel().holds("hierarchy('a.b.').size() == 3", "hierarchy('a.b.')[2] == ''", "hierarchy('').size() == 1",
				"hierarchy('.a').ancestorOf(hierarchy('.a.b'))", "hierarchy('abc', '').size() == 3",
				"hierarchy([]).size() == 0");
		assertThat(Hierarchy.parse("x..y", ".").levels()).containsExactly("x", "", "y");
	}

	@Test
	void relations() {
		cel().holds("hierarchy('a.b').ancestorOf(hierarchy('a.b.c'))", "!hierarchy('a.b').ancestorOf(hierarchy('a.b'))",
				"!hierarchy('a.c').ancestorOf(hierarchy('a.b.c'))", "hierarchy('a.b.c').descendentOf(hierarchy('a'))",
				"hierarchy('a.b.c').immediateChildOf(hierarchy('a.b'))",
				"!hierarchy('a.b.c').immediateChildOf(hierarchy('a'))",
				"hierarchy('a').immediateParentOf(hierarchy('a.b'))", "hierarchy('a.x').siblingOf(hierarchy('a.y'))",
				"hierarchy('a.x').siblingOf(hierarchy('a.x'))", "!hierarchy('a.x').siblingOf(hierarchy('b.x'))",
				"!hierarchy('a.x').siblingOf(hierarchy('a.x.y'))", "hierarchy('x').siblingOf(hierarchy('y'))",
				"hierarchy('a.b').overlaps(hierarchy('a'))", "hierarchy('a').overlaps(hierarchy('a.b'))",
				"!hierarchy('a.b').overlaps(hierarchy('a.c'))");
	}

	@Test
	void commonAncestorsDropTheLastLevelOfHierarchiesOfTheSameSize() {
		cel().holds("hierarchy('a.b.c').commonAncestors(hierarchy('a.b.d')) == hierarchy('a.b')",
				"hierarchy('a.b.c').commonAncestors(hierarchy('a.b.c')) == hierarchy('a.b')",
				"hierarchy('a.b').commonAncestors(hierarchy('a.b.c.d')) == hierarchy('a.b')",
				"hierarchy('a').commonAncestors(hierarchy('b')).size() == 0",
				"hierarchy('x.y').commonAncestors(hierarchy('a.b.c')) == hierarchy([])");
		cel().fails("hierarchy([]).commonAncestors(hierarchy([]))", "empty");
	}

	@Test
	void indexingAndSize() {
		cel().holds("hierarchy('a.b.c')[0] == 'a'", "hierarchy('a.b.c')[2] == 'c'", "hierarchy('a.b.c').size() == 3");
		cel().fails("hierarchy('a.b.c')[3]", "index out of range");
		cel().fails("hierarchy('a.b.c')[-1]", "index out of range");
	}

	@Test
	void acceptsDynAttributes() {
		withAttributes(Map.of("scope", "acme.sales", "path", List.of("acme", "sales", "emea"))).holds(
				"hierarchy(P.attr.scope).ancestorOf(hierarchy(P.attr.path))",
				"hierarchy(P.attr.path)[2] == 'emea'");
		withAttributes(Map.of("path", List.of("acme", 1))).fails("hierarchy(P.attr.path)", "string slice");
		withAttributes(Map.of("n", 1)).fails("hierarchy(P.attr.n)", "No matching overload");
	}

	@Test
	void onlyComparesWithHierarchies() {
		cel().doesNotCompile("hierarchy('a.b').ancestorOf('a.b.c')");
		cel().doesNotCompile("hierarchy('a.b') == 'a.b'");
		cel().doesNotCompile("size(hierarchy('a.b'))");
	}

	@Test
	void valueSemantics() {
		Hierarchy hierarchy = Hierarchy.parse("a.b", ".");
		assertThat(hierarchy).isEqualTo(new Hierarchy(List.of("a", "b")));
		assertThat(hierarchy).hasToString("a.b");
		assertThatIllegalArgumentException().isThrownBy(() -> new Hierarchy(List.of()).commonAncestors(
				new Hierarchy(List.of())));
	}

}
