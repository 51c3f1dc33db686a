/**
 * Turning the Spring Security {@code Authentication} into the principal policies decide on.
 */
@NullMarked
package io.authz.spring.principal;

import org.jspecify.annotations.NullMarked;
