package io.authz.core.cel;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.values.CelByteString;
import io.authz.core.cel.functions.JsonEncoder;

/**
 * Converts attribute values into the shapes CEL evaluates, as Cerbos sees JSON: every number is a double,
 * collections are lists, objects are string-keyed maps, dates and times are strings.
 */
public final class CelValues {

	private CelValues() {
	}

	/** Normalises a map of attributes; the result is safe to share between evaluations. */
	public static Map<String, Object> normalizeMap(Map<?, ?> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> result = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			result.put(String.valueOf(entry.getKey()), normalize(entry.getValue()));
		}
		return result;
	}

	/** Normalises one value; {@code null} becomes CEL's {@code null}. */
	public static Object normalize(Object value) {
		if (value == null) {
			// CEL's null; a Java null inside a map would read as an unknown value in cel-java.
			return dev.cel.common.values.NullValue.NULL_VALUE;
		}
		if (value instanceof String || value instanceof Boolean || value instanceof Double) {
			return value;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof Map<?, ?> map) {
			return normalizeMap(map);
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			for (Object element : collection) {
				list.add(normalize(element));
			}
			return list;
		}
		if (value instanceof byte[]) {
			return value;
		}
		if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			List<Object> list = new ArrayList<>(length);
			for (int i = 0; i < length; i++) {
				list.add(normalize(Array.get(value, i)));
			}
			return list;
		}
		if (value instanceof Character || value instanceof Enum<?> || value instanceof TemporalAccessor
				|| value instanceof CharSequence) {
			return value.toString();
		}
		return value.toString();
	}

	/** Converts a value CEL produced into plain Java: lists, string-keyed maps, numbers, strings, booleans. */
	public static Object toJava(Object value) {
		if (value == null || value instanceof dev.cel.common.values.NullValue
				|| value instanceof com.google.protobuf.NullValue) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, element) -> result.put(String.valueOf(key), toJava(element)));
			return result;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach((element) -> list.add(toJava(element)));
			return list;
		}
		if (value instanceof Optional<?> optional) {
			return optional.map(CelValues::toJava).orElse(null);
		}
		if (value instanceof String || value instanceof Boolean || value instanceof Number) {
			return value;
		}
		// As Cerbos renders them in JSON: "90.5s", RFC 3339, base64
		if (value instanceof Duration duration) {
			return JsonEncoder.formatDuration(duration);
		}
		if (value instanceof Instant instant) {
			return JsonEncoder.formatInstant(instant);
		}
		if (value instanceof CelByteString bytes) {
			return Base64.getEncoder().encodeToString(bytes.toByteArray());
		}
		return value.toString();
	}

}
