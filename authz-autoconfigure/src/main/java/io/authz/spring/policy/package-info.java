/**
 * Reading policy files from Spring resource locations.
 */
@NullMarked
package io.authz.spring.policy;

import org.jspecify.annotations.NullMarked;
