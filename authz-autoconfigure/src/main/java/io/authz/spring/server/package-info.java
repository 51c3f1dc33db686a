/**
 * The policy decision point endpoints: Cerbos' check API and the OpenID AuthZEN 1.0 API over the configured engine,
 * with their API key filter.
 */
@NullMarked
package io.authz.spring.server;

import org.jspecify.annotations.NullMarked;
