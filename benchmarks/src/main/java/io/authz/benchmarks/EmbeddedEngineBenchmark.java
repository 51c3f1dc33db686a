package io.authz.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedded decisions: one resource x one action, and a batch of 50 resources x 3 actions, on the project's
 * {@code policies/} (expense approval: derived roles, variables, conditions) and on Cerbos' {@code store/}
 * (leave requests: derived roles, variables, scoped policies).
 */
@BenchmarkMode({ Mode.AverageTime, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class EmbeddedEngineBenchmark {

	private EmbeddedEngine expenses;

	private EmbeddedEngine store;

	private CheckRequest managerApproves;

	private CheckRequest expenseBatch;

	private CheckRequest leaveRequest;

	@Setup(Level.Trial)
	public void setUp() {
		this.expenses = EmbeddedEngine.create(PolicyDirectories.read(PolicyDirectories.projectPolicies()),
				EmbeddedEngineOptions.defaults());
		this.store = EmbeddedEngine.create(PolicyDirectories.read(PolicyDirectories.cerbosStore()),
				EmbeddedEngineOptions.defaults().withGlobals(Map.of("environment", "test")));
		Principal bob = Principal.builder("bob")
			.roles("employee", "manager")
			.attribute("department", "engineering")
			.attribute("approvalLimit", 1000)
			.build();
		this.managerApproves = CheckRequest.of(bob, expense(2, "alice", 450), "approve");
		List<ResourceCheck> batch = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			batch.add(ResourceCheck.of(expense(i, (i % 3 == 0) ? "bob" : "alice", 100 + i * 37), "read", "approve",
					"update"));
		}
		this.expenseBatch = new CheckRequest("batch", bob, batch, Map.of());
		Principal john = Principal.builder("john")
			.roles("employee")
			.policyVersion("20210210")
			.attributes(Map.of("department", "marketing", "geography", "GB", "team", "design"))
			.build();
		Resource leave = Resource.builder("leave_request", "XX125")
			.policyVersion("20210210")
			.attributes(Map.of("department", "marketing", "geography", "GB", "id", "XX125", "owner", "john", "team",
					"design"))
			.build();
		this.leaveRequest = CheckRequest.of(john, leave, "view:public");
		if (!this.expenses.check(this.managerApproves).isAllAllowed()
				|| !this.store.check(this.leaveRequest).isAllAllowed()) {
			throw new IllegalStateException("benchmark requests must be allowed");
		}
	}

	private static Resource expense(int id, String owner, int amount) {
		return Resource.builder("expense", String.valueOf(id))
			.attribute("owner", owner)
			.attribute("department", "engineering")
			.attribute("amount", amount)
			.attribute("currency", "EUR")
			.attribute("status", "SUBMITTED")
			.build();
	}

	/** One decision on the project's expense policy: derived role, five variables, a three-clause condition. */
	@Benchmark
	public CheckResult expenseSingleDecision() {
		return this.expenses.check(this.managerApproves);
	}

	/** 150 decisions in one check: 50 expenses x read, approve, update. */
	@Benchmark
	public CheckResult expenseBatch50x3() {
		return this.expenses.check(this.expenseBatch);
	}

	/** One decision on Cerbos' leave request policy. */
	@Benchmark
	public CheckResult storeSingleDecision() {
		return this.store.check(this.leaveRequest);
	}

}
