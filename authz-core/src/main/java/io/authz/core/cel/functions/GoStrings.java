package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.List;

/** String helpers with Go's semantics, where Java's differ. */
final class GoStrings {

	private GoStrings() {
	}

	/**
	 * Go's {@code strings.Split}: unlike {@link String#split(String)} the separator is literal and trailing empty
	 * parts are kept; an empty separator splits after each code point.
	 */
	static List<String> split(String value, String separator) {
		List<String> parts = new ArrayList<>();
		if (separator.isEmpty()) {
			value.codePoints().forEach((codePoint) -> parts.add(Character.toString(codePoint)));
			return parts;
		}
		int start = 0;
		int index;
		while ((index = value.indexOf(separator, start)) >= 0) {
			parts.add(value.substring(start, index));
			start = index + separator.length();
		}
		parts.add(value.substring(start));
		return parts;
	}

}
