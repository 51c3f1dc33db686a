package io.authz.sample.policy;

import java.nio.file.Path;
import java.util.stream.Stream;

import io.authz.test.policy.PolicyTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Runs the Cerbos test suites that sit beside the project's policies, against the embedded engine. */
class PolicySuiteTests {

	@TestFactory
	Stream<DynamicNode> policies() {
		return PolicyTests.forDirectory(Path.of("../policies")).dynamicTests();
	}

}
