package io.authz.core.cel.functions;

import java.util.List;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * The functions of cel-go's strings extension that cel-java lacks, {@code "...".format([args])}, or computes
 * differently: {@code indexOf} and {@code lastIndexOf} with an offset past the end find nothing (cel-java fails)
 * and a negative offset fails. cel-java's strings extension must be registered without {@code indexOf} and
 * {@code lastIndexOf}.
 */
final class StringFunctions implements FunctionLibrary {

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				CelFunctionDecl.newFunctionDeclaration("format",
						CelOverloadDecl.newMemberOverload("string_format", SimpleType.STRING, SimpleType.STRING,
								ListType.create(SimpleType.DYN))),
				CelFunctionDecl.newFunctionDeclaration("indexOf",
						CelOverloadDecl.newMemberOverload("string_index_of_string", SimpleType.INT, SimpleType.STRING,
								SimpleType.STRING),
						CelOverloadDecl.newMemberOverload("string_index_of_string_int", SimpleType.INT,
								SimpleType.STRING, SimpleType.STRING, SimpleType.INT)),
				CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
						CelOverloadDecl.newMemberOverload("string_last_index_of_string", SimpleType.INT,
								SimpleType.STRING, SimpleType.STRING),
						CelOverloadDecl.newMemberOverload("string_last_index_of_string_int", SimpleType.INT,
								SimpleType.STRING, SimpleType.STRING, SimpleType.INT)));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		runtime.addFunctionBindings(
				CelFunctionBinding.from("string_format", String.class, List.class, StringFunctions::format),
				CelFunctionBinding.from("string_index_of_string", String.class, String.class,
						(string, substring) -> indexOf(string, substring, 0L)),
				CelFunctionBinding.from("string_index_of_string_int", List.of(String.class, String.class, Long.class),
						(args) -> indexOf((String) args[0], (String) args[1], (Long) args[2])),
				CelFunctionBinding.from("string_last_index_of_string", String.class, String.class,
						StringFunctions::lastIndexOf),
				CelFunctionBinding.from("string_last_index_of_string_int",
						List.of(String.class, String.class, Long.class),
						(args) -> lastIndexOf((String) args[0], (String) args[1], (Long) args[2])));
	}

	/**
	 * The code point index of {@code substring} in {@code string} from {@code offset}: -1 when not found or the
	 * offset is past the end; an empty substring is found at the offset, at most the length.
	 */
	static long indexOf(String string, String substring, long offset) throws CelEvaluationException {
		if (offset < 0) {
			throw new CelEvaluationException("index out of range: " + offset);
		}
		int[] runes = string.codePoints().toArray();
		if (substring.isEmpty()) {
			return Math.min(offset, runes.length);
		}
		int[] sub = substring.codePoints().toArray();
		for (long i = offset; i < runes.length - (sub.length - 1); i++) {
			if (regionMatches(runes, (int) i, sub)) {
				return i;
			}
		}
		return -1;
	}

	/** The code point index of the last {@code substring} in {@code string}; its length for an empty one. */
	static long lastIndexOf(String string, String substring) throws CelEvaluationException {
		int length = string.codePointCount(0, string.length());
		if (substring.isEmpty()) {
			return length;
		}
		if (length < substring.codePointCount(0, substring.length())) {
			return -1;
		}
		return lastIndexOf(string, substring, length - 1L);
	}

	/**
	 * The code point index of the last {@code substring} in {@code string} starting at or before {@code offset}:
	 * -1 when not found or the offset is past the end; an empty substring is found at the offset, at most the
	 * length.
	 */
	static long lastIndexOf(String string, String substring, long offset) throws CelEvaluationException {
		if (offset < 0) {
			throw new CelEvaluationException("index out of range: " + offset);
		}
		int[] runes = string.codePoints().toArray();
		if (substring.isEmpty()) {
			return Math.min(offset, runes.length);
		}
		int[] sub = substring.codePoints().toArray();
		if (offset >= runes.length) {
			return -1;
		}
		for (long i = Math.min(offset, runes.length - sub.length); i >= 0; i--) {
			if (regionMatches(runes, (int) i, sub)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean regionMatches(int[] runes, int start, int[] sub) {
		for (int j = 0; j < sub.length; j++) {
			if (runes[start + j] != sub[j]) {
				return false;
			}
		}
		return true;
	}

	private static String format(String template, List<?> args) throws CelEvaluationException {
		try {
			return StringFormatter.format(template, args);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException(ex.getMessage(), ex);
		}
	}

}
