package io.authz.core.embedded;

import java.time.Instant;
import java.util.ArrayList;
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
import io.authz.core.cel.EvaluationErrors;
import io.authz.core.cel.EvaluationErrors.StrictEvaluationException;
import io.authz.core.embedded.compile.CompiledDerivedRole;
import io.authz.core.embedded.compile.CompiledResourcePolicy;
import io.authz.core.embedded.compile.CompiledResourcePolicy.ScopePermissions;
import io.authz.core.embedded.compile.CompiledRule;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;

/**
 * Decides the actions asked about one resource, with Cerbos' combining rules:
 * <ul>
 * <li>for each of the principal's roles, walk the resource policy's scopes from the most specific to the root;
 * within a scope a matching DENY rule decides DENY, otherwise a matching ALLOW decides ALLOW (unless the scope
 * requires parental consent, then the parent scope must allow too);</li>
 * <li>across roles, the first ALLOW wins; otherwise the first role's outcome stands;</li>
 * <li>nothing matched is DENY, reported against the policy that exists (or {@code NO_MATCH}).</li>
 * </ul>
 * A rule applies to a role when it lists the role, or lists a derived role the principal holds whose parent
 * roles include that role. A rule's condition is evaluated at most once per resource.
 */
final class ResourceEvaluator {

	private static final byte UNKNOWN = 0;

	private static final byte HOLDS = 1;

	private static final byte FAILS = 2;

	private final Principal principal;

	private final Map<String, Object> principalValue;

	private final Map<String, Object> auxData;

	private final Map<String, Object> globals;

	private final boolean strict;

	/** The instant {@code now()} returns for this check (an evaluator decides one check). */
	private final Instant now = Instant.now();

