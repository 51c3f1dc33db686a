/**
 * Auto-configuration for authz: the engine, the authorizer, principal resolution, {@code @Authorize} method
 * security and problem details for denies.
 */
@NullMarked
package io.authz.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
