package io.authz.core.embedded.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import io.authz.core.cel.Bindings;
import io.authz.core.cel.CelValues;
import io.authz.core.cel.EvaluationErrors;

/**
 * The constants and variables one policy's conditions see. Variables are evaluated in dependency order, once per
 * resource decided; a variable that fails to evaluate is left unset, so conditions that use it fail in turn
 * (Cerbos' behaviour).
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
		Map<String, Object> values = new HashMap<>();
		Bindings bindings = request.with(this.constants, values);
		for (NamedExpression variable : this.variables) {
			try {
				Object value = variable.expression().evaluate(bindings);
				values.put(variable.name(), value);
			}
			catch (CelEvaluationException | RuntimeException ex) {
				errors.record(variable.expression().text(), ex);
			}
		}
		return bindings;
	}

	static Object constantValue(Object value) {
		return CelValues.normalize(value);
	}

}
