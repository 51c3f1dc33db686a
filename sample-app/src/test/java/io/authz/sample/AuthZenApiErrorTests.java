package io.authz.sample;

/**
 * {@link ApiErrorTests}, decided by a Cerbos PDP in a container through Cerbos' AuthZEN API.
 */
@OnAuthZenEngine
class AuthZenApiErrorTests extends ApiErrorTests {

}
