package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled, immutable set of policies: the rule table the embedded engine decides with. Built by
 * {@link PolicyCompiler}; replaced as a whole when policies are reloaded.
 * <p>
 * Rows are grouped by version and scope, then by resource kind (resource policies) or principal id (principal
 * policies); queries filter the group by action and role.
 */
public final class PolicySet {

	/** The effect of the scope permissions of the policies in one scope. */
	public enum ScopePermissions {

		/** No resource or principal policy in the scope says (only role policies live there). */
		UNSPECIFIED,

		/** An allow in this scope is final (the default). */
		OVERRIDE_PARENT,

		/** An allow here only stands if a parent scope allows too. */
		REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS

	}

	private final Map<String, KindRows> resourceRows;

	private final Map<String, Map<String, List<Row>>> principalRows;

	private final Map<String, Map<String, RolePolicy>> rolePolicies;

	private final Map<String, Map<String, List<String>>> parentRoles;

	private final Map<String, Map<String, CompiledDerivedRole>> derivedRoles;

	private final Map<String, PolicySchemas> schemas;

	private final Set<String> resourceScopes;

	private final Set<String> principalScopes;

	private final Map<String, ScopePermissions> scopePermissions;

	private final List<PolicyInfo> policies;

	private final String digest;

	PolicySet(Builder builder, List<PolicyInfo> policies, String digest) {
		this.resourceRows = Map.copyOf(builder.resourceRows);
		this.principalRows = Map.copyOf(builder.principalRows);
		this.rolePolicies = Map.copyOf(builder.rolePolicies);
		this.parentRoles = builder.resolveParentRoles();
		this.derivedRoles = Map.copyOf(builder.derivedRoles);
		this.schemas = Map.copyOf(builder.schemas);
		this.resourceScopes = Set.copyOf(builder.resourceScopes);
		this.principalScopes = Set.copyOf(builder.principalScopes);
		this.scopePermissions = Map.copyOf(builder.scopePermissions);
		this.policies = List.copyOf(policies);
		this.digest = digest;
	}

	static String key(String version, String scope) {
		return version + '\u0000' + scope;
	}

	/**
	 * The scopes to search for a principal or resource policy, most specific first: the requested scope (which
	 * must have policies unless the search is lenient), then each parent scope that has policies, ending at the
	 * root.
	 */
	public List<String> scopes(boolean principal, String scope, boolean lenient) {
		Set<String> known = principal ? this.principalScopes : this.resourceScopes;
		List<String> scopes = new ArrayList<>(4);
		if (known.contains(scope)) {
			scopes.add(scope);
		}
		else if (!lenient) {
			return List.of();
		}
		String current = scope;
		while (!current.isEmpty()) {
			int dot = current.lastIndexOf('.');
			current = (dot < 0) ? "" : current.substring(0, dot);
			if (known.contains(current)) {
				scopes.add(current);
			}
		}
		return scopes;
	}

