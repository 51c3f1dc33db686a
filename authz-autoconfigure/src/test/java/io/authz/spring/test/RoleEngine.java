package io.authz.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;

/**
 * A test engine that allows an action when the principal has the role {@code <kind>:<action>} (or {@code admin})
 * and records every request it is asked.
 */
public class RoleEngine implements AuthorizationEngine {

	public static final String RULE = "role-rule";

	private final List<CheckRequest> requests = new CopyOnWriteArrayList<>();

	@Override
	public String name() {
		return "role";
	}

	@Override
	public CheckResult check(CheckRequest request) {
		this.requests.add(request);
		List<ResourceResult> results = new ArrayList<>();
		for (ResourceCheck check : request.resources()) {
			Map<String, Decision> decisions = new LinkedHashMap<>();
			String policy = "resource." + check.resource().kind() + ".vdefault";
			for (String action : check.actions()) {
				boolean allowed = request.principal().roles().contains(check.resource().kind() + ":" + action)
						|| request.principal().roles().contains("admin");
				decisions.put(action, allowed ? new Decision(Effect.ALLOW, policy, RULE, "", null)
						: new Decision(Effect.DENY, policy, null, "", null));
			}
			results.add(new ResourceResult(check.resource(), decisions, List.of(), List.of(), List.of()));
		}
		return new CheckResult(request.requestId(), results);
	}

	public List<CheckRequest> requests() {
		return this.requests;
	}

	public CheckRequest lastRequest() {
		if (this.requests.isEmpty()) {
			throw new AssertionError("The engine was not asked");
		}
		return this.requests.get(this.requests.size() - 1);
	}

}
