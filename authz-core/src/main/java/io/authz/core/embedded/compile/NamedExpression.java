package io.authz.core.embedded.compile;

import io.authz.core.cel.CompiledExpression;

/**
 * A compiled variable definition.
 *
 * @param name the variable's name ({@code V.name})
 * @param expression its compiled expression
 */
record NamedExpression(String name, CompiledExpression expression) {
}
