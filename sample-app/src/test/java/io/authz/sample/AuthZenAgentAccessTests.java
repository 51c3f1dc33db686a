package io.authz.sample;

/**
 * {@link AgentAccessTests}, decided by a Cerbos PDP in a container through Cerbos' AuthZEN API.
 */
@OnAuthZenEngine
class AuthZenAgentAccessTests extends AgentAccessTests {

}
