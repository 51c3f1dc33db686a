package io.authz.core.remote;

import java.util.List;

import io.authz.core.model.Resource;

/**
 * A resource of a check with some of its actions: what one entry of a remote call asks about.
 *
 * @param index the resource's position in the check
 * @param resource the resource
 * @param actions the actions asked in this call
 */
public record ResourceSlice(int index, Resource resource, List<String> actions) {

	public ResourceSlice {
		actions = List.copyOf(actions);
	}

}
