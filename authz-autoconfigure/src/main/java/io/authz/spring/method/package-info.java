/**
 * Method security with policies: the {@link io.authz.spring.method.Authorize @Authorize} annotation and the
 * Spring Security authorization manager and advisor that enforce it.
 */
@NullMarked
package io.authz.spring.method;

import org.jspecify.annotations.NullMarked;
