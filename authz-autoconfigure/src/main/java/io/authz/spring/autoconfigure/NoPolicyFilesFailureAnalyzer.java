package io.authz.spring.autoconfigure;

import io.authz.spring.policy.NoPolicyFilesException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a policy location that does not exist or holds no policy files.
 */
class NoPolicyFilesFailureAnalyzer extends AbstractFailureAnalyzer<NoPolicyFilesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoPolicyFilesException cause) {
		String description = cause.isExists()
				? "No policy files (*.yaml, *.yml, *.json) were found in the policy location '" + cause.getLocation()
						+ "'."
				: "The policy location '" + cause.getLocation() + "' does not exist.";
		String action = "Add policy files to '" + cause.getLocation()
				+ "', set 'authz.local.policies' to the directory that holds them (for example "
				+ "'classpath:policies/' or 'file:/etc/policies/'), or set 'authz.enabled=false'.";
		return new FailureAnalysis(description, action, cause);
	}

}
