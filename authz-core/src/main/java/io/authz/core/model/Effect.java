package io.authz.core.model;

/** The outcome of one decision. Anything that is not an explicit allow is a deny. */
public enum Effect {

	ALLOW, DENY;

	public boolean isAllow() {
		return this == ALLOW;
	}

}
