package io.authz.core.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.cel.runtime.CelEvaluationException;
import io.authz.core.cel.Bindings;
import io.authz.core.cel.CelValues;
import io.authz.core.cel.CompiledExpression;
import io.authz.core.cel.Condition;
import io.authz.core.cel.EvaluationErrors;
import io.authz.core.cel.EvaluationErrors.StrictEvaluationException;
import io.authz.core.embedded.compile.CompiledDerivedRole;
import io.authz.core.embedded.compile.CompiledRule;
import io.authz.core.embedded.compile.PolicyParameters;
import io.authz.core.embedded.compile.PolicySchemas;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.embedded.compile.PolicySet.ScopePermissions;
import io.authz.core.embedded.compile.RolePolicy;
import io.authz.core.embedded.compile.Row;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.model.ValidationError;

/**
 * Decides the actions asked about one resource with Cerbos' algorithm:
 * <ol>
 * <li>Principal policies first (they apply whatever the role); an explicit ALLOW or DENY from them is final.</li>
 * <li>Then resource policies, role by role. For each role (with the parent roles role policies give it), walk
 * the scopes from the most specific to the root: a role policy that does not allow the action denies; a matching
 * DENY rule denies; a matching ALLOW allows when the scope overrides its parent, and defers to the parent scope
 * when it requires parental consent.</li>
 * <li>Across roles the first ALLOW wins; otherwise the first role's outcome stands; nothing matched is DENY.</li>
 * </ol>
 * A condition is evaluated at most once per (rule, derived role) for a resource; variables once per policy.
 */
final class ResourceEvaluator {

	private final PolicySet policies;

	private final Principal principal;

	private final Map<String, Object> principalValue;

	private final Map<String, Object> auxData;

	private final Map<String, Object> globals;

	private final EmbeddedEngineOptions options;

	private final java.util.function.Supplier<java.time.Instant> now;

	ResourceEvaluator(PolicySet policies, Principal principal, Map<String, Object> auxData,
			Map<String, Object> globals, EmbeddedEngineOptions options,
			java.util.function.Supplier<java.time.Instant> now) {
		this.now = now;
		this.policies = policies;
		this.principal = principal;
		this.principalValue = principalValue(principal);
		this.auxData = auxData;
		this.globals = globals;
		this.options = options;
	}

	/** The {@code request.principal} value conditions see. */
	static Map<String, Object> principalValue(Principal principal) {
		Map<String, Object> value = new LinkedHashMap<>(8);
		value.put("id", principal.id());
		value.put("roles", principal.roles());
		value.put("attr", CelValues.normalizeMap(principal.policyAttributes()));
		value.put("policyVersion", (principal.policyVersion() != null) ? principal.policyVersion() : "");
		value.put("scope", (principal.scope() != null) ? principal.scope() : "");
		return value;
	}

	private static Map<String, Object> resourceValue(Resource resource) {
		Map<String, Object> value = new LinkedHashMap<>(8);
		value.put("kind", resource.kind());
		value.put("id", resource.id());
		value.put("attr", CelValues.normalizeMap(resource.attributes()));
		value.put("policyVersion", (resource.policyVersion() != null) ? resource.policyVersion() : "");
		value.put("scope", (resource.scope() != null) ? resource.scope() : "");
		return value;
	}

	ResourceResult evaluate(ResourceCheck check) {
		return new Evaluation(check).run();
	}

	/** The state of deciding one resource. */
	private final class Evaluation {

		private final ResourceCheck check;

		private final Resource resource;

		private final String resourceVersion;

		private final String resourceScope;

		private final EvaluationErrors errors;

		private final Map<String, Object> runtime = new LinkedHashMap<>(2);

		private final Bindings base;

		private final Map<PolicyParameters, Bindings> parameterBindings = new IdentityHashMap<>();

		private final Map<PolicyParameters, Bindings> effectiveRoleBindings = new IdentityHashMap<>();

