package io.authz.sample.bench;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * For the load benchmark only: keeps the demonstration users' {@code {noop}} passwords as they are.
 * <p>
 * By default Spring Security upgrades a password to BCrypt on the first successful login, so that every later HTTP
 * Basic request pays a BCrypt check (hundreds of milliseconds on a small machine). That would hide what the load
 * benchmark measures, the cost of authorization, under the cost of authentication; with {@code noop} as the
 * default encoding nothing is upgraded. Both benchmark runs, with and without authz, use this profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchPasswordConfiguration {

	@Bean
	@SuppressWarnings("deprecation")
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("noop",
				Map.of("noop", NoOpPasswordEncoder.getInstance(), "bcrypt", new BCryptPasswordEncoder()));
	}

}
