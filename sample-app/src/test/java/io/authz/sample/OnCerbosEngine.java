package io.authz.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.authz.test.cerbos.RequiresCerbos;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs an API test class against a Cerbos PDP in a container, through its check API ({@code authz.engine=cerbos}),
 * with a database of its own. The timeout is generous because these tests compare outcomes: the first checks of a
 * cold JVM on a busy machine can take longer than the default 250 ms (timeouts are tested in the fault tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequiresCerbos
@Import(RemotePdpConfiguration.class)
@TestPropertySource(properties = { "authz.engine=cerbos", "authz.remote.timeout=2s",
		"spring.datasource.url=jdbc:h2:mem:expenses-cerbos;DB_CLOSE_DELAY=-1" })
@interface OnCerbosEngine {

}
