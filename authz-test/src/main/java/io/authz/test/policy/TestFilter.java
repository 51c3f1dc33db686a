package io.authz.test.policy;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.authz.test.policy.Definitions.Options;
import io.authz.test.policy.Definitions.PrincipalFixture;
import io.authz.test.policy.Definitions.ResourceFixture;
import io.authz.test.policy.TestPlanner.PlannedTest;

/**
 * Which tests to run, as Cerbos' {@code compile} command selects them. Tests left out are reported as skipped
 * with the reason Cerbos gives. Immutable; each method returns a new filter.
 */
public final class TestFilter {

	static final String SKIP_REASON_NAME = "Test name did not match the provided pattern";

	static final String SKIP_REASON_RESOURCE = "Resource matched a policy that was excluded from the bundle";

	static final String SKIP_REASON_PRINCIPAL = "Principal matched a policy that was excluded from the bundle";

	private static final Pattern OLD_NAME = Pattern
		.compile("^[A-Za-z][0-9A-Za-z_@.\\-/]*(:[A-Za-z][0-9A-Za-z_@.\\-/]*)*$");

	private static final Pattern INVALID_IDENTIFIER_CHARS = Pattern.compile("[^0-9A-Za-z_.]+");

	private static final TestFilter ALL = new TestFilter(null, Set.of(), Set.of());

	private final Pattern includedTestNames;

	private final Set<String> excludedResourcePolicies;

	private final Set<String> excludedPrincipalPolicies;

	private TestFilter(Pattern includedTestNames, Set<String> excludedResourcePolicies,
			Set<String> excludedPrincipalPolicies) {
		this.includedTestNames = includedTestNames;
		this.excludedResourcePolicies = excludedResourcePolicies;
		this.excludedPrincipalPolicies = excludedPrincipalPolicies;
	}

	/** Runs every test. */
	public static TestFilter all() {
		return ALL;
	}

	/**
	 * Runs only tests whose full name contains a match of the regular expression. The full name is
	 * {@code <suite name>/test_table_name:"<test>" principal_key:"<principal>" resource_key:"<resource>"}, as in
	 * Cerbos, so {@code "Leave requests/.*approve"} or just a test's name both work.
	 * @throws IllegalArgumentException if the expression is invalid
	 */
	public TestFilter includeTests(String regex) {
		try {
			return new TestFilter(Pattern.compile(regex), this.excludedResourcePolicies,
					this.excludedPrincipalPolicies);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Invalid test name pattern: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Skips tests whose resource would be decided by one of these resource policies, named as Cerbos names them
	 * ({@code cerbos.resource.leave_request.vdefault}, {@code cerbos.resource.leave_request.v1/acme.hr}).
	 */
	public TestFilter excludeResourcePolicies(Collection<String> fqns) {
		return new TestFilter(this.includedTestNames, union(this.excludedResourcePolicies, fqns),
				this.excludedPrincipalPolicies);
	}

	/** Skips tests whose principal would be decided by one of these principal policies (fully qualified). */
	public TestFilter excludePrincipalPolicies(Collection<String> fqns) {
		return new TestFilter(this.includedTestNames, this.excludedResourcePolicies,
				union(this.excludedPrincipalPolicies, fqns));
	}

	/** Why the test is left out, or {@code null} to run it. */
	String skipReason(String suiteName, PlannedTest test) {
		if (this.includedTestNames != null && !this.includedTestNames.matcher(fullName(suiteName, test)).find()) {
			return SKIP_REASON_NAME;
		}
		Options options = test.options();
		ResourceFixture resource = test.resource();
		if (this.excludedResourcePolicies.contains(fqn("resource", resource.kind(),
				version(resource.policyVersion(), options), scope(resource.scope(), options)))) {
			return SKIP_REASON_RESOURCE;
		}
		PrincipalFixture principal = test.principal();
		if (this.excludedPrincipalPolicies.contains(fqn("principal", principal.id(),
				version(principal.policyVersion(), options), scope(principal.scope(), options)))) {
			return SKIP_REASON_PRINCIPAL;
		}
		if (test.skip()) {
			return test.skipReason();
		}
		return null;
	}

	static String fullName(String suiteName, PlannedTest test) {
		return suiteName + "/test_table_name:" + DefinitionReader.quote(test.table()) + " principal_key:"
				+ DefinitionReader.quote(test.principalKey()) + " resource_key:"
				+ DefinitionReader.quote(test.resourceKey());
	}

	private static String version(String version, Options options) {
		if (!version.isEmpty()) {
			return version;
		}
		return (options != null && !options.defaultPolicyVersion().isEmpty()) ? options.defaultPolicyVersion()
				: "default";
	}

	private static String scope(String scope, Options options) {
		String value = scope.startsWith(".") ? scope.substring(1) : scope;
		if (!value.isEmpty()) {
			return value;
		}
		return (options != null) ? options.defaultScope() : "";
	}

	private static String fqn(String type, String name, String version, String scope) {
		String fqn = "cerbos." + type + "." + sanitize(name) + ".v" + sanitize(version);
		return scope.isEmpty() ? fqn : fqn + "/" + scope;
	}

	/** Cerbos still names old-style policies with special characters replaced, to keep their ids stable. */
	private static String sanitize(String name) {
		return OLD_NAME.matcher(name).matches() ? INVALID_IDENTIFIER_CHARS.matcher(name).replaceAll("_") : name;
	}

	private static Set<String> union(Set<String> existing, Collection<String> more) {
		Set<String> result = new LinkedHashSet<>(existing);
		result.addAll(List.copyOf(more));
		return Set.copyOf(result);
	}

}
