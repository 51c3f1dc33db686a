package io.authz.core.embedded;

import java.util.ArrayList;
import java.util.List;

import io.authz.core.policy.PolicyError;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyLoadException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicyLoadingTests {

	private static final String HEADER = "apiVersion: api.cerbos.dev/v1\n";

	private static final String ROLES = HEADER + """
			derivedRoles:
			  name: roles
			  definitions:
			    - name: owner
			      parentRoles: ["user"]
			      condition:
			        match:
			          expr: R.attr.owner == P.id
			""";

	private static List<PolicyError> errorsOf(PolicyFile... files) {
		List<PolicyFile> all = new ArrayList<>(List.of(files));
		return assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> EmbeddedEngine.create(all, EmbeddedEngineOptions.defaults()))
			.actual()
			.errors();
	}

	private static String resource(String rules) {
		return HEADER + """
				resourcePolicy:
				  resource: doc
				  version: default
				  importDerivedRoles: [roles]
				  rules:
				""" + rules;
	}

	@Test
	void brokenYamlNamesFileAndLine() {
		List<PolicyError> errors = errorsOf(new PolicyFile("broken.yaml", HEADER + "resourcePolicy:\n  resource: [doc\n"));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo("broken.yaml");
			assertThat(error.line()).isGreaterThan(1);
		});
	}

	@Test
	void unknownFieldNamesThePlace() {
		List<PolicyError> errors = errorsOf(new PolicyFile("doc.yaml", resource("""
				    - actions: ["read"]
				      roles: ["user"]
				      effect: EFFECT_ALLOW
				      conditon:
				        match:
				          expr: "true"
				""")), new PolicyFile("roles.yaml", ROLES));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo("doc.yaml");
			assertThat(error.line()).isEqualTo(10);
			assertThat(error.place()).isEqualTo("resourcePolicy.rules[0].conditon");
			assertThat(error.message()).contains("conditon");
		});
	}

	@Test
	void celSyntaxErrorNamesFileLineAndExpression() {
		PolicyLoadException exception = assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> EmbeddedEngine.create(List.of(new PolicyFile("doc.yaml", resource("""
					    - actions: ["read"]
					      roles: ["user"]
					      effect: EFFECT_ALLOW
					      condition:
					        match:
					          expr: R.attr.owner == == P.id
					""")), new PolicyFile("roles.yaml", ROLES)), EmbeddedEngineOptions.defaults()))
			.actual();
		assertThat(exception.errors()).singleElement().satisfies((error) -> {
			assertThat(error.file()).isEqualTo("doc.yaml");
			assertThat(error.line()).isEqualTo(12);
			assertThat(error.place()).isEqualTo("resourcePolicy.rules[0].condition.match.expr");
			assertThat(error.message()).contains("R.attr.owner == == P.id").contains("extraneous input");
		});
		assertThat(exception.getMessage()).contains("doc.yaml:12");
	}

	@Test
	void celTypeErrorFromUndeclaredIdentifier() {
		List<PolicyError> errors = errorsOf(new PolicyFile("doc.yaml", resource("""
				    - actions: ["read"]
				      roles: ["user"]
				      effect: EFFECT_ALLOW
				      condition:
				        match:
				          expr: resource.attr.owner == P.id
				""")), new PolicyFile("roles.yaml", ROLES));
		assertThat(errors).singleElement().extracting(PolicyError::message).asString().contains("undeclared reference");
	}

	@Test
	void unknownDerivedRoleAndMissingImport() {
		List<PolicyError> errors = errorsOf(new PolicyFile("doc.yaml", HEADER + """
				resourcePolicy:
				  resource: doc
				  version: default
				  importDerivedRoles: [roles, nowhere]
				  rules:
				    - actions: ["read"]
				      derivedRoles: ["manager"]
				      effect: EFFECT_ALLOW
				"""), new PolicyFile("roles.yaml", ROLES));
		assertThat(errors).extracting(PolicyError::message)
			.anySatisfy((message) -> assertThat(message).contains("'nowhere' not found"))
			.anySatisfy((message) -> assertThat(message).contains("derived role 'manager' is not defined"));
		assertThat(errors).allSatisfy((error) -> assertThat(error.file()).isEqualTo("doc.yaml"));
	}

	@Test
	void ambiguousDerivedRole() {
		String otherRoles = ROLES.replace("name: roles", "name: more_roles");
		List<PolicyError> errors = errorsOf(new PolicyFile("doc.yaml", HEADER + """
				resourcePolicy:
				  resource: doc
				  version: default
				  importDerivedRoles: [roles, more_roles]
				  rules:
				    - actions: ["read"]
				      derivedRoles: ["owner"]
				      effect: EFFECT_ALLOW
				"""), new PolicyFile("roles.yaml", ROLES), new PolicyFile("more.yaml", otherRoles));
		assertThat(errors).singleElement().extracting(PolicyError::message).asString().contains("more than one");
	}

	@Test
	void undefinedVariableAndVariableCycle() {
		List<PolicyError> errors = errorsOf(new PolicyFile("doc.yaml", HEADER + """
				resourcePolicy:
				  resource: doc
				  version: default
				  variables:
				    local:
				      a: V.b
				      b: V.a
				  rules:
				    - actions: ["read"]
				      roles: ["user"]
				      effect: EFFECT_ALLOW
				      condition:
				        match:
				          expr: V.missing
				"""));
		assertThat(errors).extracting(PolicyError::message)
			.anySatisfy((message) -> assertThat(message).contains("undefined variable 'missing'"))
			.anySatisfy((message) -> assertThat(message).contains("cycle"));
	}

	@Test
	void duplicatePolicyAndWrongApiVersion() {
		String policy = resource("""
				    - actions: ["read"]
				      roles: ["user"]
				      effect: EFFECT_ALLOW
				""");
		List<PolicyError> errors = errorsOf(new PolicyFile("a.yaml", policy), new PolicyFile("b.yaml", policy),
				new PolicyFile("roles.yaml", ROLES),
				new PolicyFile("c.yaml", policy.replace("api.cerbos.dev/v1", "api.cerbos.dev/v2")));
		assertThat(errors).extracting(PolicyError::toString)
			.anySatisfy((message) -> assertThat(message).startsWith("b.yaml").contains("duplicate policy resource.doc.vdefault"))
			.anySatisfy((message) -> assertThat(message).startsWith("c.yaml").contains("apiVersion"));
	}

	@Test
	void everyErrorIsReportedAtOnce() {
		List<PolicyError> errors = errorsOf(new PolicyFile("one.yaml", "resourcePolicy: [\n"),
				new PolicyFile("two.yaml", HEADER + "resourcePolicy:\n  resource: x\n  rules:\n    - actions: []\n      roles: [a]\n      effect: EFFECT_ALLOW\n"));
		assertThat(errors).extracting(PolicyError::file).contains("one.yaml", "two.yaml");
	}

	@Test
	void reloadKeepsTheLastGoodSetWhenTheNewOneIsBroken() {
		EmbeddedEngine engine = EmbeddedEngine.create(List.of(new PolicyFile("roles.yaml", ROLES)),
				EmbeddedEngineOptions.defaults());
		String digest = engine.policySet().digest();
		assertThatExceptionOfType(PolicyLoadException.class)
			.isThrownBy(() -> engine.reload(List.of(new PolicyFile("roles.yaml", "derivedRoles: [\n"))));
		assertThat(engine.policySet().digest()).isEqualTo(digest);
	}

}
