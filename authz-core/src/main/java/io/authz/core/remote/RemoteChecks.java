package io.authz.core.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Output;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.model.ValidationError;

/**
 * Splits a check into calls that fit a PDP's request limits, and puts the answers back together.
 */
public final class RemoteChecks {

	private RemoteChecks() {
	}

	/**
	 * Splits the resources of a check into batches of at most {@code maxResources} entries of at most
	 * {@code maxActions} actions each. A resource with more actions is split over several entries.
	 * @param checks the resources of the check
	 * @param maxResources entries per batch
	 * @param maxActions actions per entry
	 * @param distinctResources whether a batch may hold only one entry per resource kind and id (for PDPs that
	 * merge entries of the same resource)
	 * @return the batches, each a list of slices
	 */
	public static List<List<ResourceSlice>> split(List<ResourceCheck> checks, int maxResources, int maxActions,
			boolean distinctResources) {
		List<List<ResourceSlice>> batches = new ArrayList<>();
		List<Set<List<String>>> keys = new ArrayList<>();
		for (int index = 0; index < checks.size(); index++) {
			ResourceCheck check = checks.get(index);
			List<String> actions = check.actions();
			for (int from = 0; from < actions.size(); from += maxActions) {
				ResourceSlice slice = new ResourceSlice(index, check.resource(),
						actions.subList(from, Math.min(actions.size(), from + maxActions)));
				List<String> key = List.of(check.resource().kind(), check.resource().id());
				int target = -1;
				for (int i = 0; i < batches.size() && target < 0; i++) {
					if (batches.get(i).size() < maxResources && !(distinctResources && keys.get(i).contains(key))) {
						target = i;
					}
				}
				if (target < 0) {
					batches.add(new ArrayList<>());
					keys.add(new LinkedHashSet<>());
					target = batches.size() - 1;
				}
				batches.get(target).add(slice);
				keys.get(target).add(key);
			}
		}
		return batches;
	}

	/**
	 * Assembles a check's result from the answers to its slices, in the order the check asked.
	 * @param request the check
	 * @param answers the answers, in any order
	 * @return the result
	 * @throws RemotePdpException when an action asked has no decision
	 */
	public static CheckResult assemble(CheckRequest request, List<SliceResult> answers) {
		int count = request.resources().size();
		List<Map<String, Decision>> decisions = new ArrayList<>(count);
		List<Set<String>> derivedRoles = new ArrayList<>(count);
		List<List<Output>> outputs = new ArrayList<>(count);
		List<List<ValidationError>> validationErrors = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			decisions.add(new LinkedHashMap<>());
			derivedRoles.add(new LinkedHashSet<>());
			outputs.add(new ArrayList<>());
			validationErrors.add(new ArrayList<>());
		}
		for (SliceResult answer : answers) {
			int index = answer.slice().index();
			decisions.get(index).putAll(answer.decisions());
			derivedRoles.get(index).addAll(answer.effectiveDerivedRoles());
			outputs.get(index).addAll(answer.outputs());
			validationErrors.get(index).addAll(answer.validationErrors());
		}
		List<ResourceResult> results = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ResourceCheck check = request.resources().get(i);
			Map<String, Decision> ordered = new LinkedHashMap<>();
			for (String action : check.actions()) {
				Decision decision = decisions.get(i).get(action);
				if (decision == null) {
					throw new RemotePdpException(RemotePdpException.Kind.INVALID_RESPONSE, "PDP answer has no decision for '"
							+ action + "' on " + check.resource().kind() + " '" + check.resource().id() + "'");
				}
				ordered.put(action, decision);
			}
			results.add(new ResourceResult(check.resource(), ordered, List.copyOf(derivedRoles.get(i)), outputs.get(i),
					validationErrors.get(i)));
		}
		return new CheckResult(request.requestId(), results);
	}

	/** The resource id to send: PDPs require one, and an empty id means any resource of the kind. */
	public static String wireId(Resource resource) {
		return resource.id().isEmpty() ? "*" : resource.id();
	}

}
