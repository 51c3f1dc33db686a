package io.authz.spring.autoconfigure;

import java.util.List;

import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyLoadException;
import io.authz.spring.policy.NoPolicyFilesException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class FailureAnalyzersTests {

	@Test
	void policyLoadFailureListsEveryErrorWithItsFile() {
		PolicyLoadException cause = new PolicyLoadException(
				List.of(new PolicyError("expense.yaml", 12, 5, "resourcePolicy.rules[1].condition.match.expr",
						"syntax error: unexpected end of input"),
						new PolicyError("hr/leave.yaml", 0, 0, null, "unknown effect EFFECT_MAYBE")));
		FailureAnalysis analysis = new PolicyLoadFailureAnalyzer()
			.analyze(new BeanCreationException("authorizationEngine", "failed", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("2 errors")
			.contains("expense.yaml:12:5 (resourcePolicy.rules[1].condition.match.expr): syntax error")
			.contains("hr/leave.yaml: unknown effect EFFECT_MAYBE");
		assertThat(analysis.getAction()).contains("authz.local.policies");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void missingPolicyLocationNamesTheLocation() {
		FailureAnalysis analysis = new NoPolicyFilesFailureAnalyzer().analyze(new BeanCreationException(
				"authorizationEngine", "failed", new NoPolicyFilesException("file:/etc/policies/", false)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("The policy location 'file:/etc/policies/' does not exist.");
		assertThat(analysis.getAction()).contains("authz.local.policies");
	}

	@Test
	void emptyPolicyLocationNamesTheLocation() {
		FailureAnalysis analysis = new NoPolicyFilesFailureAnalyzer()
			.analyze(new NoPolicyFilesException("classpath:policies/", true));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("No policy files").contains("'classpath:policies/'");
	}

}
