package io.authz.core.protocol.authzen;

/**
 * The default paths of the AuthZEN 1.0 HTTPS binding.
 */
public final class AuthzenPaths {

	/** Access Evaluation API. */
	public static final String EVALUATION = "/access/v1/evaluation";

	/** Access Evaluations API. */
	public static final String EVALUATIONS = "/access/v1/evaluations";

	/** Subject Search API. */
	public static final String SEARCH_SUBJECT = "/access/v1/search/subject";

	/** Resource Search API. */
	public static final String SEARCH_RESOURCE = "/access/v1/search/resource";

	/** Action Search API. */
	public static final String SEARCH_ACTION = "/access/v1/search/action";

	/** PDP metadata. */
	public static final String METADATA = "/.well-known/authzen-configuration";

	/** The request identification header, echoed in responses. */
	public static final String REQUEST_ID_HEADER = "X-Request-ID";

	private AuthzenPaths() {
	}

}
