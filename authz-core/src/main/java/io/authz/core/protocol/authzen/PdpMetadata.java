package io.authz.core.protocol.authzen;

/**
 * Policy Decision Point metadata ({@code GET /.well-known/authzen-configuration}). Endpoints the PDP does not
 * offer are {@code null} and left out of the JSON.
 *
 * @param policyDecisionPoint the PDP's base URL (its identifier)
 * @param accessEvaluationEndpoint the Access Evaluation API URL
 * @param accessEvaluationsEndpoint the Access Evaluations API URL
 * @param searchSubjectEndpoint the Subject Search API URL
 * @param searchResourceEndpoint the Resource Search API URL
 * @param searchActionEndpoint the Action Search API URL
 */
public record PdpMetadata(String policyDecisionPoint, String accessEvaluationEndpoint,
		String accessEvaluationsEndpoint, String searchSubjectEndpoint, String searchResourceEndpoint,
		String searchActionEndpoint) {

	/** The metadata of a PDP that serves every API at its default path below {@code baseUrl}. */
	public static PdpMetadata forBaseUrl(String baseUrl, boolean search) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return new PdpMetadata(base, base + AuthzenPaths.EVALUATION, base + AuthzenPaths.EVALUATIONS,
				search ? base + AuthzenPaths.SEARCH_SUBJECT : null, search ? base + AuthzenPaths.SEARCH_RESOURCE : null,
				search ? base + AuthzenPaths.SEARCH_ACTION : null);
	}

}