	/** Whether any resource or role policy rows exist for the kind and version in one of the scopes. */
	public boolean resourceRowsExist(String version, String kind, List<String> scopes) {
		for (String scope : scopes) {
			KindRows rows = this.resourceRows.get(key(version, scope));
			if (rows != null && rows.hasKind(kind)) {
				return true;
			}
			Map<String, RolePolicy> roles = this.rolePolicies.get(key(version, scope));
			if (roles != null) {
				for (RolePolicy policy : roles.values()) {
					for (RolePolicy.Rule rule : policy.rules()) {
						if (rule.resource().matches(kind)) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** Whether any principal policy exists for the version in one of the scopes. */
	public boolean principalRowsExist(String version, List<String> scopes) {
		for (String scope : scopes) {
			Map<String, List<Row>> rows = this.principalRows.get(key(version, scope));
			if (rows != null && !rows.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/** Resource policy rows of one scope that apply to the kind, action and one of the roles, in table order. */
	public List<Row> resourceRows(String version, String kind, String scope, String action, List<String> roles) {
		KindRows rows = this.resourceRows.get(key(version, scope));
		if (rows == null) {
			return List.of();
		}
		List<Row> result = new ArrayList<>(4);
		for (Row row : rows.rowsFor(kind)) {
			if (row.matches(action, roles)) {
				result.add(row);
			}
		}
		return result;
	}

	/**
	 * Whether any row of one scope applies to the kind and one of the roles, whatever the action: resource
	 * policy rows, or role policy rules for one of the roles on the kind. Role policies only narrow a scope
	 * where such a row exists, as in Cerbos' rule table.
	 */
	public boolean hasRowsForRoles(String version, String kind, String scope, List<String> roles) {
		KindRows rows = this.resourceRows.get(key(version, scope));
		if (rows != null) {
			for (Row row : rows.rowsFor(kind)) {
				if (row.role().matchesAny(roles)) {
					return true;
				}
			}
		}
		Map<String, RolePolicy> rolePolicies = this.rolePolicies.get(key(version, scope));
		if (rolePolicies != null) {
			for (String role : roles) {
				RolePolicy policy = rolePolicies.get(role);
				if (policy != null) {
					for (RolePolicy.Rule rule : policy.rules()) {
						if (rule.resource().matches(kind)) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	/** Principal policy rows of one scope for the principal that apply to the kind and action, in table order. */
	public List<Row> principalRows(String version, String principalId, String kind, String scope, String action) {
		Map<String, List<Row>> byPrincipal = this.principalRows.get(key(version, scope));
		if (byPrincipal == null) {
			return List.of();
		}
		List<Row> rows = byPrincipal.get(principalId);
		if (rows == null) {
			return List.of();
		}
		List<Row> result = new ArrayList<>(2);
		for (Row row : rows) {
			if (row.resource().matches(kind) && row.action().matches(action)) {
				result.add(row);
			}
		}
		return result;
	}

	/** The role policy for a role in one scope and version, or {@code null}. */
	public RolePolicy rolePolicy(String version, String scope, String role) {
		Map<String, RolePolicy> roles = this.rolePolicies.get(key(version, scope));
		return (roles != null) ? roles.get(role) : null;
	}

	/** The roles plus every ancestor role role policies give them in the scope. */
	public List<String> withParentRoles(String scope, List<String> roles) {
		Map<String, List<String>> parents = this.parentRoles.get(scope);
		if (parents == null || parents.isEmpty()) {
			return roles;
		}
		List<String> result = new ArrayList<>(roles.size() * 2);
		result.addAll(roles);
		for (String role : roles) {
			List<String> ancestors = parents.get(role);
			if (ancestors != null) {
				result.addAll(ancestors);
			}
		}
		return result;
	}

	/** The derived roles imported by the resource policy with this key, by name. */
	public Map<String, CompiledDerivedRole> derivedRoles(String resourcePolicyKey) {
		Map<String, CompiledDerivedRole> roles = this.derivedRoles.get(resourcePolicyKey);
		return (roles != null) ? roles : Map.of();
	}

	/** The attribute schemas of the resource policy with this key, or {@code null}. */
	public PolicySchemas schemas(String resourcePolicyKey) {
		return this.schemas.get(resourcePolicyKey);
	}

	/** How allows in a scope relate to the parent scope. */
	public ScopePermissions scopePermissions(String scope) {
		return this.scopePermissions.getOrDefault(scope, ScopePermissions.UNSPECIFIED);
	}

	/** Every loaded policy, in file order. */
	public List<PolicyInfo> policies() {
		return this.policies;
	}

	/** A SHA-256 digest of every policy file's path and content: equal digests mean equal policy sets. */
	public String digest() {
		return this.digest;
	}

	/** Resource rows of one version and scope, by literal kind, plus rows whose kind is a pattern. */
	static final class KindRows {

		private final Map<String, List<Row>> byKind = new HashMap<>();

		private final List<Row> patterns = new ArrayList<>();

		private final Map<String, List<Row>> merged = new java.util.concurrent.ConcurrentHashMap<>();

		void add(String kind, Row row) {
			if (Glob.isPattern(kind)) {
				this.patterns.add(row);
			}
			else {
				this.byKind.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(row);
			}
		}

		boolean hasKind(String kind) {
			return !rowsFor(kind).isEmpty();
		}

		List<Row> rowsFor(String kind) {
			if (this.patterns.isEmpty()) {
				List<Row> rows = this.byKind.get(kind);
				return (rows != null) ? rows : List.of();
			}
			return this.merged.computeIfAbsent(kind, (k) -> {
				List<Row> rows = new ArrayList<>(this.byKind.getOrDefault(k, List.of()));
				for (Row row : this.patterns) {
					if (row.resource().matches(k)) {
						rows.add(row);
					}
				}
				return List.copyOf(rows);
			});
		}

	}

	/** Collects the table while compiling. */
	static final class Builder {

		final Map<String, KindRows> resourceRows = new HashMap<>();

		final Map<String, Map<String, List<Row>>> principalRows = new HashMap<>();

		final Map<String, Map<String, RolePolicy>> rolePolicies = new HashMap<>();

		final Map<String, Map<String, CompiledDerivedRole>> derivedRoles = new HashMap<>();

		final Map<String, PolicySchemas> schemas = new HashMap<>();

		final Set<String> resourceScopes = new LinkedHashSet<>();

		final Set<String> principalScopes = new LinkedHashSet<>();

		final Map<String, ScopePermissions> scopePermissions = new HashMap<>();

		void addResourceRow(String version, String scope, String kind, Row row) {
			this.resourceRows.computeIfAbsent(key(version, scope), (k) -> new KindRows()).add(kind, row);
		}

		void addResourcePolicy(String version, String scope, ScopePermissions permissions) {
			this.resourceScopes.add(scope);
			this.scopePermissions.put(scope, permissions);
		}

		void addPrincipalPolicy(String version, String scope, String principal, List<Row> rows,
				ScopePermissions permissions) {
			this.principalScopes.add(scope);
			this.scopePermissions.put(scope, permissions);
			this.principalRows.computeIfAbsent(key(version, scope), (k) -> new HashMap<>())
				.computeIfAbsent(principal, (k) -> new ArrayList<>())
				.addAll(rows);
		}

		void addRolePolicy(RolePolicy policy) {
			this.resourceScopes.add(policy.scope());
			this.rolePolicies.computeIfAbsent(key(policy.version(), policy.scope()), (k) -> new HashMap<>())
				.put(policy.role(), policy);
		}

		/** For each scope, each role's ancestors through role policies' parent roles. */
		Map<String, Map<String, List<String>>> resolveParentRoles() {
			Map<String, Map<String, List<String>>> direct = new HashMap<>();
			this.rolePolicies.forEach((versionScope, policies) -> policies.values()
				.forEach((policy) -> direct.computeIfAbsent(policy.scope(), (s) -> new HashMap<>())
					.merge(policy.role(), policy.parentRoles(), (a, b) -> {
						List<String> merged = new ArrayList<>(a);
						merged.addAll(b);
						return merged;
					})));
			Map<String, Map<String, List<String>>> resolved = new HashMap<>();
			direct.forEach((scope, roles) -> {
				Map<String, List<String>> ancestors = new HashMap<>();
				roles.keySet().forEach((role) -> {
					Set<String> collected = new LinkedHashSet<>();
					collect(roles, role, collected, new java.util.HashSet<>());
					ancestors.put(role, List.copyOf(collected));
				});
				resolved.put(scope, Map.copyOf(ancestors));
			});
			return Map.copyOf(resolved);
		}

		private static void collect(Map<String, List<String>> roles, String role, Set<String> collected,
				Set<String> visited) {
			if (!visited.add(role)) {
				return;
			}
			for (String parent : roles.getOrDefault(role, List.of())) {
				collected.add(parent);
				collect(roles, parent, collected, visited);
			}
		}

	}

}
