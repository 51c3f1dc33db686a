package io.authz.core.cel.functions;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpiffeFunctionsTests {

	private static final String ID = "spiffe://example.org/ns/prod/sa/api";

	@Test
	void idParts() {
		cel().holds("spiffeID('" + ID + "').path() == '/ns/prod/sa/api'",
				"spiffeID('" + ID + "').trustDomain() == spiffeTrustDomain('example.org')",
				"spiffeID('" + ID + "').isMemberOf(spiffeTrustDomain('spiffe://example.org'))",
				"!spiffeID('" + ID + "').isMemberOf(spiffeTrustDomain('example.com'))",
				"spiffeID('spiffe://example.org').path() == ''", "spiffeID('" + ID + "') == spiffeID('" + ID + "')");
	}

	@Test
	void trustDomains() {
		cel().holds("spiffeTrustDomain('example.org').id() == 'spiffe://example.org'",
				"spiffeTrustDomain('spiffe://example.org/a/b').name() == 'example.org'",
				"spiffeTrustDomain('spiffe://example.org') == spiffeTrustDomain('example.org')");
	}

	@Test
	void rejectsMalformedIds() {
		for (String invalid : List.of("", "example.org/a", "http://example.org/a", "spiffe://", "spiffe:///a",
				"spiffe://Example.org/a", "spiffe://exa mple.org", "spiffe://example.org/", "spiffe://example.org//a",
				"spiffe://example.org/a/", "spiffe://example.org/./a", "spiffe://example.org/a/..",
				"spiffe://example.org/a?b", "spiffe://example.org:8080/a", "spiffe://user@example.org/a")) {
			assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> SpiffeId.parse(invalid));
		}
		assertThat(SpiffeId.parse("spiffe://example.org/A-b_c.d/..x")).hasToString("spiffe://example.org/A-b_c.d/..x");
		cel().fails("spiffeID('spiffe://example.org/a/')", "trailing slash");
		cel().fails("spiffeID('spiffe://EXAMPLE.org')", "trust domain characters");
		cel().fails("spiffeID('example.org')", "scheme");
	}

	@Test
	void rejectsMalformedTrustDomains() {
		for (String invalid : List.of("", "Example.org", "example.org/a", "spiffe://", "spiffe:/example.org")) {
			assertThatIllegalArgumentException().as(invalid).isThrownBy(() -> SpiffeTrustDomain.parse(invalid));
		}
		cel().fails("spiffeTrustDomain('')", "trust domain is missing");
	}

	@Test
	void matchers() {
		cel().holds("spiffeMatchAny().matchesID('" + ID + "')",
				"spiffeMatchExact(spiffeID('" + ID + "')).matchesID(spiffeID('" + ID + "'))",
				"!spiffeMatchExact('" + ID + "').matchesID('spiffe://example.org/ns/prod/sa/web')",
				"spiffeMatchOneOf(['spiffe://example.org/a', '" + ID + "']).matchesID('" + ID + "')",
				"spiffeMatchOneOf([spiffeID('" + ID + "')]).matchesID('" + ID + "')",
				"!spiffeMatchOneOf([]).matchesID('" + ID + "')",
				"spiffeMatchTrustDomain('example.org').matchesID('" + ID + "')",
				"!spiffeMatchTrustDomain(spiffeTrustDomain('example.com')).matchesID('" + ID + "')");
		cel().fails("spiffeMatchAny().matchesID('not an id')", "invalid SPIFFE ID");
		cel().fails("spiffeMatchOneOf(['spiffe://example.org/a', 'bad'])", "SPIFFE ID");
		cel().fails("spiffeMatchOneOf([dyn(1)])", "no such overload");
		cel().fails("spiffeMatchExact('bad')", "failed to parse SPIFFE ID");
	}

	@Test
	void acceptsDynAttributes() {
		withAttributes(Map.of("id", ID, "allowed", List.of(ID))).holds(
				"spiffeMatchOneOf(P.attr.allowed).matchesID(P.attr.id)",
				"spiffeID(P.attr.id).path().startsWith('/ns')");
	}

	@Test
	void typesDoNotMix() {
		cel().doesNotCompile("spiffeID('" + ID + "').isMemberOf('example.org')");
		cel().doesNotCompile("spiffeTrustDomain('example.org').path()");
	}

}
