package io.authz.core.cel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct evaluator gives the interpreter's answer, errors included, for every shape it takes on. */
class DirectExpressionTests {

	private static final CelEnvironment environment = new CelEnvironment();

	private static final List<String> EXPRESSIONS = List.of("R.attr.owner == P.id", "R.attr.owner != P.id",
			"R.attr.amount <= 1000", "R.attr.amount < 1000.5", "R.attr.amount > P.attr.limit",
			"R.attr.amount >= 450", "R.attr.count == 3", "R.attr.count == 3.0", "R.attr.missing == 1",
			"has(R.attr.owner)", "has(R.attr.missing)", "\"admin\" in P.roles", "\"root\" in P.roles",
			"R.attr.missing == 1 || P.id == \"bob\"", "P.id == \"bob\" || R.attr.missing == 1",
			"R.attr.missing == 1 && P.id == \"alice\"", "P.id == \"alice\" && R.attr.missing == 1",
			"R.attr.missing == 1 && false", "!(R.attr.flag)", "!(R.attr.owner)", "R.attr.flag ? 1 : 2",
			"R.attr.owner ? 1 : 2", "R.attr.owner == 1", "R.attr.flag == true", "R.attr.nothing == null",
			"R.attr.owner == null", "\"owner\" in R.attr", "\"other\" in R.attr", "1 in R.attr.numbers",
			"2.0 in R.attr.numbers", "\"x\" in R.attr.numbers", "R.attr.owner < 1", "R.attr.flag < 1",
			"P.attr.actingFor.id == R.attr.owner", "request.principal.id == P.id", "R.attr.nested.deep == \"v\"",
			"R.attr.owner.inner == 1", "V.x == 1", "C.limit == R.attr.count", "G.environment == \"test\"",
			"R.attr.list == [1, 2]", "R.attr.amount == R.attr.count");

	private static Bindings bindings() {
		Map<String, Object> principalAttributes = new LinkedHashMap<>();
		principalAttributes.put("limit", 100L);
		principalAttributes.put("actingFor", Map.of("id", "alice"));
		Map<String, Object> resourceAttributes = new LinkedHashMap<>();
		resourceAttributes.put("owner", "alice");
		resourceAttributes.put("amount", 450.0);
		resourceAttributes.put("count", 3.0);
		resourceAttributes.put("flag", true);
		resourceAttributes.put("nothing", dev.cel.common.values.NullValue.NULL_VALUE);
		resourceAttributes.put("numbers", List.of(1.0, 2.0));
		resourceAttributes.put("list", List.of(1.0, 2.0));
		resourceAttributes.put("nested", Map.of("deep", "v"));
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("principal", Map.of("id", "alice", "roles", List.of("user", "admin"), "attr", principalAttributes));
		request.put("resource", Map.of("kind", "doc", "id", "1", "attr", resourceAttributes));
		request.put("auxData", Map.of());
		return new Bindings(request, Map.of("environment", "test"), () -> Map.of(), Instant.EPOCH)
			.with(Map.of("limit", 3.0), Map.of("x", 1L));
	}

	@Test
	void agreesWithTheInterpreter() {
		Bindings bindings = bindings();
		int direct = 0;
		for (String text : EXPRESSIONS) {
			CompiledExpression expression = environment.compile(text);
			if (expression.direct() != null) {
				direct++;
			}
			String viaInterpreter = outcome(() -> expression.program().eval(bindings));
			String viaEvaluate = outcome(() -> expression.evaluate(bindings));
			assertThat(viaEvaluate).as(text).isEqualTo(viaInterpreter);
		}
		assertThat(direct).as("expressions taken by the direct evaluator").isGreaterThan(EXPRESSIONS.size() - 5);
	}

	private interface Evaluation {

		Object run() throws CelEvaluationException;

	}

	private static String outcome(Evaluation evaluation) {
		try {
			Object value = evaluation.run();
			return "value " + value;
		}
		catch (CelEvaluationException ex) {
			return "error";
		}
	}

}
