#!/usr/bin/env bash
# Live queue under load, measured in a real console window:
#   phase 1: issues posted at RATE1/s (default 200) for SECS s → "posted → row applied" p50/p99 (bar p99 ≤ 250 ms)
#   phase 2: a burst of RATE2 updates/s (default 1000) for SECS s, notes PATCHed onto 500 open issues in turn
#            (events without a growing queue) → longest FX-thread gap between pulses (bar ≤ 50 ms) and heap
#            after a full GC, before and after (bar: flat)
# The console runs on its embedded default with -Dlineone.probe.latency=FILE, which logs one line per applied
# issue event ("applied <epochMs> <id> <version> <delayMs>") and one per second ("stall <epochMs> <maxGapMs>").
# The load comes from the project's own generator, signed in as the demo manager 李娜, at the embedded backend.
# With LINEONE_BENCH_BACKEND=separate the backend runs in its own process (`server --demo` on a fresh H2 file, the
# SPEC's setup) and the console signs in to it as 李娜 (typed by xdotool); the heap figures are then the console's
# own, and the backend's are printed beside them.
# With LINEONE_BENCH_NICE=1 the backend and the load generator run at a low priority (nice 15): the console then gets a
# core whenever it wants one, as on a manager's desktop, where neither runs; the FX gaps are then the console's own.
# Usage: docs/bench/console-live.sh [SECS] [RATE1] [RATE2]   (needs target/lineone.jar, xvfb-run, xdotool, jcmd)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}; rate1=${2:-200}; rate2=${3:-1000}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
probe="$work/probe.log"; log="$work/console.log"
low=(); [ -z "${LINEONE_BENCH_NICE:-}" ] || low=(nice -n 15)  # nice execs the command: $! stays the JVM's pid
# LINEONE_BENCH_CONSOLE_OPTS: extra JVM options for the console, e.g. a flight recording and the GC log:
#   "-XX:StartFlightRecording=filename=/tmp/console.jfr,settings=profile -Xlog:gc:file=/tmp/console-gc.log"
read -r -a console_opts <<< "${LINEONE_BENCH_CONSOLE_OPTS:-}"
server=""
if [ "${LINEONE_BENCH_BACKEND:-embedded}" = separate ]; then
  url="http://127.0.0.1:${LINEONE_BENCH_PORT:-18171}"
  LINEONE_HOME="$work/server" "${low[@]}" java -jar target/lineone.jar server --demo --port "${url##*:}" \
    --db "jdbc:h2:file:$work/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -fs "$url/api/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
  LINEONE_HOME="$work/home" java -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw -Dlineone.probe.latency="$probe" \
    "${console_opts[@]}" -jar target/lineone.jar --server "$url" >"$log" 2>&1 &
  console=$!
else
  LINEONE_HOME="$work/home" java -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw -Dlineone.probe.latency="$probe" \
    "${console_opts[@]}" -jar target/lineone.jar >"$log" 2>&1 &
  console=$!
fi
# The probe file and the console's log are kept (target/bench-probe.log, bench-console.log) for a closer look.
# Wait for the console to end before xvfb-run stops the X server: a console whose display vanishes is ended by GDK
# calling exit() on the FX thread while the JVM's own exit (from the SIGTERM) runs: two exits at once crash in libc.
trap 'kill $console $server 2>/dev/null || true; wait $console 2>/dev/null || true; cp "$probe" target/bench-probe.log 2>/dev/null || true; cp "$log" target/bench-console.log 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "$server" ]; then
  # On a loaded machine the window may take keys before its fields do: type into each field, and try again.
  win=$(xdotool search --sync --pid "$console" --name "LineOne" | head -1)
  for _ in 1 2 3 4 5; do
    sleep 3
    xdotool windowfocus --sync "$win" 2>/dev/null || true
    xdotool mousemove 800 416 click 1 key ctrl+a type --delay 30 "li.na"
    xdotool mousemove 800 494 click 1 key ctrl+a type --delay 30 "lineone-demo"
    xdotool key Return
    for _ in $(seq 1 150); do grep -q "merchants table ready" "$log" && break 2; sleep 0.1; done
  done
fi
for _ in $(seq 1 600); do grep -q "merchants table ready" "$log" && break; sleep 0.1; done
[ -n "$server" ] || url=$(grep -o "embedded backend listening on http://[0-9.:]*" "$log" | grep -o "http://.*")
xdotool search --sync --pid "$console" --name "LineOne" windowactivate --sync key ctrl+2 >/dev/null 2>&1 || true
sleep 3
heap_of() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+"; }
heap() { heap_of "$console"; }
summarise() { # $1 = from epoch ms, $2 = to epoch ms
  awk -v from="$1" -v to="$2" '$1=="applied" && $2>=from && $2<=to {print $5}' "$probe" | sort -n |
    awk '{a[NR]=$1} END {if (NR==0) {print "no events applied"; exit}
      p50=int(NR*0.50); if (p50<1) p50=1; p99=int(NR*0.99); if (p99<1) p99=1
      printf "%d rows applied; posted → applied ms p50 %d, p99 %d, max %d\n", NR, a[p50], a[p99], a[NR]}'
  awk -v from="$1" -v to="$2" '$1=="stall" && $2>=from && $2<=to {n++; if ($3>m) {m=$3; c=$4}; if ($3>50) {over++; oc+=$4; og+=$3}}
    END {printf "longest FX-thread gap between pulses: %d ms (the FX thread ran %d ms of it); seconds with a gap over 50 ms: %d of %d", m, c, over, n;
      if (over) printf " (in those gaps it ran %d%% of the time)", 100 * oc / og; printf "\n"}' "$probe"
}
now_ms() { date +%s%3N; }
echo "console: $url (embedded), probe: $probe"
t0=$(now_ms)
"${low[@]}" java -jar target/lineone.jar loadgen issues --url "$url" --rate "$rate1" --duration "$secs" --connections 32
t1=$(now_ms); sleep 2
echo "phase 1, $rate1 issues/s for $secs s:"; summarise "$t0" "$((t1 + 2000))"
before=$(heap)
[ -z "$server" ] || server_before=$(heap_of "$server")
t2=$(now_ms)
"${low[@]}" java -jar target/lineone.jar loadgen updates --url "$url" --rate "$rate2" --duration "$secs" --connections 64 --issues 500
t3=$(now_ms); sleep 2
echo "phase 2, $rate2 issue updates/s for $secs s:"; summarise "$t2" "$((t3 + 2000))"
after=$(heap)
echo "heap used after a full GC: before the burst ${before} KiB, after ${after} KiB"
[ -z "$server" ] || echo "backend (its own process) heap used after a full GC: before ${server_before} KiB, after $(heap_of "$server") KiB"
