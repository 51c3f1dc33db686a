package io.authz.core.protocol.authzen;

import java.util.Map;

/**
 * A Search API request (subject, resource or action search). The searched-for entity may lack its id (or, for an
 * action search, be absent); which entities must be complete depends on the endpoint.
 *
 * @param subject the subject, or {@code null}
 * @param action the action, or {@code null}
 * @param resource the resource, or {@code null}
 * @param context environment attributes, empty when none
 * @param page the page asked for, or {@code null}
 */
public record SearchRequest(AuthzenSubject subject, AuthzenAction action, AuthzenResource resource,
		Map<String, Object> context, Page page) {

	public SearchRequest {
		context = AuthzenValues.copy(context);
	}

	/**
	 * Pagination parameters of a search request.
	 *
	 * @param token the opaque token of the page to return, or {@code null} for the first
	 * @param limit the maximum number of results, or {@code null} for no limit
	 */
	public record Page(String token, Integer limit) {
	}

}
