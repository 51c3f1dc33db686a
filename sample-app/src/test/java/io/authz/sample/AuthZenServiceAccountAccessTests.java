package io.authz.sample;

/**
 * {@link ServiceAccountAccessTests}, decided by a Cerbos PDP in a container through Cerbos' AuthZEN API.
 */
@OnAuthZenEngine
class AuthZenServiceAccountAccessTests extends ServiceAccountAccessTests {

}
