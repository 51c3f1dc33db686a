package io.authz.sample;

/**
 * {@link ServiceAccountAccessTests}, decided by a Cerbos PDP in a container through Cerbos' check API.
 */
@OnCerbosEngine
class CerbosServiceAccountAccessTests extends ServiceAccountAccessTests {

}
