package io.authz.test.policy;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** How applications run their policy test suites: the example policies, as JUnit dynamic tests. */
class ExamplePolicyTests {

	@TestFactory
	Stream<DynamicNode> policies() {
		return PolicyTests.forDirectory(Path.of("src/test/resources/policies")).dynamicTests();
	}

}
