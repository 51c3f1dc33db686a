/**
 * Actuator support: the {@code authz} endpoint and health contributor.
 */
@NullMarked
package io.authz.spring.actuate;

import org.jspecify.annotations.NullMarked;
