package io.authz.sample;

/**
 * {@link UserAccessTests}, decided by a Cerbos PDP in a container through Cerbos' check API.
 */
@OnCerbosEngine
class CerbosUserAccessTests extends UserAccessTests {

}
