package io.authz.sample;

/**
 * {@link AgentAccessTests}, decided by a Cerbos PDP in a container through Cerbos' check API.
 */
@OnCerbosEngine
class CerbosAgentAccessTests extends AgentAccessTests {

}
