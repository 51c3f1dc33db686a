package io.authz.core.cel.functions;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExprFactory;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.validator.CelAstValidator;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.LiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;

/**
 * Compile-time checks of literal arguments, as Cerbos has cel-go make them: {@code duration("...")},
 * {@code timestamp("...")}, {@code ip("...")} and {@code cidr("...")} must evaluate, the first argument of
 * {@code matches} must be a valid RE2 pattern when it is a literal, and a {@code format} call on a literal string
 * with a list literal must have well-formed clauses, arguments of suitable types and no unused argument. An
 * expression failing them does not compile.
 */
public final class LiteralValidators {

	private LiteralValidators() {
	}

	/** The validators, to add to a {@code CelValidatorBuilder}. */
	public static List<CelAstValidator> all() {
		return List.of(DurationLiteralValidator.INSTANCE, TimestampLiteralValidator.INSTANCE,
				new EvaluatingValidator("ip", IpAddress.class, NetworkFunctions.IP),
				new EvaluatingValidator("cidr", IpPrefix.class, NetworkFunctions.CIDR), new RegexValidator(),
				new FormatCallValidator());
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

	/** Checks {@code "literal".format([literal list])} calls as cel-go's strings extension does. */
	private static final class FormatCallValidator implements CelAstValidator {

		private static final Set<CelKind> NUMBERS = EnumSet.of(CelKind.INT, CelKind.UINT, CelKind.DOUBLE);

		private static final Set<CelKind> PRINTABLE = EnumSet.of(CelKind.LIST, CelKind.MAP, CelKind.INT, CelKind.UINT,
				CelKind.DOUBLE, CelKind.BOOL, CelKind.STRING, CelKind.TIMESTAMP, CelKind.BYTES, CelKind.DURATION,
				CelKind.TYPE, CelKind.NULL_TYPE);

		@Override
		public void validate(CelNavigableAst ast, Cel cel, IssuesFactory issues) {
			ast.getRoot()
				.allNodes()
				.map((node) -> node.expr())
				.filter(FormatCallValidator::isLiteralFormatCall)
				.forEach((call) -> validate(ast.getAst(), call, issues));
		}

		private static boolean isLiteralFormatCall(CelExpr expr) {
			if (!expr.callOrDefault().function().equals("format") || expr.call().target().isEmpty()
					|| expr.call().args().size() != 1) {
				return false;
			}
			CelExpr target = expr.call().target().get();
			return target.exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT
					&& target.constant().getKind() == CelConstant.Kind.STRING_VALUE
					&& expr.call().args().get(0).exprKind().getKind() == CelExpr.ExprKind.Kind.LIST;
		}

		private static void validate(CelAbstractSyntaxTree ast, CelExpr call, IssuesFactory issues) {
			String template = call.call().target().get().constant().stringValue();
			List<CelExpr> args = call.call().args().get(0).list().elements();
			int[] used = { 0 };
			try {
				StringFormatter.interpolate(template, args.size(), (verb, precision, index) -> {
					used[0]++;
					check(ast, verb, args.get(index));
					return "";
				});
			}
			catch (IllegalArgumentException ex) {
				issues.addError(call.id(), ex.getMessage());
				return;
			}
			if (used[0] < args.size()) {
				issues.addError(call.id(), "too many arguments supplied to string.format (expected " + used[0]
						+ ", got " + args.size() + ")");
			}
		}

		private static void check(CelAbstractSyntaxTree ast, char verb, CelExpr arg) {
			Set<CelKind> allowed = switch (verb) {
				case 's' -> PRINTABLE;
				case 'd', 'f', 'e' -> NUMBERS;
				case 'b' -> EnumSet.of(CelKind.BOOL, CelKind.INT, CelKind.UINT);
				case 'x', 'X' -> EnumSet.of(CelKind.INT, CelKind.UINT, CelKind.STRING, CelKind.BYTES);
				default -> EnumSet.of(CelKind.INT, CelKind.UINT);
			};
			CelKind kind = ast.getType(arg.id()).map(CelType::kind).orElse(CelKind.DYN);
			if (kind != CelKind.DYN && !allowed.contains(kind)) {
				throw new IllegalArgumentException("error during formatting: clause %" + verb
						+ " cannot format a value of type " + ast.getType(arg.id()).map(CelType::name).orElse("dyn"));
			}
			if (verb == 's' && arg.exprKind().getKind() == CelExpr.ExprKind.Kind.LIST) {
				arg.list().elements().forEach((element) -> check(ast, verb, element));
			}
			if (verb == 's' && arg.exprKind().getKind() == CelExpr.ExprKind.Kind.MAP) {
				arg.map().entries().forEach((entry) -> {
					check(ast, verb, entry.key());
					check(ast, verb, entry.value());
				});
			}
		}

	}

}
