package io.authz.test.policy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.authz.core.model.Effect;
import io.authz.test.policy.Definitions.AuxDataFile;
import io.authz.test.policy.Definitions.Expectation;
import io.authz.test.policy.Definitions.ExpectedOutput;
import io.authz.test.policy.Definitions.Input;
import io.authz.test.policy.Definitions.Options;
import io.authz.test.policy.Definitions.OutputExpectation;
import io.authz.test.policy.Definitions.PrincipalFixture;
import io.authz.test.policy.Definitions.PrincipalsFile;
import io.authz.test.policy.Definitions.ResourceFixture;
import io.authz.test.policy.Definitions.ResourcesFile;
import io.authz.test.policy.Definitions.Suite;
import io.authz.test.policy.Definitions.Table;
import io.authz.test.policy.StructuredText.SyntaxException;

/**
 * Reads test suite and fixture files strictly, as Cerbos does: unknown fields, wrong types and values that break
 * the rules of Cerbos' schema are errors. Every problem of a file is reported at once, each with its line,
 * column and place ({@code tests[0].expected[1].actions["view"]}). Fields may be written in camelCase or
 * snake_case.
 */
final class DefinitionReader {

	private static final Pattern VERSION = Pattern.compile("^[0-9A-Za-z_]*$");

	private static final Pattern SCOPE = Pattern
		.compile("^(|\\.|[0-9a-zA-Z][0-9A-Za-z_\\-]*(\\.[0-9A-Za-z_][0-9A-Za-z_\\-]*)*)$");

	private static final Set<String> SUITE_FIELDS = Set.of("name", "description", "skip", "skipReason", "tests",
			"principals", "resources", "auxData", "options", "$schema", "principalGroups", "resourceGroups");

	private static final Set<String> TABLE_FIELDS = Set.of("name", "description", "skip", "skipReason", "input",
			"expected", "options");

	private static final Set<String> INPUT_FIELDS = Set.of("principals", "resources", "actions", "auxData",
			"principalGroups", "resourceGroups");

	private static final Set<String> EXPECTATION_FIELDS = Set.of("principal", "resource", "actions", "outputs",
			"principals", "resources", "principalGroups", "resourceGroups");

	private static final Set<String> OUTPUT_EXPECTATION_FIELDS = Set.of("action", "expected");

	private static final Set<String> OUTPUT_ENTRY_FIELDS = Set.of("src", "val", "action", "error");

	private static final Set<String> OPTIONS_FIELDS = Set.of("now", "lenientScopeSearch", "globals",
			"defaultPolicyVersion", "defaultScope", "strictEvaluation");

	private static final Set<String> PRINCIPAL_FIELDS = Set.of("id", "policyVersion", "roles", "attr", "scope");

	private static final Set<String> RESOURCE_FIELDS = Set.of("kind", "policyVersion", "id", "attr", "scope");

	private static final Set<String> AUX_DATA_FIELDS = Set.of("jwt", "jwts");

	private static final Set<String> JWT_FIELDS = Set.of("claims");

	private static final Set<String> PRINCIPAL_GROUP_FIELDS = Set.of("principals");

	private static final Set<String> RESOURCE_GROUP_FIELDS = Set.of("resources");

	private static final Set<String> PRINCIPALS_FILE_FIELDS = Set.of("principals", "$schema", "principalGroups");

	private static final Set<String> RESOURCES_FILE_FIELDS = Set.of("resources", "$schema", "resourceGroups");

	private static final Set<String> AUX_DATA_FILE_FIELDS = Set.of("auxData", "$schema");

	private final List<String> problems = new ArrayList<>();

	private DefinitionReader() {
	}

	/** Reads a test suite. */
	static Suite readSuite(String fileName, String content) {
		DefinitionReader reader = new DefinitionReader();
		Node root = reader.root(fileName, content);
		Suite suite = reader.suite(root);
		reader.finish();
		return suite;
	}

	/** Reads {@code testdata/principals.yaml}. */
	static PrincipalsFile readPrincipals(String fileName, String content) {
		DefinitionReader reader = new DefinitionReader();
		Node root = reader.root(fileName, content);
		Map<String, Node> fields = reader.fields(root, "", PRINCIPALS_FILE_FIELDS);
		Map<String, PrincipalFixture> principals = reader.principals(fields.get("principals"), "principals");
		Map<String, List<String>> groups = reader.groups(fields.get("principalGroups"), "principalGroups",
				PRINCIPAL_GROUP_FIELDS, "principals");
		reader.finish();
		return new PrincipalsFile(principals, groups);
	}

