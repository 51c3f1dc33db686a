package io.authz.core.protocol.authzen;

import java.util.Map;
import java.util.Objects;

import io.authz.core.protocol.ProtocolException;

/**
 * An Access Evaluation request ({@code POST /access/v1/evaluation}): may this subject perform this action on this
 * resource?
 *
 * @param subject who asks
 * @param action what they want to do
 * @param resource on what
 * @param context environment attributes, empty when none
 */
public record EvaluationRequest(AuthzenSubject subject, AuthzenAction action, AuthzenResource resource,
		Map<String, Object> context) {

	public EvaluationRequest {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(resource, "resource");
		context = AuthzenValues.copy(context);
	}

	/**
	 * A complete request from its parts, each of which may be missing.
	 * @param path where the parts come from, for messages ({@code evaluations[2]}), empty for the top level
	 * @throws ProtocolException if a required part or field is missing
	 */
	static EvaluationRequest of(String path, AuthzenSubject subject, AuthzenAction action, AuthzenResource resource,
			Map<String, Object> context) {
		String prefix = path.isEmpty() ? "" : path + ".";
		if (subject == null) {
			throw new ProtocolException(prefix + "subject: is required");
		}
		required(subject.type(), prefix + "subject.type");
		required(subject.id(), prefix + "subject.id");
		if (action == null) {
			throw new ProtocolException(prefix + "action: is required");
		}
		required(action.name(), prefix + "action.name");
		if (resource == null) {
			throw new ProtocolException(prefix + "resource: is required");
		}
		required(resource.type(), prefix + "resource.type");
		required(resource.id(), prefix + "resource.id");
		return new EvaluationRequest(subject, action, resource, context);
	}

	private static void required(String value, String path) {
		if (value == null || value.isEmpty()) {
			throw new ProtocolException(path + ": is required and must be a non-empty string");
		}
	}

}
