package io.authz.core.cel;

import java.util.EnumSet;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import io.authz.core.cel.functions.CerbosLibrary;
import io.authz.core.cel.functions.LiteralValidators;

/**
 * The CEL environment policy conditions are compiled in: the variables Cerbos declares ({@code request},
 * {@code P}, {@code R}, {@code V}, {@code C}, {@code G} and their long names, {@code runtime}), the standard
 * macros, heterogeneous numeric comparisons (attribute numbers are doubles, literals are ints), the extension
 * libraries Cerbos enables (strings, math, lists, sets, encoders, bindings, regex, optional values, two-variable
 * comprehensions) and Cerbos' own functions ({@link CerbosLibrary}). One environment is shared by every policy of
 * a set; it is thread-safe.
 */
public final class CelEnvironment {

	/** Variable names conditions may use. */
	public static final String REQUEST = "request";

	public static final String PRINCIPAL = "P";

	public static final String RESOURCE = "R";

	public static final String VARIABLES = "V";

	public static final String VARIABLES_LONG = "variables";

	public static final String CONSTANTS = "C";

	public static final String CONSTANTS_LONG = "constants";

	public static final String GLOBALS = "G";

	public static final String GLOBALS_LONG = "globals";

	public static final String RUNTIME = "runtime";

	private final Cel cel;

	private final CelValidator validator;

	public CelEnvironment() {
		CelOptions options = CelOptions.current()
			.enableHeterogeneousNumericComparisons(true)
			.enableTimestampEpoch(true)
			.enableOptionalSyntax(true)
			.build();
		CerbosLibrary cerbos = CerbosLibrary.create(options);
		// sortBy, indexOf and lastIndexOf come from CerbosLibrary, which computes them as cel-go does.
		CelListsExtensions lists = CelExtensions
			.lists(EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.SORT_BY)));
		CelStringExtensions strings = CelExtensions.strings(EnumSet.complementOf(
				EnumSet.of(CelStringExtensions.Function.INDEX_OF, CelStringExtensions.Function.LAST_INDEX_OF)));
		this.cel = CelFactory.standardCelBuilder()
			.setOptions(options)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			// The standard declarations, but the standard functions minus the duration getters Cerbos computes
			// differently; overriding standard functions needs the standard environment switched off.
			.setStandardEnvironmentEnabled(false)
			.setStandardDeclarations(CelStandardDeclarations.newBuilder().build())
			.setStandardFunctions(CerbosLibrary.standardFunctions())
			.addVar(REQUEST, SimpleType.DYN)
			.addVar(PRINCIPAL, SimpleType.DYN)
			.addVar(RESOURCE, SimpleType.DYN)
			.addVar(VARIABLES, SimpleType.DYN)
			.addVar(VARIABLES_LONG, SimpleType.DYN)
			.addVar(CONSTANTS, SimpleType.DYN)
			.addVar(CONSTANTS_LONG, SimpleType.DYN)
			.addVar(GLOBALS, SimpleType.DYN)
			.addVar(GLOBALS_LONG, SimpleType.DYN)
			.addVar(RUNTIME, SimpleType.DYN)
			// The regex extension is part of CerbosLibrary, which fixes two of its functions.
			.addCompilerLibraries(strings, CelExtensions.math(options), lists,
					CelExtensions.sets(options), CelExtensions.encoders(options), CelExtensions.bindings(),
					CelExtensions.optional(), CelExtensions.comprehensions(), cerbos)
			.addRuntimeLibraries(strings, CelExtensions.math(options), lists,
					CelExtensions.sets(options), CelExtensions.encoders(options), CelExtensions.optional(),
					CelExtensions.comprehensions(), cerbos)
			.build();
		this.validator = CelValidatorFactory.standardCelValidatorBuilder(this.cel)
			.addAstValidators(LiteralValidators.all())
			.build();
	}

	/**
	 * Parses, type-checks, validates literal arguments (as Cerbos does: durations, timestamps, regular
	 * expressions, IP addresses and ranges) and plans an expression.
	 * @throws CelCompileException with CEL's own description of what is wrong
	 */
	public CompiledExpression compile(String expression) {
		CelValidationResult result = this.cel.compile(expression);
		if (result.hasError()) {
			throw new CelCompileException(result.getErrorString());
		}
		try {
			CelValidationResult validated = this.validator.validate(result.getAst());
			if (validated.hasError()) {
				throw new CelCompileException(validated.getErrorString());
			}
			CelAbstractSyntaxTree ast = validated.getAst();
			return new CompiledExpression(expression, this.cel.createProgram(ast), DirectExpression.of(ast.getExpr()));
		}
		catch (CelValidationException | CelEvaluationException ex) {
			throw new CelCompileException(ex.getMessage());
		}
	}

	/** Thrown when an expression does not compile; the message is CEL's. */
	public static final class CelCompileException extends RuntimeException {

		CelCompileException(String message) {
			super(message);
		}

	}

}
