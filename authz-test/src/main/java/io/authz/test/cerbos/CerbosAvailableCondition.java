package io.authz.test.cerbos;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Enables tests when Docker and the Cerbos binary are there; otherwise skips them, or fails them under
 * {@code CI=true}.
 *
 * @see RequiresCerbos
 */
class CerbosAvailableCondition implements ExecutionCondition {

	private static volatile String missing;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = missing();
		if (reason.isEmpty()) {
			return ConditionEvaluationResult.enabled("Docker and Cerbos are available");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(reason + " (CI=true: tests that need them fail instead of being skipped)");
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	private static String missing() {
		String reason = missing;
		if (reason == null) {
			reason = check();
			missing = reason;
		}
		return reason;
	}

	private static String check() {
		StringBuilder reason = new StringBuilder();
		try {
			if (CerbosBinary.find() == null) {
				reason.append(CerbosBinary.describeMissing());
			}
		}
		catch (IllegalStateException ex) {
			reason.append(ex.getMessage());
		}
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			reason.append((reason.length() > 0) ? "; " : "").append("no Docker engine answers (start dockerd, or run .ci/run)");
		}
		return reason.toString();
	}

}
