package io.authz.core.pip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attribute provider knows about a principal.
 *
 * @param roles roles to grant, empty when the provider knows none
 * @param attributes attributes ({@code P.attr}), empty when the provider knows none
 */
public record PrincipalAttributes(List<String> roles, Map<String, Object> attributes) {

	public PrincipalAttributes {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		attributes = (attributes != null && !attributes.isEmpty())
				? Collections.unmodifiableMap(new LinkedHashMap<>(attributes)) : Map.of();
	}

	/** Attributes only, no roles. */
	public static PrincipalAttributes of(Map<String, Object> attributes) {
		return new PrincipalAttributes(List.of(), attributes);
	}

}
