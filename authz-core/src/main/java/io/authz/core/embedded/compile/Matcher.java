package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Matches a value against a set of literals and glob patterns (rule actions, rule roles, parent roles). */
public final class Matcher {

	private final Set<String> literals;

	private final Glob[] globs;

	private final boolean matchesAll;

	private Matcher(Set<String> literals, Glob[] globs, boolean matchesAll) {
		this.literals = literals;
		this.globs = globs;
		this.matchesAll = matchesAll;
	}

	public static Matcher of(Collection<String> patterns) {
		Set<String> literals = new HashSet<>();
		List<Glob> globs = new ArrayList<>();
		boolean matchesAll = false;
		for (String pattern : patterns) {
			if (pattern.equals("*") || pattern.equals("**")) {
				matchesAll = true;
			}
			else if (Glob.isPattern(pattern)) {
				globs.add(Glob.compile(pattern));
			}
			else {
				literals.add(pattern);
			}
		}
		return new Matcher(Set.copyOf(literals), globs.toArray(new Glob[0]), matchesAll);
	}

	public boolean matches(String value) {
		if (this.matchesAll || this.literals.contains(value)) {
			return true;
		}
		for (Glob glob : this.globs) {
			if (glob.matches(value)) {
				return true;
			}
		}
		return false;
	}

	public boolean matchesAny(List<String> values) {
		for (String value : values) {
			if (matches(value)) {
				return true;
			}
		}
		return false;
	}

	boolean isEmpty() {
		return !this.matchesAll && this.literals.isEmpty() && this.globs.length == 0;
	}

	/** Literal values this matcher names, for building lookup tables. */
	Set<String> literals() {
		return this.literals;
	}

	boolean hasPatterns() {
		return this.matchesAll || this.globs.length > 0;
	}

}
