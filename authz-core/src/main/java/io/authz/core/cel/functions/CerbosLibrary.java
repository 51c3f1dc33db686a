package io.authz.core.cel.functions;

import java.util.List;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelOptions;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.parser.CelParserBuilder;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.CelRuntimeLibrary;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.RuntimeEquality;
import dev.cel.runtime.RuntimeHelpers;

/**
 * The functions Cerbos adds to CEL, for cel-java: Cerbos' own library (list set operations, {@code now()} and
 * {@code timeSince()}, hierarchies, {@code inIPAddrRange}, SPIFFE IDs, paths, {@code id}) and the parts of the
 * cel-go extensions Cerbos enables that cel-java lacks or computes differently (network functions,
 * {@code json.encode}, {@code format}, {@code sortBy}, {@code regex.extract}, duration getters).
 * <p>
 * Register it as both a compiler and a runtime library, replace the standard functions with
 * {@link #standardFunctions()}. {@code now()} and {@code timeSince()} read the clock of the check being
 * evaluated ({@link io.authz.core.cel.CheckClock}). It includes the
 * regex extension and replaces {@code sortBy} of cel-java's lists extension and {@code indexOf} and
 * {@code lastIndexOf} of its strings extension: register those without these functions, and no regex extension.
 */
public final class CerbosLibrary implements CelCompilerLibrary, CelRuntimeLibrary {


	private final List<FunctionLibrary> libraries;

	private CerbosLibrary(CelOptions options) {
		RuntimeEquality equality = RuntimeEquality.create(RuntimeHelpers.create(), options);
		this.libraries = List.of(new ListFunctions(equality), new TimeFunctions(), new HierarchyFunctions(),
				new NetworkFunctions(), new SpiffeFunctions(), new PathFunctions(), new StringFunctions(),
				new RegexFunctions(), new ValueFunctions());
	}

	/**
	 * @param options the options of the environment, for CEL equality in set operations
	 */
	public static CerbosLibrary create(CelOptions options) {
		return new CerbosLibrary(options);
	}

	/** The standard function bindings, minus those this library redefines. */
	public static CelStandardFunctions standardFunctions() {
		return TimeFunctions.standardFunctions();
	}



	@Override
	public void setParserOptions(CelParserBuilder parser) {
		this.libraries.forEach((library) -> library.setParserOptions(parser));
	}

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		this.libraries.forEach((library) -> library.setCheckerOptions(checker));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		this.libraries.forEach((library) -> library.setRuntimeOptions(runtime));
	}

}
