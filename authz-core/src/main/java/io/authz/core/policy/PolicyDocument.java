package io.authz.core.policy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Cerbos policy file, exactly as written. Exactly one of the policy kinds is set. Field names follow
 * Cerbos' policy schema ({@code api.cerbos.dev/v1}); unknown fields are rejected when parsing.
 *
 * @param apiVersion must be {@code api.cerbos.dev/v1}
 * @param description free text
 * @param disabled a disabled policy is loaded but never used
 * @param metadata annotations and source information
 * @param variables deprecated top-level variables (still honoured, as Cerbos does)
 * @param schema the JSON schema reference editors use; ignored
 * @param resourcePolicy a resource policy
 * @param principalPolicy a principal policy
 * @param derivedRoles a derived roles set
 * @param rolePolicy a role policy
 * @param exportVariables an exported variables set
 * @param exportConstants an exported constants set
 */
public record PolicyDocument(String apiVersion, String description, Boolean disabled, Metadata metadata,
		Map<String, Expression> variables, @JsonProperty("$schema") String schema, ResourcePolicy resourcePolicy,
		PrincipalPolicy principalPolicy, DerivedRoles derivedRoles, RolePolicy rolePolicy,
		ExportVariables exportVariables, ExportConstants exportConstants) {

	/** The API version every policy must declare. */
	public static final String API_VERSION = "api.cerbos.dev/v1";

	public boolean isDisabled() {
		return Boolean.TRUE.equals(this.disabled);
	}

	/** Policy metadata. */
	public record Metadata(String sourceFile, Map<String, String> annotations, Object hash, String storeIdentifer,
			String storeIdentifier, Map<String, Object> sourceAttributes) {
	}

	/** Rules about what principals may do to one kind of resource. */
	public record ResourcePolicy(String resource, String version, String scope, String scopePermissions,
			List<String> importDerivedRoles, List<ResourceRule> rules, Schemas schemas, Variables variables,
			Constants constants) {
	}

	/** One rule of a resource policy. */
	public record ResourceRule(List<String> actions, List<String> derivedRoles, List<String> roles,
			Condition condition, String effect, String name, RuleOutput output) {
	}

	/** Rules that apply to one principal, across resources. */
	public record PrincipalPolicy(String principal, String version, String scope, String scopePermissions,
			List<PrincipalRule> rules, Variables variables, Constants constants) {
	}

	/** The actions a principal policy governs on one resource kind. */
	public record PrincipalRule(String resource, List<PrincipalAction> actions) {
	}

	/** One action rule of a principal policy. */
	public record PrincipalAction(String action, Condition condition, String effect, String name,
			RuleOutput output) {
	}

	/** A named set of derived role definitions. */
	public record DerivedRoles(String name, List<RoleDefinition> definitions, Variables variables,
			Constants constants) {
	}

	/** A derived role: parent roles plus a condition. */
	public record RoleDefinition(String name, List<String> parentRoles, Condition condition) {
	}

	/** A role policy: the actions a role may perform, narrowing its parent roles. */
	public record RolePolicy(String role, String version, List<String> parentRoles, String scope,
			String scopePermissions, List<RoleRule> rules, Variables variables, Constants constants) {
	}

	/** One rule of a role policy. */
	public record RoleRule(String resource, List<String> allowActions, Condition condition, String name,
			RuleOutput output) {
	}

	/** Variables other policies can import. */
	public record ExportVariables(String name, Map<String, Expression> definitions) {
	}

	/** Constants other policies can import. */
	public record ExportConstants(String name, Map<String, Object> definitions) {
	}

	/** A policy's variables: imported sets and local definitions. */
	public record Variables(@JsonProperty("import") List<String> imports, Map<String, Expression> local) {
	}

	/** A policy's constants: imported sets and local definitions. */
	public record Constants(@JsonProperty("import") List<String> imports, Map<String, Object> local) {
	}

	/** A condition: a match tree, or a deprecated single script expression. */
	public record Condition(Match match, Expression script) {
	}

	/** One node of a condition tree: exactly one of expr, all, any, none. */
	public record Match(Expression expr, Operands all, Operands any, Operands none) {
	}

	/** The operands of all/any/none. */
	public record Operands(List<Match> of) {
	}

	/** What a rule emits. */
	public record RuleOutput(Expression expr, OutputWhen when) {
	}

	/** When a rule emits its output. */
	public record OutputWhen(Expression ruleActivated, Expression conditionNotMet) {
	}

	/** JSON schemas for principal and resource attributes. */
	public record Schemas(SchemaReference principalSchema, SchemaReference resourceSchema) {
	}

	/** A schema reference and the actions it does not apply to. */
	public record SchemaReference(String ref, IgnoreWhen ignoreWhen) {
	}

	/** Actions a schema does not apply to. */
	public record IgnoreWhen(List<String> actions) {
	}

}
