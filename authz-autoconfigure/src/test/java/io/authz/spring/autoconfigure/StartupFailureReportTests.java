package io.authz.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts real applications that fail, to check what the failure analyzers (registered in {@code spring.factories})
 * report.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTests {

	@Test
	void brokenPolicyIsReportedWithItsFile(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--authz.local.policies=classpath:broken-policies/"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The authorization policies could not be loaded (1 error)")
			.contains("broken.yaml:")
			.contains("Correct the policy files listed above");
	}

	@Test
	void missingPolicyLocationIsReportedWithTheLocation(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--authz.local.policies=classpath:no-such-policies/"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The policy location 'classpath:no-such-policies/' does not exist.")
			.contains("set 'authz.local.policies' to the directory that holds them");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AuthzAutoConfiguration.class)
	static class TestApplication {

	}

}
