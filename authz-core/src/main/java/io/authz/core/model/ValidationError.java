package io.authz.core.model;

/**
 * An attribute that does not conform to the schema its resource policy declares.
 *
 * @param path JSON pointer to the offending attribute ({@code /department})
 * @param message what is wrong
 * @param source {@code principal} or {@code resource}
 */
public record ValidationError(String path, String message, String source) {

	public static final String PRINCIPAL = "principal";

	public static final String RESOURCE = "resource";

}
