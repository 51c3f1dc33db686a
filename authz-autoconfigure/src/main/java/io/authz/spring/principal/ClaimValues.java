package io.authz.spring.principal;

import java.lang.reflect.Array;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Converts token claim values to the JSON-like values policies compare against: strings, numbers, booleans, lists
 * and maps. Instants and dates become ISO-8601 strings, URLs and anything else their string form.
 */
final class ClaimValues {

	private ClaimValues() {
	}

	static @Nullable Object toJsonValue(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof TemporalAccessor || value instanceof URL || value instanceof URI
				|| value instanceof CharSequence || value instanceof Character) {
			return value.toString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, item) -> result.put(String.valueOf(key), toJsonValue(item)));
			return result;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> result = new ArrayList<>(collection.size());
			collection.forEach((item) -> result.add(toJsonValue(item)));
			return result;
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> result = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				result.add(toJsonValue(Array.get(value, i)));
			}
			return result;
		}
		return value.toString();
	}

}
