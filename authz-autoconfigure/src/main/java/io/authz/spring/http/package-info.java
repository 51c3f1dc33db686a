/**
 * Authorizing HTTP requests with policies: rules from {@code authz.http.rules} and the Spring Security
 * {@code AuthorizationManager} that applies them.
 */
@NullMarked
package io.authz.spring.http;

import org.jspecify.annotations.NullMarked;
