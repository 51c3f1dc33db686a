package io.authz.core.pip;

import java.io.Serial;

/**
 * An attribute provider failed or timed out and its failure policy is {@link FailurePolicy#DENY}: the check
 * cannot be decided. Thrown from the engine, so the {@link io.authz.core.check.Authorizer} turns it into a deny.
 */
public class AttributeLookupException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public AttributeLookupException(String message, Throwable cause) {
		super(message, cause);
	}

}
