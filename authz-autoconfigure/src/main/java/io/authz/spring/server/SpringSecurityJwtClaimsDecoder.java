package io.authz.spring.server;

import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.protocol.ProtocolException;
import io.authz.core.protocol.cerbos.JwtClaimsDecoder;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.Assert;

/**
 * A {@link JwtClaimsDecoder} that verifies auxiliary data JWTs with a Spring Security {@link JwtDecoder} (for
 * example a {@code NimbusJwtDecoder} for a JSON Web Key Set URI). Time claims are exposed as seconds since the
 * epoch, as they are in the token.
 */
public class SpringSecurityJwtClaimsDecoder implements JwtClaimsDecoder {

	private final JwtDecoder decoder;

	public SpringSecurityJwtClaimsDecoder(JwtDecoder decoder) {
		Assert.notNull(decoder, "'decoder' must not be null");
		this.decoder = decoder;
	}

	@Override
	public Map<String, Object> decode(String token, String keySetId) {
		try {
			Map<String, Object> claims = new LinkedHashMap<>();
			this.decoder.decode(token).getClaims().forEach((name, value) -> claims.put(name, jsonValue(value)));
			return claims;
		}
		catch (JwtException ex) {
			throw new ProtocolException("invalid JWT: " + ex.getMessage(), ex);
		}
	}

	private static Object jsonValue(Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		if (value instanceof URL url) {
			return url.toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, element) -> result.put(String.valueOf(key), jsonValue(element)));
			return result;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> result = new ArrayList<>(collection.size());
			collection.forEach((element) -> result.add(jsonValue(element)));
			return result;
		}
		return value;
	}

}
