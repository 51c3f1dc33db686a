/**
 * Spring Security view of policy decisions: the authorization result and the exception a deny becomes.
 */
@NullMarked
package io.authz.spring.authorization;

import org.jspecify.annotations.NullMarked;
