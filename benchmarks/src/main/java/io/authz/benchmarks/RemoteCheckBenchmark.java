package io.authz.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.cerbos.CerbosEngine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Remote checks per second through {@link CerbosEngine} against a running Cerbos PDP serving the project's
 * {@code policies/} (URL from the system property {@code authz.benchmark.cerbos-url}, default
 * {@code http://127.0.0.1:3592}): one manager approving one expense, the same request {@code remote/check.lua} sends
 * with wrk. 16 threads, as wrk's 16 connections. See {@code benchmarks/README.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Threads(16)
@State(Scope.Benchmark)
public class RemoteCheckBenchmark {

	private CerbosEngine engine;

	private CheckRequest request;

	@Setup(Level.Trial)
	public void setUp() {
		String url = System.getProperty("authz.benchmark.cerbos-url", "http://127.0.0.1:3592");
		// A timeout well above any latency here: the benchmark measures throughput, not failures
		this.engine = new CerbosEngine(RemoteEngineOptions.of(url).withTimeout(Duration.ofSeconds(5)));
		Principal bob = Principal.builder("bob")
			.roles("employee", "manager")
			.attribute("department", "engineering")
			.attribute("approvalLimit", 1000)
			.build();
		Resource expense = Resource.builder("expense", "7")
			.attribute("owner", "alice")
			.attribute("department", "engineering")
			.attribute("amount", 120.5)
			.attribute("currency", "EUR")
			.attribute("status", "SUBMITTED")
			.build();
		this.request = new CheckRequest("bench", bob, List.of(ResourceCheck.of(expense, "approve")), Map.of());
		CheckResult result = this.engine.check(this.request);
		if (!result.isAllAllowed()) {
			throw new IllegalStateException("Expected an allow from " + url + ": " + result);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.engine.close();
	}

	@Benchmark
	public CheckResult check() {
		return this.engine.check(this.request);
	}

}