	/** Reads {@code testdata/resources.yaml}. */
	static ResourcesFile readResources(String fileName, String content) {
		DefinitionReader reader = new DefinitionReader();
		Node root = reader.root(fileName, content);
		Map<String, Node> fields = reader.fields(root, "", RESOURCES_FILE_FIELDS);
		Map<String, ResourceFixture> resources = reader.resources(fields.get("resources"), "resources");
		Map<String, List<String>> groups = reader.groups(fields.get("resourceGroups"), "resourceGroups",
				RESOURCE_GROUP_FIELDS, "resources");
		reader.finish();
		return new ResourcesFile(resources, groups);
	}

	/** Reads {@code testdata/auxdata.yaml}. */
	static AuxDataFile readAuxData(String fileName, String content) {
		DefinitionReader reader = new DefinitionReader();
		Node root = reader.root(fileName, content);
		Map<String, Node> fields = reader.fields(root, "", AUX_DATA_FILE_FIELDS);
		Map<String, Map<String, Object>> auxData = reader.auxDataMap(fields.get("auxData"), "auxData");
		reader.finish();
		return new AuxDataFile(auxData);
	}

	private Node root(String fileName, String content) {
		Node root;
		try {
			root = StructuredText.parse(fileName, content);
		}
		catch (SyntaxException ex) {
			throw new InvalidFileException(List.of(ex.describe()));
		}
		if (!root.is(Node.Kind.MAP)) {
			throw new InvalidFileException(List.of(root.location() + " invalid document: expected a mapping but found "
					+ root.kind().description() + " (the contents are not a valid YAML or JSON document)"));
		}
		return root;
	}

	private void finish() {
		if (!this.problems.isEmpty()) {
			throw new InvalidFileException(this.problems);
		}
	}

	private Suite suite(Node root) {
		Map<String, Node> fields = fields(root, "", SUITE_FIELDS);
		String name = string(fields, "name", "");
		if (name.isEmpty()) {
			problem(null, "name", "value is required");
		}
		List<Table> tests = new ArrayList<>();
		Node testsNode = fields.get("tests");
		List<Node> tableNodes = list(testsNode, "tests");
		if (tableNodes.isEmpty() && (testsNode == null || testsNode.is(Node.Kind.NULL))) {
			problem(null, "tests", "value is required");
		}
		else if (tableNodes.isEmpty() && testsNode.is(Node.Kind.LIST)) {
			problem(testsNode, "tests", "value must contain at least 1 item(s)");
		}
		for (int i = 0; i < tableNodes.size(); i++) {
			tests.add(table(tableNodes.get(i), "tests[" + i + "]"));
		}
		Map<String, PrincipalFixture> principals = principals(fields.get("principals"), "principals");
		Map<String, ResourceFixture> resources = resources(fields.get("resources"), "resources");
		Map<String, Map<String, Object>> auxData = auxDataMap(fields.get("auxData"), "auxData");
		Options options = options(fields.get("options"), "options");
		Map<String, List<String>> principalGroups = groups(fields.get("principalGroups"), "principalGroups",
				PRINCIPAL_GROUP_FIELDS, "principals");
		Map<String, List<String>> resourceGroups = groups(fields.get("resourceGroups"), "resourceGroups",
				RESOURCE_GROUP_FIELDS, "resources");
		return new Suite(name, string(fields, "description", ""), bool(fields, "skip", ""),
				string(fields, "skipReason", ""), tests, principals, resources, auxData, options,
				principalGroups, resourceGroups);
	}

