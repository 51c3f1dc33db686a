package io.authz.spring.method;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;

/**
 * An {@link Authorize @Authorize} resolved for one method: literal resource kind and action, parsed expressions.
 *
 * @param resource the resource kind
 * @param action the action, the method name when the annotation gives none
 * @param id the id expression, or {@code null} for no id
 * @param attributes the attributes expression, or {@code null} for no attributes
 * @param location the annotated method, for messages ({@code com.example.Documents.update(..)})
 */
record AuthorizeAttribute(String resource, String action, @Nullable Expression id, @Nullable Expression attributes,
		String location) {

}