		private final Map<Object, Boolean> conditions = new IdentityHashMap<>();

		private final Map<String, Set<String>> derivedRolesByScope = new HashMap<>();

		private final Set<String> effectiveDerivedRoles = new TreeSet<>();

		private final List<Output> outputs = new ArrayList<>(0);

		private Set<String> currentDerivedRoles = Set.of();

		Evaluation(ResourceCheck check) {
			this.check = check;
			this.resource = check.resource();
			this.resourceVersion = orDefault(this.resource.policyVersion(),
					ResourceEvaluator.this.options.defaultPolicyVersion());
			this.resourceScope = scopeValue(this.resource.scope());
			this.errors = new EvaluationErrors(ResourceEvaluator.this.options.strictEvaluation());
			// Derived role conditions see the runtime before any derived role is known: an empty list.
			this.runtime.put("effectiveDerivedRoles", List.of());
			this.runtime.put("effective_derived_roles", List.of());
			Map<String, Object> request = new LinkedHashMap<>(4);
			request.put("principal", ResourceEvaluator.this.principalValue);
			request.put("resource", resourceValue(this.resource));
			request.put("auxData", ResourceEvaluator.this.auxData);
			this.base = new Bindings(request, ResourceEvaluator.this.globals, () -> this.runtime,
					ResourceEvaluator.this.now);
		}

		ResourceResult run() {
			PolicySet set = ResourceEvaluator.this.policies;
			Principal principal = ResourceEvaluator.this.principal;
			boolean lenient = ResourceEvaluator.this.options.lenientScopeSearch();
			String principalVersion = orDefault(principal.policyVersion(),
					ResourceEvaluator.this.options.defaultPolicyVersion());
			String principalScope = scopeValue(principal.scope());
			List<String> principalScopes = set.scopes(true, principalScope, lenient);
			List<String> resourceScopes = set.scopes(false, this.resourceScope, lenient);
			String principalPolicyKey = principalScopes.isEmpty() ? Decision.NO_MATCH
					: withScope("principal." + principal.id() + ".v" + principalVersion, principalScopes.get(0));
			String resourcePolicyKey = resourceScopes.isEmpty() ? Decision.NO_MATCH : withScope(
					"resource." + this.resource.kind() + ".v" + this.resourceVersion, resourceScopes.get(0));
			Map<String, Decision> decisions = new LinkedHashMap<>();
			List<ValidationError> validationErrors = List.of();
			if (ResourceEvaluator.this.options.schemaEnforcement() != SchemaEnforcement.NONE
					&& !resourceScopes.isEmpty()) {
				// Only the root policy's schemas are in effect, for every scope, as in Cerbos.
				PolicySchemas schemas = set
					.schemas("resource." + this.resource.kind() + ".v" + this.resourceVersion);
				if (schemas != null) {
					validationErrors = schemas.validate(CelValues.normalizeMap(principal.attributes()),
							CelValues.normalizeMap(this.resource.attributes()), this.check.actions());
					if (!validationErrors.isEmpty()
							&& ResourceEvaluator.this.options.schemaEnforcement() == SchemaEnforcement.REJECT) {
						Decision rejected = new Decision(Effect.DENY, resourcePolicyKey, null, "", null);
						this.check.actions().forEach((action) -> decisions.put(action, rejected));
						return new ResourceResult(this.resource, decisions, List.of(), List.of(), validationErrors);
					}
				}
			}
			boolean principalExists = !principalScopes.isEmpty()
					&& set.principalRowsExist(principalVersion, principalScopes);
			boolean resourceExists = !resourceScopes.isEmpty()
					&& set.resourceRowsExist(this.resourceVersion, this.resource.kind(), resourceScopes);
			for (String action : this.check.actions()) {
				if (!principalExists && !resourceExists) {
					decisions.put(action, Decision.noMatch());
					continue;
				}
				Decision decision = decide(action, true, principalScopes,
						principalExists ? principalPolicyKey : Decision.NO_MATCH);
				if (decision == null || decision.failure() != null) {
					decision = decide(action, false, resourceScopes,
							resourceExists ? resourcePolicyKey : Decision.NO_MATCH);
				}
				decisions.put(action, (decision != null) ? asFinal(decision) : Decision.noMatch());
			}
			return new ResourceResult(this.resource, decisions, List.copyOf(this.effectiveDerivedRoles),
					this.outputs, validationErrors);
		}

