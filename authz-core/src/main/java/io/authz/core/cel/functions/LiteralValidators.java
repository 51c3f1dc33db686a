package io.authz.core.cel.functions;

import java.util.List;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExprFactory;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.validator.CelAstValidator;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.LiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;

/**
 * Compile-time checks of literal arguments, as Cerbos has cel-go make them: {@code duration("...")},
 * {@code timestamp("...")}, {@code ip("...")} and {@code cidr("...")} must evaluate, and the first argument of
 * {@code matches} must be a valid RE2 pattern when it is a literal. An expression failing them does not compile.
 */
public final class LiteralValidators {

	private LiteralValidators() {
	}

	/** The validators, to add to a {@code CelValidatorBuilder}. */
	public static List<CelAstValidator> all() {
		return List.of(DurationLiteralValidator.INSTANCE, TimestampLiteralValidator.INSTANCE,
				new EvaluatingValidator("ip", IpAddress.class, NetworkFunctions.IP),
				new EvaluatingValidator("cidr", IpPrefix.class, NetworkFunctions.CIDR), new RegexValidator());
	}

	/** Evaluates {@code function(literal)} for each literal argument of a call to the function. */
	private static final class EvaluatingValidator extends LiteralValidator {

		EvaluatingValidator(String function, Class<?> resultClass, CelType resultType) {
			super(function, resultClass, resultType);
		}

	}

	/**
	 * Checks literal patterns of {@code matches} by compiling them with CEL's own regex engine. Like cel-go, it
	 * checks the first argument after the target: the pattern of {@code s.matches('re')}, the string of
	 * {@code matches('s', 're')}.
	 */
	private static final class RegexValidator implements CelAstValidator {

		@Override
		public void validate(CelNavigableAst ast, Cel cel, IssuesFactory issues) {
			ast.getRoot()
				.allNodes()
				.map((node) -> node.expr())
				.filter((expr) -> expr.callOrDefault().function().equals("matches"))
				.map((expr) -> expr.call().args())
				.filter((args) -> !args.isEmpty() && args.get(0).exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT
						&& args.get(0).constant().getKind() == CelConstant.Kind.STRING_VALUE)
				.map((args) -> args.get(0))
				.forEach((pattern) -> {
					try {
						compile(cel, pattern.constant().stringValue());
					}
					catch (Exception ex) {
						issues.addError(pattern.id(), "invalid matches argument: " + ex.getMessage());
					}
				});
		}

		private static void compile(Cel cel, String pattern) throws Exception {
			CelExprFactory factory = CelExprFactory.newInstance();
			CelExpr call = factory.newGlobalCall("matches", factory.newStringLiteral(""),
					factory.newStringLiteral(pattern));
			CelAbstractSyntaxTree parsed = CelAbstractSyntaxTree.newParsedAst(call, CelSource.newBuilder().build());
			cel.createProgram(cel.check(parsed).getAst()).eval();
		}

	}

}
