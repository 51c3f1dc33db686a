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

/** The string functions of cel-go's strings extension that cel-java lacks: {@code "...".format([args])}. */
final class StringFunctions implements FunctionLibrary {

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("format",
				CelOverloadDecl.newMemberOverload("string_format", SimpleType.STRING, SimpleType.STRING,
						ListType.create(SimpleType.DYN))));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		runtime.addFunctionBindings(
				CelFunctionBinding.from("string_format", String.class, List.class, StringFunctions::format));
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
