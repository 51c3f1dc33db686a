package io.authz.sample.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.authz.spring.http.PolicyRequestAuthorizationManager;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Authentication, mostly: who the caller is. What the caller may do is decided by the policies, through
 * {@code @Authorize} on the expense service and, for the requests the HTTP rules in {@code application.yml} match,
 * through the starter's {@link PolicyRequestAuthorizationManager} in the API chain.
 * <p>
 * Three filter chains: actuator endpoints (served on the loopback management port only) are open; the token endpoint
 * authenticates OAuth2 clients with HTTP Basic; the API accepts HTTP Basic users and HS256 bearer tokens. With
 * {@code authz.server.api-key} set, the starter adds a fourth, ahead of these, for the PDP endpoints only.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) {
		// The management server listens on 127.0.0.1 only, so its endpoints need no credentials
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain tokenSecurityFilterChain(HttpSecurity http, OAuthClients clients) {
		// Clients, not users, authenticate here; their secrets live apart from user passwords
		http.securityMatcher(TokenController.PATH)
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.authenticationManager(new ProviderManager(new DaoAuthenticationProvider(clients.asUserDetailsService())))
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, PolicyRequestAuthorizationManager httpRules) {
		// Requests an HTTP rule matches are decided by its policy; the others by the rules that follow
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(httpRules.getRequestMatcher())
			.access(httpRules)
			.requestMatchers("/api/**")
			.authenticated()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.denyAll())
			.httpBasic(Customizer.withDefaults())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			// A stateless API authenticated on every request: no session, so no CSRF exposure
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * The demonstration users. Passwords equal user names; roles are those the policies know.
	 * @return the user store
	 */
	@Bean
	UserDetailsService userDetailsService() {
		return new InMemoryUserDetailsManager(user("alice", "employee"), user("dave", "employee"),
				user("frank", "employee"), user("bob", "employee", "manager"), user("carol", "employee", "manager"),
				user("admin", "admin"));
	}

	private static UserDetails user(String name, String... roles) {
		return User.withUsername(name).password("{noop}" + name).roles(roles).build();
	}

	@Bean
	JwtDecoder jwtDecoder(AuthProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.issuer())));
		return decoder;
	}

	@Bean
	JwtEncoder jwtEncoder(AuthProperties properties) {
		return NimbusJwtEncoder.withSecretKey(secretKey(properties)).algorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	AuditEventRepository auditEventRepository() {
		// Lets authorization decisions show up at /actuator/auditevents
		return new InMemoryAuditEventRepository();
	}

	private static SecretKey secretKey(AuthProperties properties) {
		byte[] bytes = properties.secret().getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException("sample.auth.secret must be at least 32 bytes for HS256");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
