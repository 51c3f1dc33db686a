package io.authz.core.cel.functions;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Functions on any value: Cerbos' {@code id(x)} (the identity) and {@code json.encode(x)} of cel-go's encoders
 * extension (cel-java's encoders only have base64).
 */
final class ValueFunctions implements FunctionLibrary {

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				CelFunctionDecl.newFunctionDeclaration("id",
						CelOverloadDecl.newGlobalOverload("id_overload", SimpleType.DYN, SimpleType.DYN)),
				CelFunctionDecl.newFunctionDeclaration("json.encode",
						CelOverloadDecl.newGlobalOverload("json_encode_dyn", SimpleType.STRING, SimpleType.DYN)));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		runtime.addFunctionBindings(CelFunctionBinding.from("id_overload", Object.class, (value) -> value),
				CelFunctionBinding.from("json_encode_dyn", Object.class, ValueFunctions::encode));
	}

	private static String encode(Object value) throws CelEvaluationException {
		try {
			return JsonEncoder.encode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException("json encode error: " + ex.getMessage(), ex);
		}
	}

}
