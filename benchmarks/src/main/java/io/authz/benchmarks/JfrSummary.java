package io.authz.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;

/**
 * Summarises a JFR recording of a benchmark: where the benchmark thread allocates (sampled allocation weight by
 * class, by allocating frame and by the first frame in authz code) and where it spends CPU (execution samples by
 * top frame, and inclusive by method). Plugs into JMH's {@code jfr} profiler
 * ({@code -prof "jfr:postProcessor=io.authz.benchmarks.JfrSummary"}), writing {@code summary.txt} beside the
 * recording, or runs on its own: {@code java -cp benchmarks.jar io.authz.benchmarks.JfrSummary recording.jfr}.
 */
public final class JfrSummary implements JavaFlightRecorderProfiler.PostProcessor {

	private static final int TOP = 20;

	private static final String BENCHMARK_STUB = "_jmhStub";

	@Override
	public List<File> postProcess(BenchmarkParams benchmarkParams, File jfrFile) {
		String summary = summarize(jfrFile.toPath(), BENCHMARK_STUB, List.of());
		File out = new File(jfrFile.getParentFile(), "summary.txt");
		try {
			Files.writeString(out.toPath(), summary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println(summary);
		return List.of(out);
	}

	/**
	 * Summarises recordings given as arguments. Options: {@code --under=TEXT} keeps only stacks with a method whose
	 * qualified name contains the text (by default the JMH benchmark stub); {@code --focus=A,B} also prints the
	 * inclusive CPU and allocation share of each method whose qualified name ends with one of the names.
	 * @param args options and recording files
	 */
	public static void main(String[] args) {
		String under = BENCHMARK_STUB;
		List<String> focus = List.of();
		List<Path> recordings = new java.util.ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--under=")) {
				under = arg.substring("--under=".length());
			}
			else if (arg.startsWith("--focus=")) {
				focus = List.of(arg.substring("--focus=".length()).split(","));
			}
			else {
				recordings.add(Path.of(arg));
			}
		}
		for (Path recording : recordings) {
			System.out.println(summarize(recording, under, focus));
		}
	}

	static String summarize(Path recording, String under, List<String> focus) {
		Tally byClass = new Tally();
		Tally bySite = new Tally();
		Tally byLibrarySite = new Tally();
		Tally byAuthzSite = new Tally();
		Tally allocationInclusive = new Tally();
		Tally selfFrames = new Tally();
		Tally inclusiveMethods = new Tally();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				String type = event.getEventType().getName();
				if ("jdk.ObjectAllocationSample".equals(type) && inBenchmark(event.getStackTrace(), under)) {
					long weight = event.getLong("weight");
					RecordedStackTrace stack = event.getStackTrace();
					byClass.add(event.getClass("objectClass").getName(), weight);
					bySite.add(frame(stack, (name) -> true), weight);
					byLibrarySite.add(frame(stack, JfrSummary::outsideJdk), weight);
					byAuthzSite.add(frame(stack, (name) -> name.startsWith("io.authz.")), weight);
					inclusive(allocationInclusive, stack, weight, JfrSummary::outsideJdk);
				}
				else if ("jdk.ExecutionSample".equals(type) && inBenchmark(event.getStackTrace(), under)) {
					RecordedStackTrace stack = event.getStackTrace();
					selfFrames.add(frame(stack, (name) -> true), 1);
					inclusive(inclusiveMethods, stack, 1, JfrSummary::outsideJdk);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StringWriter text = new StringWriter();
		PrintWriter out = new PrintWriter(text);
		out.printf("JFR summary of %s (stacks under %s only)%n", recording,
				BENCHMARK_STUB.equals(under) ? "the benchmark method" : under);
		if (!focus.isEmpty()) {
			out.printf("%nFocus (inclusive share of execution samples / of allocation weight):%n");
			for (String name : focus) {
				out.printf(Locale.ROOT, "  %5.1f%% / %5.1f%%  %s%n", inclusiveMethods.share(name),
						allocationInclusive.share(name), name);
			}
		}
		byClass.print(out, "Allocated classes (share of sampled allocation weight)");
		bySite.print(out, "Allocating frames");
		byLibrarySite.print(out, "Allocations by first frame outside the JDK");
		byAuthzSite.print(out, "Allocations by first authz frame");
		allocationInclusive.print(out, "Allocations by method, inclusive (frames outside the JDK)");
		selfFrames.print(out, "Hot frames (self, share of execution samples)");
		inclusiveMethods.print(out, "Hot methods (inclusive, frames outside the JDK)");
		out.flush();
		return text.toString();
	}

	/** Counts the weight once for every distinct method of the stack that passes the filter. */
	private static void inclusive(Tally tally, RecordedStackTrace stack, long weight, Predicate<String> accept) {
		tally.sample(weight);
		if (stack == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		for (RecordedFrame frame : stack.getFrames()) {
			RecordedMethod method = frame.getMethod();
			if (method != null && accept.test(method.getType().getName()) && !isHarness(method)) {
				String name = method(frame);
				if (seen.add(name)) {
					tally.count(name, weight);
				}
			}
		}
	}

	/** Whether the stack runs under the given method (by default a benchmark method, not the harness around it). */
	private static boolean inBenchmark(RecordedStackTrace stack, String under) {
		if (stack == null) {
			return false;
		}
		for (RecordedFrame frame : stack.getFrames()) {
			RecordedMethod method = frame.getMethod();
			if (method != null && (method.getType().getName() + "." + method.getName()).contains(under)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isHarness(RecordedMethod method) {
		String type = method.getType().getName();
		return type.startsWith("org.openjdk.jmh.") || type.contains(".jmh_generated.");
	}

	private static boolean outsideJdk(String className) {
		return !className.startsWith("java.") && !className.startsWith("jdk.") && !className.startsWith("sun.");
	}

	private static String frame(RecordedStackTrace stack, Predicate<String> accept) {
		if (stack != null) {
			for (RecordedFrame frame : stack.getFrames()) {
				RecordedMethod method = frame.getMethod();
				if (method != null && accept.test(method.getType().getName())) {
					return method(frame) + ":" + frame.getLineNumber();
				}
			}
		}
		return "(none)";
	}

	private static String method(RecordedFrame frame) {
		RecordedMethod method = frame.getMethod();
		return (method != null) ? method.getType().getName() + "." + method.getName() : "(unknown)";
	}

	private static final class Tally {

		private final Map<String, Long> counts = new HashMap<>();

		private long total;

		/** Adds a sample to one key. */
		void add(String key, long weight) {
			count(key, weight);
			sample(weight);
		}

		/** Adds a sample to the total only; its keys are {@link #count counted} separately. */
		void sample(long weight) {
			this.total += weight;
		}

		void count(String key, long weight) {
			this.counts.merge(key, weight, Long::sum);
		}

		/** The share, in percent, of the keys that end with the name. */
		double share(String name) {
			long weight = 0;
			for (Map.Entry<String, Long> entry : this.counts.entrySet()) {
				if (entry.getKey().endsWith(name)) {
					weight = Math.max(weight, entry.getValue());
				}
			}
			return (this.total > 0) ? 100.0 * weight / this.total : 0;
		}

		void print(PrintWriter out, String title) {
			out.printf("%n%s:%n", title);
			if (this.total == 0) {
				out.println("  (no samples)");
				return;
			}
			this.counts.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(TOP)
				.forEach((entry) -> out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * entry.getValue() / this.total,
						entry.getKey()));
		}

	}

}
