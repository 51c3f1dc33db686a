/**
 * Cerbos' check API ({@code POST /api/check/resources}) in JSON: the request and response messages, their codec
 * and their mapping to the decision model.
 */
package io.authz.core.protocol.cerbos;
