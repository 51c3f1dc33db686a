package io.authz.core.model;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrincipalTests {

	@Test
	void typeAndDelegationTravelInPolicyAttributes() {
		Principal alice = Principal.builder("alice").roles("employee").attribute("department", "eng").build();
		Principal agent = Principal.builder("assistant").type(PrincipalType.AGENT).actingFor(alice).build();
		Map<String, Object> attributes = agent.policyAttributes();
		assertThat(attributes).containsEntry("type", "agent");
		assertThat(attributes.get("actingFor")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("id", "alice")
			.containsEntry("type", "user")
			.containsEntry("attr", Map.of("department", "eng"));
		assertThat(agent.delegationChain()).containsExactly(alice);
	}

	@Test
	void callerSuppliedTypeAttributeWins() {
		Principal principal = Principal.builder("svc").attribute("type", "custom").build();
		assertThat(principal.policyAttributes()).containsEntry("type", "custom");
		assertThat(principal.type()).isEqualTo(PrincipalType.USER);
	}

}
