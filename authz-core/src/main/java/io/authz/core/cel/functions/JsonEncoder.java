package io.authz.core.cel.functions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;

/**
 * Encodes CEL values as compact JSON the way cel-go's {@code json.encode} does (through
 * {@code google.protobuf.Value}): object keys sorted, integers beyond ±(2^53-1) as strings, doubles in the
 * shortest form that round-trips (exponent notation below 1e-6 and from 1e21), bytes as base64, timestamps as
 * RFC 3339 and durations as seconds ({@code "1.5s"}).
 */
public final class JsonEncoder {

	private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private JsonEncoder() {
	}

	/**
	 * Encodes {@code value}.
	 * @throws IllegalArgumentException for values JSON cannot hold: NaN, infinities, non-string map keys, opaque
	 * values
	 */
	public static String encode(Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, Object value) {
		if (value == null || value instanceof NullValue || value instanceof com.google.protobuf.NullValue) {
			json.append("null");
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			appendInteger(json, value);
		}
		else if (value instanceof UnsignedLong unsigned) {
			String digits = unsigned.toString();
			json.append((unsigned.compareTo(UnsignedLong.valueOf(MAX_SAFE_INTEGER)) <= 0) ? digits : quote(digits));
		}
		else if (value instanceof Double || value instanceof Float) {
			json.append(formatDouble(((Number) value).doubleValue()));
		}
		else if (value instanceof String string) {
			appendString(json, string);
		}
		else if (value instanceof CelByteString bytes) {
			appendString(json, Base64.getEncoder().encodeToString(bytes.toByteArray()));
		}
		else if (value instanceof Instant instant) {
			appendString(json, formatInstant(instant));
		}
		else if (value instanceof Duration duration) {
			appendString(json, formatDuration(duration));
		}
		else if (value instanceof Map<?, ?> map) {
			appendObject(json, map);
		}
		else if (value instanceof Collection<?> list) {
			appendArray(json, list);
		}
		else {
			throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName() + " as JSON");
		}
	}

	private static void appendInteger(StringBuilder json, Object value) {
		if (value instanceof Boolean) {
			json.append(value);
			return;
		}
		long number = ((Number) value).longValue();
		String digits = Long.toString(number);
		json.append((number >= -MAX_SAFE_INTEGER && number <= MAX_SAFE_INTEGER) ? digits : quote(digits));
	}

	private static void appendObject(StringBuilder json, Map<?, ?> map) {
		// Protobuf's JSON printer sorts map keys; Go compares strings bytewise (code point order).
		Map<String, Object> sorted = new TreeMap<>(ListFunctions::compareUtf8);
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException("unsupported map key type: "
						+ ((entry.getKey() != null) ? entry.getKey().getClass().getSimpleName() : "null"));
			}
			sorted.put(key, entry.getValue());
		}
		json.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : sorted.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			appendString(json, entry.getKey());
			json.append(':');
			append(json, entry.getValue());
		}
		json.append('}');
	}

	private static void appendArray(StringBuilder json, Collection<?> list) {
		json.append('[');
		boolean first = true;
		for (Object element : list) {
			if (!first) {
				json.append(',');
			}
			first = false;
			append(json, element);
		}
		json.append(']');
	}

	private static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2);
		appendString(json, value);
		return json.toString();
	}

	private static void appendString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/** A double as Go's JSON encoders write it (ECMAScript number formatting). */
	static String formatDouble(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("NaN and Inf are not supported in JSON");
		}
		double magnitude = Math.abs(value);
		if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21)) {
			return GoNumbers.shortest(value);
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		String digits = decimal.unscaledValue().abs().toString();
		int exponent = digits.length() - 1 - decimal.scale();
		StringBuilder formatted = new StringBuilder();
		if (value < 0) {
			formatted.append('-');
		}
		formatted.append(digits.charAt(0));
		if (digits.length() > 1) {
			formatted.append('.').append(digits, 1, digits.length());
		}
		formatted.append('e').append((exponent < 0) ? '-' : '+');
		int absolute = Math.abs(exponent);
		// Exponents here are at least 21 or at most -7, so Go's two-digit padding never shows.
		formatted.append(absolute);
		return formatted.toString();
	}

	/** RFC 3339 in UTC with the shortest fraction, as Go's {@code time.RFC3339Nano}. */
	public static String formatInstant(Instant instant) {
		String seconds = DateTimeFormatter.ISO_INSTANT.format(instant.minusNanos(instant.getNano()));
		if (instant.getNano() == 0) {
			return seconds;
		}
		String fraction = String.format("%09d", instant.getNano()).replaceAll("0+$", "");
		return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
	}

	/** Seconds with the fraction Go's {@code strconv.FormatFloat(d.Seconds(), 'f', -1, 64)} writes, then "s". */
	public static String formatDuration(Duration duration) {
		BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
			.add(BigDecimal.valueOf(duration.getNano(), 9))
			.stripTrailingZeros();
		return ((seconds.signum() == 0) ? "0" : seconds.toPlainString()) + "s";
	}

}
