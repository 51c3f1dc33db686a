package io.authz.core.cel.functions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Cerbos' SPIFFE functions: {@code spiffeID(string)} with {@code path()}, {@code trustDomain()} and
 * {@code isMemberOf(td)}; {@code spiffeTrustDomain(string)} with {@code id()} and {@code name()}; and the matchers
 * {@code spiffeMatchAny()}, {@code spiffeMatchExact(id)}, {@code spiffeMatchOneOf(ids)} and
 * {@code spiffeMatchTrustDomain(td)} with {@code matchesID(id)}. Strings are accepted wherever an ID or trust
 * domain is, and parsed as go-spiffe does.
 */
final class SpiffeFunctions implements FunctionLibrary {

	static final CelType SPIFFE_ID = OpaqueType.create("cerbos.lib.spiffeID");

	static final CelType TRUST_DOMAIN = OpaqueType.create("cerbos.lib.spiffeTrustDomain");

	static final CelType MATCHER = OpaqueType.create("cerbos.lib.spiffeMatcher");

	@Override
	public void setCheckerOptions(CelCheckerBuilder checker) {
		checker.addFunctionDeclarations(
				function("spiffeID",
						CelOverloadDecl.newGlobalOverload("spiffeID_string", SPIFFE_ID, SimpleType.STRING)),
				function("spiffeTrustDomain", CelOverloadDecl.newGlobalOverload("spiffeTrustDomain_string",
						TRUST_DOMAIN, SimpleType.STRING)),
				function("spiffeMatchAny", CelOverloadDecl.newGlobalOverload("spiffeMatchAny", MATCHER)),
				function("spiffeMatchExact",
						CelOverloadDecl.newGlobalOverload("spiffeMatchExact_spiffeID", MATCHER, SPIFFE_ID),
						CelOverloadDecl.newGlobalOverload("spiffeMatchExact_string", MATCHER, SimpleType.STRING)),
				// One overload for lists of IDs and of strings: both are java.util.List at run time, so two would
				// be ambiguous when the argument is dyn.
				function("spiffeMatchOneOf", CelOverloadDecl.newGlobalOverload("spiffeMatchOneOf_list", MATCHER,
						ListType.create(SimpleType.DYN))),
				function("spiffeMatchTrustDomain",
						CelOverloadDecl.newGlobalOverload("spiffeMatchTrustDomain_spiffeTrustDomain", MATCHER,
								TRUST_DOMAIN),
						CelOverloadDecl.newGlobalOverload("spiffeMatchTrustDomain_string", MATCHER,
								SimpleType.STRING)),
				function("isMemberOf",
						CelOverloadDecl.newMemberOverload("isMemberOf", SimpleType.BOOL, SPIFFE_ID, TRUST_DOMAIN)),
				function("path", CelOverloadDecl.newMemberOverload("path", SimpleType.STRING, SPIFFE_ID)),
				function("trustDomain",
						CelOverloadDecl.newMemberOverload("trustDomain", TRUST_DOMAIN, SPIFFE_ID)),
				function("id", CelOverloadDecl.newMemberOverload("id", SimpleType.STRING, TRUST_DOMAIN)),
				function("name", CelOverloadDecl.newMemberOverload("name", SimpleType.STRING, TRUST_DOMAIN)),
				function("matchesID",
						CelOverloadDecl.newMemberOverload("matchesID_spiffeID", SimpleType.BOOL, MATCHER, SPIFFE_ID),
						CelOverloadDecl.newMemberOverload("matchesID_string", SimpleType.BOOL, MATCHER,
								SimpleType.STRING)));
	}

	private static CelFunctionDecl function(String name, CelOverloadDecl... overloads) {
		return CelFunctionDecl.newFunctionDeclaration(name, overloads);
	}

	@Override
	public void setRuntimeOptions(CelRuntimeBuilder runtime) {
		runtime.addFunctionBindings(CelFunctionBinding.from("spiffeID_string", String.class, SpiffeFunctions::id),
				CelFunctionBinding.from("spiffeTrustDomain_string", String.class, SpiffeFunctions::trustDomain),
				CelFunctionBinding.from("spiffeMatchAny", List.of(), (args) -> SpiffeMatcher.any()),
				CelFunctionBinding.from("spiffeMatchExact_spiffeID", SpiffeId.class, SpiffeMatcher::exact),
				CelFunctionBinding.from("spiffeMatchExact_string", String.class,
						(text) -> SpiffeMatcher.exact(id(text))),
				CelFunctionBinding.from("spiffeMatchOneOf_list", List.class, SpiffeFunctions::oneOf),
				CelFunctionBinding.from("spiffeMatchTrustDomain_spiffeTrustDomain", SpiffeTrustDomain.class,
						SpiffeMatcher::memberOf),
				CelFunctionBinding.from("spiffeMatchTrustDomain_string", String.class,
						(text) -> SpiffeMatcher.memberOf(trustDomain(text))),
				CelFunctionBinding.from("isMemberOf", SpiffeId.class, SpiffeTrustDomain.class, SpiffeId::isMemberOf),
				CelFunctionBinding.from("path", SpiffeId.class, SpiffeId::path),
				CelFunctionBinding.from("trustDomain", SpiffeId.class, SpiffeId::trustDomain),
				CelFunctionBinding.from("id", SpiffeTrustDomain.class, SpiffeTrustDomain::id),
				CelFunctionBinding.from("name", SpiffeTrustDomain.class, SpiffeTrustDomain::name),
				CelFunctionBinding.from("matchesID_spiffeID", SpiffeMatcher.class, SpiffeId.class,
						SpiffeMatcher::matches),
				CelFunctionBinding.from("matchesID_string", SpiffeMatcher.class, String.class,
						SpiffeFunctions::matches));
	}

	private static SpiffeId id(String text) throws CelEvaluationException {
		try {
			return SpiffeId.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException("failed to parse SPIFFE ID: " + ex.getMessage(), ex);
		}
	}

	private static SpiffeTrustDomain trustDomain(String text) throws CelEvaluationException {
		try {
			return SpiffeTrustDomain.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException("failed to parse SPIFFE trust domain: " + ex.getMessage(), ex);
		}
	}

	private static boolean matches(SpiffeMatcher matcher, String text) throws CelEvaluationException {
		try {
			return matcher.matches(SpiffeId.parse(text));
		}
		catch (IllegalArgumentException ex) {
			throw new CelEvaluationException("invalid SPIFFE ID: " + ex.getMessage(), ex);
		}
	}

	/** A list of IDs, or else of strings that all parse as IDs (as Cerbos tries them). */
	private static SpiffeMatcher oneOf(List<?> list) throws CelEvaluationException {
		Set<SpiffeId> ids = new LinkedHashSet<>();
		if (list.stream().allMatch(SpiffeId.class::isInstance)) {
			list.forEach((element) -> ids.add((SpiffeId) element));
			return SpiffeMatcher.oneOf(ids);
		}
		for (Object element : list) {
			if (!(element instanceof String text)) {
				throw new CelEvaluationException("no such overload: spiffeMatchOneOf needs a list of SPIFFE IDs or "
						+ "strings");
			}
			try {
				ids.add(SpiffeId.parse(text));
			}
			catch (IllegalArgumentException ex) {
				throw new CelEvaluationException("no such overload: failed to convert \"" + text
						+ "\" to SPIFFE ID: " + ex.getMessage(), ex);
			}
		}
		return SpiffeMatcher.oneOf(ids);
	}

}
