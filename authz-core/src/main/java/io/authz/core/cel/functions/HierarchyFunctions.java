package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Cerbos' hierarchy functions: {@code hierarchy(string)}, {@code hierarchy(string, delimiter)},
 * {@code hierarchy(list(string))} and the methods {@code ancestorOf}, {@code descendentOf},
 * {@code immediateParentOf}, {@code immediateChildOf}, {@code siblingOf}, {@code overlaps},
 * {@code commonAncestors}, {@code size()} and indexing ({@code h[1]}).
 */
final class HierarchyFunctions implements FunctionLibrary {

	static final CelType HIERARCHY = OpaqueType.create("cerbos.lib.hierarchy");

	private static final String FUNCTION = "hierarchy";

	private static final List<String> PREDICATES = List.of("ancestorOf", "descendentOf", "immediateChildOf",
			"immediateParentOf", "overlaps", "siblingOf");

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		List<CelFunctionDecl> declarations = new ArrayList<>();
		declarations.add(CelFunctionDecl.newFunctionDeclaration(FUNCTION,
				CelOverloadDecl.newGlobalOverload("hierarchy_string", HIERARCHY, SimpleType.STRING),
				CelOverloadDecl.newGlobalOverload("hierarchy_string_string", HIERARCHY, SimpleType.STRING,
						SimpleType.STRING),
				CelOverloadDecl.newGlobalOverload("hierarchy_stringarray", HIERARCHY,
						ListType.create(SimpleType.STRING))));
		for (String predicate : PREDICATES) {
			declarations.add(CelFunctionDecl.newFunctionDeclaration(predicate,
					CelOverloadDecl.newMemberOverload(predicate, SimpleType.BOOL, HIERARCHY, HIERARCHY)));
		}
		declarations.add(CelFunctionDecl.newFunctionDeclaration("commonAncestors",
				CelOverloadDecl.newMemberOverload("commonAncestors", HIERARCHY, HIERARCHY, HIERARCHY)));
		declarations.add(CelFunctionDecl.newFunctionDeclaration("size",
				CelOverloadDecl.newMemberOverload("hierarchy_size", SimpleType.INT, HIERARCHY)));
		declarations.add(CelFunctionDecl.newFunctionDeclaration("_[_]",
				CelOverloadDecl.newGlobalOverload("hierarchy_index", SimpleType.STRING, HIERARCHY, SimpleType.INT)));
		checker.addFunctionDeclarations(declarations);
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		List<CelFunctionBinding> bindings = new ArrayList<>();
		bindings.add(CelFunctionBinding.from("hierarchy_string", String.class,
				(value) -> Hierarchy.parse(value, ".")));
		bindings.add(CelFunctionBinding.from("hierarchy_string_string", String.class, String.class, Hierarchy::parse));
		bindings.add(CelFunctionBinding.from("hierarchy_stringarray", List.class, HierarchyFunctions::fromList));
		predicate(bindings, "ancestorOf", Hierarchy::ancestorOf);
		predicate(bindings, "descendentOf", Hierarchy::descendentOf);
		predicate(bindings, "immediateChildOf", Hierarchy::immediateChildOf);
		predicate(bindings, "immediateParentOf", Hierarchy::immediateParentOf);
		predicate(bindings, "overlaps", Hierarchy::overlaps);
		predicate(bindings, "siblingOf", Hierarchy::siblingOf);
		bindings.add(CelFunctionBinding.from("commonAncestors", Hierarchy.class, Hierarchy.class,
				HierarchyFunctions::commonAncestors));
		bindings.add(CelFunctionBinding.from("hierarchy_size", Hierarchy.class, (h) -> (long) h.size()));
		bindings.add(CelFunctionBinding.from("hierarchy_index", Hierarchy.class, Long.class,
				HierarchyFunctions::level));
		runtime.addFunctionBindings(bindings);
	}

	private static void predicate(List<CelFunctionBinding> bindings, String name,
			BiPredicate<Hierarchy, Hierarchy> predicate) {
		bindings.add(CelFunctionBinding.from(name, Hierarchy.class, Hierarchy.class, predicate::test));
	}

	private static Hierarchy fromList(List<?> list) throws CelEvaluationException {
		List<String> levels = new ArrayList<>(list.size());
		for (Object element : list) {
			if (!(element instanceof String level)) {
				throw new CelEvaluationException("failed to convert list to string slice: "
						+ ((element != null) ? element.getClass().getSimpleName() : "null") + " is not a string");
			}
			levels.add(level);
		}
		return new Hierarchy(levels);
	}

	private static Hierarchy commonAncestors(Hierarchy hierarchy, Hierarchy other) throws CelEvaluationException {
		try {
			return hierarchy.commonAncestors(other);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException(ex.getMessage(), ex);
		}
	}

	private static String level(Hierarchy hierarchy, Long index) throws CelEvaluationException {
		if (index < 0 || index >= hierarchy.size()) {
			throw new CelEvaluationException("index out of range");
		}
		return hierarchy.levels().get(index.intValue());
	}

}
