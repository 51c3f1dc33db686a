package io.authz.test.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares and prints output values as Cerbos does: they are JSON values ({@code google.protobuf.Value}), so
 * every number is a double and mappings compare by content whatever their order.
 */
final class OutputValues {

	private OutputValues() {
	}

	static boolean equal(Object expected, Object actual) {
		return Objects.equals(normalize(expected), normalize(actual));
	}

	/** Numbers as doubles, mappings sorted by key, lists element by element. */
	static Object normalize(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, element) -> sorted.put(String.valueOf(key), normalize(element)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> normalized = new ArrayList<>(list.size());
			list.forEach((element) -> normalized.add(normalize(element)));
			return normalized;
		}
		return value;
	}

	/** JSON text of a value, for messages. */
	static String toJson(Object value) {
		StringBuilder json = new StringBuilder();
		write(json, value);
		return json.toString();
	}

	private static void write(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String text) {
			json.append(DefinitionReader.quote(text));
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			json.append((d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) ? String.valueOf((long) d)
					: String.valueOf(d));
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(first ? "" : ",");
				json.append(DefinitionReader.quote(String.valueOf(entry.getKey()))).append(':');
				write(json, entry.getValue());
				first = false;
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append((i > 0) ? "," : "");
				write(json, list.get(i));
			}
			json.append(']');
		}
		else {
			json.append(value);
		}
	}

}
