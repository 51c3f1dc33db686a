package io.authz.core.cel.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * A hierarchy such as {@code a.b.c}: the value of Cerbos' {@code hierarchy(...)} in CEL expressions.
 *
 * @param levels the levels, from the root
 */
public record Hierarchy(List<String> levels) {

	public Hierarchy {
		levels = List.copyOf(levels);
	}

	/** Splits {@code value} on {@code delimiter} as Go's {@code strings.Split} does (empty levels kept). */
	public static Hierarchy parse(String value, String delimiter) {
		return new Hierarchy(GoStrings.split(value, delimiter));
	}

	public int size() {
		return this.levels.size();
	}

	/** Whether this is a strict prefix of {@code other}. */
	public boolean ancestorOf(Hierarchy other) {
		return other.size() > size() && isPrefixOf(other);
	}

	public boolean descendentOf(Hierarchy other) {
		return other.ancestorOf(this);
	}

	/** Whether {@code other} is this plus one level. */
	public boolean immediateParentOf(Hierarchy other) {
		return other.size() == size() + 1 && isPrefixOf(other);
	}

	public boolean immediateChildOf(Hierarchy other) {
		return other.immediateParentOf(this);
	}

	/** Whether both have the same size and the same parent. */
	public boolean siblingOf(Hierarchy other) {
		if (other.size() != size()) {
			return false;
		}
		for (int i = 0; i < size() - 1; i++) {
			if (!this.levels.get(i).equals(other.levels.get(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether one of the two is a prefix of the other (or they are equal). */
	public boolean overlaps(Hierarchy other) {
		return (size() <= other.size()) ? isPrefixOf(other) : other.isPrefixOf(this);
	}

	/**
	 * The common prefix of the two hierarchies. As in Cerbos, when both have the same size the last level is left
	 * out first, so a hierarchy's common ancestors with itself are its parent's levels.
	 * @throws IllegalArgumentException when both are empty (Cerbos fails too)
	 */
	public Hierarchy commonAncestors(Hierarchy other) {
		List<String> shorter = (other.size() < size()) ? other.levels : this.levels;
		List<String> longer = (shorter == this.levels) ? other.levels : this.levels;
		if (shorter.size() == longer.size()) {
			if (shorter.isEmpty()) {
				throw new IllegalArgumentException("no common ancestors of empty hierarchies");
			}
			shorter = shorter.subList(0, shorter.size() - 1);
			longer = longer.subList(0, longer.size() - 1);
		}
		List<String> ancestors = new ArrayList<>();
		for (int i = 0; i < shorter.size() && shorter.get(i).equals(longer.get(i)); i++) {
			ancestors.add(shorter.get(i));
		}
		return new Hierarchy(ancestors);
	}

	private boolean isPrefixOf(Hierarchy other) {
		return other.levels.subList(0, size()).equals(this.levels);
	}

	/** The levels joined with dots. */
	@Override
	public String toString() {
		return String.join(".", this.levels);
	}

}
