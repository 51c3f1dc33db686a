package io.authz.sample.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal OAuth2 token endpoint for development, so that the sample can show service and agent principals without
 * an external authorization server. Clients authenticate with HTTP Basic. Supported grants:
 * <ul>
 * <li>{@code client_credentials}: a token for the client itself ({@code sub} = {@code client_id});</li>
 * <li>{@code password}: a user's token, for a client that signs users in;</li>
 * <li>{@code urn:ietf:params:oauth:grant-type:token-exchange} (RFC 8693): trades a user's token for one that lets
 * the client act for that user ({@code sub} = the user, {@code act.sub} = the client).</li>
 * </ul>
 */
@RestController
public class TokenController {

	static final String PATH = "/auth/token";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String PASSWORD = "password";

	static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	private static final Set<String> SUPPORTED_GRANT_TYPES = Set.of(CLIENT_CREDENTIALS, PASSWORD, TOKEN_EXCHANGE);

	private final AuthProperties properties;

	private final OAuthClients clients;

	private final UserDetailsService users;

	private final DaoAuthenticationProvider userAuthentication;

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	public TokenController(AuthProperties properties, OAuthClients clients, UserDetailsService users,
			JwtEncoder encoder, JwtDecoder decoder) {
		this.properties = properties;
		this.clients = clients;
		this.users = users;
		this.userAuthentication = new DaoAuthenticationProvider(users);
		this.encoder = encoder;
		this.decoder = decoder;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	public ResponseEntity<Map<String, Object>> token(@RequestParam MultiValueMap<String, String> parameters,
			Authentication client) {
		String clientId = client.getName();
		String grantType = required(parameters, "grant_type");
		if (!SUPPORTED_GRANT_TYPES.contains(grantType)) {
			throw new TokenRequestException("unsupported_grant_type",
					"Grant type '" + grantType + "' is not supported");
		}
		AuthProperties.Client registration = this.clients.find(clientId);
		if (registration == null || !registration.grantTypes().contains(grantType)) {
			throw new TokenRequestException("unauthorized_client",
					"Client '" + clientId + "' may not use grant type '" + grantType + "'");
		}
		if (PASSWORD.equals(grantType)) {
			// A user's own token carries the user's roles as scopes
			Authentication user = authenticateUser(parameters);
			return issue(user.getName(), clientId, roles(user), null);
		}
		if (TOKEN_EXCHANGE.equals(grantType)) {
			return exchange(parameters, clientId, registration);
		}
		return issue(clientId, clientId, registration.scopes(), null);
	}

	private Authentication authenticateUser(MultiValueMap<String, String> parameters) {
		try {
			return this.userAuthentication.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(required(parameters, "username"), required(parameters, "password")));
		}
		catch (AuthenticationException ex) {
			throw new TokenRequestException("invalid_grant", "Bad user credentials");
		}
	}

	private ResponseEntity<Map<String, Object>> exchange(MultiValueMap<String, String> parameters, String clientId,
			AuthProperties.Client registration) {
		String subjectTokenType = parameters.getFirst("subject_token_type");
		if (subjectTokenType != null && !ACCESS_TOKEN_TYPE.equals(subjectTokenType)) {
			throw new TokenRequestException("invalid_request", "Only access tokens can be exchanged");
		}
		Jwt subjectToken;
		try {
			subjectToken = this.decoder.decode(required(parameters, "subject_token"));
		}
		catch (JwtException ex) {
			throw new TokenRequestException("invalid_grant", "Invalid subject token");
		}
		// Only a user's own token can be delegated, and only once: no agent acting for an agent
		if (subjectToken.hasClaim("act") || !isUser(subjectToken.getSubject())) {
			throw new TokenRequestException("invalid_grant", "The subject token must be a user's own token");
		}
		// The delegated token carries the client's scopes, not the user's roles
		return issue(subjectToken.getSubject(), clientId, registration.scopes(), Map.of("sub", clientId));
	}

	private boolean isUser(String name) {
		try {
			return name != null && this.users.loadUserByUsername(name) != null;
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

	private ResponseEntity<Map<String, Object>> issue(String subject, String clientId, List<String> scopes,
			Map<String, Object> actor) {
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.properties.tokenTtl());
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(subject)
			.claim("client_id", clientId)
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim("scope", String.join(" ", scopes));
		if (actor != null) {
			claims.claim("act", actor);
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token);
		body.put("token_type", "Bearer");
		body.put("expires_in", this.properties.tokenTtl().toSeconds());
		body.put("scope", String.join(" ", scopes));
		if (actor != null) {
			body.put("issued_token_type", ACCESS_TOKEN_TYPE);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	private static List<String> roles(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
	}

	private static String required(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		if (value == null || value.isBlank()) {
			throw new TokenRequestException("invalid_request", "Missing parameter '" + name + "'");
		}
		return value;
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> tokenRequestFailed(TokenRequestException ex) {
		// RFC 6749 section 5.2 error response
		return ResponseEntity.badRequest()
			.cacheControl(CacheControl.noStore())
			.body(Map.of("error", ex.getError(), "error_description", ex.getMessage()));
	}

	/**
	 * A token request that cannot be granted, with its RFC 6749 error code.
	 */
	static class TokenRequestException extends RuntimeException {

		private final String error;

		TokenRequestException(String error, String description) {
			super(description);
			this.error = error;
		}

		String getError() {
			return this.error;
		}

	}

}
