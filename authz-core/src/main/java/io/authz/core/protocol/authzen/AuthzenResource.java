package io.authz.core.protocol.authzen;

import java.util.Map;

/**
 * An AuthZEN resource: what is acted on. {@code type} and {@code id} are required in a complete request, but may
 * be missing from a default or a search request, so they are nullable here.
 *
 * @param type the resource type ({@code todo}), or {@code null}
 * @param id the resource id, scoped to the type, or {@code null}
 * @param properties further attributes, empty when none
 */
public record AuthzenResource(String type, String id, Map<String, Object> properties) {

	public AuthzenResource {
		properties = AuthzenValues.copy(properties);
	}

}
