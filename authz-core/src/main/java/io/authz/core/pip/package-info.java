/**
 * Policy information points: providers of principal and resource attributes that the request does not carry,
 * merged into every check before the engine decides, with caching, timeouts and a failure policy.
 */
package io.authz.core.pip;
