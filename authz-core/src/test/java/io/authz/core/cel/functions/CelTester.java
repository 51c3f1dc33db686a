package io.authz.core.cel.functions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import io.authz.core.cel.Bindings;
import io.authz.core.cel.CelEnvironment;
import io.authz.core.cel.CelValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compiles and evaluates expressions in the engine's CEL environment, with principal attributes (numbers become
 * doubles, as in checks) and a fixed {@code now()}.
 */
final class CelTester {

	static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

	private static final CelEnvironment environment = new CelEnvironment();

	private final Map<String, Object> attributes;

	private CelTester(Map<String, Object> attributes) {
		this.attributes = attributes;
	}

	static CelTester cel() {
		return new CelTester(Map.of());
	}

	/** With {@code P.attr} holding these attributes. */
	static CelTester withAttributes(Map<String, ?> attributes) {
		return new CelTester(CelValues.normalizeMap(attributes));
	}

	Object eval(String expression) throws CelEvaluationException {
		Map<String, Object> principal = new LinkedHashMap<>();
		principal.put("id", "alice");
		principal.put("roles", List.of("user"));
		principal.put("attr", this.attributes);
		principal.put("policyVersion", "default");
		principal.put("scope", "");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("principal", principal);
		request.put("resource", Map.of("kind", "document", "id", "1", "attr", Map.of()));
		request.put("auxData", Map.of());
		return environment.compile(expression).evaluate(new Bindings(request, Map.of(), Map::of, NOW));
	}

	/** Asserts that the expression evaluates to true. */
	void holds(String expression) {
		Object result;
		try {
			result = eval(expression);
		}
		catch (CelEvaluationException ex) {
			throw new AssertionError(expression + " failed: " + ex.getMessage(), ex);
		}
		assertThat(result).as(expression).isEqualTo(true);
	}

	/** Asserts that each expression evaluates to true. */
	void holds(String... expressions) {
		for (String expression : expressions) {
			holds(expression);
		}
	}

	/** Asserts that the expression evaluates to {@code expected}. */
	void evaluatesTo(String expression, Object expected) {
		try {
			assertThat(eval(expression)).as(expression).isEqualTo(expected);
		}
		catch (CelEvaluationException ex) {
			throw new AssertionError(expression + " failed: " + ex.getMessage(), ex);
		}
	}

	/** Asserts that the expression compiles but fails at evaluation, with a message containing {@code message}. */
	void fails(String expression, String message) {
		assertThatExceptionOfType(CelEvaluationException.class).as(expression)
			.isThrownBy(() -> eval(expression))
			.withMessageContaining(message);
	}

	/** Asserts that the expression does not compile. */
	void doesNotCompile(String expression) {
		assertThatExceptionOfType(CelEnvironment.CelCompileException.class).as(expression)
			.isThrownBy(() -> environment.compile(expression));
	}

}
