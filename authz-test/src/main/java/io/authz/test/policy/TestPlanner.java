package io.authz.test.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.authz.core.model.Effect;
import io.authz.test.policy.Definitions.Expectation;
import io.authz.test.policy.Definitions.ExpectedOutput;
import io.authz.test.policy.Definitions.Options;
import io.authz.test.policy.Definitions.OutputExpectation;
import io.authz.test.policy.Definitions.PrincipalFixture;
import io.authz.test.policy.Definitions.ResourceFixture;
import io.authz.test.policy.Definitions.Suite;
import io.authz.test.policy.Definitions.Table;

/**
 * Expands a suite's test tables into single tests, one per principal and resource, as Cerbos does: inputs and
 * groups are combined, expectations are merged per principal and resource, and every combination without an
 * expectation expects {@code DENY} for every action. Names are looked up in the suite first, then in the
 * {@code testdata/} fixtures.
 */
final class TestPlanner {

	private final Suite suite;

	private final Fixtures fixtures;

	TestPlanner(Suite suite, Fixtures fixtures) {
		this.suite = suite;
		this.fixtures = (fixtures != null) ? fixtures : Fixtures.NONE;
	}

	/**
	 * One test: a principal, a resource, the actions, and what is expected of each action.
	 * @param expectedOutputs per action, the outputs expected by rule source
	 * @param options the test's own options, else the suite's
	 */
	record PlannedTest(String table, String principalKey, String resourceKey, String description, boolean skip,
			String skipReason, PrincipalFixture principal, ResourceFixture resource, List<String> actions,
			Map<String, Object> auxData, Map<String, Effect> expected,
			Map<String, Map<String, Object>> expectedOutputs, Options options, int line) {
	}

	/** A suite that cannot be expanded into tests; the message says why, in Cerbos' words. */
	static final class PlanException extends RuntimeException {

		PlanException(String message) {
			super(message);
		}

	}

	/** Checks that the suite's own groups name existing principals and resources. */
	void checkSuiteGroups() {
		checkGroups(this.suite.principalGroups(), (name) -> lookupPrincipal(name) != null,
				"Invalid principal groups in test suite: ");
		checkGroups(this.suite.resourceGroups(), (name) -> lookupResource(name) != null,
				"Invalid resource groups in test suite: ");
	}

	static void checkGroups(Map<String, List<String>> groups, Function<String, Boolean> exists, String prefix) {
		groups.forEach((group, members) -> {
			for (String member : members) {
				if (!exists.apply(member)) {
					throw new PlanException(prefix + "missing fixture " + DefinitionReader.quote(member)
							+ " referenced in group " + DefinitionReader.quote(group));
				}
			}
		});
	}

	/** Checks that no two tests share a name. */
	void checkUniqueTestNames() {
		Set<String> names = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		for (Table table : this.suite.tests()) {
			if (!names.add(table.name())) {
				problems.add("another test named " + table.name() + " already exists");
			}
		}
		if (!problems.isEmpty()) {
			throw new PlanException("Invalid test suite: " + String.join("; ", problems));
		}
	}

	/** Every test of every table, in order; an error names the table, in Cerbos' words. */
	List<PlannedTest> tests() {
		List<PlannedTest> tests = new ArrayList<>();
		for (Table table : this.suite.tests()) {
			try {
				tests.addAll(tests(table));
			}
			catch (PlanException ex) {
				throw new PlanException(
						"invalid test " + DefinitionReader.quote(table.name()) + ": " + ex.getMessage());
			}
		}
		return tests;
	}

