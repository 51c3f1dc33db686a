package io.authz.test.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.authz.core.model.Effect;

/**
 * What test suite and fixture files declare, after parsing and validation (Cerbos' {@code TestSuite},
 * {@code TestTable} and {@code TestFixture} messages).
 */
final class Definitions {

	private Definitions() {
	}

	/** A {@code *_test.yaml} file. */
	record Suite(String name, String description, boolean skip, String skipReason, List<Table> tests,
			Map<String, PrincipalFixture> principals, Map<String, ResourceFixture> resources,
			Map<String, Map<String, Object>> auxData, Options options, Map<String, List<String>> principalGroups,
			Map<String, List<String>> resourceGroups) {
	}

	/** One entry of a suite's {@code tests}: inputs to combine and the effects expected. */
	record Table(String name, String description, boolean skip, String skipReason, Input input,
			List<Expectation> expected, Options options, int line) {
	}

	record Input(List<String> principals, List<String> resources, List<String> actions, String auxData,
			List<String> principalGroups, List<String> resourceGroups) {
	}

	record Expectation(String principal, String resource, Map<String, Effect> actions,
			List<OutputExpectation> outputs, List<String> principals, List<String> resources,
			List<String> principalGroups, List<String> resourceGroups) {
	}

	record OutputExpectation(String action, List<ExpectedOutput> expected) {
	}

	record ExpectedOutput(String src, Object value) {
	}

	/**
	 * How a suite or test evaluates.
	 * @param now the instant {@code now()} returns, or {@code null} when not set
	 */
	record Options(Instant now, boolean lenientScopeSearch, Map<String, Object> globals, String defaultPolicyVersion,
			String defaultScope, boolean strictEvaluation) {

		static final Options NONE = new Options(null, false, Map.of(), "", "", false);

	}

	record PrincipalFixture(String id, String policyVersion, List<String> roles, Map<String, Object> attr,
			String scope) {
	}

	record ResourceFixture(String kind, String policyVersion, String id, Map<String, Object> attr, String scope) {
	}

	/** {@code testdata/principals.yaml}. */
	record PrincipalsFile(Map<String, PrincipalFixture> principals, Map<String, List<String>> groups) {
	}

	/** {@code testdata/resources.yaml}. */
	record ResourcesFile(Map<String, ResourceFixture> resources, Map<String, List<String>> groups) {
	}

	/** {@code testdata/auxdata.yaml}: auxiliary data as conditions see it ({@code jwt}, {@code jwts}). */
	record AuxDataFile(Map<String, Map<String, Object>> auxData) {
	}

}
