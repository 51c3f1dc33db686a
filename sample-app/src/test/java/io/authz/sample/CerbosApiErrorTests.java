package io.authz.sample;

/**
 * {@link ApiErrorTests}, decided by a Cerbos PDP in a container through Cerbos' check API.
 */
@OnCerbosEngine
class CerbosApiErrorTests extends ApiErrorTests {

}
