#!/usr/bin/env bash
# Load test of the sample app: the same endpoint, GET /api/expenses/1 as alice (HTTP Basic), served by the same
# jar, once with authz (the @Authorize check on ExpenseService.read) and once with authz.enabled=false under
# the bench profile (sample-app/src/main/java/io/authz/sample/bench/), which leaves every other step of the request
# as it is. Each app is started on loopback, warmed up, measured with wrk, and stopped before the next one starts.
#
# Builds nothing: expects sample-app/target/sample-app.jar (mvn -pl sample-app -am package -DskipTests).
# The two configurations alternate for ROUNDS rounds and the figures are the means over the rounds; then, apart
# from the measured runs, the app with authz is profiled with JFR under the same load for PROFILE_SECONDS.
# Settings (environment): DURATION (30s), WARMUP (10s), ROUNDS (2), THREADS (1 wrk thread), CONNECTIONS (8),
# PROFILE_SECONDS (20, 0 for none), PORT_ON (18080), PORT_OFF (18090), RESULTS_DIR (benchmarks/results),
# SAMPLE_JAR.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/load"
JAR=${SAMPLE_JAR:-$ROOT/sample-app/target/sample-app.jar}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-8}
PORT_ON=${PORT_ON:-18080}
PORT_OFF=${PORT_OFF:-18090}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/benchmarks/results}
ROUNDS=${ROUNDS:-2}
PROFILE_SECONDS=${PROFILE_SECONDS:-20}
ENDPOINT=/api/expenses/1
export BENCH_CREDENTIALS=alice:alice

if [[ ! -f "$JAR" ]]; then
	echo "run-load: $JAR not found; build it first: mvn -pl sample-app -am package -DskipTests" >&2
	exit 1
fi
if ! command -v wrk >/dev/null; then
	echo "run-load: installing wrk (Debian package)"
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
mkdir -p "$RESULTS_DIR"

APP_PID=""
stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 1
		done
		kill -9 "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}
trap stop_app EXIT INT TERM

status_of() { # port path -> HTTP status as alice, or 000
	curl -s -o /dev/null -m 5 -w '%{http_code}' -u "$BENCH_CREDENTIALS" "http://127.0.0.1:$1$2" || true
}

# run_case NAME ROUND PORT EXPECTED_STATUS_OF_DAVES_EXPENSE [app arguments...]
run_case() {
	local name=$1 round=$2 port=$3 other_status=$4
	shift 4
	start_app "$name" "$port" "$other_status" "$@"
	timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/basic-auth.lua" \
		"http://127.0.0.1:$port$ENDPOINT" >/dev/null
	timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/basic-auth.lua" \
		"http://127.0.0.1:$port$ENDPOINT" | tee "$RESULTS_DIR/load-$name-$round-wrk.txt" | grep '^RESULT' \
		| sed "s/^RESULT/$name round=$round/" >>"$RESULTS_DIR/load.txt"
	stop_app
}

