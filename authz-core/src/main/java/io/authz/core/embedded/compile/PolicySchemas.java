package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import io.authz.core.model.ValidationError;

/**
 * The attribute schemas one resource policy declares.
 *
 * @param principal the principal attributes' schema, or {@code null}
 * @param principalIgnoredFor actions for which principal attributes are not validated
 * @param resource the resource attributes' schema, or {@code null}
 * @param resourceIgnoredFor actions for which resource attributes are not validated
 */
public record PolicySchemas(Schema principal, List<String> principalIgnoredFor, Schema resource,
		List<String> resourceIgnoredFor) {

	/** Validates the attributes for a request asking these actions. */
	public List<ValidationError> validate(Map<String, Object> principalAttributes,
			Map<String, Object> resourceAttributes, List<String> actions) {
		List<ValidationError> errors = new ArrayList<>();
		if (this.principal != null && validatesFor(this.principalIgnoredFor, actions)) {
			errors.addAll(AttributeSchemas.validate(this.principal, principalAttributes, ValidationError.PRINCIPAL));
		}
		if (this.resource != null && validatesFor(this.resourceIgnoredFor, actions)) {
			errors.addAll(AttributeSchemas.validate(this.resource, resourceAttributes, ValidationError.RESOURCE));
		}
		return errors;
	}

	/** A schema applies unless every action asked is one it ignores. */
	private static boolean validatesFor(List<String> ignored, List<String> actions) {
		if (ignored.isEmpty()) {
			return true;
		}
		Matcher matcher = Matcher.of(ignored);
		for (String action : actions) {
			if (!matcher.matches(action)) {
				return true;
			}
		}
		return false;
	}

}
