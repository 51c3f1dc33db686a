package io.authz.core.cel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BindingsTests {

	private static final CelEnvironment environment = new CelEnvironment();

	private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

	private static Bindings bindings() {
		Map<String, Object> principal = new LinkedHashMap<>();
		principal.put("id", "alice");
		principal.put("roles", List.of("user"));
		principal.put("attr", Map.of("policy_version", "attribute"));
		principal.put("policyVersion", "20240601");
		principal.put("scope", "acme");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("principal", principal);
		request.put("resource", Map.of("kind", "document", "id", "1", "attr", Map.of(), "policyVersion", "default",
				"scope", ""));
		request.put("auxData", Map.of("jwt", Map.of("iss", "cerbos")));
		return new Bindings(request, Map.of("env", "test"),
				() -> Map.of("effectiveDerivedRoles", List.of("owner")), NOW);
	}

	private static Object eval(String expression) throws CelEvaluationException {
		return environment.compile(expression).evaluate(bindings());
	}

	@Test
	void requestFieldsAnswerToTheirProtobufNames() throws CelEvaluationException {
		assertThat(eval("request.aux_data.jwt.iss == 'cerbos' && request.auxData.jwt.iss == 'cerbos'")).isEqualTo(true);
		assertThat(eval("P.policy_version == '20240601' && request.principal.policy_version == '20240601'"))
			.isEqualTo(true);
		assertThat(eval("R.policy_version == 'default'")).isEqualTo(true);
		assertThat(eval("runtime.effective_derived_roles == ['owner']")).isEqualTo(true);
		assertThat(eval("has(request.aux_data) && has(P.policy_version)")).isEqualTo(true);
	}

	@Test
	void attributesAreNotAliased() throws CelEvaluationException {
		assertThat(eval("P.attr.policy_version")).isEqualTo("attribute");
		assertThat(eval("has(P.attr.policyVersion)")).isEqualTo(false);
		assertThatExceptionOfType(CelEvaluationException.class).isThrownBy(() -> eval("P.attr.policyVersion"));
	}

	@Test
	void aliasesDoNotShowInTheRequestValue() throws CelEvaluationException {
		assertThat(eval("size(request)")).isEqualTo(3L);
		assertThat(eval("'aux_data' in request")).isEqualTo(true);
		assertThat(eval("request.principal.all(k, k != 'policy_version')")).isEqualTo(true);
	}

	@Test
	void derivedBindingsKeepTheInstant() throws CelEvaluationException {
		Bindings bindings = bindings();
		Bindings policy = bindings.with(Map.of("limit", 10L), Map.of("owner", true));
		assertThat(policy.now()).isEqualTo(NOW);
		assertThat(policy.clock()).isSameAs(bindings.clock());
		assertThat(environment.compile("now() == timestamp('2024-06-01T12:00:00Z') && C.limit == 10 && V.owner")
			.evaluate(policy)).isEqualTo(true);
		assertThat(bindings.withNow(NOW.plusSeconds(1)).now()).isEqualTo(NOW.plusSeconds(1));
	}

}
