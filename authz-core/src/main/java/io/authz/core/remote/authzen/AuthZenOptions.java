package io.authz.core.remote.authzen;

/**
 * What an AuthZEN PDP expects beyond the standard.
 *
 * @param rolesProperty the subject property the principal's roles are sent in ({@code cerbos.roles} for Cerbos,
 * which reads roles from there; {@code roles} for authz's own PDP endpoints, which read both)
 * @param discovery whether to read the PDP's endpoints from {@code /.well-known/authzen-configuration}; when off,
 * or when the PDP publishes no metadata, the standard paths below the base URL are used
 */
public record AuthZenOptions(String rolesProperty, boolean discovery) {

	/** The roles property Cerbos reads. */
	public static final String CERBOS_ROLES = "cerbos.roles";

	/** Roles in {@code cerbos.roles}, with discovery. */
	public static final AuthZenOptions DEFAULT = new AuthZenOptions(CERBOS_ROLES, true);

	public AuthZenOptions {
		rolesProperty = (rolesProperty != null && !rolesProperty.isBlank()) ? rolesProperty : CERBOS_ROLES;
	}

}
