package io.authz.sample;

/**
 * {@link UserAccessTests}, decided by a Cerbos PDP in a container through Cerbos' AuthZEN API.
 */
@OnAuthZenEngine
class AuthZenUserAccessTests extends UserAccessTests {

}
