package io.authz.core.remote;

/**
 * A remote policy decision point could not decide a check: it was unreachable, too slow, answered with an error
 * status, answered something that is not a decision, or its circuit breaker is open.
 * <p>
 * Remote engines throw it so that {@link io.authz.core.check.Authorizer} reports the check as failed and denies
 * every decision of it, with this message as the reason.
 */
public class RemotePdpException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	private final transient boolean retryable;

	public RemotePdpException(Kind kind, String message) {
		this(kind, message, null, false);
	}

	public RemotePdpException(Kind kind, String message, Throwable cause) {
		this(kind, message, cause, false);
	}

	RemotePdpException(Kind kind, String message, Throwable cause, boolean retryable) {
		super(message, cause);
		this.kind = kind;
		this.retryable = retryable;
	}

	/** What went wrong. */
	public Kind getKind() {
		return this.kind;
	}

	/** Whether the call may be tried again: a connection failure with time left before the deadline. */
	boolean isRetryable() {
		return this.retryable;
	}

	/** The ways a remote decision fails. */
	public enum Kind {

		/** No connection could be made, or it broke before an answer came. */
		CONNECTION,

		/** No answer within {@code authz.remote.timeout}. */
		TIMEOUT,

		/** The PDP answered with an HTTP error status. */
		HTTP_STATUS,

		/** The PDP answered something that is not a valid decision. */
		INVALID_RESPONSE,

		/** The circuit breaker is open: the PDP failed recently and was not called. */
		UNAVAILABLE

	}

}
