package io.authz.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the files {@code benchmarks/run.sh} writes ({@code jmh.json}, {@code footprint.txt}, {@code load.json})
 * into the Markdown results table of {@code benchmarks/README.md}, each figure next to its target and marked met or
 * not met. Run with {@code java -cp benchmarks.jar io.authz.benchmarks.Report benchmarks/results}.
 */
public final class Report {

	private static final String PENDING = "pending: remote client and cache benchmarks";

	private static final Pattern RETAINED = Pattern.compile("retained heap \\(MemoryMXBean, after GC\\): ([0-9.]+) MB");

	private static final Pattern GRAPH = Pattern.compile("engine object graph \\(JOL\\): ([0-9.]+) MB");

	private final JsonNode jmh;

	private final List<String> rows = new ArrayList<>();

	private Report(JsonNode jmh) {
		this.jmh = jmh;
	}

	public static void main(String[] args) {
		Locale.setDefault(Locale.ROOT);
		Path results = Path.of((args.length > 0) ? args[0] : "benchmarks/results");
		Report report = new Report(JsonMapper.shared().readTree(results.resolve("jmh.json").toFile()));
		report.embedded();
		report.methodSecurity();
		report.policyLoad(read(results.resolve("footprint.txt")));
		report.load(results.resolve("load.json"));
		report.pending();
		System.out.println("| what | measured | target | |");
		System.out.println("|---|---|---|---|");
		report.rows.forEach(System.out::println);
	}

	private void embedded() {
		single("expense policy (`policies/`), one decision", "EmbeddedEngineBenchmark.expenseSingleDecision");
		single("leave request policy (Cerbos `store/`), one decision", "EmbeddedEngineBenchmark.storeSingleDecision");
		double batch = score("EmbeddedEngineBenchmark.expenseBatch50x3", "avgt");
		if (!Double.isNaN(batch)) {
			double perDecision = batch / 150;
			row("embedded, `policies/`, batch of 50 resources x 3 actions",
					"%.1f µs per batch, %.0f ns per decision, %s decisions/s, %s per batch".formatted(batch / 1000,
							perDecision, thousands(1e9 / perDecision), bytes(alloc("EmbeddedEngineBenchmark.expenseBatch50x3"))),
					"≥ 400k decisions/s", 1e9 / perDecision >= 400_000);
		}
	}

	private void single(String what, String benchmark) {
		double average = score(benchmark, "avgt");
		double median = percentile(benchmark, "50.0");
		if (Double.isNaN(average)) {
			return;
		}
		row("embedded, " + what, "median %.2f µs (p99 %.2f µs)".formatted(median / 1000, percentile(benchmark, "99.0") / 1000),
				"median ≤ 1.5 µs", median <= 1500);
		row("embedded, " + what, "mean %.2f µs: %s decisions/s on one thread, %s per decision".formatted(average / 1000,
				thousands(1e9 / average), bytes(alloc(benchmark))), "≥ 400k decisions/s", 1e9 / average >= 400_000);
	}

	private void methodSecurity() {
		String prefix = "method.MethodSecurityBenchmark.";
		double rule = score(prefix + "preAuthorizeRule", "avgt");
		double policy = score(prefix + "authorizePolicy", "avgt");
		if (Double.isNaN(rule) || Double.isNaN(policy)) {
			return;
		}
		for (String[] variant : new String[][] { { "noSecurity", "(a) no security" },
				{ "preAuthorizeRule", "(b) `@PreAuthorize` reference rule (SpEL)" },
				{ "preAuthorizeRole", "(c) `@PreAuthorize(\"hasRole('MANAGER')\")`" },
				{ "authorizePolicy", "(d) `@Authorize`, same rule as a Cerbos policy, embedded engine" },
				{ "engineOnly", "(e) the decision of (d) alone, straight on the engine" } }) {
			String name = prefix + variant[0];
			row("method call, " + variant[1], "mean %s, median %s, %s per call".formatted(time(score(name, "avgt")),
					time(percentile(name, "50.0")), bytes(alloc(name))), "", null);
		}
		row("`@Authorize` / `@PreAuthorize` rule, time per call", "%.2fx".formatted(policy / rule), "≤ 0.5x",
				policy / rule <= 0.5);
		double allocated = alloc(prefix + "authorizePolicy");
		row("`@Authorize`, allocated per call", bytes(allocated), "≤ 4 KB", allocated <= 4096);
	}

