/**
 * Micrometer metrics of checks, decisions, the decision cache and policy reloads.
 */
@NullMarked
package io.authz.spring.metrics;

import org.jspecify.annotations.NullMarked;