	private Table table(Node node, String path) {
		Map<String, Node> fields = fields(node, path, TABLE_FIELDS);
		String name = string(fields, "name", path);
		if (name.isEmpty()) {
			problem(node, join(path, "name"), "value is required");
		}
		Input input = input(fields.get("input"), join(path, "input"), node);
		List<Expectation> expected = new ArrayList<>();
		List<Node> expectationNodes = list(fields.get("expected"), join(path, "expected"));
		if (expectationNodes.isEmpty()) {
			problem(node, join(path, "expected"), (fields.get("expected") == null) ? "value is required"
					: "value must contain at least 1 item(s)");
		}
		for (int i = 0; i < expectationNodes.size(); i++) {
			expected.add(expectation(expectationNodes.get(i), join(path, "expected") + "[" + i + "]"));
		}
		Node optionsNode = fields.get("options");
		Options options = (optionsNode != null && !optionsNode.is(Node.Kind.NULL))
				? options(optionsNode, join(path, "options")) : null;
		return new Table(name, string(fields, "description", path), bool(fields, "skip", path),
				string(fields, "skipReason", path), input, expected, options, node.line());
	}

	private Input input(Node node, String path, Node parent) {
		if (node == null || node.is(Node.Kind.NULL)) {
			problem(parent, path, "value is required");
			return new Input(List.of(), List.of(), List.of(), "", List.of(), List.of());
		}
		Map<String, Node> fields = fields(node, path, INPUT_FIELDS);
		List<String> principals = names(fields, "principals", path);
		List<String> resources = names(fields, "resources", path);
		List<String> actions = names(fields, "actions", path);
		List<String> principalGroups = names(fields, "principalGroups", path);
		List<String> resourceGroups = names(fields, "resourceGroups", path);
		if (actions.isEmpty()) {
			problem(node, join(path, "actions"), "value must contain at least 1 item(s)");
		}
		if (principals.isEmpty() && principalGroups.isEmpty()) {
			problem(node, path, "principals or principalGroups must be present");
		}
		if (resources.isEmpty() && resourceGroups.isEmpty()) {
			problem(node, path, "resources or resourceGroups must be present");
		}
		return new Input(principals, resources, actions, string(fields, "auxData", path), principalGroups,
				resourceGroups);
	}

	private Expectation expectation(Node node, String path) {
		Map<String, Node> fields = fields(node, path, EXPECTATION_FIELDS);
		String principal = string(fields, "principal", path);
		String resource = string(fields, "resource", path);
		List<String> principals = names(fields, "principals", path);
		List<String> resources = names(fields, "resources", path);
		List<String> principalGroups = names(fields, "principalGroups", path);
		List<String> resourceGroups = names(fields, "resourceGroups", path);
		if (principal.isEmpty() && principals.isEmpty() && principalGroups.isEmpty()) {
			problem(node, path, "principal, principals, or principalGroups must be present");
		}
		if (!principal.isEmpty() && !principals.isEmpty()) {
			problem(node, path, "principal and principals may not both be present");
		}
		if (resource.isEmpty() && resources.isEmpty() && resourceGroups.isEmpty()) {
			problem(node, path, "resource, resources, or resourceGroups must be present");
		}
		if (!resource.isEmpty() && !resources.isEmpty()) {
			problem(node, path, "resource and resources may not both be present");
		}
		Map<String, Effect> actions = new LinkedHashMap<>();
		Node actionsNode = fields.get("actions");
		Map<String, Node> actionNodes = map(actionsNode, join(path, "actions"));
		if (actionNodes.isEmpty()) {
			problem((actionsNode != null) ? actionsNode : node, join(path, "actions"),
					(actionsNode == null) ? "value is required" : "map must be at least 1 entries");
		}
		actionNodes.forEach((action, effectNode) -> {
			String actionPath = join(path, "actions") + "[" + quote(action) + "]";
			if (action.isEmpty()) {
				problem(effectNode, actionPath, "map key value length must be at least 1 characters");
			}
			Effect effect = effect(effectNode, actionPath);
			if (effect != null) {
				actions.put(action, effect);
			}
		});
		List<OutputExpectation> outputs = new ArrayList<>();
		List<Node> outputNodes = list(fields.get("outputs"), join(path, "outputs"));
		for (int i = 0; i < outputNodes.size(); i++) {
			outputs.add(outputExpectation(outputNodes.get(i), join(path, "outputs") + "[" + i + "]"));
		}
		return new Expectation(principal, resource, actions, outputs, principals, resources, principalGroups,
				resourceGroups);
	}

