package io.authz.core.protocol.authzen;

import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.Resource;
import io.authz.core.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AuthzenMappingTests {

	@Test
	void subjectRolesComeFromProperties() {
		Principal principal = AuthzenMapping.toPrincipal(new AuthzenSubject("user", "alice",
				Map.of("roles", List.of("editor", "viewer"), "department", "Sales", "cerbos.scope", "acme")));
		assertThat(principal.id()).isEqualTo("alice");
		assertThat(principal.roles()).containsExactly("editor", "viewer");
		assertThat(principal.attributes()).isEqualTo(Map.of("department", "Sales"));
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
		assertThat(principal.scope()).isEqualTo("acme");
	}

	@Test
	void cerbosRolesAndSingleRoleAreAccepted() {
		assertThat(AuthzenMapping
			.toPrincipal(new AuthzenSubject("user", "a", Map.of("cerbos.roles", List.of("admin"))))
			.roles()).containsExactly("admin");
		assertThat(AuthzenMapping.toPrincipal(new AuthzenSubject("user", "a", Map.of("roles", "admin"))).roles())
			.containsExactly("admin");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> AuthzenMapping.toPrincipal(new AuthzenSubject("user", "a", Map.of("roles", List.of(1L)))))
			.withMessage("subject.properties.roles: must be a string or an array of strings");
	}

	@Test
	void subjectWithoutRolesHasItsTypeAsRole() {
		Principal principal = AuthzenMapping.toPrincipal(new AuthzenSubject("identity", "pid", Map.of()));
		assertThat(principal.roles()).containsExactly("identity");
		// Not one of user, service, agent: policies see the AuthZEN type as P.attr.type
		assertThat(principal.policyAttributes()).containsEntry("type", "identity");
		assertThat(AuthzenMapping.toPrincipal(new AuthzenSubject("agent", "a", Map.of())).type())
			.isEqualTo(PrincipalType.AGENT);
	}

	@Test
	void evaluationBecomesOneCheck() {
		EvaluationRequest evaluation = new EvaluationRequest(new AuthzenSubject("user", "alice", Map.of()),
				new AuthzenAction("delete", Map.of("soft", true)),
				new AuthzenResource("record", "record-1",
						Map.of("status", "active", "cerbos.policyVersion", "v2", "cerbos.scope", "acme")),
				Map.of("ip", "10.0.0.1", "cerbos.includeMeta", true, "cerbos.requestId", "r9"));
		CheckRequest check = AuthzenMapping.toCheckRequest("r1", evaluation, Map.of("jwt", Map.of("sub", "x")));
		assertThat(check.requestId()).isEqualTo("r1");
		Resource resource = check.resources().get(0).resource();
		assertThat(resource.kind()).isEqualTo("record");
		assertThat(resource.attributes()).isEqualTo(Map.of("status", "active"));
		assertThat(resource.policyVersion()).isEqualTo("v2");
		assertThat(resource.scope()).isEqualTo("acme");
		assertThat(check.resources().get(0).actions()).containsExactly("delete");
		assertThat(check.auxData()).isEqualTo(Map.of("jwt", Map.of("sub", "x"), "context", Map.of("ip", "10.0.0.1"),
				"action", Map.of("name", "delete", "properties", Map.of("soft", true))));
		assertThat(AuthzenMapping.includeMeta(evaluation.context())).isTrue();
		assertThat(AuthzenMapping.requestId(evaluation.context())).isEqualTo("r9");
	}

	@Test
	void evaluationWithoutContextOrActionPropertiesHasNoAuxData() {
		EvaluationRequest evaluation = new EvaluationRequest(new AuthzenSubject("user", "alice", Map.of()),
				new AuthzenAction("read", Map.of()), new AuthzenResource("record", "r", Map.of()), Map.of());
		assertThat(AuthzenMapping.toCheckRequest(null, evaluation, Map.of()).auxData()).isEmpty();
	}

}
