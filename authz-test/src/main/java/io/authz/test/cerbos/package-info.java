/**
 * A Cerbos policy decision point for Testcontainers, with {@code @ServiceConnection} support for the remote
 * engines.
 */
package io.authz.test.cerbos;