	private Effect effect(Node node, String path) {
		if (node.is(Node.Kind.STRING)) {
			switch ((String) node.scalarValue()) {
				case "EFFECT_ALLOW" -> {
					return Effect.ALLOW;
				}
				case "EFFECT_DENY" -> {
					return Effect.DENY;
				}
				case "EFFECT_UNSPECIFIED", "EFFECT_NO_MATCH" -> {
					problem(node, path, "must be one of [EFFECT_ALLOW, EFFECT_DENY]");
					return null;
				}
				default -> {
					problem(node, path, "invalid value " + quote((String) node.scalarValue())
							+ ": must be one of [EFFECT_ALLOW, EFFECT_DENY]");
					return null;
				}
			}
		}
		if (node.is(Node.Kind.NUMBER)) {
			// Protobuf JSON also accepts an enum's number.
			double number = ((Number) node.scalarValue()).doubleValue();
			if (number == 1) {
				return Effect.ALLOW;
			}
			if (number == 2) {
				return Effect.DENY;
			}
		}
		problem(node, path, "must be one of [EFFECT_ALLOW, EFFECT_DENY]");
		return null;
	}

	private OutputExpectation outputExpectation(Node node, String path) {
		Map<String, Node> fields = fields(node, path, OUTPUT_EXPECTATION_FIELDS);
		String action = string(fields, "action", path);
		if (action.isEmpty()) {
			problem(node, join(path, "action"), "value is required");
		}
		List<ExpectedOutput> expected = new ArrayList<>();
		List<Node> entries = list(fields.get("expected"), join(path, "expected"));
		if (entries.isEmpty()) {
			problem(node, join(path, "expected"), "value must contain at least 1 item(s)");
		}
		for (int i = 0; i < entries.size(); i++) {
			String entryPath = join(path, "expected") + "[" + i + "]";
			Map<String, Node> entry = fields(entries.get(i), entryPath, OUTPUT_ENTRY_FIELDS);
			Node value = entry.get("val");
			expected.add(new ExpectedOutput(string(entry, "src", entryPath),
					(value != null) ? value.toPlain() : null));
		}
		return new OutputExpectation(action, expected);
	}

	private Options options(Node node, String path) {
		if (node == null || node.is(Node.Kind.NULL)) {
			return Options.NONE;
		}
		Map<String, Node> fields = fields(node, path, OPTIONS_FIELDS);
		Instant now = null;
		Node nowNode = fields.get("now");
		if (nowNode != null && !nowNode.is(Node.Kind.NULL)) {
			if (!nowNode.is(Node.Kind.STRING)) {
				problem(nowNode, join(path, "now"), "invalid timestamp: expected an RFC 3339 string");
			}
			else {
				String text = (String) nowNode.scalarValue();
				try {
					now = Instant.parse(text);
				}
				catch (DateTimeParseException ex) {
					problem(nowNode, join(path, "now"), "invalid timestamp value " + quote(text)
							+ ": expected RFC 3339 such as \"2022-08-02T15:00:00Z\"");
				}
			}
		}
		Map<String, Object> globals = struct(fields.get("globals"), join(path, "globals"));
		String defaultPolicyVersion = string(fields, "defaultPolicyVersion", path);
		String defaultScope = string(fields, "defaultScope", path);
		return new Options(now, bool(fields, "lenientScopeSearch", path), globals, defaultPolicyVersion,
				defaultScope, bool(fields, "strictEvaluation", path));
	}

	private Map<String, PrincipalFixture> principals(Node node, String path) {
		Map<String, PrincipalFixture> principals = new LinkedHashMap<>();
		map(node, path).forEach((key, value) -> {
			String itemPath = path + "[" + quote(key) + "]";
			Map<String, Node> fields = fields(value, itemPath, PRINCIPAL_FIELDS);
			String id = string(fields, "id", itemPath);
			if (id.isEmpty()) {
				problem(value, join(itemPath, "id"), "value is required");
			}
			List<String> roles = names(fields, "roles", itemPath);
			if (roles.isEmpty()) {
				problem(value, join(itemPath, "roles"), (fields.get("roles") == null) ? "value is required"
						: "value must contain at least 1 item(s)");
			}
			String policyVersion = string(fields, "policyVersion", itemPath);
			checkPattern(value, join(itemPath, "policyVersion"), policyVersion, VERSION, "^[\\w]*$");
			String scope = string(fields, "scope", itemPath);
			checkPattern(value, join(itemPath, "scope"), scope, SCOPE,
					"^(^$|\\.|[0-9a-zA-Z][\\w\\-]*(\\.\\w[\\w\\-]*)*)$");
			principals.put(key, new PrincipalFixture(id, policyVersion, roles,
					attributes(fields.get("attr"), join(itemPath, "attr")), scope));
		});
		return principals;
	}

