package io.authz.core.protocol.cerbos;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Effect;
import io.authz.core.model.Output;
import io.authz.core.model.PrincipalType;
import io.authz.core.model.ResourceResult;
import io.authz.core.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CerbosMappingTests {

	private final CerbosJson json = new CerbosJson();

	@Test
	void mapsRequestToCheck() {
		CheckResourcesRequest request = read("""
				{"requestId": "r1", "principal": {"id": "bot", "roles": ["finance"], "attr": {"type": "service"},
				  "policyVersion": "v1", "scope": "acme"},
				 "resources": [{"actions": ["read", "pay"], "resource": {"kind": "expense", "id": "4",
				   "attr": {"status": "APPROVED"}, "scope": "acme.hr"}}]}
				""");
		CheckRequest check = CerbosMapping.toCheckRequest(request, Map.of("jwt", Map.of("sub", "x")));
		assertThat(check.requestId()).isEqualTo("r1");
		assertThat(check.principal().id()).isEqualTo("bot");
		assertThat(check.principal().type()).isEqualTo(PrincipalType.SERVICE);
		assertThat(check.principal().policyVersion()).isEqualTo("v1");
		assertThat(check.principal().scope()).isEqualTo("acme");
		assertThat(check.resources()).singleElement().satisfies((resource) -> {
			assertThat(resource.actions()).containsExactly("read", "pay");
			assertThat(resource.resource().policyVersion()).isNull();
			assertThat(resource.resource().scope()).isEqualTo("acme.hr");
			assertThat(resource.resource().attributes()).containsEntry("status", "APPROVED");
		});
		assertThat(check.auxData()).containsKey("jwt");
	}

	@Test
	void mapsResultToResponseWithMetaOnlyWhenAsked() {
		CheckResourcesRequest request = read("""
				{"requestId": "r1", "principal": {"id": "p", "roles": ["user"]},
				 "resources": [{"actions": ["read", "edit"], "resource": {"kind": "doc", "id": "1", "policyVersion": "v2"}}]}
				""");
		CheckRequest check = CerbosMapping.toCheckRequest(request, Map.of());
		// Raw: plain messages here, whatever element type the model's validation errors have
		@SuppressWarnings({ "rawtypes", "unchecked" })
		ResourceResult result = new ResourceResult(check.resources().get(0).resource(),
				Map.of("read", new Decision(Effect.ALLOW, "resource.doc.vv2/acme", "r1", "acme", null), "edit",
						Decision.noMatch()),
				List.of("owner"), List.of(new Output("resource.doc.vv2#r1", "read", "out")),
				(List) List.of("bad attribute"));
		CheckResult checkResult = new CheckResult("r1", List.of(result));
		CheckResourcesResponse plain = CerbosMapping.toResponse(request, checkResult, false, "id");
		assertThat(plain.results()).singleElement().satisfies((entry) -> {
			assertThat(entry.resource()).isEqualTo(new CheckResourcesResponse.Resource("1", "doc", "v2", ""));
			assertThat(entry.actions()).containsExactly(Map.entry("read", "EFFECT_ALLOW"),
					Map.entry("edit", "EFFECT_DENY"));
			assertThat(entry.meta()).isNull();
			assertThat(entry.outputs()).containsExactly(
					new CheckResourcesResponse.OutputEntry("resource.doc.vv2#r1", "out", "read"));
			assertThat(entry.validationErrors()).extracting(CheckResourcesResponse.ValidationError::message)
				.containsExactly("bad attribute");
		});
		CheckResourcesResponse withMeta = CerbosMapping.toResponse(request, checkResult, true, "id");
		assertThat(withMeta.results().get(0).meta().actions()).containsEntry("read",
				new CheckResourcesResponse.EffectMeta("resource.doc.vv2/acme", "acme"))
			.containsEntry("edit", new CheckResourcesResponse.EffectMeta("NO_MATCH", ""));
		assertThat(withMeta.results().get(0).meta().effectiveDerivedRoles()).containsExactly("owner");
	}

	@Test
	void structuredValidationErrorsGetCerbosSourceNames() {
		record StructuredError(String path, String message, String source) {
		}
		CheckResourcesRequest request = read("""
				{"principal": {"id": "p", "roles": ["user"]},
				 "resources": [{"actions": ["read"], "resource": {"kind": "doc", "id": "1"}}]}
				""");
		CheckRequest check = CerbosMapping.toCheckRequest(request, Map.of());
		@SuppressWarnings({ "rawtypes", "unchecked" })
		ResourceResult result = new ResourceResult(check.resources().get(0).resource(),
				Map.of("read", Decision.noMatch()), List.of(), List.of(),
				(List) List.of(new StructuredError("/department", "must be one of", "principal")));
		CheckResourcesResponse response = CerbosMapping.toResponse(request, new CheckResult("", List.of(result)),
				false, "");
		assertThat(response.results().get(0).validationErrors()).containsExactly(
				new CheckResourcesResponse.ValidationError("/department", "must be one of", "SOURCE_PRINCIPAL"));
	}

	@Test
	void decodesJwtAuxDataAsCerbosExposesIt() {
		String token = jwt("{\"sub\":\"alice\",\"aud\":[\"cerbos-jwt-tests\"],\"exp\":1949934039}");
		UnverifiedJwtClaimsDecoder decoder = new UnverifiedJwtClaimsDecoder();
		assertThat(CerbosMapping.auxData(new CheckResourcesRequest.AuxData(new CheckResourcesRequest.Jwt(token, ""),
				null), decoder))
			.isEqualTo(Map.of("jwt", Map.of("sub", "alice", "aud", List.of("cerbos-jwt-tests"), "exp", 1949934039L)));
		assertThat(CerbosMapping.auxData(new CheckResourcesRequest.AuxData(null,
				Map.of("token_a", new CheckResourcesRequest.Jwt(token, ""))), decoder))
			.isEqualTo(Map.of("jwts", Map.of("token_a", Map.of("claims",
					Map.of("sub", "alice", "aud", List.of("cerbos-jwt-tests"), "exp", 1949934039L)))));
		assertThat(CerbosMapping.auxData(null, decoder)).isEmpty();
	}

	@Test
	void rejectsExpiredAndMalformedJwts() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(2_000_000_000L), ZoneOffset.UTC);
		UnverifiedJwtClaimsDecoder decoder = new UnverifiedJwtClaimsDecoder(clock, Duration.ofSeconds(5));
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> CerbosMapping.auxData(new CheckResourcesRequest.AuxData(
					new CheckResourcesRequest.Jwt(jwt("{\"exp\":1949934039}"), ""), null), decoder))
			.withMessage("auxData.jwt: invalid JWT: token has expired (exp)");
		assertThat(decoder.decode(jwt("{\"exp\":1999999996}"), "")).containsKey("exp");
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> decoder.decode("abc", ""))
			.withMessageContaining("three dot-separated parts");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> decoder.decode(jwt("{\"nbf\":2000000100}"), ""))
			.withMessageContaining("not valid yet");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> JwtClaimsDecoder.rejecting("no keys").decode("a.b.c", ""))
			.withMessage("no keys");
	}

	@Test
	void clientDirectionMapsCheckAndResult() {
		CheckResourcesRequest request = read("""
				{"requestId": "r1", "principal": {"id": "p", "roles": ["user"], "attr": {"a": 1}},
				 "resources": [{"actions": ["read", "edit"], "resource": {"kind": "doc", "id": "1"}}]}
				""");
		CheckRequest check = CerbosMapping.toCheckRequest(request, Map.of());
		CheckResourcesRequest wire = CerbosMapping.toWireRequest(check, true);
		assertThat(wire.principal().attr()).containsEntry("a", 1L).containsEntry("type", "user");
		assertThat(wire.includeMeta()).isTrue();
		CheckResourcesResponse response = this.json.readCheckResourcesResponse("""
				{"requestId": "r1", "results": [{"resource": {"id": "1", "kind": "doc"},
				  "actions": {"read": "EFFECT_ALLOW"},
				  "meta": {"actions": {"read": {"matchedPolicy": "resource.doc.vdefault", "matchedScope": "acme"}},
				           "effectiveDerivedRoles": ["owner"]},
				  "outputs": [{"src": "s", "val": true, "action": "read"}]}]}
				""".getBytes(StandardCharsets.UTF_8));
		CheckResult result = CerbosMapping.toCheckResult(check, response);
		ResourceResult resource = result.results().get(0);
		assertThat(resource.decision("read")).isEqualTo(new Decision(Effect.ALLOW, "resource.doc.vdefault", null,
				"acme", null));
		assertThat(resource.decision("edit").isFailure()).isTrue();
		assertThat(resource.effectiveDerivedRoles()).containsExactly("owner");
		assertThat(resource.outputs()).containsExactly(new Output("s", "read", true));
	}

	private CheckResourcesRequest read(String body) {
		return this.json.readCheckResourcesRequest(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String jwt(String payload) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
	}

}
