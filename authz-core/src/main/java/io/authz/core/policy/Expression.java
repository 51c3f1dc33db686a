package io.authz.core.policy;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A CEL expression as written in a policy file, with where it was written so that compile errors can point at it.
 *
 * @param text the expression
 * @param line 1-based line in the policy file, 0 when unknown
 * @param column 1-based column in the policy file, 0 when unknown
 */
@JsonDeserialize(using = Expression.Deserializer.class)
public record Expression(String text, int line, int column) {

	public static Expression of(String text) {
		return new Expression(text, 0, 0);
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** Reads a scalar and remembers its position in the file. */
	static final class Deserializer extends ValueDeserializer<Expression> {

		@Override
		public Expression deserialize(JsonParser parser, DeserializationContext context) {
			TokenStreamLocation location = parser.currentTokenLocation();
			if (!parser.currentToken().isScalarValue()) {
				return context.reportInputMismatch(Expression.class, "expected an expression string");
			}
			return new Expression(parser.getValueAsString(), location.getLineNr(), location.getColumnNr());
		}

	}

}
