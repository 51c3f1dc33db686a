package io.authz.spring.autoconfigure;

import java.time.Clock;

import io.authz.core.check.Authorizer;
import io.authz.core.protocol.authzen.SearchCatalog;
import io.authz.core.protocol.cerbos.JwtClaimsDecoder;
import io.authz.core.protocol.cerbos.UnverifiedJwtClaimsDecoder;
import io.authz.spring.server.AuthzenController;
import io.authz.spring.server.CerbosCheckController;
import io.authz.spring.server.PdpLimits;
import io.authz.spring.server.PdpPaths;
import io.authz.spring.server.RequestIdEchoFilter;
import io.authz.spring.server.SpringSecurityJwtClaimsDecoder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The PDP endpoints and what they need: the JWT decoder for auxiliary data, the catalog AuthZEN searches look
 * through, and the filter that echoes {@code X-Request-ID}.
 */
@Configuration(proxyBeanMethods = false)
class PdpEndpointsConfiguration {

	private static final boolean nimbusPresent = ClassUtils.isPresent(
			"org.springframework.security.oauth2.jwt.NimbusJwtDecoder",
			PdpEndpointsConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	CerbosCheckController cerbosCheckController(Authorizer authorizer, JwtClaimsDecoder jwtClaimsDecoder,
			AuthzProperties properties) {
		return new CerbosCheckController(authorizer, jwtClaimsDecoder, limits(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	AuthzenController authzenController(Authorizer authorizer, JwtClaimsDecoder jwtClaimsDecoder,
			AuthzProperties properties, SearchCatalog searchCatalog) {
		return new AuthzenController(authorizer, jwtClaimsDecoder, limits(properties),
				properties.getServer().getBaseUrl(), searchCatalog);
	}

	@Bean
	@ConditionalOnMissingBean
	SearchCatalog authzSearchCatalog(AuthzProperties properties, AttributeFiles attributeFiles) {
		return new ConfiguredSearchCatalog(properties.getServer().getSearch(), attributeFiles);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtClaimsDecoder authzJwtClaimsDecoder(AuthzProperties properties) {
		AuthzProperties.Server.Jwt jwt = properties.getServer().getAuxData().getJwt();
		if (jwt.isDisableVerification()) {
			return new UnverifiedJwtClaimsDecoder(Clock.systemUTC(), jwt.getAcceptableTimeSkew());
		}
		if (StringUtils.hasText(jwt.getJwkSetUri())) {
			if (!nimbusPresent) {
				throw new IllegalStateException("authz.server.aux-data.jwt.jwk-set-uri needs "
						+ "spring-security-oauth2-jose on the class path to verify JWTs");
			}
			return JwtVerification.decoder(jwt);
		}
		return JwtClaimsDecoder.rejecting("JWTs in auxiliary data cannot be verified: no key set is configured "
				+ "(authz.server.aux-data.jwt.jwk-set-uri)");
	}

	@Bean
	FilterRegistrationBean<RequestIdEchoFilter> authzRequestIdEchoFilter() {
		FilterRegistrationBean<RequestIdEchoFilter> registration = new FilterRegistrationBean<>(
				new RequestIdEchoFilter());
		registration.setUrlPatterns(PdpPaths.ALL);
		// Before Spring Security's filters, so that a 401 carries the id too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	private static PdpLimits limits(AuthzProperties properties) {
		return new PdpLimits(properties.getServer().getMaxResourcesPerRequest(),
				properties.getServer().getMaxActionsPerResource());
	}

	/** Kept apart so that Nimbus classes load only when a key set is configured. */
	private static final class JwtVerification {

		static JwtClaimsDecoder decoder(AuthzProperties.Server.Jwt jwt) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
			decoder.setJwtValidator(new JwtTimestampValidator(jwt.getAcceptableTimeSkew()));
			return new SpringSecurityJwtClaimsDecoder(decoder);
		}

	}

}
