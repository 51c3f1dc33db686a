package io.authz.core.cel.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.runtime.CelEvaluationException;
import io.authz.core.cel.Bindings;
import io.authz.core.cel.CelEnvironment;
import io.authz.core.cel.CompiledExpression;
import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static org.assertj.core.api.Assertions.assertThat;

class TimeFunctionsTests {

	private static final CelEnvironment environment = new CelEnvironment();

	private static final Map<String, Object> REQUEST = Map.of("principal", Map.of("attr", Map.of()), "resource",
			Map.of("attr", Map.of()));

	@Test
	void nowIsTheInstantOfTheBindings() {
		cel().evaluatesTo("now()", CelTester.NOW);
		cel().holds("now() == timestamp('2024-06-01T12:00:00Z')", "now() == now()");
	}

	@Test
	void everyExpressionOfOneCheckSeesTheSameInstant() throws CelEvaluationException, InterruptedException {
		Bindings bindings = new Bindings(REQUEST, Map.of(), Map::of, Instant.now());
		CompiledExpression now = environment.compile("now()");
		Object first = now.evaluate(bindings);
		Thread.sleep(5);
		assertThat(now.evaluate(bindings)).isEqualTo(first);
		assertThat(now.evaluate(bindings.with(Map.of("c", 1L), Map.of()))).isEqualTo(first);
		assertThat(environment.compile("timeSince(now())").evaluate(bindings)).isEqualTo(Duration.ZERO);
	}

	@Test
	void withNowMovesTheClock() throws CelEvaluationException {
		Bindings bindings = new Bindings(REQUEST, Map.of(), Map::of, Instant.parse("2020-01-01T00:00:00Z"));
		Bindings later = bindings.withNow(Instant.parse("2020-01-02T00:00:00Z"));
		CompiledExpression since = environment.compile("timestamp('2020-01-01T00:00:00Z').timeSince()");
		assertThat(since.evaluate(bindings)).isEqualTo(Duration.ZERO);
		assertThat(since.evaluate(later)).isEqualTo(Duration.ofDays(1));
		assertThat(later.now()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
	}

	@Test
	void otherResolversGetTheCurrentInstant() throws CelEvaluationException {
		Instant before = Instant.now();
		Object now = environment.compile("now()").evaluate((name) -> Optional.empty());
		assertThat((Instant) now).isBetween(before, Instant.now());
	}

	@Test
	void timeSinceIsAGlobalFunctionAndAMethod() {
		cel().holds("timeSince(timestamp('2024-06-01T11:00:00Z')) == duration('1h')",
				"timestamp('2024-06-01T13:00:00Z').timeSince() == duration('-1h')");
	}

	@Test
	void timeSinceSaturatesLikeGoDurations() {
		cel().holds("timestamp('0001-01-01T00:00:00Z').timeSince() == duration('2562047h47m16.854775807s')");
		assertThat(TimeFunctions.between(Instant.MAX, Instant.MIN)).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
	}

	@Test
	void durationGettersReturnTheWholeDurationTruncatedTowardZero() {
		cel().holds("duration('3750s').getMilliseconds() == 3750000", "duration('1.5s').getMilliseconds() == 1500",
				"duration('-1.5ms').getMilliseconds() == -1", "duration('-59.5s').getMinutes() == 0",
				"duration('-90s').getMinutes() == -1", "duration('-1.5s').getSeconds() == -1",
				"duration('-3599s').getHours() == 0", "duration('90m').getHours() == 1");
	}

	@Test
	void timestampGettersKeepTheirMeaning() {
		cel().holds("timestamp('2024-06-01T12:00:00.250Z').getMilliseconds() == 250",
				"timestamp('2024-06-01T12:00:30Z').getSeconds() == 30",
				"timestamp('2024-06-01T12:00:00Z').getHours('+02:00') == 14");
	}

	@Test
	void nowDoesNotTakeArguments() {
		cel().doesNotCompile("now(1)");
		cel().doesNotCompile("timeSince('2024-01-01T00:00:00Z')");
	}

	@Test
	void standardFunctionsReplaceOnlyTheDurationGetters() {
		assertThat(CerbosLibrary.standardFunctions()).isNotNull();
		cel().holds("size([1, 2]) == 2", "int('42') == 42", "timestamp(0) == timestamp('1970-01-01T00:00:00Z')");
	}

}
