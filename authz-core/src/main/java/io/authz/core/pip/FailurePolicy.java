package io.authz.core.pip;

/**
 * What a check does when an attribute provider fails or times out.
 */
public enum FailurePolicy {

	/** The check fails: every decision it asks for is a deny, with the failure as its reason. */
	DENY,

	/** The check goes on without that provider's attributes (the failure is logged). */
	IGNORE

}