	private Map<String, ResourceFixture> resources(Node node, String path) {
		Map<String, ResourceFixture> resources = new LinkedHashMap<>();
		map(node, path).forEach((key, value) -> {
			String itemPath = path + "[" + quote(key) + "]";
			Map<String, Node> fields = fields(value, itemPath, RESOURCE_FIELDS);
			String kind = string(fields, "kind", itemPath);
			if (kind.isEmpty()) {
				problem(null, join(itemPath, "kind"), "value is required");
			}
			String id = string(fields, "id", itemPath);
			if (id.isEmpty()) {
				problem(null, join(itemPath, "id"), "value is required");
			}
			String policyVersion = string(fields, "policyVersion", itemPath);
			checkPattern(value, join(itemPath, "policyVersion"), policyVersion, VERSION, "^[\\w]*$");
			String scope = string(fields, "scope", itemPath);
			checkPattern(value, join(itemPath, "scope"), scope, SCOPE,
					"^(^$|\\.|[0-9a-zA-Z][\\w\\-]*(\\.\\w[\\w\\-]*)*)$");
			resources.put(key, new ResourceFixture(kind, policyVersion, id,
					attributes(fields.get("attr"), join(itemPath, "attr")), scope));
		});
		return resources;
	}

	private Map<String, Map<String, Object>> auxDataMap(Node node, String path) {
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		map(node, path).forEach((key, value) -> {
			String itemPath = path + "[" + quote(key) + "]";
			Map<String, Node> fields = fields(value, itemPath, AUX_DATA_FIELDS);
			Map<String, Object> auxData = new LinkedHashMap<>();
			Node jwt = fields.get("jwt");
			Node jwts = fields.get("jwts");
			if (jwt != null && !jwt.is(Node.Kind.NULL)) {
				auxData.put("jwt", struct(jwt, join(itemPath, "jwt")));
			}
			if (jwts != null && !jwts.is(Node.Kind.NULL)) {
				Map<String, Object> tokens = new LinkedHashMap<>();
				map(jwts, join(itemPath, "jwts")).forEach((name, token) -> {
					String tokenPath = join(itemPath, "jwts") + "[" + quote(name) + "]";
					if (name.isEmpty()) {
						problem(token, tokenPath, "map key value length must be at least 1 characters");
					}
					Map<String, Node> tokenFields = fields(token, tokenPath, JWT_FIELDS);
					tokens.put(name, Map.of("claims", struct(tokenFields.get("claims"), join(tokenPath, "claims"))));
				});
				auxData.put("jwts", tokens);
				if (auxData.containsKey("jwt")) {
					problem(value, itemPath, "Only one of the jwt or jwts fields must be set");
				}
			}
			result.put(key, auxData);
		});
		return result;
	}

