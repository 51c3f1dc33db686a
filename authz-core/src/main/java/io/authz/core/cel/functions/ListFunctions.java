package io.authz.core.cel.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.google.common.primitives.UnsignedLong;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.common.values.CelByteString;
import dev.cel.parser.CelMacro;
import dev.cel.parser.CelMacroExprFactory;
import dev.cel.parser.CelParserBuilder;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import dev.cel.runtime.RuntimeEquality;

/**
 * Cerbos' list functions: {@code except}, {@code intersect}, {@code hasIntersection} and {@code isSubset} (with
 * the deprecated {@code has_intersection} and {@code is_subset}), each callable as a global function or a method.
 * Membership uses CEL equality, so {@code 1} and {@code 1.0} are the same element.
 * <p>
 * Also the {@code sortBy(e, key)} macro of the lists extension, written as cel-go writes it: cel-java's own
 * expansion types its result as a list of key/value pairs, which breaks {@code .sortBy(e, e.score).map(e,
 * e.name)}.
 */
final class ListFunctions implements FunctionLibrary {

	private static final String SORT_BY = "sortBy";

	private static final String SORT_BY_ASSOCIATED_KEYS = "@sortByAssociatedKeys";

	private static final String SORT_BY_OVERLOAD = "list_sortByAssociatedKeys";

	private static final String SORT_BY_INPUT = "@__sortBy_input__";

	private static final String SORT_BY_UNUSED = "#unused";

	private static final TypeParamType A = TypeParamType.create("A");

	private static final ListType LIST_A = ListType.create(A);

	private final RuntimeEquality equality;

	ListFunctions(RuntimeEquality equality) {
		this.equality = equality;
	}

