/**
 * The OpenID AuthZEN Authorization API 1.0 in JSON: evaluation, evaluations, search and metadata messages, their
 * codec and their mapping to the decision model.
 */
package io.authz.core.protocol.authzen;
