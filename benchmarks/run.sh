#!/usr/bin/env bash
# Reproduces benchmarks/README.md: builds the benchmark jar and the sample app, runs the JMH suite (fixed
# parameters, -prof gc), the policy set footprint, the JFR profiles and the wrk load test, and writes everything to
# benchmarks/results/ (jmh.json, jmh.txt, footprint.txt, profiles/, load.json, table.md).
#
#   benchmarks/run.sh            the full run (about 25 minutes on 2 cores)
#   benchmarks/run.sh --quick    one short iteration of everything, to check that the harness works (figures
#                                from it mean nothing)
#
# MVN_ARGS adds Maven options (for example -o to build offline).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RESULTS="$ROOT/benchmarks/results"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
QUICK=""
if [[ "${1:-}" == "--quick" ]]; then
	QUICK=yes
fi

# shellcheck disable=SC2086
mvn -B -ntp -q ${MVN_ARGS:-} -pl sample-app,benchmarks -am package -DskipTests

rm -rf "$RESULTS"
mkdir -p "$RESULTS/profiles"
{
	echo "date: $(date -u +%FT%TZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	echo "cores: $(nproc)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "memory: $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "java: $(java -version 2>&1 | tr '\n' ' ')"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/machine.txt"

JMH_OPTS=()
PROFILE_OPTS=(-wi 5 -w 2 -i 5 -r 3)
LOAD_PROFILE_OPTS=(-wi 1 -i 2)
if [[ -n "$QUICK" ]]; then
	JMH_OPTS=(-wi 1 -w 1 -i 1 -r 1 -f 1)
	PROFILE_OPTS=(-wi 1 -w 1 -i 1 -r 1)
	LOAD_PROFILE_OPTS=(-wi 0 -i 1)
	export DURATION=5s WARMUP=3s ROUNDS=1 PROFILE_SECONDS=5
fi

# 1. The JMH suite: iterations, forks and JVM options are fixed in each benchmark's annotations.
java -jar "$JAR" 'io\.authz\.benchmarks\..*' "${JMH_OPTS[@]}" -prof gc -rf json -rff "$RESULTS/jmh.json" \
	| tee "$RESULTS/jmh.txt"
echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt"

# 2. Retained heap of 1,000 generated policies.
java -Xms1g -Xmx1g -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true -cp "$JAR" \
	io.authz.benchmarks.PolicySetFootprint 1000 | tee "$RESULTS/footprint.txt"

# 3. JFR profiles (separate runs, so that recording does not touch the figures above).
PROFILER="jfr:dir=$RESULTS/profiles;postProcessor=io.authz.benchmarks.JfrSummary"
for benchmark in EmbeddedEngineBenchmark.expenseSingleDecision MethodSecurityBenchmark.authorizePolicy \
	MethodSecurityBenchmark.preAuthorizeRule; do
	java -jar "$JAR" "$benchmark\$" -bm avgt -f 1 "${PROFILE_OPTS[@]}" -prof "$PROFILER" \
		>"$RESULTS/profiles/$benchmark.log"
done
java -jar "$JAR" 'PolicySetLoadBenchmark.warmLoad$' -f 1 "${LOAD_PROFILE_OPTS[@]}" -prof "$PROFILER" \
	>"$RESULTS/profiles/PolicySetLoadBenchmark.warmLoad.log"
echo "JFR recordings and summaries: $RESULTS/profiles/*/summary.txt"

# 4. The sample app under load, with and without authz.
RESULTS_DIR="$RESULTS" "$ROOT/benchmarks/load/run-load.sh"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt"

# 5. The results table.
java -cp "$JAR" io.authz.benchmarks.Report "$RESULTS" | tee "$RESULTS/table.md"
