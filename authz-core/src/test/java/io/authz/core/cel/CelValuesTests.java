package io.authz.core.cel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.values.CelByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CelValuesTests {

	@Test
	void toJavaRendersTimesAndBytesAsCerbosDoesInJson() {
		assertThat(CelValues.toJava(Duration.ofMillis(90_500))).isEqualTo("90.5s");
		assertThat(CelValues.toJava(Instant.parse("2024-06-01T12:00:00.120Z"))).isEqualTo("2024-06-01T12:00:00.12Z");
		assertThat(CelValues.toJava(CelByteString.copyFromUtf8("hello"))).isEqualTo("aGVsbG8=");
		assertThat(CelValues.toJava(List.of(Optional.of(Duration.ofSeconds(3)), Map.of(1L, Optional.empty()))))
			.isEqualTo(List.of("3s", Collections.singletonMap("1", null)));
	}

}
