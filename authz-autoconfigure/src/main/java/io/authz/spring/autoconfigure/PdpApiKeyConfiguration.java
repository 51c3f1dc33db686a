package io.authz.spring.autoconfigure;

import java.nio.charset.StandardCharsets;

import io.authz.core.protocol.authzen.AuthzenPaths;
import io.authz.spring.server.ApiKeyFilter;
import io.authz.spring.server.PdpPaths;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Guards the PDP endpoints with {@code authz.server.api-key}, when it is set.
 * <p>
 * With Spring Security's web support active (an {@link HttpSecurity} bean), a dedicated
 * {@link SecurityFilterChain}, first in order and matching the PDP paths only, accepts callers that present the key
 * and nobody else; the application's own chains keep deciding every other path. Without it, a servlet filter on the
 * PDP paths does the same. When the key is not set, none of this exists and the application's own security rules
 * apply to the PDP paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "authz.server.api-key")
@Import({ PdpApiKeyConfiguration.SecurityFilterChainConfiguration.class,
		PdpApiKeyConfiguration.ServletFilterConfiguration.class })
class PdpApiKeyConfiguration {

	/** Name of the security filter chain that guards the PDP paths. */
	static final String FILTER_CHAIN_BEAN_NAME = "authzPdpSecurityFilterChain";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
	@ConditionalOnBean(HttpSecurity.class)
	static class SecurityFilterChainConfiguration {

		@Bean(FILTER_CHAIN_BEAN_NAME)
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnMissingBean(name = FILTER_CHAIN_BEAN_NAME)
		SecurityFilterChain authzPdpSecurityFilterChain(HttpSecurity http, AuthzProperties properties,
				ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy) {
			ApiKeyFilter apiKeyFilter = new ApiKeyFilter(properties.getServer().getApiKey());
			securityContextHolderStrategy.ifUnique(apiKeyFilter::setSecurityContextHolderStrategy);
			RequestMatcher metadata = PathPatternRequestMatcher.pathPattern(AuthzenPaths.METADATA + "/**");
			http.securityMatcher(pdpPaths())
				.authorizeHttpRequests((requests) -> requests.requestMatchers(metadata)
					.permitAll()
					.anyRequest()
					.hasAuthority(ApiKeyFilter.AUTHORITY))
				.addFilterBefore(apiKeyFilter, AnonymousAuthenticationFilter.class)
				// Machine callers with a key on every request: no session, so no CSRF exposure
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
					response.setHeader("WWW-Authenticate", "Bearer realm=\"authz-pdp\"");
					response.setContentType(MediaType.TEXT_PLAIN_VALUE);
					response.getOutputStream()
						.write("Missing or invalid API key".getBytes(StandardCharsets.UTF_8));
				}));
			return http.build();
		}

		private static RequestMatcher pdpPaths() {
			return new OrRequestMatcher(PdpPaths.ALL.stream()
				.map((path) -> (RequestMatcher) PathPatternRequestMatcher
					.pathPattern(path.equals(AuthzenPaths.METADATA) ? path + "/**" : path))
				.toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(HttpSecurity.class)
	static class ServletFilterConfiguration {

		@Bean
		FilterRegistrationBean<ApiKeyFilter> authzPdpApiKeyFilter(AuthzProperties properties) {
			FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
					new ApiKeyFilter(properties.getServer().getApiKey()));
			registration.setUrlPatterns(PdpPaths.PROTECTED);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}

	}

}
