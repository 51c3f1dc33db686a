/**
 * Micrometer observations of authorization checks, for tracing.
 */
@NullMarked
package io.authz.spring.observation;

import org.jspecify.annotations.NullMarked;
