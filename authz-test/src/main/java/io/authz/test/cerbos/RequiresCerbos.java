package io.authz.test.cerbos;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need a Docker engine and the Cerbos binary for a {@link CerbosContainer}. Without them the tests
 * are skipped with the reason, except under {@code CI=true}, where they fail: a CI run must not pass by skipping.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CerbosAvailableCondition.class)
public @interface RequiresCerbos {

}
