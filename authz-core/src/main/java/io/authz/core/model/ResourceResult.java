package io.authz.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decisions for one resource of a check.
 *
 * @param resource the resource as asked
 * @param decisions one decision per action, in the order asked
 * @param effectiveDerivedRoles the derived roles that applied to the principal for this resource
 * @param outputs values emitted by rule outputs
 * @param validationErrors schema validation errors of the input, if any
 */
public record ResourceResult(Resource resource, Map<String, Decision> decisions, List<String> effectiveDerivedRoles,
		List<Output> outputs, List<ValidationError> validationErrors) {

	public ResourceResult {
		Objects.requireNonNull(resource, "resource");
		decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
		effectiveDerivedRoles = List.copyOf(effectiveDerivedRoles == null ? List.of() : effectiveDerivedRoles);
		outputs = List.copyOf(outputs == null ? List.of() : outputs);
		validationErrors = List.copyOf(validationErrors == null ? List.of() : validationErrors);
	}

	/** The decision for an action; a deny when the action was not asked. */
	public Decision decision(String action) {
		Decision decision = this.decisions.get(action);
		return (decision != null) ? decision : Decision.noMatch();
	}

	public boolean isAllowed(String action) {
		return decision(action).isAllowed();
	}

}
