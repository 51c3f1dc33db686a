package io.authz.core.protocol.authzen;

import java.util.Map;

/**
 * An AuthZEN subject: who asks. {@code type} and {@code id} are required in a complete request, but may be
 * missing from a default or a search request, so they are nullable here.
 *
 * @param type the subject type ({@code user}), or {@code null}
 * @param id the subject id, scoped to the type, or {@code null}
 * @param properties further attributes, empty when none
 */
public record AuthzenSubject(String type, String id, Map<String, Object> properties) {

	public AuthzenSubject {
		properties = AuthzenValues.copy(properties);
	}

}
