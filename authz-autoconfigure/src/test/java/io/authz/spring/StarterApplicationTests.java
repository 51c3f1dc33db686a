package io.authz.spring;

import io.authz.core.check.Authorizer;
import io.authz.core.embedded.EmbeddedEngine;
import io.authz.spring.method.Authorize;
import io.authz.spring.web.PolicyDeniedExceptionHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A whole Spring Boot application with every auto-configuration on the class path (Spring Security's included),
 * deciding with the embedded engine and the policies in {@code classpath:policies/}.
 */
@SpringBootTest(classes = StarterApplicationTests.DocumentApplication.class)
@AutoConfigureMockMvc
class StarterApplicationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void requireEmbeddedEngine() {
	}

	@Test
	void autoConfigurationsAreRegistered() {
		assertThat(this.context.getBean(Authorizer.class).engine()).isInstanceOf(EmbeddedEngine.class);
		assertThat(this.context.getBeansOfType(PolicyDeniedExceptionHandler.class)).hasSize(1);
	}

	@Test
	void policyAllows() throws Exception {
		this.mvc.perform(get("/documents/1").with(user("alice").roles("user")))
			.andExpect(status().isOk())
			.andExpect(content().string("document 1"));
	}

	@Test
	void policyDenyIsAProblemDetail() throws Exception {
		this.mvc.perform(get("/documents/1/history").with(user("alice").roles("user")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.resource").value("document"))
			.andExpect(jsonPath("$.action").value("history"));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DocumentApplication {

		@Bean
		DocumentService documentService() {
			return new DocumentService();
		}

		@Bean
		DocumentController documentController(DocumentService documentService) {
			return new DocumentController(documentService);
		}

	}

	@Authorize(resource = "document", id = "#id")
	static class DocumentService {

		String read(String id) {
			return "document " + id;
		}

		String history(String id) {
			return "history of " + id;
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

		@GetMapping("/documents/{id}/history")
		String history(@PathVariable String id) {
			return this.documents.history(id);
		}

	}

}
