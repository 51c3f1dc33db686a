package io.authz.core.cel.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting as Go's {@code strconv} and {@code fmt} do it: exact binary values rounded half to even,
 * which Java's {@link String#format} does not do ({@code %.2f} of 0.125 is 0.12 in Go, 0.13 in Java).
 */
final class GoNumbers {

	private GoNumbers() {
	}

	/** {@code strconv.FormatFloat(value, 'f', -1, 64)}: the shortest decimal that round-trips, no exponent. */
	static String shortest(double value) {
		if (value == 0) {
			return isNegative(value) ? "-0" : "0";
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
	}

	/** {@code fmt.Sprintf("%.<precision>f", value)} for a finite value. */
	static String fixed(double value, int precision) {
		String digits = new BigDecimal(value).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
		return isNegative(value) ? "-" + digits : digits;
	}

	/** {@code fmt.Sprintf("%1.<precision>e", value)} for a finite value, such as {@code 2.718280e+00}. */
	static String scientific(double value, int precision) {
		String digits;
		int exponent;
		if (value == 0) {
			digits = "0";
			exponent = 0;
		}
		else {
			BigDecimal rounded = new BigDecimal(value).abs()
				.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
			digits = rounded.unscaledValue().toString();
			exponent = digits.length() - 1 - rounded.scale();
		}
		StringBuilder formatted = new StringBuilder();
		if (isNegative(value)) {
			formatted.append('-');
		}
		formatted.append(digits.charAt(0));
		if (precision > 0) {
			formatted.append('.').append(digits, 1, Math.min(digits.length(), precision + 1));
			formatted.append("0".repeat(Math.max(0, precision + 1 - digits.length())));
		}
		formatted.append('e').append((exponent < 0) ? '-' : '+');
		int absolute = Math.abs(exponent);
		formatted.append((absolute < 10) ? "0" : "").append(absolute);
		return formatted.toString();
	}

	private static boolean isNegative(double value) {
		return value < 0 || (value == 0 && 1 / value < 0);
	}

}
