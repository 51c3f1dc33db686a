package io.authz.core.remote;

import java.util.List;
import java.util.Map;

import io.authz.core.model.Decision;
import io.authz.core.model.Output;
import io.authz.core.model.ValidationError;

/**
 * What a PDP answered for one {@link ResourceSlice}.
 *
 * @param slice what was asked
 * @param decisions a decision per action asked
 * @param effectiveDerivedRoles derived roles the PDP reported
 * @param outputs rule outputs the PDP reported
 * @param validationErrors schema validation errors the PDP reported
 */
public record SliceResult(ResourceSlice slice, Map<String, Decision> decisions, List<String> effectiveDerivedRoles,
		List<Output> outputs, List<ValidationError> validationErrors) {

}
