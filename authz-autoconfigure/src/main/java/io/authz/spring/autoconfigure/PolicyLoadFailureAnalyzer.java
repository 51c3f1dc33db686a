package io.authz.spring.autoconfigure;

import io.authz.core.policy.PolicyLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports policies that failed to load, each problem with its file and line.
 */
class PolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
		StringBuilder description = new StringBuilder("The authorization policies could not be loaded (")
			.append(cause.errors().size())
			.append((cause.errors().size() == 1) ? " error" : " errors")
			.append("):\n");
		// Continuation lines (a CEL parser's caret display, say) stay indented under their error.
		cause.errors()
			.forEach((error) -> description.append("\n    ").append(error.toString().replace("\n", "\n      ")));
		if (cause.errors().isEmpty()) {
			description.append("\n    ").append(cause.getMessage());
		}
		description.append('\n');
		return new FailureAnalysis(description.toString(),
				"Correct the policy files listed above, or point 'authz.local.policies' at a valid policy "
						+ "directory.",
				cause);
	}

}
