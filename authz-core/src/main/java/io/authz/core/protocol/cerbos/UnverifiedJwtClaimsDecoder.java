package io.authz.core.protocol.cerbos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;

/**
 * Reads a JWT's claims without verifying its signature, checking only that it is well formed and within its
 * {@code exp} / {@code nbf} window: Cerbos' behaviour with {@code auxData.jwt.disableVerification: true}. Use it
 * only where the caller is trusted to have verified the token already.
 */
public final class UnverifiedJwtClaimsDecoder implements JwtClaimsDecoder {

	private final Clock clock;

	private final Duration acceptableSkew;

	public UnverifiedJwtClaimsDecoder() {
		this(Clock.systemUTC(), Duration.ZERO);
	}

	public UnverifiedJwtClaimsDecoder(Clock clock, Duration acceptableSkew) {
		this.clock = clock;
		this.acceptableSkew = (acceptableSkew != null) ? acceptableSkew : Duration.ZERO;
	}

	@Override
	public Map<String, Object> decode(String token, String keySetId) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			throw new ProtocolException("invalid JWT: expected three dot-separated parts");
		}
		byte[] payload;
		try {
			payload = Base64.getUrlDecoder().decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			throw new ProtocolException("invalid JWT: the payload is not base64url", ex);
		}
		Map<String, Object> claims;
		try {
			claims = JsonValues.toMap(JsonValues.readObject(payload));
		}
		catch (ProtocolException ex) {
			throw new ProtocolException("invalid JWT: the payload is not a JSON object", ex);
		}
		Instant now = this.clock.instant();
		Instant expiry = instant(claims.get("exp"), "exp");
		if (expiry != null && !now.isBefore(expiry.plus(this.acceptableSkew))) {
			throw new ProtocolException("invalid JWT: token has expired (exp)");
		}
		Instant notBefore = instant(claims.get("nbf"), "nbf");
		if (notBefore != null && now.plus(this.acceptableSkew).isBefore(notBefore)) {
			throw new ProtocolException("invalid JWT: token is not valid yet (nbf)");
		}
		return claims;
	}

	private static Instant instant(Object value, String claim) {
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			return Instant.ofEpochSecond(number.longValue());
		}
		throw new ProtocolException("invalid JWT: '" + claim + "' must be a number of seconds");
	}

}
