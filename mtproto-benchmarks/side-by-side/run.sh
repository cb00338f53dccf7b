#!/usr/bin/env bash
# Starts ONE standalone test DC, then measures mtcute, our client on JDK 17 and our client on JDK 25 against
# it, one after the other (never two clients at once), and prints the table. See README.md.
#
# Environment (all optional):
#   MEASURE_SECONDS (10), WARMUP_SECONDS (8), IN_FLIGHT (256), CLIENTS (100): what is measured
#   JAVA17 (java on the PATH), JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java): the JDKs for our side
#   DC_JAVA ($JAVA17): the JDK the test DC runs on; PORT (ephemeral): the DC's port
#   DC_JAR, BENCH_JAR: the standalone DC and the benchmarks jar (default: this checkout's target/)
#   JAVA_OPTS (-Xms512m -Xmx512m): options of our side's JVM; OUT (results/<time>): where results go
#   MTCUTE_MIDDLEWARES (default): "none" runs mtcute without its default network middlewares
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
measure_seconds=${MEASURE_SECONDS:-10}
warmup_seconds=${WARMUP_SECONDS:-8}
in_flight=${IN_FLIGHT:-256}
clients=${CLIENTS:-100}
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
dc_java=${DC_JAVA:-$java17}
dc_jar=${DC_JAR:-$root/mtproto-testkit/target/mtproto-testkit-0.1.0-SNAPSHOT-standalone.jar}
bench_jar=${BENCH_JAR:-$root/mtproto-benchmarks/target/benchmarks.jar}
read -r -a java_opts <<< "${JAVA_OPTS:--Xms512m -Xmx512m}"
out=${OUT:-$here/results/$(date +%Y%m%d-%H%M%S)}
# Each measurement gets its own process and this long before it is given up (a client that cannot talk
# to the DC would otherwise retry forever).
limit=$((warmup_seconds + measure_seconds + 180))

fail() {
    echo "run.sh: $*" >&2
    exit 1
}

[[ -f $dc_jar ]] || fail "no standalone DC at $dc_jar; build it: mvn -B -ntp -q package -DskipTests -pl mtproto-testkit -am"
[[ -f $bench_jar ]] || fail "no benchmarks jar at $bench_jar; build it: mvn -B -ntp -q package -DskipTests -pl mtproto-benchmarks -am"
[[ -d $here/node_modules/@mtcute/node ]] || fail "mtcute is not installed; run: (cd $here && npm ci)"
command -v node > /dev/null || fail "node is not on the PATH"
mkdir -p "$out"

dc_args=(--dcs 1)
[[ -n ${PORT:-} ]] && dc_args+=(--port "$PORT")
dc_pid=
stop_dc() {
    if [[ -n $dc_pid ]]; then
        kill "$dc_pid" 2> /dev/null || true
        wait "$dc_pid" 2> /dev/null || true
        dc_pid=
    fi
}
trap stop_dc EXIT

# start_dc: starts the DC and waits until it has printed its address and key.
start_dc() {
    "$dc_java" -Xms1g -Xmx1g -jar "$dc_jar" "${dc_args[@]}" > "$out/dc.out" 2>&1 &
    dc_pid=$!
    for _ in $(seq 1 120); do
        grep -q 'END RSA PUBLIC KEY' "$out/dc.out" && return 0
        kill -0 "$dc_pid" 2> /dev/null || fail "the test DC exited: $(cat "$out/dc.out")"
        sleep 0.5
    done
    fail "the test DC printed no address and key within 60 s: $(cat "$out/dc.out")"
}

# The DC makes a fresh key every start; mtcute cannot use one whose fingerprint starts with 0 (see
# README.md), so such a DC is started again.
for attempt in 1 2 3 4 5 6 7 8; do
    start_dc
    node "$here/mtcute-bench.mjs" check-key --dc-output "$out/dc.out" 2>> "$out/stderr.log" && break
    status=$?
    [[ $status -eq 3 && $attempt -lt 8 ]] || fail "mtcute cannot use the DC's key (status $status, see $out/stderr.log)"
    stop_dc
done
grep -m1 'listening on' "$out/dc.out"
if ! grep -q 'as lenient as Telegram' "$out/dc.out"; then
    echo "warning: this test DC does not say it is as lenient as Telegram's DCs; older builds answer mtcute's" \
        "odd-seqno acks with bad_msg_notification 34 and mtcute then resets its session again and again" >&2
fi

# measure SIDE-FILE COMMAND...: runs the four measurements with COMMAND, appending JSON lines to SIDE-FILE.
measure() {
    local file=$1
    shift
    local common=(--dc-output "$out/dc.out" --warmup-seconds "$warmup_seconds" --seconds "$measure_seconds")
    local runs=("pipelined --in-flight $in_flight" "sequential" "idle --clients 1" "idle --clients $clients")
    : > "$file"
    for run in "${runs[@]}"; do
        kill -0 "$dc_pid" 2> /dev/null || fail "the test DC (pid $dc_pid) is gone: killed from outside? Its output: $(cat "$out/dc.out")"
        read -r -a args <<< "$run"
        echo "  $(basename "$file" .jsonl): $run" >&2
        if ! timeout "$limit" "$@" "${args[@]}" "${common[@]}" >> "$file" 2>> "$out/stderr.log"; then
            echo "  ... failed or timed out after $limit s (see $out/stderr.log)" >&2
        fi
    done
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee "$out/load.txt"
main=dev.mtproto.benchmarks.sidebyside.SideBySideMain
measure "$out/mtcute.jsonl" node --expose-gc "$here/mtcute-bench.mjs" --middlewares "${MTCUTE_MIDDLEWARES:-default}"
measure "$out/jdk17.jsonl" "$java17" "${java_opts[@]}" -cp "$bench_jar" "$main"
if [[ -x $java25 ]]; then
    measure "$out/jdk25.jsonl" "$java25" "${java_opts[@]}" -cp "$bench_jar" "$main"
else
    echo "no JDK 25 at $java25 (set JAVA25); its column stays empty" >&2
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"

node "$here/table.mjs" "$out/mtcute.jsonl" "$out/jdk17.jsonl" "$out/jdk25.jsonl" | tee "$out/table.md"
echo "raw results: $out"