	@Override
	public void setParserOptions(CelParserBuilder parser) {
		parser.addMacros(CelMacro.newReceiverMacro(SORT_BY, 2, ListFunctions::expandSortBy));
	}

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(setOperation("except", LIST_A), setOperation("intersect", LIST_A),
				setOperation("hasIntersection", SimpleType.BOOL), setOperation("has_intersection", SimpleType.BOOL),
				setOperation("isSubset", SimpleType.BOOL), setOperation("is_subset", SimpleType.BOOL),
				CelFunctionDecl.newFunctionDeclaration(SORT_BY_ASSOCIATED_KEYS, CelOverloadDecl
					.newMemberOverload(SORT_BY_OVERLOAD, LIST_A, LIST_A, ListType.create(SimpleType.DYN))));
	}

	private static CelFunctionDecl setOperation(String name, CelType result) {
		return CelFunctionDecl.newFunctionDeclaration(name,
				CelOverloadDecl.newGlobalOverload(name + "_overload", result, LIST_A, LIST_A),
				CelOverloadDecl.newMemberOverload(name + "_member_overload", result, LIST_A, LIST_A));
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		List<CelFunctionBinding> bindings = new ArrayList<>();
		addBoth(bindings, "except", this::except);
		addBoth(bindings, "intersect", this::intersect);
		addBoth(bindings, "hasIntersection", this::hasIntersection);
		addBoth(bindings, "has_intersection", this::hasIntersection);
		addBoth(bindings, "isSubset", this::isSubset);
		addBoth(bindings, "is_subset", this::isSubset);
		bindings.add(CelFunctionBinding.from(SORT_BY_OVERLOAD, List.class, List.class, ListFunctions::sortByKeys));
		runtime.addFunctionBindings(bindings);
	}

	private static void addBoth(List<CelFunctionBinding> bindings, String name, ListOperation operation) {
		bindings.add(CelFunctionBinding.from(name + "_overload", Collection.class, Collection.class, operation::apply));
		bindings.add(CelFunctionBinding.from(name + "_member_overload", Collection.class, Collection.class,
				operation::apply));
	}

	/** The elements of {@code list} not in {@code other}, in order, duplicates kept. */
	List<Object> except(Collection<?> list, Collection<?> other) {
		List<Object> result = new ArrayList<>();
		for (Object element : list) {
			if (!contains(other, element)) {
				result.add(element);
			}
		}
		return result;
	}

	/**
	 * The elements of the shorter list that the longer one contains (the first list when they have the same size),
	 * in order, duplicates kept.
	 */
	List<Object> intersect(Collection<?> list, Collection<?> other) {
		Collection<?> shorter = (list.size() > other.size()) ? other : list;
		Collection<?> longer = (shorter == list) ? other : list;
		List<Object> result = new ArrayList<>();
		for (Object element : shorter) {
			if (contains(longer, element)) {
				result.add(element);
			}
		}
		return result;
	}

	boolean hasIntersection(Collection<?> list, Collection<?> other) {
		for (Object element : list) {
			if (contains(other, element)) {
				return true;
			}
		}
		return false;
	}

	/** Whether every element of {@code subset} is in {@code list}; an empty list is a subset of anything. */
	boolean isSubset(Collection<?> subset, Collection<?> list) {
		for (Object element : subset) {
			if (!contains(list, element)) {
				return false;
			}
		}
		return true;
	}

	private boolean contains(Collection<?> list, Object element) {
		for (Object candidate : list) {
			if (this.equality.objectEquals(element, candidate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code target.sortBy(e, key)} becomes
	 * {@code cel.bind(@input, target, @input.@sortByAssociatedKeys(@input.map(e, key)))}, so the target is
	 * evaluated once and the result keeps the target's element type.
	 */
	private static Optional<CelExpr> expandSortBy(CelMacroExprFactory factory, CelExpr target,
			List<CelExpr> arguments) {
		CelExpr variable = arguments.get(0);
		if (variable.exprKind().getKind() != CelExpr.ExprKind.Kind.IDENT) {
			return Optional.of(factory.reportError(CelIssue.formatError(factory.getSourceLocation(variable),
					"sortBy(var, ...) variable name must be a simple identifier")));
		}
		switch (target.exprKind().getKind()) {
			case LIST, SELECT, IDENT, COMPREHENSION, CALL -> {
			}
			default -> {
				return Optional.of(factory.reportError(CelIssue.formatError(factory.getSourceLocation(target),
						"sortBy can only be applied to a list, identifier, comprehension, call or select expression")));
			}
		}
		String name = variable.ident().name();
		String accumulator = factory.getAccumulatorVarName();
		CelExpr keys = factory.fold(name, factory.newIdentifier(SORT_BY_INPUT), accumulator, factory.newList(),
				factory.newBoolLiteral(true),
				factory.newGlobalCall("_+_", factory.newIdentifier(accumulator),
						factory.newList(arguments.get(1))),
				factory.newIdentifier(accumulator));
		CelExpr sorted = factory.newReceiverCall(SORT_BY_ASSOCIATED_KEYS, factory.newIdentifier(SORT_BY_INPUT), keys);
		return Optional.of(factory.fold(SORT_BY_UNUSED, factory.newList(), SORT_BY_INPUT, target,
				factory.newBoolLiteral(false), factory.newIdentifier(SORT_BY_INPUT), sorted));
	}

	/**
	 * Sorts {@code list} by the keys computed for its elements. Like cel-go, the keys must all be of one comparable
	 * type (int, uint, double, bool, string, bytes, timestamp or duration).
	 */
	static List<Object> sortByKeys(List<?> list, List<?> keys) throws CelEvaluationException {
		if (list.size() != keys.size()) {
			throw new CelEvaluationException("@sortByAssociatedKeys() expected a list of the same size as the keys");
		}
		if (list.isEmpty()) {
			return List.of();
		}
		Object first = keys.get(0);
		Comparator<Object> comparator = comparatorFor(first);
		if (comparator == null) {
			throw new CelEvaluationException("list elements must be comparable");
		}
		Integer[] indices = new Integer[list.size()];
		for (int i = 0; i < indices.length; i++) {
			Object key = keys.get(i);
			if (key == null || key.getClass() != first.getClass()) {
				throw new CelEvaluationException("list elements must have the same type");
			}
			indices[i] = i;
		}
		Arrays.sort(indices, (x, y) -> comparator.compare(keys.get(x), keys.get(y)));
		List<Object> sorted = new ArrayList<>(indices.length);
		for (Integer index : indices) {
			sorted.add(list.get(index));
		}
		return sorted;
	}

	@SuppressWarnings("unchecked")
	private static Comparator<Object> comparatorFor(Object key) {
		if (key instanceof String) {
			return (x, y) -> compareUtf8((String) x, (String) y);
		}
		if (key instanceof CelByteString) {
			return (x, y) -> compareBytes(((CelByteString) x).toByteArray(), ((CelByteString) y).toByteArray());
		}
		if (key instanceof Long || key instanceof Double || key instanceof Boolean || key instanceof UnsignedLong
				|| key instanceof Instant || key instanceof Duration) {
			return (x, y) -> ((Comparable<Object>) x).compareTo(y);
		}
		return null;
	}

	/** Compares strings as Go does: by their UTF-8 bytes, which is code point order. */
	static int compareUtf8(String x, String y) {
		int i = 0;
		int j = 0;
		while (i < x.length() && j < y.length()) {
			int a = x.codePointAt(i);
			int b = y.codePointAt(j);
			if (a != b) {
				return Integer.compare(a, b);
			}
			i += Character.charCount(a);
			j += Character.charCount(b);
		}
		return Integer.compare(x.length() - i, y.length() - j);
	}

	private static int compareBytes(byte[] x, byte[] y) {
		return Arrays.compareUnsigned(x, y);
	}

	@FunctionalInterface
	private interface ListOperation {

		Object apply(Collection<?> list, Collection<?> other);

	}

}
