package io.authz.core.embedded.compile;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cel.runtime.CelEvaluationException;
import io.authz.core.cel.Bindings;
import io.authz.core.cel.CelValues;
import io.authz.core.cel.EvaluationErrors;

/**
 * The constants and variables one policy's conditions see. Variables are evaluated when a condition first reads
 * them, at most once per resource decided; one that fails to evaluate is left unset, so conditions that use it
 * fail in turn (Cerbos' behaviour). Evaluating lazily skips the variables no evaluated condition needs.
 *
 * @param constants constant values, imported and local
 * @param variables variable definitions, imported and local, each after the ones it uses
 * @param declaredVariables the names of every declared variable, including any that failed to compile
 */
public record PolicyParameters(Map<String, Object> constants, List<NamedExpression> variables,
		java.util.Set<String> declaredVariables) {

	/** No constants, no variables. */
	public static final PolicyParameters EMPTY = new PolicyParameters(Map.of(), List.of(), java.util.Set.of());

	public PolicyParameters {
		constants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants));
		variables = List.copyOf(variables);
		declaredVariables = java.util.Set.copyOf(declaredVariables);
	}

	/** The bindings a condition of this policy sees. */
	public Bindings bind(Bindings request, EvaluationErrors errors) {
		if (this.variables.isEmpty()) {
			return (this.constants.isEmpty()) ? request : request.with(this.constants, Map.of());
		}
		LazyVariables values = new LazyVariables(this.variables, errors);
		Bindings bindings = request.with(this.constants, values);
		values.bindings = bindings;
		return bindings;
	}

	/** Variable values computed on first read; iteration computes them all. */
	private static final class LazyVariables extends AbstractMap<String, Object> {

		private static final Object FAILED = new Object();

		private final List<NamedExpression> definitions;

		private final EvaluationErrors errors;

		private final Map<String, Object> values = new HashMap<>(8);

		private Bindings bindings;

		LazyVariables(List<NamedExpression> definitions, EvaluationErrors errors) {
			this.definitions = definitions;
			this.errors = errors;
		}

		@Override
		public Object get(Object key) {
			Object value = compute(key);
			return (value == FAILED) ? null : value;
		}

		@Override
		public boolean containsKey(Object key) {
			Object value = compute(key);
			return value != null && value != FAILED;
		}

		private Object compute(Object key) {
			Object known = this.values.get(key);
			if (known != null) {
				return known;
			}
			for (NamedExpression definition : this.definitions) {
				if (definition.name().equals(key)) {
					Object value;
					try {
						value = definition.expression().evaluate(this.bindings);
					}
					catch (CelEvaluationException | RuntimeException ex) {
						this.errors.record(definition.expression().text(), ex);
						value = FAILED;
					}
					this.values.put(definition.name(), (value != null) ? value : FAILED);
					return value;
				}
			}
			return null;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			Map<String, Object> all = new LinkedHashMap<>();
			for (NamedExpression definition : this.definitions) {
				Object value = compute(definition.name());
				if (value != null && value != FAILED) {
					all.put(definition.name(), value);
				}
			}
			return all.entrySet();
		}

	}

	static Object constantValue(Object value) {
		return CelValues.normalize(value);
	}

}
