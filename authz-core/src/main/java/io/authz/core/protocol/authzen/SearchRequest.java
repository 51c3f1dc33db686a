package io.authz.core.protocol.authzen;

import java.util.Map;

import io.authz.core.protocol.ProtocolException;

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
	 * Checks that the entities a search of this kind needs are there: the searched-for entity needs its type
	 * only (its id, if any, is ignored), every input entity needs its type and id; the action needs its name
	 * except in an action search, which ignores it.
	 * @throws ProtocolException naming the first missing member
	 */
	public void validate(Kind kind) {
		if (this.subject == null) {
			throw new ProtocolException("subject: is required");
		}
		required(this.subject.type(), "subject.type");
		if (kind != Kind.SUBJECT) {
			required(this.subject.id(), "subject.id");
		}
		if (kind != Kind.ACTION) {
			if (this.action == null) {
				throw new ProtocolException("action: is required");
			}
			required(this.action.name(), "action.name");
		}
		if (this.resource == null) {
			throw new ProtocolException("resource: is required");
		}
		required(this.resource.type(), "resource.type");
		if (kind != Kind.RESOURCE) {
			required(this.resource.id(), "resource.id");
		}
	}

	private static void required(String value, String path) {
		if (value == null || value.isEmpty()) {
			throw new ProtocolException(path + ": is required and must be a non-empty string");
		}
	}

	/** What a search looks for. */
	public enum Kind {

		/** Subjects that may perform the action on the resource. */
		SUBJECT,

		/** Resources on which the subject may perform the action. */
		RESOURCE,

		/** Actions the subject may perform on the resource. */
		ACTION

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
