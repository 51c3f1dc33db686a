package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resource policy ready to evaluate, with its rules indexed by action.
 *
 * @param key the policy's key as Cerbos reports it ({@code resource.expense.vdefault}, with {@code /scope})
 * @param kind the resource kind
 * @param version the policy version
 * @param scope the scope, empty for the root
 * @param scopePermissions how allows combine with parent scopes
 * @param source the file it came from
 * @param parameters its constants and variables
 * @param rules its rules in file order
 * @param derivedRoles the derived roles it imports, by name
 */
public record CompiledResourcePolicy(String key, String kind, String version, String scope,
		ScopePermissions scopePermissions, String source, PolicyParameters parameters, List<CompiledRule> rules,
		Map<String, CompiledDerivedRole> derivedRoles, RulesByAction rulesByAction) {

	/** How a scope's allows relate to its parent scopes. */
	public enum ScopePermissions {

		/** An allow in this scope is final (the default). */
		OVERRIDE_PARENT,

		/** An allow here only stands if a parent scope allows too. */
		REQUIRE_PARENTAL_CONSENT_FOR_ALLOWS

	}

	/** The rules that apply to an action, in file order. */
	public List<CompiledRule> rulesFor(String action) {
		return this.rulesByAction.rulesFor(action);
	}

	/**
	 * Rules indexed by literal action, with glob rules merged in on first lookup of each action. The cache is
	 * bounded so arbitrary action names from requests cannot grow it without limit.
	 */
	public static final class RulesByAction {

		private static final int MAX_CACHED_ACTIONS = 4096;

		private final List<CompiledRule> rules;

		private final Map<String, List<CompiledRule>> cache = new ConcurrentHashMap<>();

		public RulesByAction(List<CompiledRule> rules) {
			this.rules = List.copyOf(rules);
			Map<String, List<CompiledRule>> literal = new HashMap<>();
			for (CompiledRule rule : rules) {
				for (String action : rule.actions().literals()) {
					literal.computeIfAbsent(action, (key) -> new ArrayList<>());
				}
			}
			literal.keySet().forEach((action) -> this.cache.put(action, select(action)));
		}

		List<CompiledRule> rulesFor(String action) {
			List<CompiledRule> cached = this.cache.get(action);
			if (cached != null) {
				return cached;
			}
			List<CompiledRule> selected = select(action);
			if (this.cache.size() < MAX_CACHED_ACTIONS) {
				this.cache.putIfAbsent(action, selected);
			}
			return selected;
		}

		private List<CompiledRule> select(String action) {
			List<CompiledRule> selected = new ArrayList<>();
			for (CompiledRule rule : this.rules) {
				if (rule.actions().matches(action)) {
					selected.add(rule);
				}
			}
			return List.copyOf(selected);
		}

	}

}
