package io.authz.core.cel.functions;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A test on SPIFFE IDs: the value of {@code spiffeMatchAny()}, {@code spiffeMatchExact(...)},
 * {@code spiffeMatchOneOf(...)} and {@code spiffeMatchTrustDomain(...)} in CEL expressions.
 */
public final class SpiffeMatcher {

	private final String description;

	private final Predicate<SpiffeId> predicate;

	private SpiffeMatcher(String description, Predicate<SpiffeId> predicate) {
		this.description = description;
		this.predicate = predicate;
	}

	public static SpiffeMatcher any() {
		return new SpiffeMatcher("any", (id) -> true);
	}

	public static SpiffeMatcher exact(SpiffeId expected) {
		return new SpiffeMatcher("exact " + expected, expected::equals);
	}

	public static SpiffeMatcher oneOf(Set<SpiffeId> expected) {
		Set<SpiffeId> ids = Set.copyOf(expected);
		return new SpiffeMatcher("one of " + ids, ids::contains);
	}

	public static SpiffeMatcher memberOf(SpiffeTrustDomain domain) {
		return new SpiffeMatcher("member of " + domain, (id) -> id.isMemberOf(domain));
	}

	public boolean matches(SpiffeId id) {
		return this.predicate.test(id);
	}

	@Override
	public String toString() {
		return "SpiffeMatcher[" + this.description + "]";
	}

}
