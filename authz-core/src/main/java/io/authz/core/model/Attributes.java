package io.authz.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies of attribute maps that keep insertion order and tolerate {@code null} values. */
final class Attributes {

	private Attributes() {
	}

	static Map<String, Object> copyOf(Map<String, ?> attributes) {
		if (attributes == null || attributes.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

}
