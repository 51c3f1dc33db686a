package io.authz.core.protocol.cerbos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of wire maps that keep member order and tolerate {@code null} values (JSON {@code null}). */
final class CerbosValues {

	private CerbosValues() {
	}

	static <V> Map<String, V> copy(Map<String, V> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