		/** Turns a "no rule matched" outcome into Cerbos' default deny. */
		private Decision asFinal(Decision decision) {
			return (decision.failure() == null) ? decision
					: new Decision(Effect.DENY, decision.policy(), null, decision.scope(), null);
		}

		/**
		 * Decides with one kind of policy. Returns an ALLOW or DENY decision when one matched, or a placeholder
		 * marked as unmatched (failure set to {@link #NO_RULE}) carrying the policy to report.
		 */
		private Decision decide(String action, boolean principalPolicies, List<String> scopes, String mainPolicy) {
			PolicySet set = ResourceEvaluator.this.policies;
			List<String> roles = ResourceEvaluator.this.principal.roles();
			Decision result = null;
			for (int i = 0; i < roles.size(); i++) {
				if (i > 0 && principalPolicies) {
					break;
				}
				String role = roles.get(i);
				Decision roleDecision = null;
				boolean hasAllow = false;
				CompiledRule allowedBy = null;
				List<String> queryRoles = set.withParentRoles(this.resourceScope, List.of(role));
				scopesLoop: for (String scope : scopes) {
					if (!principalPolicies) {
						this.currentDerivedRoles = derivedRoles(scope);
						List<String> effective = List.copyOf(this.currentDerivedRoles);
						this.runtime.put("effectiveDerivedRoles", effective);
						this.runtime.put("effective_derived_roles", effective);
					}
					List<Binding> bindings = query(principalPolicies, scope, action, queryRoles);
					for (Binding binding : bindings) {
						CompiledRule rule = binding.rule;
						Boolean holds;
						try {
							holds = holds(binding);
						}
						catch (StrictEvaluationException ex) {
							return new Decision(Effect.DENY, rule.policyKey(), rule.name(), scope, null);
						}
						if (holds == null) {
							continue;
						}
						if (rule.hasOutputs()) {
							emit(rule, action, holds, binding.bindings);
						}
						if (!holds || binding.outputOnly) {
							continue;
						}
						if (rule.effect() == Effect.ALLOW) {
							hasAllow = true;
							if (allowedBy == null) {
								allowedBy = rule;
							}
						}
						else {
							// Cerbos reports the main policy, except for denies a role policy made.
							String policy = binding.fromRolePolicy ? rule.policyKey() : mainPolicy;
							roleDecision = new Decision(Effect.DENY, policy, rule.name(), scope, null);
							break scopesLoop;
						}
					}
					if (hasAllow) {
						ScopePermissions permissions = set.scopePermissions(scope);
						if (permissions == ScopePermissions.REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS) {
							hasAllow = false;
							allowedBy = null;
						}
						else if (permissions == ScopePermissions.OVERRIDE_PARENT) {
							roleDecision = new Decision(Effect.ALLOW, mainPolicy, allowedBy.name(), scope, null);
							break;
						}
					}
				}
				if (roleDecision == null) {
					roleDecision = new Decision(Effect.DENY, mainPolicy, null, "", NO_RULE);
				}
				if (result == null || result.failure() != null) {
					result = roleDecision;
				}
				if (roleDecision.effect() == Effect.ALLOW) {
					return roleDecision;
				}
			}
			return result;
		}

