package io.authz.spring.web;

import io.authz.spring.authorization.PolicyDeniedException;
import io.authz.spring.autoconfigure.AuthzAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzMethodSecurityAutoConfiguration;
import io.authz.spring.autoconfigure.AuthzWebAutoConfiguration;
import io.authz.spring.method.Authorize;
import io.authz.spring.test.RoleEngine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PolicyDeniedProblemDetailsTests {

	private static final String SECRET = "classified-value";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class,
				AuthzMethodSecurityAutoConfiguration.class, AuthzWebAutoConfiguration.class,
				WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class))
		.withUserConfiguration(ApplicationConfiguration.class);

	@Test
	void denyForAnAuthenticatedUserIsAForbiddenProblemDetail() {
		this.runner.run((context) -> mockMvc(context)
			.perform(get("/documents/42").with(user("bob").roles("document:edit")).accept(MediaType.ALL))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://authz.io/problems/access-denied"))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("Access denied by policy"))
			.andExpect(jsonPath("$.resource").value("document"))
			.andExpect(jsonPath("$.action").value("read"))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(SECRET))))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("vdefault")))));
	}

	@Test
	void allowedRequestIsAnswered() {
		this.runner.run((context) -> mockMvc(context)
			.perform(get("/documents/42").with(user("alice").roles("document:read")))
			.andExpect(status().isOk())
			.andExpect(content().string("document 42")));
	}

	@Test
	void denyForAnAnonymousCallerIsLeftToTheAuthenticationEntryPoint() {
		this.runner.run((context) -> mockMvc(context).perform(get("/documents/42"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE)));
	}

	@Test
	void whenProblemDetailsAreOffSpringSecurityAnswersTheDeny() {
		this.runner.withPropertyValues("authz.web.problem-details=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PolicyDeniedExceptionHandler.class);
			mockMvc(context).perform(get("/documents/42").with(user("bob")))
				.andExpect(status().isForbidden())
				.andExpect(content().string(""));
		});
	}

	@Test
	void applicationExceptionHandlersComeFirst() {
		this.runner.withUserConfiguration(NotFoundAdviceConfiguration.class)
			.run((context) -> mockMvc(context).perform(get("/documents/42").with(user("bob")))
				.andExpect(status().isNotFound())
				.andExpect(content().string("no such document")));
	}

	@Test
	void adviceIsOnlyRegisteredInServletWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzWebAutoConfiguration.class))
			.withUserConfiguration(EngineConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PolicyDeniedExceptionHandler.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthzAutoConfiguration.class, AuthzWebAutoConfiguration.class))
			.withUserConfiguration(EngineConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(PolicyDeniedExceptionHandler.class));
	}

	@Test
	void adviceIsNotRegisteredWhenAuthzIsDisabled() {
		this.runner.withPropertyValues("authz.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PolicyDeniedExceptionHandler.class));
	}

	private static MockMvc mockMvc(AssertableWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	static class DocumentService {

		@Authorize(resource = "document", action = "read", id = "#id", attributes = "{'label': '" + SECRET + "'}")
		String read(String id) {
			return "document " + id;
		}

	}

	@RestController
	static class DocumentController {

		private final DocumentService documents;

		DocumentController(DocumentService documents) {
			this.documents = documents;
		}

		@GetMapping("/documents/{id}")
		String read(@PathVariable String id) {
			return this.documents.read(id);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EngineConfiguration {

		@Bean
		RoleEngine roleEngine() {
			return new RoleEngine();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class ApplicationConfiguration extends EngineConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		DocumentService documentService() {
			return new DocumentService();
		}

		@Bean
		DocumentController documentController(DocumentService documentService) {
			return new DocumentController(documentService);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotFoundAdviceConfiguration {

		@Bean
		NotFoundAdvice notFoundAdvice() {
			return new NotFoundAdvice();
		}

	}

	@RestControllerAdvice
	static class NotFoundAdvice {

		@ExceptionHandler(AccessDeniedException.class)
		ResponseEntity<String> hide(AccessDeniedException ex) {
			assertThat(ex).isInstanceOf(PolicyDeniedException.class);
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no such document");
		}

	}

}
