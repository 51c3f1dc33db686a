/**
 * Wire protocols of policy decision points, shared by the PDP server endpoints and remote engine clients: the
 * Cerbos check API ({@link io.authz.core.protocol.cerbos}) and OpenID AuthZEN 1.0
 * ({@link io.authz.core.protocol.authzen}).
 */
package io.authz.core.protocol;
