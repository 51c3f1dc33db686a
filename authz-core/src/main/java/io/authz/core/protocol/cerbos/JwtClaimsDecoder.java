package io.authz.core.protocol.cerbos;

import java.util.Map;

/**
 * Turns a JWT sent as auxiliary data into the claims policies read as {@code request.auxData.jwt}. Implementations
 * verify the token (signature, expiry) as their configuration says; {@link UnverifiedJwtClaimsDecoder} only checks
 * the time claims, as Cerbos does with {@code auxData.jwt.disableVerification}.
 */
@FunctionalInterface
public interface JwtClaimsDecoder {

	/**
	 * Decodes a token.
	 * @param token the encoded JWT
	 * @param keySetId the key set the caller named, empty when none
	 * @return the claims as plain JSON-like values
	 * @throws io.authz.core.protocol.ProtocolException if the token is invalid, expired, or cannot be verified
	 */
	Map<String, Object> decode(String token, String keySetId);

	/** A decoder that rejects every token: for servers that have no way to verify them. */
	static JwtClaimsDecoder rejecting(String reason) {
		return (token, keySetId) -> {
			throw new io.authz.core.protocol.ProtocolException(reason);
		};
	}

}