	private void policyLoad(String footprint) {
		double first = score("PolicySetLoadBenchmark.firstLoad", "ss");
		double warm = score("PolicySetLoadBenchmark.warmLoad", "ss");
		if (!Double.isNaN(first)) {
			row("1,000 generated policies, load in a fresh JVM (`EmbeddedEngine.create`)",
					"%.2f s (mean of %d JVMs)".formatted(first / 1000, count("PolicySetLoadBenchmark.firstLoad", "ss")),
					"≤ 2 s", first <= 2000);
		}
		if (!Double.isNaN(warm)) {
			row("1,000 generated policies, reload in a warm JVM", "%.2f s".formatted(warm / 1000), "", null);
		}
		Matcher retained = RETAINED.matcher(footprint);
		if (retained.find()) {
			double mb = Double.parseDouble(retained.group(1));
			Matcher graph = GRAPH.matcher(footprint);
			row("1,000 generated policies, retained heap", "%.1f MB (JOL object graph %s MB)".formatted(mb,
					graph.find() ? graph.group(1) : "?"), "≤ 64 MB", mb <= 64);
		}
	}

	private void load(Path file) {
		if (!Files.isRegularFile(file)) {
			row("sample app with / without authz (wrk)", "not run", "≥ 90%", null);
			return;
		}
		JsonNode load = readJson(file);
		JsonNode on = load.get("authzOn");
		JsonNode off = load.get("authzOff");
		row("sample app, `" + load.get("endpoint").asString() + "`, authz on", latency(on), "", null);
		row("sample app, `" + load.get("endpoint").asString() + "`, authz off", latency(off), "", null);
		double ratio = load.get("ratioPercent").asDouble();
		row("sample app throughput with / without authz", "%.1f%%".formatted(ratio), "≥ 90%", ratio >= 90);
	}

	private static String latency(JsonNode run) {
		return "%.0f requests/s, p50 %.2f ms, p99 %.2f ms".formatted(run.get("requestsPerSecond").asDouble(),
				run.get("p50Micros").asDouble() / 1000, run.get("p99Micros").asDouble() / 1000);
	}

	private void pending() {
		row("embedded vs Cerbos over loopback HTTP, same check", PENDING, "≥ 300x", null);
		row("decision cache hit", PENDING, "≤ 200 ns", null);
		row("remote Cerbos client vs Cerbos direct", PENDING, "≥ 90%", null);
	}

	private void row(String what, String measured, String target, Boolean met) {
		String mark = (met == null) ? "" : (met ? "met" : "**not met**");
		this.rows.add("| %s | %s | %s | %s |".formatted(what, measured, target, mark));
	}

	private JsonNode result(String benchmark, String mode) {
		for (JsonNode result : this.jmh) {
			if (result.get("benchmark").asString().endsWith("." + benchmark)
					&& result.get("mode").asString().equals(mode)) {
				return result;
			}
		}
		return null;
	}

	private double score(String benchmark, String mode) {
		JsonNode result = result(benchmark, mode);
		return (result != null) ? result.get("primaryMetric").get("score").asDouble() : Double.NaN;
	}

	private int count(String benchmark, String mode) {
		JsonNode result = result(benchmark, mode);
		return (result != null) ? result.get("primaryMetric").get("rawData").size() : 0;
	}

	private double percentile(String benchmark, String percentile) {
		JsonNode result = result(benchmark, "sample");
		return (result != null) ? result.get("primaryMetric").get("scorePercentiles").get(percentile).asDouble()
				: Double.NaN;
	}

	private double alloc(String benchmark) {
		JsonNode result = result(benchmark, "avgt");
		JsonNode norm = (result != null) ? result.get("secondaryMetrics").get("gc.alloc.rate.norm") : null;
		return (norm != null) ? norm.get("score").asDouble() : Double.NaN;
	}

	private static String time(double nanos) {
		return (nanos < 1000) ? "%.0f ns".formatted(nanos) : "%.2f µs".formatted(nanos / 1000);
	}

	private static String bytes(double bytes) {
		if (Double.isNaN(bytes)) {
			return "? B";
		}
		return (bytes >= 1024) ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024)
				: String.format(Locale.ROOT, "%.0f B", bytes);
	}

	private static String thousands(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode readJson(Path file) {
		return JsonMapper.shared().readTree(file.toFile());
	}

}