		/** The bindings that apply in one scope: role policy narrowing first, then the policies' own rows. */
		private List<Binding> query(boolean principalPolicies, String scope, String action, List<String> roles) {
			PolicySet set = ResourceEvaluator.this.policies;
			String kind = this.resource.kind();
			List<Binding> bindings = new ArrayList<>(4);
			if (principalPolicies) {
				for (Row row : set.principalRows(this.resourceVersion, ResourceEvaluator.this.principal.id(), kind,
						scope, action)) {
					bindings.add(new Binding(row.rule(), row.conditionKey(), row.rule().condition(), null, false));
				}
				return bindings;
			}
			if (!set.hasRowsForRoles(this.resourceVersion, kind, scope, roles)) {
				return bindings;
			}
			for (String role : roles) {
				RolePolicy rolePolicy = set.rolePolicy(this.resourceVersion, scope, role);
				if (rolePolicy != null) {
					addRolePolicyDenies(rolePolicy, kind, action, bindings);
				}
			}
			for (Row row : set.resourceRows(this.resourceVersion, kind, scope, action, roles)) {
				bindings.add(new Binding(row.rule(), row.conditionKey(), row.rule().condition(), row.derivedRole(),
						false));
			}
			return bindings;
		}

		/**
		 * A role policy narrows its role: an action it does not allow on the resource is denied outright, and an
		 * action it allows under a condition is denied when the condition does not hold.
		 */
		private void addRolePolicyDenies(RolePolicy policy, String kind, String action, List<Binding> bindings) {
			List<RolePolicy.Rule> forResource = new ArrayList<>(2);
			for (RolePolicy.Rule rule : policy.rules()) {
				if (rule.resource().matches(kind)) {
					forResource.add(rule);
				}
			}
			boolean allowed = false;
			for (RolePolicy.Rule rule : forResource) {
				if (!rule.allowActions().matches(action)) {
					continue;
				}
				allowed = true;
				CompiledRule compiled;
				if (rule.condition() == null) {
					if (rule.outputWhenActivated() == null && rule.outputWhenNotMet() == null) {
						continue;
					}
					compiled = new CompiledRule(policy.key(), rule.name(), Effect.ALLOW, Condition.TRUE,
							rule.parameters(), rule.outputWhenActivated(), rule.outputWhenNotMet());
					bindings.add(new Binding(compiled, rule, Condition.TRUE, null, true, true));
					continue;
				}
				// Activated here means the role's own condition was not met, so the outputs swap.
				compiled = new CompiledRule(policy.key(), rule.name(), Effect.DENY,
						new Condition.None(List.of(rule.condition())), rule.parameters(), rule.outputWhenNotMet(),
						rule.outputWhenActivated());
				bindings.add(new Binding(compiled, rule, compiled.condition(), null, false, true));
			}
			if (!allowed) {
				CompiledRule noMatch = new CompiledRule(policy.key(), null, Effect.DENY, Condition.TRUE,
						PolicyParameters.EMPTY, null, null);
				bindings.add(new Binding(noMatch, noMatch, Condition.TRUE, null, false, true));
			}
		}

		/**
		 * Whether a binding's rule holds: its derived role (if any) first, then its condition, each outcome cached.
		 * Returns {@code null} when the derived role's condition failed to evaluate (the binding is skipped).
		 */
		private Boolean holds(Binding binding) {
			binding.bindings = bindingsFor(binding.rule.parameters());
			Boolean cached = this.conditions.get(binding.conditionKey);
			if (cached != null) {
				return cached;
			}
			if (binding.derivedRole != null) {
				Bindings roleBindings = bindingsFor(binding.derivedRole.parameters());
				if (!binding.derivedRole.condition().test(roleBindings, this.errors)) {
					this.conditions.put(binding.conditionKey, false);
					return false;
				}
			}
			boolean holds = binding.condition.test(binding.bindings, this.errors);
			this.conditions.put(binding.conditionKey, holds);
			return holds;
		}

		/**
		 * Bindings for computing the effective derived roles. Kept apart from the rules' bindings, as Cerbos keeps
		 * them: variables read here see the runtime before the derived roles are known, while a rule's derived
		 * role condition is evaluated again, with the runtime of its scope.
		 */
		private Bindings effectiveRoleBindings(PolicyParameters parameters) {
			Bindings bindings = this.effectiveRoleBindings.get(parameters);
			if (bindings == null) {
				bindings = parameters.bind(this.base, this.errors);
				this.effectiveRoleBindings.put(parameters, bindings);
			}
			return bindings;
		}

