package io.authz.test.policy;

import java.util.List;
import java.util.Map;

import io.authz.test.policy.StructuredText.SyntaxException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Tests for {@link StructuredText}. */
class StructuredTextTests {

	@Test
	void resolvesAnchorsAliasesAndMergeKeys() {
		Node root = StructuredText.parse("principals.yaml", """
				principals:
				  bev: &bev
				    id: bev
				    roles: [employee, manager]
				    attr: &bev_attr
				      geography: GB
				      team: design
				  matt:
				    << : *bev
				    id: matt
				    attr:
				      << : *bev_attr
				      team: platform
				  same: *bev
				""");
		assertThat(root.toPlain()).isEqualTo(Map.of("principals", Map.of(
				"bev", Map.of("id", "bev", "roles", List.of("employee", "manager"), "attr",
						Map.of("geography", "GB", "team", "design")),
				"matt", Map.of("id", "matt", "roles", List.of("employee", "manager"), "attr",
						Map.of("geography", "GB", "team", "platform")),
				"same", Map.of("id", "bev", "roles", List.of("employee", "manager"), "attr",
						Map.of("geography", "GB", "team", "design")))));
	}

	@Test
	void keysWrittenInAMappingWinOverMergedOnesWhereverTheMergeIs() {
		Node root = StructuredText.parse("x.yaml", """
				base: &base {a: 1, b: 2}
				first:
				  a: 10
				  <<: *base
				""");
		assertThat(root.toPlain()).isEqualTo(Map.of("base", Map.of("a", 1, "b", 2), "first", Map.of("a", 10, "b", 2)));
	}

	@Test
	void keepsScalarTypesAndLocations() {
		Node root = StructuredText.parse("x.yaml", "a: 1\nb: 1.5\nc: true\nd: null\ne: '1'\nf: yes\n");
		assertThat(root.entries().get("a").scalarValue()).isEqualTo(1);
		assertThat(root.entries().get("b").scalarValue()).isEqualTo(1.5);
		assertThat(root.entries().get("c").scalarValue()).isEqualTo(true);
		assertThat(root.entries().get("d").is(Node.Kind.NULL)).isTrue();
		assertThat(root.entries().get("e").scalarValue()).isEqualTo("1");
		// YAML 1.2: only true and false are booleans.
		assertThat(root.entries().get("f").scalarValue()).isEqualTo("yes");
		assertThat(root.entries().get("b").location()).isEqualTo("2:4");
	}

	@Test
	void readsJson() {
		Node root = StructuredText.parse("suite_test.json", "{\"name\": \"x\", \"tests\": [1, 2.5]}");
		assertThat(root.toPlain()).isEqualTo(Map.of("name", "x", "tests", List.of(1, 2.5)));
	}

	@Test
	void rejectsDuplicateKeys() {
		assertThatExceptionOfType(SyntaxException.class)
			.isThrownBy(() -> StructuredText.parse("x.yaml", "a: 1\nb: 2\na: 3\n"))
			.satisfies((ex) -> assertThat(ex.describe()).isEqualTo("3:1 duplicate key \"a\""));
	}

	@Test
	void rejectsMoreThanOneDocument() {
		assertThatExceptionOfType(SyntaxException.class)
			.isThrownBy(() -> StructuredText.parse("x.yaml", "a: 1\n---\nb: 2\n"))
			.withMessage("the file must hold a single document");
	}

	@Test
	void rejectsEmptyFilesAndBrokenSyntax() {
		assertThatExceptionOfType(SyntaxException.class).isThrownBy(() -> StructuredText.parse("x.yaml", ""))
			.withMessage("the file holds no document");
		assertThatExceptionOfType(SyntaxException.class)
			.isThrownBy(() -> StructuredText.parse("x.json", "{\"a\": }"))
			.satisfies((ex) -> assertThat(ex.describe()).startsWith("1:7 invalid JSON: "));
	}

}