	ResourceEvaluator(Principal principal, Map<String, Object> principalValue, Map<String, Object> auxData,
			Map<String, Object> globals, boolean strict) {
		this.principal = principal;
		this.principalValue = principalValue;
		this.auxData = auxData;
		this.globals = globals;
		this.strict = strict;
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

	ResourceResult evaluate(ResourceCheck check, List<CompiledResourcePolicy> chain) {
		Resource resource = check.resource();
		Map<String, Decision> decisions = new LinkedHashMap<>();
		if (chain.isEmpty()) {
			Decision noMatch = Decision.noMatch();
			check.actions().forEach((action) -> decisions.put(action, noMatch));
			return new ResourceResult(resource, decisions, List.of(), List.of(), List.of());
		}
		Map<String, Object> request = new LinkedHashMap<>(4);
		request.put("principal", this.principalValue);
		request.put("resource", resourceValue(resource));
		request.put("auxData", this.auxData);
		EvaluationErrors errors = new EvaluationErrors(this.strict);
		ScopeState[] scopes = new ScopeState[chain.size()];
		Set<String> allDerivedRoles = new TreeSet<>();
		List<Output> outputs = new ArrayList<>(0);
		for (String action : check.actions()) {
			decisions.put(action, decide(action, chain, scopes, request, errors, allDerivedRoles, outputs));
		}
		return new ResourceResult(resource, decisions, List.copyOf(allDerivedRoles), outputs, List.of());
	}

	private Decision decide(String action, List<CompiledResourcePolicy> chain, ScopeState[] scopes,
			Map<String, Object> request, EvaluationErrors errors, Set<String> allDerivedRoles, List<Output> outputs) {
		String mainPolicy = chain.get(0).key();
		Decision decision = null;
		for (String role : this.principal.roles()) {
			Decision roleDecision = null;
			scopesLoop: for (int s = 0; s < chain.size(); s++) {
				CompiledResourcePolicy policy = chain.get(s);
				List<CompiledRule> rules = policy.rulesFor(action);
				if (rules.isEmpty()) {
					continue;
				}
				ScopeState scope = scopes[s];
				if (scope == null) {
					scope = new ScopeState(policy, request, errors);
					scopes[s] = scope;
					allDerivedRoles.addAll(scope.derivedRoles);
				}
				CompiledRule allowedBy = null;
				for (CompiledRule rule : rules) {
					if (!rule.appliesTo(role, scope.derivedRoles)) {
						continue;
					}
					boolean holds;
					try {
						holds = scope.holds(rule);
					}
					catch (StrictEvaluationException ex) {
						return new Decision(Effect.DENY, policy.key(), rule.name(), policy.scope(), null);
					}
					if (rule.hasOutputs()) {
						emitOutput(policy, rule, action, holds, scope, outputs);
					}
					if (!holds) {
						continue;
					}
					if (rule.effect() == Effect.DENY) {
						roleDecision = new Decision(Effect.DENY, policy.key(), rule.name(), policy.scope(), null);
						break scopesLoop;
					}
					if (allowedBy == null) {
						allowedBy = rule;
					}
				}
				if (allowedBy != null && policy.scopePermissions() == ScopePermissions.OVERRIDE_PARENT) {
					roleDecision = new Decision(Effect.ALLOW, policy.key(), allowedBy.name(), policy.scope(), null);
					break;
				}
			}
			if (roleDecision != null && roleDecision.isAllowed()) {
				return roleDecision;
			}
			if (decision == null && roleDecision != null) {
				decision = roleDecision;
			}
		}
		return (decision != null) ? decision : new Decision(Effect.DENY, mainPolicy, null, "", null);
	}

	private void emitOutput(CompiledResourcePolicy policy, CompiledRule rule, String action, boolean holds,
			ScopeState scope, List<Output> outputs) {
		CompiledExpression expression = holds ? rule.outputWhenActivated() : rule.outputWhenNotMet();
		if (expression == null) {
			return;
		}
		String source = policy.key() + "#" + rule.name();
		Object value;
		try {
			value = CelValues.toJava(expression.evaluate(scope.bindings));
		}
		catch (CelEvaluationException | RuntimeException ex) {
			value = Map.of("error", String.valueOf(ex.getMessage()));
		}
		outputs.add(new Output(source, action, value));
	}

	/**
	 * What is known about one scope's policy for this resource: its bindings, the derived roles the principal
	 * holds there, and the outcome of each rule condition evaluated so far.
	 */
	private final class ScopeState {

		private final Bindings bindings;

		private final Set<String> derivedRoles;

		private final byte[] conditions;

		private final EvaluationErrors errors;

		ScopeState(CompiledResourcePolicy policy, Map<String, Object> request, EvaluationErrors errors) {
			this.errors = errors;
			this.derivedRoles = new LinkedHashSet<>();
			Map<String, Object> runtime = new LinkedHashMap<>(2);
			Bindings base = new Bindings(request, ResourceEvaluator.this.globals, () -> runtime,
					ResourceEvaluator.this.now);
			this.bindings = policy.parameters().bind(base, errors);
			Map<Object, Bindings> setBindings = new java.util.IdentityHashMap<>();
			List<String> roles = ResourceEvaluator.this.principal.roles();
			for (CompiledDerivedRole derivedRole : policy.derivedRoles().values()) {
				if (derivedRole == null || !derivedRole.hasParentIn(roles)) {
					continue;
				}
				Bindings roleBindings = setBindings.computeIfAbsent(derivedRole.parameters(),
						(key) -> derivedRole.parameters().bind(base, errors));
				boolean holds;
				try {
					holds = derivedRole.condition().test(roleBindings, errors);
				}
				catch (StrictEvaluationException ex) {
					holds = false;
				}
				if (holds) {
					this.derivedRoles.add(derivedRole.name());
				}
			}
			runtime.put("effectiveDerivedRoles", List.copyOf(new TreeSet<>(this.derivedRoles)));
			this.conditions = new byte[policy.rules().size()];
		}

		boolean holds(CompiledRule rule) {
			byte known = this.conditions[rule.index()];
			if (known != UNKNOWN) {
				return known == HOLDS;
			}
			boolean holds = rule.condition().test(this.bindings, this.errors);
			this.conditions[rule.index()] = holds ? HOLDS : FAILS;
			return holds;
		}

	}

}
