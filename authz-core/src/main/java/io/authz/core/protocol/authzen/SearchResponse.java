package io.authz.core.protocol.authzen;

import java.util.List;

/**
 * A Search API response: the matching entities ({@link AuthzenSubject}, {@link AuthzenResource} or
 * {@link AuthzenAction}, without properties) and where the next page starts.
 *
 * @param results the entities on this page
 * @param nextToken the token of the next page, empty when this is the last, {@code null} to leave the page out
 */
public record SearchResponse(List<?> results, String nextToken) {

	public SearchResponse {
		results = List.copyOf(results);
	}

}