	private Map<String, List<String>> groups(Node node, String path, Set<String> groupFields, String membersField) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		map(node, path).forEach((name, value) -> {
			String itemPath = path + "[" + quote(name) + "]";
			Map<String, Node> fields = fields(value, itemPath, groupFields);
			List<String> members = names(fields, membersField, itemPath);
			if (members.isEmpty()) {
				problem(value, join(itemPath, membersField), (fields.get(membersField) == null) ? "value is required"
						: "value must contain at least 1 item(s)");
			}
			groups.put(name, members);
		});
		return groups;
	}

	/**
	 * The fields of a message, keyed by their camelCase name; reports unknown fields and a value that is not a
	 * mapping.
	 */
	private Map<String, Node> fields(Node node, String path, Set<String> known) {
		if (node == null || node.is(Node.Kind.NULL)) {
			return Map.of();
		}
		if (!node.is(Node.Kind.MAP)) {
			problem(node, path, "expected a mapping but found " + node.kind().description());
			return Map.of();
		}
		Map<String, Node> fields = new LinkedHashMap<>();
		node.entries().forEach((key, value) -> {
			String name = known.contains(key) ? key : camelCase(key);
			if (!known.contains(name)) {
				problem(value, path, "unknown field " + quote(key));
			}
			else {
				fields.put(name, value);
			}
		});
		return fields;
	}

	private Map<String, Node> map(Node node, String path) {
		if (node == null || node.is(Node.Kind.NULL)) {
			return Map.of();
		}
		if (!node.is(Node.Kind.MAP)) {
			problem(node, path, "expected a mapping but found " + node.kind().description());
			return Map.of();
		}
		return node.entries();
	}

	private List<Node> list(Node node, String path) {
		if (node == null || node.is(Node.Kind.NULL)) {
			return List.of();
		}
		if (!node.is(Node.Kind.LIST)) {
			problem(node, path, "expected a list but found " + node.kind().description());
			return List.of();
		}
		return node.elements();
	}

	private String string(Map<String, Node> fields, String field, String path) {
		Node node = fields.get(field);
		if (node == null || node.is(Node.Kind.NULL)) {
			return "";
		}
		if (!node.is(Node.Kind.STRING)) {
			problem(node, join(path, field), "expected a string but found " + node.kind().description()
					+ " (quote the value)");
			return "";
		}
		return (String) node.scalarValue();
	}

	private boolean bool(Map<String, Node> fields, String field, String path) {
		Node node = fields.get(field);
		if (node == null || node.is(Node.Kind.NULL)) {
			return false;
		}
		if (!node.is(Node.Kind.BOOLEAN)) {
			problem(node, join(path, field), "expected a boolean but found " + node.kind().description());
			return false;
		}
		return (Boolean) node.scalarValue();
	}

	/** A list of non-empty, unique names. */
	private List<String> names(Map<String, Node> fields, String field, String path) {
		String fieldPath = join(path, field);
		List<Node> nodes = list(fields.get(field), fieldPath);
		List<String> names = new ArrayList<>(nodes.size());
		Set<String> seen = new HashSet<>();
		boolean duplicate = false;
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			if (!node.is(Node.Kind.STRING)) {
				problem(node, fieldPath + "[" + i + "]", "expected a string but found " + node.kind().description());
				continue;
			}
			String name = (String) node.scalarValue();
			if (name.isEmpty()) {
				problem(node, fieldPath + "[" + i + "]", "value length must be at least 1 characters");
			}
			if (!seen.add(name)) {
				duplicate = true;
			}
			names.add(name);
		}
		if (duplicate) {
			problem(fields.get(field), fieldPath, "repeated value must contain unique items");
		}
		return Collections.unmodifiableList(names);
	}

	/** A {@code google.protobuf.Struct}: a mapping of arbitrary values. */
	private Map<String, Object> struct(Node node, String path) {
		Map<String, Object> result = new LinkedHashMap<>();
		map(node, path).forEach((key, value) -> result.put(key, value.toPlain()));
		return result;
	}

	private Map<String, Object> attributes(Node node, String path) {
		Map<String, Object> attributes = struct(node, path);
		if (attributes.containsKey("")) {
			problem(node, path, "map key value length must be at least 1 characters");
		}
		return attributes;
	}

	private void checkPattern(Node node, String path, String value, Pattern pattern, String shown) {
		if (!value.isEmpty() && !pattern.matcher(value).matches()) {
			problem(node, path, "value does not match regex pattern " + quote(shown));
		}
	}

	private void problem(Node node, String path, String message) {
		StringBuilder text = new StringBuilder();
		if (node != null && node.line() > 0) {
			text.append(node.location()).append(' ');
		}
		if (!path.isEmpty()) {
			text.append(path).append(": ");
		}
		this.problems.add(text.append(message).toString());
	}

	private static String join(String path, String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	private static String camelCase(String name) {
		if (name.indexOf('_') < 0) {
			return name;
		}
		StringBuilder result = new StringBuilder(name.length());
		boolean upper = false;
		for (char ch : name.toCharArray()) {
			if (ch == '_') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return result.toString();
	}

	/** A file that cannot be used; {@link #problems()} lists why, each with its place. */
	static final class InvalidFileException extends RuntimeException {

		private final List<String> problems;

		InvalidFileException(List<String> problems) {
			super(String.join("\n", problems));
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return this.problems;
		}

	}

}