	/** The tests of one table; errors carry Cerbos' message without the suite and table prefix. */
	List<PlannedTest> tests(Table table) {
		Map<Key, Expected> lookup = expectations(table);
		List<String> principals = collect("", table.input().principals(), table.input().principalGroups(),
				this::principalGroup);
		List<String> resources = collect("", table.input().resources(), table.input().resourceGroups(),
				this::resourceGroup);
		Options options = (table.options() != null) ? table.options() : this.suite.options();
		List<PlannedTest> tests = new ArrayList<>(principals.size() * resources.size());
		List<Key> keys = new ArrayList<>();
		List<Expected> matrix = new ArrayList<>();
		for (String principal : principals) {
			for (String resource : resources) {
				Key key = new Key(principal, resource);
				Expected expected = lookup.remove(key);
				keys.add(key);
				matrix.add((expected != null) ? expected : defaultExpectation(table));
			}
		}
		if (!lookup.isEmpty()) {
			Key key = lookup.keySet().iterator().next();
			throw new PlanException("found an expectation for principal " + DefinitionReader.quote(key.principal())
					+ " and resource " + DefinitionReader.quote(key.resource())
					+ ", but at least one of these is not present in input");
		}
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			PrincipalFixture principal = lookupPrincipal(key.principal());
			if (principal == null) {
				throw new PlanException("principal " + DefinitionReader.quote(key.principal()) + " not found");
			}
			ResourceFixture resource = lookupResource(key.resource());
			if (resource == null) {
				throw new PlanException("resource " + DefinitionReader.quote(key.resource()) + " not found");
			}
			Map<String, Object> auxData = null;
			String auxDataName = table.input().auxData();
			if (!auxDataName.isEmpty()) {
				auxData = lookupAuxData(auxDataName);
				if (auxData == null) {
					throw new PlanException("auxData " + DefinitionReader.quote(auxDataName) + " not found");
				}
			}
			Expected expected = matrix.get(i);
			tests.add(new PlannedTest(table.name(), key.principal(), key.resource(), table.description(),
					table.skip(), table.skipReason(), principal, resource, table.input().actions(), auxData,
					expected.actions, expected.outputs, options, table.line()));
		}
		return tests;
	}

	private Map<Key, Expected> expectations(Table table) {
		Set<String> inputActions = new LinkedHashSet<>(table.input().actions());
		Map<Key, Expected> lookup = new LinkedHashMap<>();
		for (Expectation expectation : table.expected()) {
			Map<String, Map<String, Object>> outputs = outputs(expectation);
			List<String> unreachable = outputs.keySet()
				.stream()
				.filter((action) -> !inputActions.contains(action))
				.sorted()
				.toList();
			if (!unreachable.isEmpty()) {
				throw new PlanException(
						"found output expectations for actions that are not in the input actions list: ["
								+ String.join(",", unreachable) + "]");
			}
			List<String> principals = collect(expectation.principal(), expectation.principals(),
					expectation.principalGroups(), this::principalGroup);
			List<String> resources = collect(expectation.resource(), expectation.resources(),
					expectation.resourceGroups(), this::resourceGroup);
			for (String principal : principals) {
				for (String resource : resources) {
					Set<String> extra = new TreeSet<>(expectation.actions().keySet());
					extra.removeAll(inputActions);
					if (!extra.isEmpty()) {
						throw new PlanException(
								"found expectations for actions that do not exist in the input actions list: ["
										+ String.join(",", extra) + "]");
					}
					Key key = new Key(principal, resource);
					Expected target = lookup.computeIfAbsent(key, (k) -> new Expected());
					target.merge(key, expectation.actions(), outputs);
				}
			}
		}
		return lookup;
	}

	private static Map<String, Map<String, Object>> outputs(Expectation expectation) {
		Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
		for (OutputExpectation output : expectation.outputs()) {
			Map<String, Object> entries = new LinkedHashMap<>();
			for (ExpectedOutput entry : output.expected()) {
				entries.put(entry.src(), entry.value());
			}
			outputs.put(output.action(), entries);
		}
		return outputs;
	}

	private static Expected defaultExpectation(Table table) {
		Expected expected = new Expected();
		for (String action : table.input().actions()) {
			expected.actions.put(action, Effect.DENY);
		}
		return expected;
	}

	/** A single name, or a list of names plus the members of groups, without repeats. */
	private static List<String> collect(String single, List<String> names, List<String> groups,
			Function<String, List<String>> group) {
		List<String> result = new ArrayList<>(single.isEmpty() ? names : List.of(single));
		Set<String> seen = new LinkedHashSet<>(result);
		for (String name : groups) {
			for (String member : group.apply(name)) {
				if (seen.add(member)) {
					result.add(member);
				}
			}
		}
		return result;
	}

	PrincipalFixture lookupPrincipal(String name) {
		PrincipalFixture principal = this.suite.principals().get(name);
		return (principal != null) ? principal : this.fixtures.principal(name);
	}

	ResourceFixture lookupResource(String name) {
		ResourceFixture resource = this.suite.resources().get(name);
		return (resource != null) ? resource : this.fixtures.resource(name);
	}

	private Map<String, Object> lookupAuxData(String name) {
		Map<String, Object> auxData = this.suite.auxData().get(name);
		return (auxData != null) ? auxData : this.fixtures.auxData(name);
	}

	private List<String> principalGroup(String name) {
		List<String> group = this.suite.principalGroups().get(name);
		group = (group != null) ? group : this.fixtures.principalGroup(name);
		if (group == null) {
			throw new PlanException("principal group " + DefinitionReader.quote(name) + " not found");
		}
		return group;
	}

	private List<String> resourceGroup(String name) {
		List<String> group = this.suite.resourceGroups().get(name);
		group = (group != null) ? group : this.fixtures.resourceGroup(name);
		if (group == null) {
			throw new PlanException("resource group " + DefinitionReader.quote(name) + " not found");
		}
		return group;
	}

	private record Key(String principal, String resource) {
	}

	/** The effects and outputs expected for one principal and resource, merged from every expectation. */
	private static final class Expected {

		private final Map<String, Effect> actions = new LinkedHashMap<>();

		private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();

		void merge(Key key, Map<String, Effect> effects, Map<String, Map<String, Object>> expectedOutputs) {
			effects.forEach((action, effect) -> {
				Effect existing = this.actions.putIfAbsent(action, effect);
				if (existing != null && existing != effect) {
					throw new PlanException("found inconsistent expectations for principal "
							+ DefinitionReader.quote(key.principal()) + " performing action "
							+ DefinitionReader.quote(action) + " on resource "
							+ DefinitionReader.quote(key.resource()));
				}
			});
			expectedOutputs.forEach((action, entries) -> {
				Map<String, Object> target = this.outputs.computeIfAbsent(action, (a) -> new LinkedHashMap<>());
				entries.forEach((src, value) -> {
					if (target.containsKey(src)) {
						if (!OutputValues.equal(target.get(src), value)) {
							throw new PlanException("found inconsistent expectations for output "
									+ DefinitionReader.quote(src) + " from principal "
									+ DefinitionReader.quote(key.principal()) + " performing action "
									+ DefinitionReader.quote(action) + " on resource "
									+ DefinitionReader.quote(key.resource()));
						}
					}
					else {
						target.put(src, value);
					}
				});
			});
		}

	}

	/** The {@code testdata/} fixtures a suite can use, or none. */
	record Fixtures(Definitions.PrincipalsFile principals, Definitions.ResourcesFile resources,
			Definitions.AuxDataFile auxData) {

		static final Fixtures NONE = new Fixtures(null, null, null);

		PrincipalFixture principal(String name) {
			return (this.principals != null) ? this.principals.principals().get(name) : null;
		}

		List<String> principalGroup(String name) {
			return (this.principals != null) ? this.principals.groups().get(name) : null;
		}

		ResourceFixture resource(String name) {
			return (this.resources != null) ? this.resources.resources().get(name) : null;
		}

		List<String> resourceGroup(String name) {
			return (this.resources != null) ? this.resources.groups().get(name) : null;
		}

		Map<String, Object> auxData(String name) {
			return (this.auxData != null) ? this.auxData.auxData().get(name) : null;
		}

	}

}
