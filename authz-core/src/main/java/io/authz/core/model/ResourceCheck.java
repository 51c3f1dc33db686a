package io.authz.core.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One resource of a check and the actions asked about it.
 *
 * @param resource the resource
 * @param actions the actions, without duplicates, in the order asked
 */
public record ResourceCheck(Resource resource, List<String> actions) {

	public ResourceCheck {
		Objects.requireNonNull(resource, "resource");
		actions = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(actions, "actions")));
	}

	public static ResourceCheck of(Resource resource, String... actions) {
		return new ResourceCheck(resource, List.of(actions));
	}

}
