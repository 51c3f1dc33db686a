package io.authz.core.cel.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static io.authz.core.cel.functions.CelTester.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueFunctionsTests {

	@Test
	void idReturnsItsArgument() {
		cel().holds("id(1) == 1", "id('a') == 'a'", "id([1, 2]) == [1, 2]", "id(null) == null");
	}

	@Test
	void jsonEncodeWritesCompactJsonWithSortedKeys() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("name", "x");
		attributes.put("age", 42);
		attributes.put("tags", List.of("a", "b"));
		attributes.put("active", true);
		attributes.put("nothing", null);
		withAttributes(attributes).evaluatesTo("json.encode(P.attr)",
				"{\"active\":true,\"age\":42,\"name\":\"x\",\"nothing\":null,\"tags\":[\"a\",\"b\"]}");
		cel().evaluatesTo("json.encode({'b': {'d': 1, 'c': [1.5, 'x']}, 'a': []})",
				"{\"a\":[],\"b\":{\"c\":[1.5,\"x\"],\"d\":1}}");
		cel().evaluatesTo("json.encode('plain')", "\"plain\"");
	}

	@Test
	void jsonEncodeNumbersAsGo() {
		cel().holds("json.encode(9007199254740991) == '9007199254740991'",
				"json.encode(9007199254740992) == '\"9007199254740992\"'",
				"json.encode(-9007199254740992) == '\"-9007199254740992\"'",
				"json.encode(18446744073709551615u) == '\"18446744073709551615\"'", "json.encode(3u) == '3'",
				"json.encode(1.0) == '1'", "json.encode(-0.0) == '-0'", "json.encode(0.000001) == '0.000001'",
				"json.encode(0.0000001) == '1e-7'", "json.encode(1e21) == '1e+21'",
				"json.encode(123456789012345680000.0) == '123456789012345680000'",
				"json.encode(-2.5e-10) == '-2.5e-10'");
		cel().fails("json.encode(0.0 / 0.0)", "NaN");
		cel().fails("json.encode([1.0 / 0.0])", "Inf");
	}

	@Test
	void jsonEncodeEscapesStrings() {
		cel().evaluatesTo("json.encode('a\"b\\\\c\\n\\t\\u0001<&>é')", "\"a\\\"b\\\\c\\n\\t\\u0001<&>é\"");
	}

	@Test
	void jsonEncodeOtherValues() {
		cel().holds("json.encode(b'hello') == '\"aGVsbG8=\"'",
				"json.encode(timestamp('2024-06-01T10:00:00.120-02:00')) == '\"2024-06-01T12:00:00.12Z\"'",
				"json.encode(timestamp('2024-06-01T12:00:00Z')) == '\"2024-06-01T12:00:00Z\"'",
				"json.encode(duration('1m30.5s')) == '\"90.5s\"'", "json.encode(duration('0s')) == '\"0s\"'");
		cel().fails("json.encode({1: 'a'})", "map key");
		cel().fails("json.encode(hierarchy('a.b'))", "cannot encode");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonEncoder.encode(new Object()));
	}

	@Test
	void jsonFormats() {
		assertThat(JsonEncoder.formatDouble(100)).isEqualTo("100");
		assertThat(JsonEncoder.formatDouble(1e20)).isEqualTo("100000000000000000000");
		assertThat(JsonEncoder.formatDouble(0.1)).isEqualTo("0.1");
		assertThat(JsonEncoder.formatDouble(-1.5e300)).isEqualTo("-1.5e+300");
		assertThat(JsonEncoder.formatDuration(Duration.ofMillis(-1500))).isEqualTo("-1.5s");
		assertThat(JsonEncoder.formatInstant(Instant.parse("2024-01-01T00:00:00.000000001Z")))
			.isEqualTo("2024-01-01T00:00:00.000000001Z");
	}

}
