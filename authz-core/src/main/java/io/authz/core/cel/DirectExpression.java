package io.authz.core.cel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;

/**
 * A direct evaluator for the shapes most policy conditions take: attribute selection, {@code has()},
 * equality, numeric ordering, {@code in}, logical operators and the conditional, over literals and variables.
 * It skips the general interpreter's per-evaluation set-up, which dominates the cost of such small expressions.
 * <p>
 * It follows CEL's semantics: a missing key or a wrong operand type is an error value, {@code &&} and {@code ||}
 * absorb errors when the other side decides, numbers compare across int and double. Anything outside these shapes
 * is not compiled here ({@link #of} returns {@code null}), and a value it does not handle at run time makes it
 * give up ({@link Unsupported}), in both cases leaving the expression to the full interpreter.
 */
final class DirectExpression {

	private final Node root;

	private DirectExpression(Node root) {
		this.root = root;
	}

	/** A direct evaluator for the expression, or {@code null} when it uses anything not handled here. */
	static DirectExpression of(CelExpr expr) {
		Node root = compile(expr);
		return (root != null) ? new DirectExpression(root) : null;
	}

	/**
	 * Evaluates the expression.
	 * @throws CelEvaluationException when CEL would yield an error
	 * @throws Unsupported when a value falls outside what this evaluator handles
	 */
	Object evaluate(CelVariableResolver variables) throws CelEvaluationException {
		Object value = this.root.eval(variables);
		if (value instanceof Err error) {
			throw new CelEvaluationException(error.message);
		}
		return (value == NULL) ? dev.cel.common.values.NullValue.NULL_VALUE : value;
	}

	/** CEL's error value, carried through the evaluation like any other value. */
	private record Err(String message) {
	}

	/** A value this evaluator does not handle: evaluate with the full interpreter instead. */
	static final class Unsupported extends RuntimeException {

		static final Unsupported INSTANCE = new Unsupported();

		private Unsupported() {
			super("unsupported", null, false, false);
		}

	}

	@FunctionalInterface
	private interface Node {

		Object eval(CelVariableResolver variables);

	}

	private static Node compile(CelExpr expr) {
		return switch (expr.getKind()) {
			case CONSTANT -> constant(expr.constant());
			case IDENT -> ident(expr.ident().name());
			case SELECT -> select(expr.select());
			case CALL -> call(expr.call());
			default -> null;
		};
	}

	private static Node constant(CelConstant constant) {
		Object value = switch (constant.getKind()) {
			case BOOLEAN_VALUE -> constant.booleanValue();
			case INT64_VALUE -> constant.int64Value();
			case DOUBLE_VALUE -> constant.doubleValue();
			case STRING_VALUE -> constant.stringValue();
			case NULL_VALUE -> NULL;
			default -> null;
		};
		return (value != null) ? (variables) -> value : null;
	}

	/** Stands for CEL's null inside this evaluator. */
	private static final Object NULL = new Object();

	private static Node ident(String name) {
		return (variables) -> {
			Object value = variables.find(name).orElse(null);
			if (value == null) {
				return new Err("undeclared reference to '" + name + "'");
			}
			return value;
		};
	}

	private static Node select(CelExpr.CelSelect select) {
		Node operand = compile(select.operand());
		if (operand == null) {
			return null;
		}
		String field = select.field();
		if (select.testOnly()) {
			return (variables) -> {
				Object target = operand.eval(variables);
				if (target instanceof Err) {
					return target;
				}
				if (target instanceof Map<?, ?> map) {
					return map.containsKey(field);
				}
				throw Unsupported.INSTANCE;
			};
		}
		return (variables) -> {
			Object target = operand.eval(variables);
			if (target instanceof Err) {
				return target;
			}
			if (target instanceof Map<?, ?> map) {
				Object value = map.get(field);
				if (value == null) {
					return map.containsKey(field) ? NULL : new Err("no such key: " + field);
				}
				return value;
			}
			throw Unsupported.INSTANCE;
		};
	}

	private static Node call(CelExpr.CelCall call) {
		if (call.target().isPresent()) {
			return null;
		}
		List<Node> args = new ArrayList<>(call.args().size());
		for (CelExpr arg : call.args()) {
			Node node = compile(arg);
			if (node == null) {
				return null;
			}
			args.add(node);
		}
		return switch (call.function()) {
			case "_&&_" -> and(args.get(0), args.get(1));
			case "_||_" -> or(args.get(0), args.get(1));
			case "!_" -> not(args.get(0));
			case "_==_" -> equals(args.get(0), args.get(1), false);
			case "_!=_" -> equals(args.get(0), args.get(1), true);
			case "_<_" -> compare(args.get(0), args.get(1), (c) -> c < 0);
			case "_<=_" -> compare(args.get(0), args.get(1), (c) -> c <= 0);
			case "_>_" -> compare(args.get(0), args.get(1), (c) -> c > 0);
			case "_>=_" -> compare(args.get(0), args.get(1), (c) -> c >= 0);
			case "@in" -> in(args.get(0), args.get(1));
			case "_?_:_" -> conditional(args.get(0), args.get(1), args.get(2));
			default -> null;
		};
	}

