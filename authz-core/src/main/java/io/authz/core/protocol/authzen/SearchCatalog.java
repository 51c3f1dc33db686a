package io.authz.core.protocol.authzen;

import java.util.List;

/**
 * What an AuthZEN PDP searches over: the subjects, resources and actions it knows, by type. A search evaluates
 * every candidate of the searched-for type and answers those the policies allow; an input entity the catalog does
 * not know gives no results, as the certification scenario requires.
 */
public interface SearchCatalog {

	/** The ids of the subjects of a type, empty when the type is unknown. */
	List<String> subjectIds(String type);

	/** The ids of the resources of a type, empty when the type is unknown. */
	List<String> resourceIds(String type);

	/** The actions that may be asked about resources of a type. */
	List<String> actions(String resourceType);

	/** Whether a subject is known. */
	default boolean knowsSubject(String type, String id) {
		return subjectIds(type).contains(id);
	}

	/** Whether a resource is known. */
	default boolean knowsResource(String type, String id) {
		return resourceIds(type).contains(id);
	}

}
