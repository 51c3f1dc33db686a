package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * The regex extension ({@code regex.replace}, {@code regex.extract}, {@code regex.extractAll}) as cel-go has it.
 * {@code regex.replace} is cel-java's; the two extract functions are redone because cel-java's differ: cel-go
 * treats an empty capture as no match ({@code regex.extract('ab', 'a(x?)b')} is {@code optional.none()}) and,
 * like Go's {@code FindAll}, ignores an empty match right after the previous match.
 */
final class RegexFunctions implements FunctionLibrary {

	private static final String EXTRACT = "regex_extract_first_string_string";

	private static final String EXTRACT_ALL = "regex_extract_all_string_string";

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				CelFunctionDecl.newFunctionDeclaration("regex.replace",
						CelOverloadDecl.newGlobalOverload("regex_replaceAll_string_string_string", SimpleType.STRING,
								SimpleType.STRING, SimpleType.STRING, SimpleType.STRING),
						CelOverloadDecl.newGlobalOverload("regex_replaceCount_string_string_string_int",
								SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING,
								SimpleType.INT)),
				CelFunctionDecl.newFunctionDeclaration("regex.extract", CelOverloadDecl.newGlobalOverload(EXTRACT,
						OptionalType.create(SimpleType.STRING), SimpleType.STRING, SimpleType.STRING)),
				CelFunctionDecl.newFunctionDeclaration("regex.extractAll", CelOverloadDecl.newGlobalOverload(
						EXTRACT_ALL, ListType.create(SimpleType.STRING), SimpleType.STRING, SimpleType.STRING)));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		// cel-java's bindings for regex.replace (its extract bindings are registered too, but nothing refers to
		// them: the declarations above use other overload ids)
		CelExtensions.regex().setRuntimeOptions(runtime);
		runtime.addFunctionBindings(
				CelFunctionBinding.from(EXTRACT, String.class, String.class, RegexFunctions::extract),
				CelFunctionBinding.from(EXTRACT_ALL, String.class, String.class, RegexFunctions::extractAll));
	}

	/** The first match, or its capture group if the pattern has one; none for no match or an empty capture. */
	static Optional<String> extract(String target, String regex) throws CelEvaluationException {
		Pattern pattern = compile(regex);
		Matcher matcher = pattern.matcher(target);
		if (!matcher.find()) {
			return Optional.empty();
		}
		if (pattern.groupCount() == 1) {
			String group = matcher.group(1);
			return (group == null || group.isEmpty()) ? Optional.empty() : Optional.of(group);
		}
		return Optional.of(matcher.group());
	}

	/** All matches (or their non-empty captures), as Go's {@code FindAllStringSubmatch}. */
	static List<String> extractAll(String target, String regex) throws CelEvaluationException {
		Pattern pattern = compile(regex);
		boolean capture = pattern.groupCount() == 1;
		Matcher matcher = pattern.matcher(target);
		List<String> result = new ArrayList<>();
		int position = 0;
		int previousEnd = -1;
		while (position <= target.length() && matcher.find(position)) {
			boolean accept = true;
			if (matcher.end() == position) {
				// An empty match: not right after the previous match, and the next search starts one character on
				accept = matcher.start() != previousEnd;
				position += (position < target.length()) ? Character.charCount(target.codePointAt(position)) : 1;
			}
			else {
				position = matcher.end();
			}
			previousEnd = matcher.end();
			if (!accept) {
				continue;
			}
			if (!capture) {
				result.add(matcher.group());
			}
			else if (matcher.group(1) != null && !matcher.group(1).isEmpty()) {
				result.add(matcher.group(1));
			}
		}
		return result;
	}

	private static Pattern compile(String regex) throws CelEvaluationException {
		Pattern pattern;
		try {
			pattern = Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new CelEvaluationException(ex.getMessage(), ex);
		}
		if (pattern.groupCount() > 1) {
			throw new CelEvaluationException("regular expression has more than one capturing group: \"" + regex + "\"");
		}
		return pattern;
	}

}
