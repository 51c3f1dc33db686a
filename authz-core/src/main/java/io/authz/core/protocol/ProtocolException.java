package io.authz.core.protocol;

import java.io.Serial;

/**
 * A request or response that does not follow its protocol: malformed JSON, a missing required field, a value of
 * the wrong type. The message says what is wrong and where ({@code resources[1].actions: must not be empty}), so
 * that a server can answer it as a 400 Bad Request as it is.
 */
public class ProtocolException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public ProtocolException(String message) {
		super(message);
	}

	public ProtocolException(String message, Throwable cause) {
		super(message, cause);
	}

}
