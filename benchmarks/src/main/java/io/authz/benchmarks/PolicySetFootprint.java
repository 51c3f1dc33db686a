package io.authz.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.policy.PolicyFile;
import org.openjdk.jol.info.GraphLayout;

/**
 * Reports the heap a loaded policy set retains: the used heap after full collections, before and after loading
 * {@link GeneratedPolicies} (source text dropped, engine kept), and, as a cross-check, the size of the object graph
 * reachable from the engine as JOL walks it (which also counts shared objects the engine reaches, such as the CEL
 * runtime).
 * <p>
 * Run with {@code java -Xms1g -Xmx1g -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true -cp
 * benchmarks/target/benchmarks.jar io.authz.benchmarks.PolicySetFootprint [policies]}; prints one line per figure,
 * {@code name: value}.
 */
public final class PolicySetFootprint {

	private static final double MB = 1024.0 * 1024.0;

	private PolicySetFootprint() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		// Load classes and fill one-time caches with a different, small set first, so that the delta below is
		// what the large set itself retains.
		EmbeddedEngine warmUp = EmbeddedEngine.create(GeneratedPolicies.generate(10), EmbeddedEngineOptions.defaults());
		check(warmUp, 3);
		warmUp = null;
		long before = usedHeapAfterGc();
		EmbeddedEngine engine = load(count);
		long after = usedHeapAfterGc();
		check(engine, count - 1);
		String graph = objectGraphMegabytes(engine);
		System.out.printf(Locale.ROOT, "policies: %d resource policies, %d derived role sets%n", count,
				GeneratedPolicies.DERIVED_ROLE_SETS);
		System.out.printf(Locale.ROOT, "retained heap (MemoryMXBean, after GC): %.1f MB%n", (after - before) / MB);
		System.out.printf(Locale.ROOT, "engine object graph (JOL): %s MB%n", graph);
		System.out.printf(Locale.ROOT, "per policy (MemoryMXBean): %.1f KB%n", (after - before) / 1024.0 / count);
		// Keep the engine reachable until after the last measurement.
		check(engine, 0);
	}

	/**
	 * The size of the object graph reachable from the engine, as JOL walks it. JOL needs
	 * {@code -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true} on JDK 17 to read records.
	 */
	private static String objectGraphMegabytes(Object root) {
		try {
			return String.format(Locale.ROOT, "%.1f", GraphLayout.parseInstance(root).totalSize() / MB);
		}
		catch (RuntimeException ex) {
			return "unavailable (" + ex.getMessage() + ")";
		}
	}

	private static EmbeddedEngine load(int count) {
		List<PolicyFile> files = GeneratedPolicies.generate(count);
		return EmbeddedEngine.create(files, EmbeddedEngineOptions.defaults());
	}

	private static void check(EmbeddedEngine engine, int policy) {
		if (!engine.check(GeneratedPolicies.allowedCheck(policy)).isAllAllowed()) {
			throw new IllegalStateException("generated policy " + policy + " does not allow its check");
		}
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		// Collect until the figure settles: one System.gc() may leave objects that finalization or reference
		// processing releases on the next.
		for (int i = 0; i < 10; i++) {
			System.gc();
			long now = memory.getHeapMemoryUsage().getUsed();
			if (Math.abs(used - now) < 64 * 1024) {
				return now;
			}
			used = now;
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return used;
	}

}
