package io.authz.core.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a policy set cannot be loaded; lists every problem found, each naming its file. */
public class PolicyLoadException extends RuntimeException {

	private final List<PolicyError> errors;

	public PolicyLoadException(List<PolicyError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	public List<PolicyError> errors() {
		return this.errors;
	}

	private static String describe(List<PolicyError> errors) {
		return "Invalid policies (" + errors.size() + ((errors.size() == 1) ? " error" : " errors") + "):"
				+ errors.stream().map((error) -> "\n  - " + error).collect(Collectors.joining());
	}

}
