package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled, immutable set of policies: what the embedded engine decides with. Built by {@link PolicyCompiler};
 * swapped as a whole when policies are reloaded.
 */
public final class PolicySet {

	private final Map<String, CompiledResourcePolicy> resourcePolicies;

	private final List<PolicyInfo> policies;

	private final String digest;

	PolicySet(Map<String, CompiledResourcePolicy> resourcePolicies, List<PolicyInfo> policies, String digest) {
		this.resourcePolicies = Map.copyOf(resourcePolicies);
		this.policies = List.copyOf(policies);
		this.digest = digest;
	}

	static String resourceKey(String kind, String version, String scope) {
		return kind + '\u0000' + version + '\u0000' + scope;
	}

	/**
	 * The resource policies that govern a resource of the given kind, version and scope, most specific scope
	 * first: {@code a.b.c}, then {@code a.b}, {@code a} and the root. Without lenient search the exact scope must
	 * have a policy, or nothing applies.
	 */
	public List<CompiledResourcePolicy> resourceChain(String kind, String version, String scope, boolean lenient) {
		CompiledResourcePolicy exact = this.resourcePolicies.get(resourceKey(kind, version, scope));
		if (exact == null && !lenient) {
			return List.of();
		}
		if (scope.isEmpty()) {
			return (exact != null) ? List.of(exact) : List.of();
		}
		List<CompiledResourcePolicy> chain = new ArrayList<>(4);
		if (exact != null) {
			chain.add(exact);
		}
		String current = scope;
		while (!current.isEmpty()) {
			int dot = current.lastIndexOf('.');
			current = (dot < 0) ? "" : current.substring(0, dot);
			CompiledResourcePolicy parent = this.resourcePolicies.get(resourceKey(kind, version, current));
			if (parent != null) {
				chain.add(parent);
			}
		}
		return chain;
	}

	/** Every loaded policy, in file order. */
	public List<PolicyInfo> policies() {
		return this.policies;
	}

	/** A SHA-256 digest of every policy file's path and content: equal digests mean equal policy sets. */
	public String digest() {
		return this.digest;
	}

}
