package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.List;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Cerbos' path functions for UNIX and Windows paths: {@code basePath}, {@code dirPath}, {@code extPath},
 * {@code joinPath}, {@code relPath}, {@code volumeName}, and {@code pathHasPrefix}, {@code pathMatch} and
 * {@code pathMatchAnyOf} (also callable as methods of the path).
 */
final class PathFunctions implements FunctionLibrary {

	private static final ListType STRING_LIST = ListType.create(SimpleType.STRING);

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				function("basePath", CelOverloadDecl.newGlobalOverload("basePath_string", SimpleType.STRING,
						SimpleType.STRING)),
				function("dirPath", CelOverloadDecl.newGlobalOverload("dirPath_string", SimpleType.STRING,
						SimpleType.STRING)),
				function("extPath", CelOverloadDecl.newGlobalOverload("extPath_string", SimpleType.STRING,
						SimpleType.STRING)),
				function("joinPath", CelOverloadDecl.newGlobalOverload("joinPath_stringarray", SimpleType.STRING,
						STRING_LIST)),
				function("relPath", CelOverloadDecl.newGlobalOverload("relPath_string_string", SimpleType.STRING,
						SimpleType.STRING, SimpleType.STRING)),
				function("volumeName", CelOverloadDecl.newGlobalOverload("volumeName_string", SimpleType.STRING,
						SimpleType.STRING)),
				globalAndMember("pathHasPrefix", SimpleType.STRING), globalAndMember("pathMatch", SimpleType.STRING),
				globalAndMember("pathMatchAnyOf", STRING_LIST));
	}

	private static CelFunctionDecl function(String name, CelOverloadDecl... overloads) {
		return CelFunctionDecl.newFunctionDeclaration(name, overloads);
	}

	private static CelFunctionDecl globalAndMember(String name, CelType second) {
		return function(name,
				CelOverloadDecl.newGlobalOverload(name + "_overload", SimpleType.BOOL, SimpleType.STRING, second),
				CelOverloadDecl.newMemberOverload(name + "_member_overload", SimpleType.BOOL, SimpleType.STRING,
						second));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		List<CelFunctionBinding> bindings = new ArrayList<>();
		bindings.add(CelFunctionBinding.from("basePath_string", String.class,
				(path) -> call(() -> CrossPath.base(path))));
		bindings.add(CelFunctionBinding.from("dirPath_string", String.class,
				(path) -> call(() -> CrossPath.dir(path))));
		bindings.add(CelFunctionBinding.from("extPath_string", String.class,
				(path) -> call(() -> CrossPath.ext(path))));
		bindings.add(CelFunctionBinding.from("joinPath_stringarray", List.class,
				(paths) -> call(() -> CrossPath.join(strings(paths)))));
		bindings.add(CelFunctionBinding.from("relPath_string_string", String.class, String.class,
				(base, target) -> call(() -> CrossPath.rel(base, target))));
		bindings.add(CelFunctionBinding.from("volumeName_string", String.class, CrossPath::volumeName));
		for (String suffix : List.of("_overload", "_member_overload")) {
			bindings.add(CelFunctionBinding.from("pathHasPrefix" + suffix, String.class, String.class,
					(path, prefix) -> call(() -> hasPrefix(path, prefix))));
			bindings.add(CelFunctionBinding.from("pathMatch" + suffix, String.class, String.class,
					(path, pattern) -> call(() -> CrossPath.match(path, pattern))));
			bindings.add(CelFunctionBinding.from("pathMatchAnyOf" + suffix, String.class, List.class,
					(path, patterns) -> call(() -> matchesAny(path, strings(patterns)))));
		}
		runtime.addFunctionBindings(bindings);
	}

	/** Whether {@code prefix} is {@code path} or one of its ancestors. */
	static boolean hasPrefix(String path, String prefix) {
		if (prefix.equals(path)) {
			return true;
		}
		String relative = CrossPath.rel(prefix, path);
		return !relative.isEmpty() && relative.charAt(0) != '.' && relative.charAt(0) != '/';
	}

	private static boolean matchesAny(String path, List<String> patterns) {
		for (String pattern : patterns) {
			if (CrossPath.match(path, pattern)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> strings(List<?> list) {
		List<String> strings = new ArrayList<>(list.size());
		for (Object element : list) {
			if (!(element instanceof String string)) {
				throw new IllegalArgumentException("failed to convert list to string slice");
			}
			strings.add(string);
		}
		return strings;
	}

	/** Runs a path operation, reporting Go's errors (and panics) as evaluation errors. */
	private static Object call(PathOperation operation) throws CelEvaluationException {
		try {
			return operation.run();
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new CelEvaluationException(ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface PathOperation {

		Object run();

	}

}
