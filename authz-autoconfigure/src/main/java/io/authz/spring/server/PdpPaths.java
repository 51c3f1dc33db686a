package io.authz.spring.server;

import java.util.List;

import io.authz.core.protocol.authzen.AuthzenPaths;

/**
 * The paths the policy decision point endpoints are served at.
 */
public final class PdpPaths {

	/** Cerbos' check API. */
	public static final String CHECK_RESOURCES = "/api/check/resources";

	/** The paths that need the API key, when one is configured: every PDP path but the metadata. */
	public static final List<String> PROTECTED = List.of(CHECK_RESOURCES, AuthzenPaths.EVALUATION,
			AuthzenPaths.EVALUATIONS, AuthzenPaths.SEARCH_SUBJECT, AuthzenPaths.SEARCH_RESOURCE,
			AuthzenPaths.SEARCH_ACTION);

	/** Every PDP path. */
	public static final List<String> ALL = List.of(CHECK_RESOURCES, AuthzenPaths.EVALUATION,
			AuthzenPaths.EVALUATIONS, AuthzenPaths.SEARCH_SUBJECT, AuthzenPaths.SEARCH_RESOURCE,
			AuthzenPaths.SEARCH_ACTION, AuthzenPaths.METADATA);

	private PdpPaths() {
	}

}
