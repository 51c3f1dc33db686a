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
import java.util.regex.Pattern;

import io.authz.core.cel.CelEnvironment;
import io.authz.core.cel.CelEnvironment.CelCompileException;
import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;
import io.authz.core.embedded.compile.PolicySet.ScopePermissions;
import io.authz.core.model.Effect;
import io.authz.core.policy.Expression;
import io.authz.core.policy.PolicyDocument;
import io.authz.core.policy.PolicyDocument.DerivedRoles;
import io.authz.core.policy.PolicyDocument.Match;
import io.authz.core.policy.PolicyDocument.PrincipalAction;
import io.authz.core.policy.PolicyDocument.PrincipalPolicy;
import io.authz.core.policy.PolicyDocument.PrincipalRule;
import io.authz.core.policy.PolicyDocument.RuleOutput;
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

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
			"continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return",
			"var", "void", "while");

	/** Indexing the policy-level maps is not allowed in Cerbos (they are not plain maps there). */
	private static final Pattern INDEXED_PARAMETERS = Pattern
		.compile("(?<![\\w.])(?:V|C|G|variables|constants|globals)\\s*\\[");

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
		Map<String, String> schemas = new HashMap<>();
		for (PolicyFile file : files) {
			String path = file.path().replace('\\', '/');
			if (path.startsWith(AttributeSchemas.FOLDER) && path.endsWith(".json") && !path.contains("/.")) {
				schemas.put(path.substring(AttributeSchemas.FOLDER.length()), file.content());
			}
		}
		return new Compilation(policyFiles, new AttributeSchemas(schemas)).run();
	}

	/** The state of one compilation. */
	private final class Compilation {

		private final List<PolicyFile> files;

		private final List<PolicyError> errors = new ArrayList<>();

		private final List<PolicyInfo> infos = new ArrayList<>();

		private final Map<String, Located<Map<String, Object>>> exportedConstants = new HashMap<>();

		private final Map<String, Located<Map<String, Expression>>> exportedVariables = new HashMap<>();

		private final Map<String, Located<PolicyDocument>> derivedRoleSets = new HashMap<>();

		private final Map<String, Map<String, CompiledDerivedRole>> compiledDerivedRoleSets = new HashMap<>();

		private final List<Located<PolicyDocument>> resourcePolicies = new ArrayList<>();

		private final List<Located<PolicyDocument>> principalPolicies = new ArrayList<>();

		private final List<Located<PolicyDocument>> rolePolicies = new ArrayList<>();

		private final PolicySet.Builder table = new PolicySet.Builder();

		private final AttributeSchemas schemas;

		Compilation(List<PolicyFile> files, AttributeSchemas schemas) {
			this.files = files;
			this.schemas = schemas;
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
			for (Map.Entry<String, Located<PolicyDocument>> entry : this.derivedRoleSets.entrySet()) {
				this.compiledDerivedRoleSets.put(entry.getKey(), compileDerivedRoles(entry.getValue()));
			}
			checkAncestors();
			this.resourcePolicies.forEach(this::compileResourcePolicy);
			this.principalPolicies.forEach(this::compilePrincipalPolicy);
			this.rolePolicies.forEach(this::compileRolePolicy);
			if (!this.errors.isEmpty()) {
				throw new PolicyLoadException(this.errors);
			}
			return new PolicySet(this.table, this.infos, digest(this.files));
		}

		/** A scoped policy needs a policy at every ancestor scope, down to the root, as Cerbos requires. */
		private void checkAncestors() {
			Set<String> resourceKeys = new java.util.HashSet<>();
			this.resourcePolicies.forEach((located) -> resourceKeys.add(resourcePolicyKey(
					located.value().resourcePolicy().resource(),
					orDefault(located.value().resourcePolicy().version(), PolicyCompiler.this.defaultVersion),
					orDefault(located.value().resourcePolicy().scope(), ""))));
			for (Located<PolicyDocument> located : this.resourcePolicies) {
				ResourcePolicy policy = located.value().resourcePolicy();
				String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
				checkAncestors(located.path(), resourceKeys, orDefault(policy.scope(), ""),
						(scope) -> resourcePolicyKey(policy.resource(), version, scope));
			}
			Set<String> principalKeys = new java.util.HashSet<>();
			this.principalPolicies.forEach((located) -> principalKeys.add(withScope(
					"principal." + located.value().principalPolicy().principal() + ".v"
							+ orDefault(located.value().principalPolicy().version(),
									PolicyCompiler.this.defaultVersion),
					orDefault(located.value().principalPolicy().scope(), ""))));
			for (Located<PolicyDocument> located : this.principalPolicies) {
				PrincipalPolicy policy = located.value().principalPolicy();
				String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
				checkAncestors(located.path(), principalKeys, orDefault(policy.scope(), ""),
						(scope) -> withScope("principal." + policy.principal() + ".v" + version, scope));
			}
		}

		private void checkAncestors(String path, Set<String> keys, String scope,
				java.util.function.Function<String, String> keyForScope) {
			String current = scope;
			while (!current.isEmpty()) {
				int dot = current.lastIndexOf('.');
				current = (dot < 0) ? "" : current.substring(0, dot);
				String ancestor = keyForScope.apply(current);
				if (!keys.contains(ancestor)) {
					error(path, "", "missing policy definition: missing ancestor policy \"" + ancestor + "\"");
				}
			}
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
					putUnique(this.derivedRoleSets, roles.name(), path, document, "derivedRoles.name", "derived roles");
				}
			}
			else if (document.exportVariables() != null) {
				var exported = document.exportVariables();
				this.infos.add(new PolicyInfo("export_variables", exported.name(), "", "",
						"export_variables." + exported.name(), path, disabled));
				nonNull(exported.definitions()).keySet()
					.forEach((name) -> validIdentifier(path, "exportVariables.definitions", "variable", name));
				if (!disabled) {
					putUnique(this.exportedVariables, exported.name(), path, nonNull(exported.definitions()),
							"exportVariables.name", "exported variables");
				}
			}
			else if (document.exportConstants() != null) {
				var exported = document.exportConstants();
				this.infos.add(new PolicyInfo("export_constants", exported.name(), "", "",
						"export_constants." + exported.name(), path, disabled));
				nonNull(exported.definitions()).keySet()
					.forEach((name) -> validIdentifier(path, "exportConstants.definitions", "constant", name));
				if (!disabled) {
					putUnique(this.exportedConstants, exported.name(), path, nonNull(exported.definitions()),
							"exportConstants.name", "exported constants");
				}
			}
			else if (document.principalPolicy() != null) {
				PrincipalPolicy policy = document.principalPolicy();
				String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
				String scope = orDefault(policy.scope(), "");
				String key = withScope("principal." + policy.principal() + ".v" + version, scope);
				this.infos.add(new PolicyInfo("principal", policy.principal(), version, scope, key, path, disabled));
				if (isBlank(policy.principal())) {
					error(path, "principalPolicy.principal", "principal must not be empty");
				}
				else if (!disabled && unique(this.principalPolicies, path, key, (other) -> {
					PrincipalPolicy existing = other.principalPolicy();
					return existing.principal().equals(policy.principal())
							&& orDefault(existing.version(), PolicyCompiler.this.defaultVersion).equals(version)
							&& orDefault(existing.scope(), "").equals(scope);
				})) {
					this.principalPolicies.add(new Located<>(path, document));
				}
			}
			else if (document.rolePolicy() != null) {
				PolicyDocument.RolePolicy policy = document.rolePolicy();
				String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
				String scope = orDefault(policy.scope(), "");
				String key = withScope("role." + policy.role() + ".v" + version, scope);
				this.infos.add(new PolicyInfo("role", policy.role(), version, scope, key, path, disabled));
				if (isBlank(policy.role())) {
					error(path, "rolePolicy.role", "role must not be empty");
				}
				else if (!disabled && unique(this.rolePolicies, path, key, (other) -> {
					PolicyDocument.RolePolicy existing = other.rolePolicy();
					return existing.role().equals(policy.role())
							&& orDefault(existing.version(), PolicyCompiler.this.defaultVersion).equals(version)
							&& orDefault(existing.scope(), "").equals(scope);
				})) {
					this.rolePolicies.add(new Located<>(path, document));
				}
			}
		}

		private boolean unique(List<Located<PolicyDocument>> existing, String path, String key,
				java.util.function.Predicate<PolicyDocument> same) {
			for (Located<PolicyDocument> other : existing) {
				if (same.test(other.value())) {
					error(path, "", "duplicate policy " + key + ": also defined in " + other.path());
					return false;
				}
			}
			return true;
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

		private Map<String, CompiledDerivedRole> compileDerivedRoles(Located<PolicyDocument> located) {
			DerivedRoles set = located.value().derivedRoles();
			String path = located.path();
			PolicyParameters parameters = compileParameters(path, "derivedRoles", set.variables(), set.constants(),
					nonNull(located.value().variables()));
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
								Matcher.of(definition.parentRoles()), condition,
								parameters));
			}
			return roles;
		}

		private void compileResourcePolicy(Located<PolicyDocument> located) {
			String path = located.path();
			PolicyDocument document = located.value();
			ResourcePolicy policy = document.resourcePolicy();
			int errorsBefore = this.errors.size();
			String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
			String scope = orDefault(policy.scope(), "");
			String key = resourcePolicyKey(policy.resource(), version, scope);
			ScopePermissions permissions = scopePermissions(path, "resourcePolicy", policy.scopePermissions());
			PolicyParameters parameters = compileParameters(path, "resourcePolicy", policy.variables(),
					policy.constants(), nonNull(document.variables()));
			Map<String, CompiledDerivedRole> imported = importDerivedRoles(path, nonNull(policy.importDerivedRoles()));
			List<ResourceRule> rules = nonNull(policy.rules());
			Set<String> ruleNames = new LinkedHashSet<>();
			List<Row> rows = new ArrayList<>();
			Matcher resource = Matcher.of(List.of(policy.resource()));
			for (int i = 0; i < rules.size(); i++) {
				String place = "resourcePolicy.rules[" + i + "]";
				ResourceRule rule = rules.get(i);
				String name = isBlank(rule.name()) ? String.format(Locale.ROOT, "rule-%03d", i + 1) : rule.name();
				if (!ruleNames.add(name)) {
					error(path, place + ".name", "rule name '" + name + "' is used more than once");
				}
				List<String> actions = distinct(nonNull(rule.actions()));
				if (actions.isEmpty()) {
					error(path, place + ".actions", "rule '" + name + "' has no actions");
				}
				List<String> roles = collapseWildcard(distinct(nonNull(rule.roles())));
				List<String> derivedRoleNames = distinct(nonNull(rule.derivedRoles()));
				if (roles.isEmpty() && derivedRoleNames.isEmpty()) {
					error(path, place, "rule '" + name + "' does not specify any roles or derived roles to be matched");
				}
				List<CompiledDerivedRole> derivedRoles = resolveDerivedRoles(path, place, derivedRoleNames, imported);
				Effect effect = effect(path, place + ".effect", rule.effect());
				Condition condition = compileCondition(path, place + ".condition", rule.condition(), parameters);
				CompiledRule compiled = compileRuleOutputs(path, place, key, name, effect, condition, parameters,
						rule.output(), permissions, rule.condition() != null);
				// Condition outcomes are cached per (rule, derived role) by identity of these keys.
				Map<String, Object> derivedRoleKeys = new HashMap<>();
				derivedRoles.forEach((derivedRole) -> derivedRoleKeys.put(derivedRole.name(),
						new DerivedRuleKey(compiled, derivedRole.name())));
				for (String action : actions) {
					Matcher actionMatcher = Matcher.of(List.of(action));
					for (String role : roles) {
						rows.add(new Row(compiled, actionMatcher, Matcher.of(List.of(role)), null, resource, scope,
								compiled));
					}
					for (CompiledDerivedRole derivedRole : derivedRoles) {
						Object conditionKey = derivedRoleKeys.get(derivedRole.name());
						for (String parent : collapseWildcard(distinct(derivedRole.parentRoleNames()))) {
							rows.add(new Row(compiled, actionMatcher, Matcher.of(List.of(parent)), derivedRole,
									resource, scope, conditionKey));
						}
					}
				}
			}
			PolicySchemas schemas = compileSchemas(path, policy.schemas());
			if (this.errors.size() > errorsBefore) {
				return;
			}
			if (schemas != null) {
				this.table.schemas.put(key, schemas);
			}
			this.table.addResourcePolicy(version, scope, permissions);
			rows.forEach((row) -> this.table.addResourceRow(version, scope, policy.resource(), row));
			// Only derived roles some rule uses are evaluated and reported, as Cerbos prunes the rest.
			Map<String, CompiledDerivedRole> used = new LinkedHashMap<>();
			rows.forEach((row) -> {
				if (row.derivedRole() != null) {
					used.putIfAbsent(row.derivedRole().name(), row.derivedRole());
				}
			});
			if (!used.isEmpty()) {
				this.table.derivedRoles.put(key, Map.copyOf(used));
			}
		}

		private PolicySchemas compileSchemas(String path, PolicyDocument.Schemas declared) {
			if (declared == null || (declared.principalSchema() == null && declared.resourceSchema() == null)) {
				return null;
			}
			com.networknt.schema.Schema principal = loadSchema(path, "resourcePolicy.schemas.principalSchema.ref",
					"principal", declared.principalSchema());
			com.networknt.schema.Schema resource = loadSchema(path, "resourcePolicy.schemas.resourceSchema.ref",
					"resource", declared.resourceSchema());
			return new PolicySchemas(principal, ignoredActions(declared.principalSchema()), resource,
					ignoredActions(declared.resourceSchema()));
		}

		private com.networknt.schema.Schema loadSchema(String path, String place, String what,
				PolicyDocument.SchemaReference reference) {
			if (reference == null || isBlank(reference.ref())) {
				return null;
			}
			try {
				return this.schemas.load(reference.ref());
			}
			catch (IllegalArgumentException ex) {
				error(path, place, "invalid schema: failed to load " + what + " schema \"" + reference.ref() + "\": "
						+ ex.getMessage());
				return null;
			}
		}

		private List<String> ignoredActions(PolicyDocument.SchemaReference reference) {
			if (reference == null || reference.ignoreWhen() == null) {
				return List.of();
			}
			return List.copyOf(nonNull(reference.ignoreWhen().actions()));
		}

		private void compilePrincipalPolicy(Located<PolicyDocument> located) {
			String path = located.path();
			PrincipalPolicy policy = located.value().principalPolicy();
			int errorsBefore = this.errors.size();
			String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
			String scope = orDefault(policy.scope(), "");
			String key = withScope("principal." + policy.principal() + ".v" + version, scope);
			ScopePermissions permissions = scopePermissions(path, "principalPolicy", policy.scopePermissions());
			PolicyParameters parameters = compileParameters(path, "principalPolicy", policy.variables(),
					policy.constants(), nonNull(located.value().variables()));
			List<Row> rows = new ArrayList<>();
			Matcher anyRole = Matcher.of(List.of("*"));
			List<PrincipalRule> rules = nonNull(policy.rules());
			for (int r = 0; r < rules.size(); r++) {
				PrincipalRule rule = rules.get(r);
				String place = "principalPolicy.rules[" + r + "]";
				if (isBlank(rule.resource())) {
					error(path, place + ".resource", "resource must not be empty");
					continue;
				}
				Matcher resource = Matcher.of(List.of(rule.resource()));
				List<PrincipalAction> actions = nonNull(rule.actions());
				if (actions.isEmpty()) {
					error(path, place + ".actions", "rule for resource '" + rule.resource() + "' has no actions");
				}
				for (int a = 0; a < actions.size(); a++) {
					PrincipalAction action = actions.get(a);
					String actionPlace = place + ".actions[" + a + "]";
					String name = isBlank(action.name())
							? String.format(Locale.ROOT, "%s_rule-%03d", rule.resource(), a + 1) : action.name();
					if (isBlank(action.action())) {
						error(path, actionPlace + ".action", "action must not be empty");
						continue;
					}
					Effect effect = effect(path, actionPlace + ".effect", action.effect());
					Condition condition = compileCondition(path, actionPlace + ".condition", action.condition(),
							parameters);
					CompiledRule compiled = compileRuleOutputs(path, actionPlace, key, name, effect, condition,
							parameters, action.output(), permissions, action.condition() != null);
					rows.add(new Row(compiled, Matcher.of(List.of(action.action())), anyRole, null, resource, scope,
							compiled));
				}
			}
			if (this.errors.size() == errorsBefore) {
				this.table.addPrincipalPolicy(version, scope, policy.principal(), rows, permissions);
			}
		}

		private void compileRolePolicy(Located<PolicyDocument> located) {
			String path = located.path();
			PolicyDocument.RolePolicy policy = located.value().rolePolicy();
			int errorsBefore = this.errors.size();
			String version = orDefault(policy.version(), PolicyCompiler.this.defaultVersion);
			String scope = orDefault(policy.scope(), "");
			String key = withScope("role." + policy.role() + ".v" + version, scope);
			PolicyParameters parameters = compileParameters(path, "rolePolicy", policy.variables(),
					policy.constants(), nonNull(located.value().variables()));
			List<RolePolicy.Rule> rules = new ArrayList<>();
			List<PolicyDocument.RoleRule> ruleDocuments = nonNull(policy.rules());
			for (int i = 0; i < ruleDocuments.size(); i++) {
				PolicyDocument.RoleRule rule = ruleDocuments.get(i);
				String place = "rolePolicy.rules[" + i + "]";
				if (isBlank(rule.resource())) {
					error(path, place + ".resource", "resource must not be empty");
					continue;
				}
				if (nonNull(rule.allowActions()).isEmpty()) {
					error(path, place + ".allowActions", "a role policy rule needs at least one action");
				}
				Condition condition = (rule.condition() != null)
						? compileCondition(path, place + ".condition", rule.condition(), parameters) : null;
				String name = isBlank(rule.name())
						? String.format(Locale.ROOT, "%s_rule-%03d", policy.role(), i) : rule.name();
				CompiledExpression activated = null;
				CompiledExpression notMet = null;
				if (rule.output() != null) {
					CompiledExpression[] outputs = compileOutputs(path, place, rule.output(), parameters);
					activated = outputs[0];
					notMet = outputs[1];
				}
				rules.add(new RolePolicy.Rule(Matcher.of(List.of(rule.resource())),
						Matcher.of(distinct(nonNull(rule.allowActions()))), condition, name, parameters, activated,
						notMet));
			}
			if (this.errors.size() == errorsBefore) {
				this.table.addRolePolicy(new RolePolicy(key, policy.role(), version, scope,
						List.copyOf(nonNull(policy.parentRoles())), List.copyOf(rules)));
			}
		}

		/**
		 * Builds a rule with its outputs. In a scope that requires parental consent, a conditional ALLOW becomes a
		 * DENY when its condition does not hold (Cerbos' rewrite), so an unmet condition there denies outright.
		 */
		private CompiledRule compileRuleOutputs(String path, String place, String key, String name, Effect effect,
				Condition condition, PolicyParameters parameters, RuleOutput output, ScopePermissions permissions,
				boolean conditional) {
			CompiledExpression[] outputs = (output != null) ? compileOutputs(path, place, output, parameters)
					: new CompiledExpression[2];
			if (permissions == ScopePermissions.REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS && effect == Effect.ALLOW
					&& conditional) {
				return new CompiledRule(key, name, Effect.DENY, new Condition.None(List.of(condition)), parameters,
						outputs[0], outputs[1]);
			}
			return new CompiledRule(key, name, effect, condition, parameters, outputs[0], outputs[1]);
		}

		private CompiledExpression[] compileOutputs(String path, String place, RuleOutput output,
				PolicyParameters parameters) {
			boolean empty = output.expr() == null && (output.when() == null
					|| (output.when().ruleActivated() == null && output.when().conditionNotMet() == null));
			if (empty) {
				error(path, place + ".output", "empty output: output must have at least one expression");
				return new CompiledExpression[2];
			}
			Expression whenActivated = output.expr();
			CompiledExpression notMet = null;
			if (output.when() != null) {
				if (output.when().ruleActivated() != null) {
					whenActivated = output.when().ruleActivated();
				}
				notMet = compileExpression(path, place + ".output.when.conditionNotMet",
						output.when().conditionNotMet(), parameters);
			}
			CompiledExpression activated = compileExpression(path, place + ".output.when.ruleActivated",
					whenActivated, parameters);
			return new CompiledExpression[] { activated, notMet };
		}

		private Effect effect(String path, String place, String value) {
			return switch (orDefault(value, "")) {
				case "EFFECT_ALLOW" -> Effect.ALLOW;
				case "EFFECT_DENY" -> Effect.DENY;
				default -> {
					error(path, place, "effect must be EFFECT_ALLOW or EFFECT_DENY but is '" + value + "'");
					yield Effect.DENY;
				}
			};
		}

		private List<CompiledDerivedRole> resolveDerivedRoles(String path, String place, List<String> names,
				Map<String, CompiledDerivedRole> imported) {
			List<CompiledDerivedRole> derivedRoles = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				String derivedRole = names.get(i);
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
			return derivedRoles;
		}

		private ScopePermissions scopePermissions(String path, String place, String value) {
			if (isBlank(value) || value.equals("SCOPE_PERMISSIONS_UNSPECIFIED")
					|| value.equals("SCOPE_PERMISSIONS_OVERRIDE_PARENT")) {
				return ScopePermissions.OVERRIDE_PARENT;
			}
			if (value.equals("SCOPE_PERMISSIONS_REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS")) {
				return ScopePermissions.REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS;
			}
			error(path, place + ".scopePermissions", "unknown scopePermissions '" + value + "'");
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
			boolean referencesOk = checkReferences(path, place, expression, parameters.declaredVariables(),
					parameters.constants().keySet());
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

		private boolean checkReferences(String path, String place, Expression expression, Set<String> variables,
				Set<String> constants) {
			boolean ok = true;
			if (INDEXED_PARAMETERS.matcher(expression.text()).find()) {
				this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
						"invalid expression `" + expression.text().strip()
								+ "`: variables, constants and globals are read with a dot (V.name), not an index"));
				ok = false;
			}
			java.util.regex.Matcher variableReferences = VARIABLE_REFERENCE.matcher(expression.text());
			while (variableReferences.find()) {
				if (!variables.contains(variableReferences.group(1))) {
					ok = false;
					this.errors.add(new PolicyError(path, expression.line(), expression.column(), place,
							"undefined variable '" + variableReferences.group(1) + "'"));
				}
			}
			java.util.regex.Matcher constantReferences = CONSTANT_REFERENCE.matcher(expression.text());
			while (constantReferences.find()) {
				if (!constants.contains(constantReferences.group(1))) {
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
				nonNull(constants.local()).forEach((name, value) -> {
					if (validIdentifier(path, place + ".constants.local", "constant", name)) {
						addConstant(path, place, constantValues, constantOrigins, name, value, "local");
					}
				});
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
				nonNull(variables.local()).forEach((name, expression) -> {
					if (validIdentifier(path, place + ".variables.local", "variable", name)) {
						addVariable(path, place, definitions, origins, name, expression, "local");
					}
				});
			}
			List<String> order = orderVariables(path, place, definitions);
			PolicyParameters partial = new PolicyParameters(constantValues, List.of(), definitions.keySet());
			List<NamedExpression> compiled = new ArrayList<>();
			for (String name : order) {
				CompiledExpression expression = compileExpression(path, place + ".variables." + name,
						definitions.get(name), partial);
				if (expression != null) {
					compiled.add(new NamedExpression(name, expression));
				}
			}
			return new PolicyParameters(constantValues, compiled, definitions.keySet());
		}

		private boolean validIdentifier(String path, String place, String what, String name) {
			if (RESERVED.contains(name)) {
				error(path, place + "." + name, "invalid " + what + " name: \"" + name
						+ "\" is a reserved keyword and can't be used as an identifier");
				return false;
			}
			if (!IDENTIFIER.matcher(name).matches()) {
				error(path, place + "." + name,
						"invalid " + what + " name: \"" + name + "\" is not a valid identifier");
				return false;
			}
			return true;
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
			if (expression == null) {
				error(path, place + ".variables." + name, "variable '" + name + "' has no expression");
				return;
			}
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
			java.util.regex.Matcher references = VARIABLE_REFERENCE.matcher(definitions.get(name).text());
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

	private record DerivedRuleKey(CompiledRule rule, String derivedRole) {
	}

	static String resourcePolicyKey(String resource, String version, String scope) {
		return withScope("resource." + resource + ".v" + version, scope);
	}

	static String withScope(String key, String scope) {
		return scope.isEmpty() ? key : key + "/" + scope;
	}

	private static List<String> distinct(List<String> values) {
		return List.copyOf(new LinkedHashSet<>(values));
	}

	private static List<String> collapseWildcard(List<String> roles) {
		return roles.contains("*") ? List.of("*") : roles;
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
