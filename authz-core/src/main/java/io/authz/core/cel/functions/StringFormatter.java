package io.authz.core.cel.functions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.TypeType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;

/**
 * cel-go's {@code "...".format([args])} (strings extension, version 4 and later), which cel-java lacks: clauses
 * {@code %s}, {@code %d}, {@code %f}, {@code %e} (with an optional precision, 6 by default, at most 100),
 * {@code %b}, {@code %x}, {@code %X}, {@code %o}, and {@code %%}.
 */
final class StringFormatter {

	private static final int DEFAULT_PRECISION = 6;

	private static final int MAX_PRECISION = 100;

	private StringFormatter() {
	}

	/**
	 * Formats {@code template} with {@code args}.
	 * @throws IllegalArgumentException for a malformed clause, a missing argument or an argument the clause cannot
	 * format
	 */
	static String format(String template, List<?> args) {
		return interpolate(template, args.size(), (verb, precision, index) -> format(verb, precision, args.get(index)));
	}

	/**
	 * Parses {@code template}, replacing each clause with what {@code clauses} makes of it.
	 * @return the formatted string
	 * @throws IllegalArgumentException for a malformed clause or a missing argument
	 */
	static String interpolate(String template, int argCount, Clauses clauses) {
		StringBuilder formatted = new StringBuilder();
		int argIndex = 0;
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c != '%') {
				formatted.append(c);
				i++;
				continue;
			}
			if (i + 1 < template.length() && template.charAt(i + 1) == '%') {
				formatted.append('%');
				i += 2;
				continue;
			}
			if (argIndex >= argCount) {
				throw new IllegalArgumentException("index " + argIndex + " out of range");
			}
			if (i + 1 >= template.length()) {
				throw new IllegalArgumentException("unexpected end of string");
			}
			i++;
			int precision = DEFAULT_PRECISION;
			if (template.charAt(i) == '.') {
				int digits = ++i;
				while (i < template.length() && template.charAt(i) >= '0' && template.charAt(i) <= '9') {
					i++;
				}
				precision = precision(template, digits, i);
			}
			char verb = template.charAt(i);
			if ("sdfebxXo".indexOf(verb) < 0) {
				throw clauseError("unrecognized formatting clause \"" + verb + "\"");
			}
			formatted.append(clauses.format(verb, precision, argIndex));
			argIndex++;
			i++;
		}
		return formatted.toString();
	}

	private static int precision(String template, int start, int end) {
		if (end >= template.length()) {
			throw clauseError("error while parsing precision: could not find end of precision specifier");
		}
		if (end == start) {
			throw clauseError("error while parsing precision: error while converting precision to integer");
		}
		String digits = template.substring(start, end);
		if (digits.length() > 3 || Integer.parseInt(digits) > MAX_PRECISION) {
			throw clauseError("error while parsing precision: precision " + digits
					+ " exceeds maximum allowed precision " + MAX_PRECISION);
		}
		return Integer.parseInt(digits);
	}

	private static String format(char verb, int precision, Object arg) {
		return switch (verb) {
			case 's' -> string(arg);
			case 'd' -> decimal(arg);
			case 'f' -> floating(arg, precision, false);
			case 'e' -> floating(arg, precision, true);
			case 'b' -> binary(arg);
			case 'x', 'X' -> hex(arg, verb == 'X');
			default -> octal(arg);
		};
	}

	private static IllegalArgumentException clauseError(String message) {
		return new IllegalArgumentException("could not parse formatting clause: " + message);
	}

	private static IllegalArgumentException formattingError(String message, Object arg) {
		return new IllegalArgumentException("error during formatting: " + message + ", was given " + typeName(arg));
	}

	private static String string(Object arg) {
		if (arg instanceof Boolean || arg instanceof Long || arg instanceof UnsignedLong || arg instanceof String) {
			return arg.toString();
		}
		if (arg instanceof Double d) {
			return special(d).orElseGet(() -> GoNumbers.shortest(d));
		}
		if (arg instanceof CelByteString bytes) {
			return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
		}
		if (arg instanceof Duration duration) {
			return GoNumbers.shortest(TimeFunctions.truncatedNanos(duration) / 1e9) + "s";
		}
		if (arg instanceof Instant instant) {
			return JsonEncoder.formatInstant(instant);
		}
		if (arg == null || arg instanceof NullValue) {
			return "null";
		}
		if (arg instanceof TypeType type) {
			return type.parameters().isEmpty() ? type.name() : type.parameters().get(0).name();
		}
		if (arg instanceof Collection<?> list) {
			List<String> elements = new ArrayList<>(list.size());
			list.forEach((element) -> elements.add(string(element)));
			return "[" + String.join(", ", elements) + "]";
		}
		if (arg instanceof Map<?, ?> map) {
			List<String[]> entries = new ArrayList<>(map.size());
			map.forEach((key, value) -> entries.add(new String[] { string(key), string(value) }));
			entries.sort((x, y) -> ListFunctions.compareUtf8(x[0], y[0]));
			List<String> formatted = new ArrayList<>(entries.size());
			entries.forEach((entry) -> formatted.add(entry[0] + ": " + entry[1]));
			return "{" + String.join(", ", formatted) + "}";
		}
		throw formattingError("string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, "
				+ "types, durations, and timestamps", arg);
	}

	private static String decimal(Object arg) {
		if (arg instanceof Long || arg instanceof UnsignedLong) {
			return arg.toString();
		}
		if (arg instanceof Double d) {
			return special(d).orElseGet(() -> GoNumbers.shortest(d));
		}
		throw formattingError("decimal clause can only be used on ints, uints, and doubles", arg);
	}

	private static String floating(Object arg, int precision, boolean scientific) {
		double value;
		if (arg instanceof Long l) {
			value = l;
		}
		else if (arg instanceof UnsignedLong u) {
			value = u.doubleValue();
		}
		else if (arg instanceof Double d) {
			value = d;
		}
		else {
			throw formattingError((scientific ? "scientific" : "fixed-point")
					+ " clause can only be used on ints, uints, and doubles", arg);
		}
		return special(value).orElseGet(
				() -> scientific ? GoNumbers.scientific(value, precision) : GoNumbers.fixed(value, precision));
	}

	private static String binary(Object arg) {
		if (arg instanceof Boolean b) {
			return b ? "1" : "0";
		}
		if (arg instanceof Long l) {
			return Long.toString(l, 2);
		}
		if (arg instanceof UnsignedLong u) {
			return u.toString(2);
		}
		throw formattingError("only ints, uints, and bools can be formatted as binary", arg);
	}

	private static String hex(Object arg, boolean upperCase) {
		String hex;
		if (arg instanceof Long l) {
			hex = (l < 0) ? "-" + Long.toUnsignedString(-l, 16) : Long.toString(l, 16);
		}
		else if (arg instanceof UnsignedLong u) {
			hex = u.toString(16);
		}
		else if (arg instanceof String s) {
			hex = HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
		}
		else if (arg instanceof CelByteString bytes) {
			hex = HexFormat.of().formatHex(bytes.toByteArray());
		}
		else {
			throw formattingError("only ints, uints, bytes, and strings can be formatted as hex", arg);
		}
		return upperCase ? hex.toUpperCase(Locale.ROOT) : hex;
	}

	private static String octal(Object arg) {
		if (arg instanceof Long l) {
			return Long.toString(l, 8);
		}
		if (arg instanceof UnsignedLong u) {
			return u.toString(8);
		}
		throw formattingError("octal clause can only be used on ints and uints", arg);
	}

	private static Optional<String> special(double value) {
		if (Double.isNaN(value)) {
			return Optional.of("NaN");
		}
		if (Double.isInfinite(value)) {
			return Optional.of((value > 0) ? "Infinity" : "-Infinity");
		}
		return Optional.empty();
	}

	/** What a clause becomes. */
	@FunctionalInterface
	interface Clauses {

		/**
		 * @param verb the clause letter: one of {@code sdfebxXo}
		 * @param precision the precision of {@code %f} and {@code %e}
		 * @param index the index of the argument
		 */
		String format(char verb, int precision, int index);

	}

	private static String typeName(Object arg) {
		if (arg instanceof CelType type) {
			return type.name();
		}
		return (arg != null) ? arg.getClass().getSimpleName() : "null";
	}

}
