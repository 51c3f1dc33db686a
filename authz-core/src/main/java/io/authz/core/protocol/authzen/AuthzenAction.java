package io.authz.core.protocol.authzen;

import java.util.Map;

/**
 * An AuthZEN action.
 *
 * @param name the action name ({@code can_read}), or {@code null} when missing
 * @param properties further attributes, empty when none
 */
public record AuthzenAction(String name, Map<String, Object> properties) {

	public AuthzenAction {
		properties = AuthzenValues.copy(properties);
	}

}