# start_app NAME PORT EXPECTED_STATUS_OF_DAVES_EXPENSE [app arguments and JVM options...]
start_app() {
	local name=$1 port=$2 other_status=$3
	shift 3
	local jvm=() args=()
	for arg in "$@"; do
		if [[ "$arg" == -X* ]]; then jvm+=("$arg"); else args+=("$arg"); fi
	done
	for p in "$port" "$((port + 1))"; do
		if (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "run-load: port $p is in use; set PORT_ON / PORT_OFF" >&2
			exit 1
		fi
	done
	java -Xms512m -Xmx512m "${jvm[@]}" -jar "$JAR" --spring.profiles.active=bench --server.address=127.0.0.1 \
		--server.port="$port" --management.server.port="$((port + 1))" "${args[@]}" \
		>"$RESULTS_DIR/load-$name-app.log" 2>&1 &
	APP_PID=$!
	local started=""
	for _ in $(seq 1 120); do
		if [[ $(status_of "$port" "$ENDPOINT") == 200 ]]; then
			started=yes
			break
		fi
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 1
	done
	if [[ -z "$started" ]]; then
		echo "run-load: the app ($name) did not serve $ENDPOINT within 120 s; see $RESULTS_DIR/load-$name-app.log" >&2
		exit 1
	fi
	# Proof of the configuration: alice may not read dave's expense 6 when authz decides, and may when it is off.
	local other
	other=$(status_of "$port" /api/expenses/6)
	if [[ "$other" != "$other_status" ]]; then
		echo "run-load: ($name) GET /api/expenses/6 answered $other, expected $other_status" >&2
		exit 1
	fi
}

: >"$RESULTS_DIR/load.txt"
echo "run-load: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores," \
	"wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up), GET $ENDPOINT, $ROUNDS rounds"
# Alternate the two configurations, so that a change in the machine's load does not favour one of them.
for round in $(seq 1 "$ROUNDS"); do
	run_case authz-on "$round" "$PORT_ON" 403
	run_case authz-off "$round" "$PORT_OFF" 200 --authz.enabled=false
done

# mean CASE KEY: the mean of a figure over the rounds
mean() {
	grep "^$1 " "$RESULTS_DIR/load.txt" | tr ' ' '\n' | sed -n "s/^$2=//p" \
		| awk '{ sum += $1; n++ } END { printf "%.1f", sum / n }'
}
if grep -E ' (non2xx|socket_errors)=[1-9]' "$RESULTS_DIR/load.txt" >&2; then
	echo "run-load: requests failed (above)" >&2
	exit 1
fi
ratio=$(awk -v on="$(mean authz-on rps)" -v off="$(mean authz-off rps)" 'BEGIN { printf "%.1f", 100 * on / off }')
printf '%-10s %12s %10s %10s   (mean of %s rounds)\n' case "requests/s" "p50 ms" "p99 ms" "$ROUNDS"
for c in authz-on authz-off; do
	printf '%-10s %12s %10.2f %10.2f\n' "$c" "$(mean "$c" rps)" "$(awk -v u="$(mean "$c" p50_us)" 'BEGIN{print u/1000}')" \
		"$(awk -v u="$(mean "$c" p99_us)" 'BEGIN{print u/1000}')"
done
echo "per round: $(sed -n 's/^\(authz-o[nf]*\) round=\([0-9]*\) .* rps=\([0-9.]*\) .*/\1 #\2: \3 rps/p' "$RESULTS_DIR/load.txt" | paste -sd';' -)"
echo "authz-on / authz-off throughput: $ratio% (target >= 90%)"
cat >"$RESULTS_DIR/load.json" <<JSON
{
  "date": "$(date -u +%FT%TZ)",
  "loadAverage": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "endpoint": "GET $ENDPOINT",
  "wrk": "-t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP, $ROUNDS rounds alternating",
  "authzOn": { "requestsPerSecond": $(mean authz-on rps), "p50Micros": $(mean authz-on p50_us), "p99Micros": $(mean authz-on p99_us) },
  "authzOff": { "requestsPerSecond": $(mean authz-off rps), "p50Micros": $(mean authz-off p50_us), "p99Micros": $(mean authz-off p99_us) },
  "ratioPercent": $ratio
}
JSON

# A JFR profile of the app with authz under the same load, apart from the measured runs.
if [[ "$PROFILE_SECONDS" != 0 ]]; then
	recording="$RESULTS_DIR/profiles/load-authz-on.jfr"
	mkdir -p "$RESULTS_DIR/profiles"
	start_app authz-on-profile "$PORT_ON" 403 -XX:FlightRecorderOptions=stackdepth=256
	timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/basic-auth.lua" \
		"http://127.0.0.1:$PORT_ON$ENDPOINT" >/dev/null
	# Record the warm app only: start-up and the first requests load classes and compile.
	jcmd "$APP_PID" JFR.start name=load settings=profile >/dev/null
	timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${PROFILE_SECONDS}s" -s "$HERE/basic-auth.lua" \
		"http://127.0.0.1:$PORT_ON$ENDPOINT" >/dev/null
	jcmd "$APP_PID" JFR.stop name=load filename="$recording" >/dev/null
	stop_app
	if [[ -f "$ROOT/benchmarks/target/benchmarks.jar" && -f "$recording" ]]; then
		java -cp "$ROOT/benchmarks/target/benchmarks.jar" io.authz.benchmarks.JfrSummary \
			--under=ApplicationFilterChain.doFilter \
			--focus=BasicAuthenticationFilter.doFilterInternal,ExpenseController.read,ExpenseService.read,AuthorizeAuthorizationManager.authorize,ExpenseAttributes.of,EmployeePrincipalResolver.resolve,Authorizer.check,SimpleJpaRepository.findById \
			"$recording" >"$RESULTS_DIR/profiles/load-authz-on-summary.txt"
		echo "run-load: profile of the app with authz: $RESULTS_DIR/profiles/load-authz-on-summary.txt"
	fi
fi
