package io.authz.core.protocol.authzen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of property maps that keep member order and tolerate {@code null} values (JSON {@code null}). */
final class AuthzenValues {

	private AuthzenValues() {
	}

	static Map<String, Object> copy(Map<String, Object> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