		private Bindings bindingsFor(PolicyParameters parameters) {
			Bindings bindings = this.parameterBindings.get(parameters);
			if (bindings == null) {
				bindings = parameters.bind(this.base, this.errors);
				this.parameterBindings.put(parameters, bindings);
			}
			return bindings;
		}

		/** The derived roles the principal holds under the resource policy of one scope, computed once. */
		private Set<String> derivedRoles(String scope) {
			Set<String> known = this.derivedRolesByScope.get(scope);
			if (known != null) {
				return known;
			}
			Set<String> held = new TreeSet<>();
			String key = withScope("resource." + this.resource.kind() + ".v" + this.resourceVersion, scope);
			Map<String, CompiledDerivedRole> imported = ResourceEvaluator.this.policies.derivedRoles(key);
			if (!imported.isEmpty()) {
				Set<String> roles = new LinkedHashSet<>(ResourceEvaluator.this.policies
					.withParentRoles(this.resourceScope, ResourceEvaluator.this.principal.roles()));
				for (CompiledDerivedRole derivedRole : imported.values()) {
					if (!derivedRole.hasParentIn(roles)) {
						continue;
					}
					try {
						if (derivedRole.condition().test(effectiveRoleBindings(derivedRole.parameters()), this.errors)) {
							held.add(derivedRole.name());
						}
					}
					catch (StrictEvaluationException ex) {
						// Under strict evaluation an erroring derived role is simply not held here; rules using
						// it fail on their own evaluation.
					}
				}
			}
			this.derivedRolesByScope.put(scope, held);
			this.effectiveDerivedRoles.addAll(held);
			return held;
		}

		private void emit(CompiledRule rule, String action, boolean holds, Bindings bindings) {
			CompiledExpression expression = holds ? rule.outputWhenActivated() : rule.outputWhenNotMet();
			if (expression == null) {
				return;
			}
			Object value;
			try {
				value = CelValues.toJava(expression.evaluate(bindings));
			}
			catch (CelEvaluationException | RuntimeException ex) {
				this.errors.record(expression.text(), ex);
				value = null;
			}
			this.outputs.add(new Output(rule.source(), action, value));
		}

	}

	/** Marks a decision where no rule matched; replaced by a plain deny before it leaves the engine. */
	private static final String NO_RULE = "\u0000no-rule";

	/** A row as it applies in one query. */
	private static final class Binding {

		final CompiledRule rule;

		final Object conditionKey;

		final Condition condition;

		final CompiledDerivedRole derivedRole;

		final boolean outputOnly;

		final boolean fromRolePolicy;

		Bindings bindings;

		Binding(CompiledRule rule, Object conditionKey, Condition condition, CompiledDerivedRole derivedRole,
				boolean outputOnly) {
			this(rule, conditionKey, condition, derivedRole, outputOnly, false);
		}

		Binding(CompiledRule rule, Object conditionKey, Condition condition, CompiledDerivedRole derivedRole,
				boolean outputOnly, boolean fromRolePolicy) {
			this.rule = rule;
			this.conditionKey = conditionKey;
			this.condition = condition;
			this.derivedRole = derivedRole;
			this.outputOnly = outputOnly;
			this.fromRolePolicy = fromRolePolicy;
		}

	}

	private static String orDefault(String value, String fallback) {
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	/** A leading dot is an alias for the root: {@code .a.b} is {@code a.b}, {@code .} is the root. */
	private static String scopeValue(String scope) {
		if (scope == null) {
			return "";
		}
		return scope.startsWith(".") ? scope.substring(1) : scope;
	}

	private static String withScope(String key, String scope) {
		return scope.isEmpty() ? key : key + "/" + scope;
	}

}