	private static Node and(Node left, Node right) {
		return (variables) -> {
			Object a = left.eval(variables);
			if (a instanceof Boolean bool && !bool) {
				return false;
			}
			Object b = right.eval(variables);
			if (b instanceof Boolean bool && !bool) {
				return false;
			}
			if (a instanceof Boolean && b instanceof Boolean) {
				return true;
			}
			return logicalError(a, b);
		};
	}

	private static Node or(Node left, Node right) {
		return (variables) -> {
			Object a = left.eval(variables);
			if (a instanceof Boolean bool && bool) {
				return true;
			}
			Object b = right.eval(variables);
			if (b instanceof Boolean bool && bool) {
				return true;
			}
			if (a instanceof Boolean && b instanceof Boolean) {
				return false;
			}
			return logicalError(a, b);
		};
	}

	private static Object logicalError(Object a, Object b) {
		if (a instanceof Err) {
			return a;
		}
		if (b instanceof Err) {
			return b;
		}
		return new Err("no matching overload for logical operator");
	}

	private static Node not(Node operand) {
		return (variables) -> {
			Object value = operand.eval(variables);
			if (value instanceof Boolean bool) {
				return !bool;
			}
			return (value instanceof Err) ? value : new Err("no matching overload for '!_'");
		};
	}

	private static Node conditional(Node condition, Node then, Node otherwise) {
		return (variables) -> {
			Object value = condition.eval(variables);
			if (value instanceof Boolean bool) {
				return bool ? then.eval(variables) : otherwise.eval(variables);
			}
			return (value instanceof Err) ? value : new Err("no matching overload for '_?_:_'");
		};
	}

	private static Node equals(Node left, Node right, boolean negate) {
		return (variables) -> {
			Object a = left.eval(variables);
			if (a instanceof Err) {
				return a;
			}
			Object b = right.eval(variables);
			if (b instanceof Err) {
				return b;
			}
			return celEquals(a, b) != negate;
		};
	}

	/** CEL's heterogeneous equality for scalars; collections go to the full interpreter. */
	private static boolean celEquals(Object a, Object b) {
		if (a instanceof String x && b instanceof String y) {
			return x.equals(y);
		}
		if (a instanceof Number x && b instanceof Number y) {
			return numericCompare(x, y) == 0;
		}
		if (a instanceof Boolean x && b instanceof Boolean y) {
			return x.equals(y);
		}
		if (a == NULL || b == NULL || isNullValue(a) || isNullValue(b)) {
			return (a == NULL || isNullValue(a)) && (b == NULL || isNullValue(b));
		}
		if (isScalar(a) && isScalar(b)) {
			return false;
		}
		throw Unsupported.INSTANCE;
	}

	private static boolean isNullValue(Object value) {
		return value instanceof dev.cel.common.values.NullValue || value instanceof com.google.protobuf.NullValue;
	}

	private static boolean isScalar(Object value) {
		return value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Double;
	}

	/** Compares int and double values exactly, as CEL does across numeric types. */
	private static int numericCompare(Number a, Number b) {
		if (a instanceof Long x && b instanceof Long y) {
			return Long.compare(x, y);
		}
		if (!(a instanceof Long || a instanceof Double) || !(b instanceof Long || b instanceof Double)) {
			throw Unsupported.INSTANCE;
		}
		double x = a.doubleValue();
		double y = b.doubleValue();
		if (Double.isNaN(x) || Double.isNaN(y)) {
			// NaN is unequal to everything and unordered; callers treat this as "not equal, not ordered".
			return Integer.MIN_VALUE;
		}
		if ((a instanceof Long l && Math.abs(l) > (1L << 53)) || (b instanceof Long m && Math.abs(m) > (1L << 53))) {
			throw Unsupported.INSTANCE;
		}
		return Double.compare(x, y);
	}

	@FunctionalInterface
	private interface Ordering {

		boolean test(int comparison);

	}

	private static Node compare(Node left, Node right, Ordering ordering) {
		return (variables) -> {
			Object a = left.eval(variables);
			if (a instanceof Err) {
				return a;
			}
			Object b = right.eval(variables);
			if (b instanceof Err) {
				return b;
			}
			if (a instanceof Number x && b instanceof Number y) {
				int comparison = numericCompare(x, y);
				return comparison != Integer.MIN_VALUE && ordering.test(comparison);
			}
			if (a instanceof Boolean || a instanceof String || b instanceof Boolean || b instanceof String) {
				if (a.getClass() == b.getClass()) {
					throw Unsupported.INSTANCE;
				}
				return new Err("no matching overload for comparison");
			}
			throw Unsupported.INSTANCE;
		};
	}

	private static Node in(Node element, Node container) {
		return (variables) -> {
			Object value = element.eval(variables);
			if (value instanceof Err) {
				return value;
			}
			Object target = container.eval(variables);
			if (target instanceof Err) {
				return target;
			}
			if (target instanceof List<?> list) {
				for (Object candidate : list) {
					if (celEquals(value, (candidate != null) ? candidate : NULL)) {
						return true;
					}
				}
				return false;
			}
			if (target instanceof Map<?, ?> map && value instanceof String key) {
				return map.containsKey(key);
			}
			throw Unsupported.INSTANCE;
		};
	}

}
