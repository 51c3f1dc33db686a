package io.authz.core.policy;

/**
 * One problem found while loading policies.
 *
 * @param file the policy file's path, relative to the policy root
 * @param line 1-based line of the problem, or 0 when unknown
 * @param column 1-based column of the problem, or 0 when unknown
 * @param place where in the policy document ({@code resourcePolicy.rules[2].condition.match.expr})
 * @param message what is wrong
 */
public record PolicyError(String file, int line, int column, String place, String message) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.line > 0) {
			text.append(':').append(this.line);
			if (this.column > 0) {
				text.append(':').append(this.column);
			}
		}
		if (this.place != null && !this.place.isEmpty()) {
			text.append(" (").append(this.place).append(')');
		}
		return text.append(": ").append(this.message).toString();
	}

}
