package io.authz.spring.principal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Principals from OAuth 2.0 bearer token authentications. Kept apart from {@link SecurityContextPrincipalResolver}
 * so that the resource server classes are only loaded when they are on the class path.
 */
final class BearerTokenPrincipals {

	private static final String SUBJECT = "sub";

	private static final String ACTOR = "act";

	private static final String GRANT_TYPE = "gty";

	private static final List<String> CLIENT_ID_CLAIMS = List.of("client_id", "azp", "cid");

	private static final List<String> CLIENT_CREDENTIALS_GRANT_TYPES = List.of("client-credentials",
			"client_credentials");

	private BearerTokenPrincipals() {
	}

	/**
	 * The principal for a bearer token authentication, or {@code null} when the authentication is not one.
	 */
	static @Nullable Principal resolve(Authentication authentication, List<String> roles) {
		if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
			return null;
		}
		Map<String, Object> claims = token.getTokenAttributes();
		Map<String, Object> attributes = SecurityContextPrincipalResolver.attributes(claims);
		PrincipalType subjectType = isClientCredentials(claims) ? PrincipalType.SERVICE : PrincipalType.USER;
		List<Map<?, ?>> actors = actors(claims.get(ACTOR));
		if (actors.isEmpty()) {
			String id = firstText(SecurityContextPrincipalResolver.nameOf(authentication), claims.get(SUBJECT));
			return Principal.builder(orClientId(id, claims))
				.roles(roles)
				.attributes(attributes)
				.type(subjectType)
				.build();
		}
		// The token's subject is who the actors act for (the name may be the actor's, depending on the
		// converter); the outermost act claim is the current actor, each nested act the actor before it.
		String subjectId = firstText(claims.get(SUBJECT), SecurityContextPrincipalResolver.nameOf(authentication));
		Principal actingFor = Principal.builder(orClientId(subjectId, claims)).type(subjectType).build();
		for (int i = actors.size() - 1; i > 0; i--) {
			Map<?, ?> actor = actors.get(i);
			actingFor = Principal.builder(text(actor.get(SUBJECT)))
				.type(PrincipalType.AGENT)
				.attributes(actorAttributes(actor))
				.actingFor(actingFor)
				.build();
		}
		return Principal.builder(text(actors.get(0).get(SUBJECT)))
			.roles(roles)
			.attributes(attributes)
			.type(PrincipalType.AGENT)
			.actingFor(actingFor)
			.build();
	}

	private static String firstText(@Nullable Object first, @Nullable Object second) {
		String text = text(first);
		return StringUtils.hasText(text) ? text : text(second);
	}

	private static String orClientId(String id, Map<String, Object> claims) {
		if (StringUtils.hasText(id)) {
			return id;
		}
		for (String claim : CLIENT_ID_CLAIMS) {
			String clientId = text(claims.get(claim));
			if (StringUtils.hasText(clientId)) {
				return clientId;
			}
		}
		return "";
	}

	private static boolean isClientCredentials(Map<String, Object> claims) {
		Object grantType = claims.get(GRANT_TYPE);
		if (grantType != null && CLIENT_CREDENTIALS_GRANT_TYPES.contains(grantType.toString())) {
			return true;
		}
		String subject = text(claims.get(SUBJECT));
		if (!StringUtils.hasText(subject)) {
			return true;
		}
		for (String claim : CLIENT_ID_CLAIMS) {
			if (subject.equals(text(claims.get(claim)))) {
				return true;
			}
		}
		return false;
	}

	/** The actors of an {@code act} claim, current actor first; stops at the first one without a subject. */
	private static List<Map<?, ?>> actors(@Nullable Object act) {
		List<Map<?, ?>> actors = new ArrayList<>();
		Object current = act;
		while (current instanceof Map<?, ?> actor && StringUtils.hasText(text(actor.get(SUBJECT)))) {
			actors.add(actor);
			current = actor.get(ACTOR);
		}
		return actors;
	}

	private static Map<String, Object> actorAttributes(Map<?, ?> actor) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		actor.forEach((name, value) -> {
			if (!SUBJECT.equals(name) && !ACTOR.equals(name)) {
				attributes.put(String.valueOf(name), ClaimValues.toJsonValue(value));
			}
		});
		return attributes;
	}

	private static String text(@Nullable Object value) {
		return Objects.toString(value, "");
	}

}
