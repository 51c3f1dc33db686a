package io.authz.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.policy.PolicyFile;

/**
 * A large generated policy set, for load time and footprint: resource policies shaped like the project's expense
 * policy (constants, variables, derived roles, conditions), each with its own literals so that no two policies
 * share a condition's text, importing one of a few derived role sets.
 */
public final class GeneratedPolicies {

	/** The number of derived role sets the resource policies share. */
	public static final int DERIVED_ROLE_SETS = 20;

	private GeneratedPolicies() {
	}

	/**
	 * Generates a policy set.
	 * @param resourcePolicies how many resource policies ({@code resource_0000}, {@code resource_0001}...)
	 * @return the derived role files followed by the resource policy files
	 */
	public static List<PolicyFile> generate(int resourcePolicies) {
		List<PolicyFile> files = new ArrayList<>(DERIVED_ROLE_SETS + resourcePolicies);
		for (int set = 0; set < DERIVED_ROLE_SETS; set++) {
			files.add(new PolicyFile("derived_roles/roles_%02d.yaml".formatted(set), derivedRoles(set)));
		}
		for (int i = 0; i < resourcePolicies; i++) {
			files.add(new PolicyFile("resources/resource_%04d.yaml".formatted(i), resourcePolicy(i)));
		}
		return files;
	}

	/**
	 * A check that one of the generated policies allows: a manager approving a submitted claim of their department
	 * within the policy's limit (derived role, variables and a three-clause condition).
	 * @param policy the index of the resource policy
	 * @return the check
	 */
	public static CheckRequest allowedCheck(int policy) {
		Principal principal = Principal.builder("bob")
			.roles("user", "manager")
			.attributes(Map.of("department", "dept-" + (policy % 7), "approvalLimit", 100_000, "teams",
					List.of("team-1", "team-2")))
			.build();
		Resource resource = Resource.builder(kind(policy), "r-1")
			.attribute("owner", "alice")
			.attribute("department", "dept-" + (policy % 7))
			.attribute("team", "team-1")
			.attribute("region", "region-1")
			.attribute("status", "SUBMITTED_" + policy)
			.attribute("amount", 500)
			.build();
		return CheckRequest.of(principal, resource, "approve");
	}

	private static String kind(int policy) {
		return "resource_%04d".formatted(policy);
	}

	private static String derivedRoles(int set) {
		return """
				apiVersion: api.cerbos.dev/v1
				derivedRoles:
				  name: roles_%1$02d
				  definitions:
				    - name: owner
				      parentRoles: ["user"]
				      condition:
				        match:
				          expr: R.attr.owner == P.id
				    - name: department_manager
				      parentRoles: ["manager"]
				      condition:
				        match:
				          expr: R.attr.department == P.attr.department
				    - name: team_member
				      parentRoles: ["user"]
				      condition:
				        match:
				          expr: R.attr.team in P.attr.teams
				    - name: approver
				      parentRoles: ["manager"]
				      condition:
				        match:
				          all:
				            of:
				              - expr: R.attr.department == P.attr.department
				              - expr: double(R.attr.amount) <= double(P.attr.approvalLimit)
				    - name: regional_auditor
				      parentRoles: ["auditor"]
				      condition:
				        match:
				          expr: R.attr.region == "region-%1$d"
				""".formatted(set);
	}

	private static String resourcePolicy(int i) {
		return """
				apiVersion: api.cerbos.dev/v1
				resourcePolicy:
				  resource: %1$s
				  version: default
				  importDerivedRoles:
				    - roles_%2$02d
				  constants:
				    local:
				      draft: DRAFT_%3$d
				      submitted: SUBMITTED_%3$d
				  variables:
				    local:
				      is_draft: R.attr.status == C.draft
				      is_submitted: R.attr.status == C.submitted
				      is_own: R.attr.owner == P.id
				  rules:
				    - name: admin_all
				      actions: ["*"]
				      effect: EFFECT_ALLOW
				      roles: ["admin"]
				    - name: read
				      actions: ["read"]
				      effect: EFFECT_ALLOW
				      derivedRoles: ["owner", "department_manager", "team_member", "regional_auditor"]
				    - name: edit_draft
				      actions: ["update", "submit", "delete"]
				      effect: EFFECT_ALLOW
				      derivedRoles: ["owner"]
				      condition:
				        match:
				          expr: V.is_draft && R.attr.amount < %4$d
				    - name: review
				      actions: ["approve", "reject"]
				      effect: EFFECT_ALLOW
				      derivedRoles: ["approver"]
				      condition:
				        match:
				          all:
				            of:
				              - expr: V.is_submitted
				              - expr: R.attr.amount <= %4$d
				              - none:
				                  of:
				                    - expr: V.is_own
				    - name: archive
				      actions: ["archive"]
				      effect: EFFECT_ALLOW
				      roles: ["user"]
				      condition:
				        match:
				          any:
				            of:
				              - expr: R.attr.status == "ARCHIVABLE_%3$d"
				              - expr: has(R.attr.tags) && "keep-%3$d" in R.attr.tags
				    - name: no_agents
				      actions: ["approve", "reject", "delete", "archive"]
				      effect: EFFECT_DENY
				      roles: ["*"]
				      condition:
				        match:
				          expr: P.attr.type == "agent" && R.attr.region != "region-%3$d"
				""".formatted(kind(i), i % DERIVED_ROLE_SETS, i, 1000 + i);
	}

}
