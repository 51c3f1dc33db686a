package io.authz.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a large policy set: {@link EmbeddedEngine#create} parses, validates and compiles generated resource
 * policies ({@link GeneratedPolicies}) held in memory. {@link #firstLoad()} is the load an application does at
 * start-up, in a fresh JVM (class loading and interpretation included); {@link #warmLoad()} is a reload in a warm
 * JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PolicySetLoadBenchmark {

	@Param("1000")
	private int policies;

	private List<PolicyFile> files;

	private EmbeddedEngine loaded;

	@Setup(Level.Trial)
	public void setUp() {
		this.files = GeneratedPolicies.generate(this.policies);
	}

	/** After the measured load: fails the run unless the loaded set decides (kept out of the first load's time). */
	@TearDown(Level.Iteration)
	public void verify() {
		EmbeddedEngine engine = this.loaded;
		this.loaded = null;
		if (engine == null || !engine.check(GeneratedPolicies.allowedCheck(this.policies - 1)).isAllAllowed()) {
			throw new IllegalStateException("the loaded policy set must allow its check");
		}
	}

	/** One load per fresh JVM: what start-up pays. */
	@Benchmark
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(value = 3, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
	public EmbeddedEngine firstLoad() {
		return load();
	}

	/** A load in a JVM that has loaded the set before: what a reload pays. */
	@Benchmark
	@Warmup(iterations = 3)
	@Measurement(iterations = 5)
	@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
	public EmbeddedEngine warmLoad() {
		return load();
	}

	private EmbeddedEngine load() {
		EmbeddedEngine engine = EmbeddedEngine.create(this.files, EmbeddedEngineOptions.defaults());
		this.loaded = engine;
		return engine;
	}

}
