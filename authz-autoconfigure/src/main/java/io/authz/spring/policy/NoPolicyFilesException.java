package io.authz.spring.policy;

import java.io.Serial;

/**
 * Thrown when a policy location does not exist or holds no policy files.
 */
public class NoPolicyFilesException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String location;

	private final boolean exists;

	/**
	 * Creates an exception for a location.
	 * @param location the policy location as configured
	 * @param exists whether the location exists (and is empty) or does not exist at all
	 */
	public NoPolicyFilesException(String location, boolean exists) {
		super(exists ? "No policy files (*.yaml, *.yml, *.json) found in policy location '" + location + "'"
				: "Policy location '" + location + "' does not exist");
		this.location = location;
		this.exists = exists;
	}

	/**
	 * The policy location as configured.
	 * @return the location
	 */
	public String getLocation() {
		return this.location;
	}

	/**
	 * Whether the location exists but holds no policy files.
	 * @return {@code true} for an empty location, {@code false} for a missing one
	 */
	public boolean isExists() {
		return this.exists;
	}

}
