package io.authz.core.embedded.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authz.core.cel.CelEnvironment;
import io.authz.core.cel.CelEnvironment.CelCompileException;
import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;
import io.authz.core.embedded.compile.CompiledResourcePolicy.RulesByAction;
import io.authz.core.embedded.compile.CompiledResourcePolicy.ScopePermissions;
import io.authz.core.model.Effect;
import io.authz.core.policy.Expression;
import io.authz.core.policy.PolicyDocument;
import io.authz.core.policy.PolicyDocument.DerivedRoles;
import io.authz.core.policy.PolicyDocument.Match;
import io.authz.core.policy.PolicyDocument.ResourcePolicy;
import io.authz.core.policy.PolicyDocument.ResourceRule;
import io.authz.core.policy.PolicyDocument.RoleDefinition;
import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
import io.authz.core.policy.PolicyParser;

/**
 * Turns policy files into a {@link PolicySet}: parses every file, resolves imports of derived roles, variables
 * and constants, compiles every CEL expression once, and indexes rules. Every problem found is reported together,
 * each naming its file and place, so one start-up shows them all.
 */
public final class PolicyCompiler {

	private static final Pattern VARIABLE_REFERENCE = Pattern
		.compile("(?<![\\w.])(?:V|variables)\\.([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern CONSTANT_REFERENCE = Pattern
		.compile("(?<![\\w.])(?:C|constants)\\.([A-Za-z_][A-Za-z0-9_]*)");

	private final CelEnvironment cel;

	private final String defaultVersion;

	public PolicyCompiler(CelEnvironment cel, String defaultVersion) {
		this.cel = cel;
		this.defaultVersion = defaultVersion;
	}

	/**
	 * Compiles the files that are policies (see {@link PolicyParser#isPolicyPath(String)}); other files are
	 * ignored.
	 * @throws PolicyLoadException listing every problem found
	 */
	public PolicySet compile(List<PolicyFile> files) {
		List<PolicyFile> policyFiles = files.stream()
			.filter((file) -> PolicyParser.isPolicyPath(file.path()))
			.sorted(Comparator.comparing(PolicyFile::path))
			.toList();
		return new Compilation(policyFiles).run();
	}

	/** The state of one compilation. */
	private final class Compilation {

		private final List<PolicyFile> files;

		private final List<PolicyError> errors = new ArrayList<>();

		private final List<PolicyInfo> infos = new ArrayList<>();

		private final Map<String, Located<Map<String, Object>>> exportedConstants = new HashMap<>();

		private final Map<String, Located<Map<String, Expression>>> exportedVariables = new HashMap<>();

		private final Map<String, Located<DerivedRoles>> derivedRoleSets = new HashMap<>();

		private final Map<String, Map<String, CompiledDerivedRole>> compiledDerivedRoleSets = new HashMap<>();

		private final List<Located<PolicyDocument>> resourcePolicies = new ArrayList<>();

		Compilation(List<PolicyFile> files) {
			this.files = files;
		}

		PolicySet run() {
			PolicyParser parser = new PolicyParser();
			for (PolicyFile file : this.files) {
				PolicyParser.Parsed parsed = parser.parse(file);
				if (!parsed.isValid()) {
					this.errors.addAll(parsed.errors());
					continue;
				}
				register(file.path(), parsed.document());
			}
			for (Map.Entry<String, Located<DerivedRoles>> entry : this.derivedRoleSets.entrySet()) {
				this.compiledDerivedRoleSets.put(entry.getKey(), compileDerivedRoles(entry.getValue()));
			}
			Map<String, CompiledResourcePolicy> compiled = new HashMap<>();
			for (Located<PolicyDocument> located : this.resourcePolicies) {
				CompiledResourcePolicy policy = compileResourcePolicy(located);
				if (policy != null) {
					compiled.put(PolicySet.resourceKey(policy.kind(), policy.version(), policy.scope()), policy);
				}
			}
			if (!this.errors.isEmpty()) {
				throw new PolicyLoadException(this.errors);
			}
			return new PolicySet(compiled, this.infos, digest(this.files));
		}

		private void register(String path, PolicyDocument document) {
			boolean disabled = document.isDisabled();
			if (document.resourcePolicy() != null) {
				ResourcePolicy policy = document.resourcePolicy();
				String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
				String scope = orDefault(policy.scope(), "");
				String key = resourcePolicyKey(policy.resource(), version, scope);
				this.infos.add(new PolicyInfo("resource", policy.resource(), version, scope, key, path, disabled));
				if (isBlank(policy.resource())) {
					error(path, "resourcePolicy.resource", "resource must not be empty");
					return;
				}
				if (disabled) {
					return;
				}
				for (Located<PolicyDocument> other : this.resourcePolicies) {
					ResourcePolicy existing = other.value().resourcePolicy();
					if (existing.resource().equals(policy.resource())
							&& orDefault(existing.version(), PolicyCompiler.this.defaultVersion).equals(version)
							&& orDefault(existing.scope(), "").equals(scope)) {
						error(path, "resourcePolicy", "duplicate policy " + key + ": also defined in " + other.path());
						return;
					}
				}
				this.resourcePolicies.add(new Located<>(path, document));
			}
			else if (document.derivedRoles() != null) {
				DerivedRoles roles = document.derivedRoles();
				this.infos.add(new PolicyInfo("derived_roles", roles.name(), "", "", "derived_roles." + roles.name(),
						path, disabled));
				if (!disabled) {
					putUnique(this.derivedRoleSets, roles.name(), path, roles, "derivedRoles.name", "derived roles");
				}
			}
			else if (document.exportVariables() != null) {
				var exported = document.exportVariables();
				this.infos.add(new PolicyInfo("export_variables", exported.name(), "", "",
						"export_variables." + exported.name(), path, disabled));
				if (!disabled) {
					putUnique(this.exportedVariables, exported.name(), path, nonNull(exported.definitions()),
							"exportVariables.name", "exported variables");
				}
			}
			else if (document.exportConstants() != null) {
				var exported = document.exportConstants();
				this.infos.add(new PolicyInfo("export_constants", exported.name(), "", "",
						"export_constants." + exported.name(), path, disabled));
				if (!disabled) {
					putUnique(this.exportedConstants, exported.name(), path, nonNull(exported.definitions()),
							"exportConstants.name", "exported constants");
				}
			}
			else if (document.principalPolicy() != null) {
				error(path, "principalPolicy", "principal policies are not supported by this engine version");
			}
			else if (document.rolePolicy() != null) {
				error(path, "rolePolicy", "role policies are not supported by this engine version");
			}
		}

		private <T> void putUnique(Map<String, Located<T>> map, String name, String path, T value, String place,
				String what) {
			if (isBlank(name)) {
				error(path, place, "name must not be empty");
				return;
			}
			Located<T> existing = map.putIfAbsent(name, new Located<>(path, value));
			if (existing != null) {
				error(path, place, "duplicate " + what + " '" + name + "': also defined in " + existing.path());
			}
		}

		private Map<String, CompiledDerivedRole> compileDerivedRoles(Located<DerivedRoles> located) {
			DerivedRoles set = located.value();
			String path = located.path();
			PolicyParameters parameters = compileParameters(path, "derivedRoles", set.variables(), set.constants(),
					Map.of());
			Map<String, CompiledDerivedRole> roles = new LinkedHashMap<>();
			List<RoleDefinition> definitions = nonNull(set.definitions());
			if (definitions.isEmpty()) {
				error(path, "derivedRoles.definitions", "a derived roles set needs at least one definition");
			}
			for (int i = 0; i < definitions.size(); i++) {
				RoleDefinition definition = definitions.get(i);
				String place = "derivedRoles.definitions[" + i + "]";
				if (isBlank(definition.name())) {
					error(path, place + ".name", "derived role name must not be empty");
					continue;
				}
				if (nonNull(definition.parentRoles()).isEmpty()) {
					error(path, place + ".parentRoles", "derived role '" + definition.name() + "' has no parent roles");
					continue;
				}
				if (roles.containsKey(definition.name())) {
					error(path, place + ".name", "derived role '" + definition.name() + "' is defined more than once");
					continue;
				}
				Condition condition = compileCondition(path, place + ".condition", definition.condition(),
						parameters);
				roles.put(definition.name(),
						new CompiledDerivedRole(definition.name(), set.name(), List.copyOf(definition.parentRoles()),
								io.authz.core.embedded.compile.Matcher.of(definition.parentRoles()), condition,
								parameters));
			}
			return roles;
		}

		private CompiledResourcePolicy compileResourcePolicy(Located<PolicyDocument> located) {
			String path = located.path();
			PolicyDocument document = located.value();
			ResourcePolicy policy = document.resourcePolicy();
			int errorsBefore = this.errors.size();
			String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
			String scope = orDefault(policy.scope(), "");
			String key = resourcePolicyKey(policy.resource(), version, scope);
			PolicyParameters parameters = compileParameters(path, "resourcePolicy", policy.variables(),
					policy.constants(), nonNull(document.variables()));
			Map<String, CompiledDerivedRole> imported = importDerivedRoles(path, nonNull(policy.importDerivedRoles()));
			List<ResourceRule> ruleDocuments = nonNull(policy.rules());
			List<CompiledRule> rules = new ArrayList<>();
			Set<String> ruleNames = new LinkedHashSet<>();
			for (int i = 0; i < ruleDocuments.size(); i++) {
				CompiledRule rule = compileRule(path, "resourcePolicy.rules[" + i + "]", ruleDocuments.get(i), i,
						imported, parameters);
				if (rule != null) {
					if (!ruleNames.add(rule.name())) {
						error(path, "resourcePolicy.rules[" + i + "].name",
								"rule name '" + rule.name() + "' is used more than once");
					}
					rules.add(rule);
				}
			}
			if (this.errors.size() > errorsBefore) {
				return null;
			}
			return new CompiledResourcePolicy(key, policy.resource(), version, scope,
					scopePermissions(path, policy.scopePermissions()), path, parameters, rules, imported,
					new RulesByAction(rules));
		}

		private ScopePermissions scopePermissions(String path, String value) {
			if (isBlank(value) || value.equals("SCOPE_PERMISSIONS_UNSPECIFIED")
					|| value.equals("SCOPE_PERMISSIONS_OVERRIDE_PARENT")) {
				return ScopePermissions.OVERRIDE_PARENT;
			}
			if (value.equals("SCOPE_PERMISSIONS_REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS")) {
				return ScopePermissions.REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS;
			}
			error(path, "resourcePolicy.scopePermissions", "unknown scopePermissions '" + value + "'");
			return ScopePermissions.OVERRIDE_PARENT;
		}

		private Map<String, CompiledDerivedRole> importDerivedRoles(String path, List<String> imports) {
			Map<String, CompiledDerivedRole> imported = new LinkedHashMap<>();
			Map<String, String> origin = new HashMap<>();
			for (int i = 0; i < imports.size(); i++) {
				String name = imports.get(i);
				Map<String, CompiledDerivedRole> set = this.compiledDerivedRoleSets.get(name);
				if (set == null) {
					error(path, "resourcePolicy.importDerivedRoles[" + i + "]",
							"derived roles '" + name + "' not found: no derivedRoles policy has that name");
					continue;
				}
				for (CompiledDerivedRole role : set.values()) {
					String previous = origin.putIfAbsent(role.name(), name);
					if (previous != null && !previous.equals(name)) {
						// Only an error when a rule uses it; remember it as ambiguous.
						imported.put(role.name(), null);
					}
					else {
						imported.put(role.name(), role);
					}
				}
			}
			return imported;
		}

		private CompiledRule compileRule(String path, String place, ResourceRule rule, int index,
				Map<String, CompiledDerivedRole> imported, PolicyParameters parameters) {
			String name = isBlank(rule.name()) ? String.format(Locale.ROOT, "rule-%03d", index + 1) : rule.name();
			List<String> actions = nonNull(rule.actions());
			if (actions.isEmpty()) {
				error(path, place + ".actions", "rule '" + name + "' has no actions");
			}
			List<String> roles = nonNull(rule.roles());
			List<String> derivedRoleNames = nonNull(rule.derivedRoles());
			if (roles.isEmpty() && derivedRoleNames.isEmpty()) {
				error(path, place, "rule '" + name + "' names no roles or derivedRoles");
			}
			List<CompiledDerivedRole> derivedRoles = new ArrayList<>();
			for (int i = 0; i < derivedRoleNames.size(); i++) {
				String derivedRole = derivedRoleNames.get(i);
				if (!imported.containsKey(derivedRole)) {
					error(path, place + ".derivedRoles[" + i + "]", "derived role '" + derivedRole
							+ "' is not defined in any imported derived roles set");
				}
				else if (imported.get(derivedRole) == null) {
					error(path, place + ".derivedRoles[" + i + "]",
							"derived role '" + derivedRole + "' is defined in more than one imported set");
				}
				else {
					derivedRoles.add(imported.get(derivedRole));
				}
			}
			Effect effect = switch (orDefault(rule.effect(), "")) {
				case "EFFECT_ALLOW" -> Effect.ALLOW;
				case "EFFECT_DENY" -> Effect.DENY;
				default -> {
					error(path, place + ".effect",
							"effect must be EFFECT_ALLOW or EFFECT_DENY but is '" + rule.effect() + "'");
					yield Effect.DENY;
				}
			};
			Condition condition = compileCondition(path, place + ".condition", rule.condition(), parameters);
			CompiledExpression activated = null;
			CompiledExpression notMet = null;
			if (rule.output() != null) {
				Expression whenActivated = rule.output().expr();
				if (rule.output().when() != null) {
					if (rule.output().when().ruleActivated() != null) {
						whenActivated = rule.output().when().ruleActivated();
					}
					notMet = compileExpression(path, place + ".output.when.conditionNotMet",
							rule.output().when().conditionNotMet(), parameters);
				}
				activated = compileExpression(path, place + ".output.when.ruleActivated", whenActivated, parameters);
			}
			return new CompiledRule(index, name, io.authz.core.embedded.compile.Matcher.of(actions),
					io.authz.core.embedded.compile.Matcher.of(roles), List.copyOf(derivedRoles), effect, condition,
					activated, notMet);
		}

		private Condition compileCondition(String path, String place, PolicyDocument.Condition condition,
				PolicyParameters parameters) {
			if (condition == null) {
				return Condition.TRUE;
			}
			if (condition.match() != null && condition.script() != null) {
				error(path, place, "a condition has either match or script, not both");
				return Condition.TRUE;
			}
			if (condition.script() != null) {
				CompiledExpression script = compileExpression(path, place + ".script", condition.script(), parameters);
				return (script != null) ? new Condition.Expr(script) : Condition.TRUE;
			}
			if (condition.match() == null) {
				error(path, place, "a condition needs match or script");
				return Condition.TRUE;
			}
			return compileMatch(path, place + ".match", condition.match(), parameters);
		}

		private Condition compileMatch(String path, String place, Match match, PolicyParameters parameters) {
			int operators = 0;
			for (Object operand : new Object[] { match.expr(), match.all(), match.any(), match.none() }) {
				if (operand != null) {
					operators++;
				}
			}
			if (operators != 1) {
				error(path, place, "a match needs exactly one of expr, all, any, none");
				return Condition.TRUE;
			}
			if (match.expr() != null) {
				CompiledExpression expression = compileExpression(path, place + ".expr", match.expr(), parameters);
				return (expression != null) ? new Condition.Expr(expression) : Condition.TRUE;
			}
			String operator = (match.all() != null) ? "all" : (match.any() != null) ? "any" : "none";
			PolicyDocument.Operands operands = (match.all() != null) ? match.all()
					: (match.any() != null) ? match.any() : match.none();
			List<Match> of = nonNull(operands.of());
			if (of.isEmpty()) {
				error(path, place + "." + operator + ".of", operator + ".of needs at least one operand");
			}
			List<Condition> conditions = new ArrayList<>(of.size());
			for (int i = 0; i < of.size(); i++) {
				conditions.add(compileMatch(path, place + "." + operator + ".of[" + i + "]", of.get(i), parameters));
			}
			return switch (operator) {
				case "all" -> new Condition.All(List.copyOf(conditions));
				case "any" -> new Condition.Any(List.copyOf(conditions));
				default -> new Condition.None(List.copyOf(conditions));
			};
		}

		private CompiledExpression compileExpression(String path, String place, Expression expression,
				PolicyParameters parameters) {
			if (expression == null) {
				return null;
			}
			String text = expression.text();
			if (isBlank(text)) {
				this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
						"expression is empty"));
				return null;
			}
			boolean referencesOk = checkReferences(path, place, expression, parameters);
			try {
				CompiledExpression compiled = PolicyCompiler.this.cel.compile(text);
				return referencesOk ? compiled : null;
			}
			catch (CelCompileException ex) {
				this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
						"invalid CEL expression `" + text.strip() + "`: " + ex.getMessage()));
				return null;
			}
		}

		private boolean checkReferences(String path, String place, Expression expression,
				PolicyParameters parameters) {
			boolean ok = true;
			Set<String> variables = new LinkedHashSet<>();
			parameters.variables().forEach((variable) -> variables.add(variable.name()));
			Matcher variableReferences = VARIABLE_REFERENCE.matcher(expression.text());
			while (variableReferences.find()) {
				if (!variables.contains(variableReferences.group(1))) {
					ok = false;
					this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
							"undefined variable '" + variableReferences.group(1) + "'"));
				}
			}
			Matcher constantReferences = CONSTANT_REFERENCE.matcher(expression.text());
			while (constantReferences.find()) {
				if (!parameters.constants().containsKey(constantReferences.group(1))) {
					ok = false;
					this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
							"undefined constant '" + constantReferences.group(1) + "'"));
				}
			}
			return ok;
		}

		/**
		 * Resolves a policy's constants and variables: imports first, then local definitions (and the deprecated
		 * top-level variables); variables are compiled and ordered so each comes after the variables it uses.
		 */
		private PolicyParameters compileParameters(String path, String place, PolicyDocument.Variables variables,
				PolicyDocument.Constants constants, Map<String, Expression> topLevelVariables) {
			Map<String, Object> constantValues = new LinkedHashMap<>();
			Map<String, String> constantOrigins = new HashMap<>();
			if (constants != null) {
				List<String> imports = nonNull(constants.imports());
				for (int i = 0; i < imports.size(); i++) {
					Located<Map<String, Object>> exported = this.exportedConstants.get(imports.get(i));
					if (exported == null) {
						error(path, place + ".constants.import[" + i + "]",
								"exported constants '" + imports.get(i) + "' not found");
						continue;
					}
					String origin = "import " + imports.get(i);
					exported.value().forEach((name, value) -> addConstant(path, place, constantValues,
							constantOrigins, name, value, origin));
				}
				nonNull(constants.local()).forEach((name, value) -> addConstant(path, place, constantValues,
						constantOrigins, name, value, "local"));
			}
			Map<String, Expression> definitions = new LinkedHashMap<>();
			Map<String, String> origins = new HashMap<>();
			topLevelVariables.forEach((name, expression) -> addVariable(path, place, definitions, origins, name,
					expression, "top-level variables"));
			if (variables != null) {
				List<String> imports = nonNull(variables.imports());
				for (int i = 0; i < imports.size(); i++) {
					Located<Map<String, Expression>> exported = this.exportedVariables.get(imports.get(i));
					if (exported == null) {
						error(path, place + ".variables.import[" + i + "]",
								"exported variables '" + imports.get(i) + "' not found");
						continue;
					}
					String origin = "import " + imports.get(i);
					exported.value().forEach((name, expression) -> addVariable(path, place, definitions, origins,
							name, expression, origin));
				}
				nonNull(variables.local()).forEach((name, expression) -> addVariable(path, place, definitions,
						origins, name, expression, "local"));
			}
			List<String> order = orderVariables(path, place, definitions);
			PolicyParameters partial = new PolicyParameters(constantValues,
					definitions.keySet().stream().map((name) -> new NamedExpression(name, null)).toList());
			List<NamedExpression> compiled = new ArrayList<>();
			for (String name : order) {
				CompiledExpression expression = compileExpression(path, place + ".variables." + name,
						definitions.get(name), partial);
				if (expression != null) {
					compiled.add(new NamedExpression(name, expression));
				}
			}
			return new PolicyParameters(constantValues, compiled);
		}

		private void addConstant(String path, String place, Map<String, Object> values, Map<String, String> origins,
				String name, Object value, String origin) {
			Object normalized = PolicyParameters.constantValue(value);
			if (values.containsKey(name) && !java.util.Objects.equals(values.get(name), normalized)) {
				error(path, place + ".constants", "constant '" + name + "' has conflicting definitions ("
						+ origins.get(name) + ", " + origin + ")");
				return;
			}
			values.put(name, normalized);
			origins.putIfAbsent(name, origin);
		}

		private void addVariable(String path, String place, Map<String, Expression> definitions,
				Map<String, String> origins, String name, Expression expression, String origin) {
			Expression existing = definitions.get(name);
			if (existing != null && !existing.text().equals(expression.text())) {
				error(path, place + ".variables", "variable '" + name + "' has conflicting definitions ("
						+ origins.get(name) + ", " + origin + ")");
				return;
			}
			definitions.put(name, expression);
			origins.putIfAbsent(name, origin);
		}

		/** Orders variables so each comes after those it references; a cycle is an error. */
		private List<String> orderVariables(String path, String place, Map<String, Expression> definitions) {
			List<String> order = new ArrayList<>();
			Map<String, Integer> state = new HashMap<>();
			for (String name : definitions.keySet()) {
				visitVariable(path, place, name, definitions, state, order, new ArrayList<>());
			}
			return order;
		}

		private void visitVariable(String path, String place, String name, Map<String, Expression> definitions,
				Map<String, Integer> state, List<String> order, List<String> stack) {
			Integer current = state.get(name);
			if (current != null) {
				if (current == 1) {
					stack.add(name);
					error(path, place + ".variables", "variables reference each other in a cycle: "
							+ String.join(" -> ", stack.subList(stack.indexOf(name), stack.size())));
				}
				return;
			}
			state.put(name, 1);
			stack.add(name);
			Matcher references = VARIABLE_REFERENCE.matcher(definitions.get(name).text());
			while (references.find()) {
				String dependency = references.group(1);
				if (definitions.containsKey(dependency)) {
					visitVariable(path, place, dependency, definitions, state, order, stack);
				}
			}
			stack.remove(stack.size() - 1);
			state.put(name, 2);
			order.add(name);
		}

		private void error(String path, String place, String message) {
			this.errors.add(new PolicyError(path, 0, 0, place, message));
		}

	}

	private record Located<T>(String path, T value) {
	}

	static String resourcePolicyKey(String resource, String version, String scope) {
		String key = "resource." + resource + ".v" + version;
		return scope.isEmpty() ? key : key + "/" + scope;
	}

	private static String digest(List<PolicyFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (PolicyFile file : files) {
				digest.update(file.path().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.content().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String orDefault(String value, String fallback) {
		return isBlank(value) ? fallback : value;
	}

	private static <T> List<T> nonNull(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
		return (map != null) ? map : Map.of();
	}

}
