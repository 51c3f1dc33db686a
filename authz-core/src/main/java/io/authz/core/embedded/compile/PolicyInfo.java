package io.authz.core.embedded.compile;

/**
 * A loaded policy as listed to operators.
 *
 * @param kind resource, principal, role, derived_roles, export_variables or export_constants
 * @param name the resource kind, principal, role or set name
 * @param version the version, where the kind has one
 * @param scope the scope, where the kind has one
 * @param key the key decisions report ({@code resource.expense.vdefault})
 * @param source the file it came from, relative to the policy root
 * @param disabled whether it is disabled (loaded but never used)
 */
public record PolicyInfo(String kind, String name, String version, String scope, String key, String source,
		boolean disabled) {
}
