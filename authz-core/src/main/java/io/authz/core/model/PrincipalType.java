package io.authz.core.model;

import java.util.Locale;

/**
 * What kind of actor a principal is. Policies see it as {@code P.attr.type}.
 */
public enum PrincipalType {

	/** A person. */
	USER,

	/** A service account or workload acting on its own behalf. */
	SERVICE,

	/** An automated agent (for example an AI assistant) acting on someone's behalf. */
	AGENT;

	/** The lower-case name policies compare against ({@code "user"}, {@code "service"}, {@code "agent"}). */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses the lower- or upper-case name. */
	public static PrincipalType of(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
