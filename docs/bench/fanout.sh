#!/usr/bin/env bash
# SSE fan-out: SUBS consoles' event streams (OkHttp's own SSE client, inside `lineone loadgen`) while the
# marketplace feed posts RATE requests/s (90 % new issues, 10 % listing changes) for SECS s. Every posted change
# must reach every stream exactly once; reported: post → delivery p50/p99/max, missing and repeated deliveries,
# and the backend's CPU (from /proc/PID/stat) and heap (after a full GC, and its peak RSS).
# Also, in the same run and first, `loadgen health` at full speed for 10 s: the bare GET /health rate, the
# machine's yardstick when it is shared.
# The backend runs alone (`server --demo --no-demo-traffic`) on a fresh H2 file, or on DB_URL (PostgreSQL: user/password in
# LINEONE_DB_USER / LINEONE_DB_PASSWORD, e.g. the one docs/bench/postgres.sh starts).
# LINEONE_BENCH_JAR runs another build's backend (to compare before/after; the load generator stays target/lineone.jar's); LINEONE_BENCH_JFR=FILE records a flight
# recording of the backend for the whole run (then `jfr view hot-methods FILE` or `jfr print --events
# jdk.ExecutionSample FILE`); LINEONE_BENCH_LOADGEN_JFR=FILE one of the load generator. The generator's own CPU
# (user/system, from the shell's `time`) is printed too: it shares the cores with the backend.
# Usage: docs/bench/fanout.sh [SUBS] [RATE] [SECS] [DB_URL]   (needs target/lineone.jar, curl, jcmd)
set -euo pipefail
cd "$(dirname "$0")/../.."
subs=${1:-500}; rate=${2:-200}; secs=${3:-60}; db=${4:-}
jar=${LINEONE_BENCH_JAR:-target/lineone.jar}; loadgen=${LINEONE_BENCH_LOADGEN_JAR:-target/lineone.jar}
work=$(mktemp -d); port=${LINEONE_BENCH_PORT:-18191}; url="http://127.0.0.1:$port"
db=${db:-"jdbc:h2:file:$work/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"}
jfr=()
if [ -n "${LINEONE_BENCH_JFR:-}" ]; then jfr=("-XX:StartFlightRecording=filename=${LINEONE_BENCH_JFR},settings=profile"); fi
# The demo's simulated merchants stay quiet, so the backend's figures are the load's alone (their traffic's queries
# grow with the queue this run builds); LINEONE_BENCH_DEMO_TRAFFIC=1 keeps them (and runs builds without the option).
quiet=(--no-demo-traffic); [ -z "${LINEONE_BENCH_DEMO_TRAFFIC:-}" ] || quiet=()
LINEONE_HOME="$work/home" java "${jfr[@]}" -jar "$jar" server --demo "${quiet[@]}" --port "$port" --db "$db" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fs "$url/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
cpu_ticks() { awk '{print $14 " " $15}' "/proc/$server/stat"; }  # user, system
syscalls() { awk '/^syscr|^syscw/ {printf "%s ", $2} END {print ""}' "/proc/$1/io" 2>/dev/null; }  # reads, writes
heap_kib() { jcmd "$server" GC.run >/dev/null; jcmd "$server" GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+"; }
echo "backend pid $server on $url ($(echo "$db" | cut -d';' -f1)), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$loadgen" io.lineone.loadgen.LoadGenerator health --url "$url" --rate 0 --duration 10 --connections 32 | tail -1
heap_before=$(heap_kib)
read -r u0 s0 < <(cpu_ticks); read -r r0 w0 < <(syscalls $server); t0=$(date +%s%N)
( peak=0; while kill -0 "$server" 2>/dev/null; do
    n=$(awk '/^Threads/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt "$peak" ] && peak=$n && echo "$peak" >"$work/threads"; sleep 1; done ) &
sampler=$!
gen_jfr=()
if [ -n "${LINEONE_BENCH_LOADGEN_JFR:-}" ]; then gen_jfr=("-XX:StartFlightRecording=filename=${LINEONE_BENCH_LOADGEN_JFR},settings=profile"); fi
set +e
TIMEFORMAT="load generator CPU: %U s user, %S s system in %R s"
# The generator's read calls (each a stream's reader waking for what arrived), sampled until it exits.
( sleep 1; gen=$(pgrep -n -f "LoadGenerator traffic --url $url" || true)
  while [ -n "$gen" ] && kill -0 "$gen" 2>/dev/null; do s=$(syscalls "$gen"); [ -n "$s" ] && echo "$s" >"$work/gen-io"; sleep 0.5; done ) &
gen_sampler=$!
time java "${gen_jfr[@]}" -cp "$loadgen" io.lineone.loadgen.LoadGenerator traffic --url "$url" --login feed --rate "$rate" --duration "$secs" \
  --subscribers "$subs" --listings 10 --connections 32 --drain 20
status=$?
set -e
read -r u1 s1 < <(cpu_ticks); read -r r1 w1 < <(syscalls $server); t1=$(date +%s%N)
wait $gen_sampler 2>/dev/null || true
echo "backend write calls during the run: $((w1 - w0)) (read calls $((r1 - r0))); load generator read calls: $(cut -d' ' -f1 "$work/gen-io" 2>/dev/null || echo ?) (last seen)"
kill $sampler 2>/dev/null || true
heap_after=$(heap_kib)
hz=$(getconf CLK_TCK)
awk -v u="$((u1 - u0))" -v s="$((s1 - s0))" -v hz="$hz" -v ns="$((t1 - t0))" 'BEGIN {
  printf "backend CPU during the run: %.1f s (user %.1f, system %.1f) in %.1f s = %.0f %% of one core\n",
    (u + s) / hz, u / hz, s / hz, ns / 1e9, 100 * (u + s) / hz / (ns / 1e9) }'
echo "backend heap used after a full GC: before ${heap_before} KiB, after ${heap_after} KiB; peak RSS $(grep VmHWM /proc/$server/status | awk '{print $2}') KiB; peak threads $(cat "$work/threads")"
exit $status
