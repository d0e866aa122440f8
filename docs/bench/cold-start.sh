#!/usr/bin/env bash
# Console cold start to a usable merchants table on the embedded default (target ≤ 2.5 s).
# Launches the built jar RUNS times (a new JVM each time, one data directory shared by all runs, so run 1
# also seeds the demo workspace and the others reuse it) and reads the figure the console logs:
# "merchants table ready N ms after JVM start".
# Usage: docs/bench/cold-start.sh [RUNS]      (needs target/lineone.jar; under Xvfb when there is no DISPLAY)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-6}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
launch() {
  local log="$home/run.log"
  LINEONE_HOME="$home" java -Dprism.order=sw -jar target/lineone.jar >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if grep -q "merchants table ready" "$log"; then break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -o "merchants table ready [0-9]* ms" "$log" | grep -o "[0-9]*" || echo "none"
}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
figures=()
for i in $(seq 1 "$runs"); do
  ms=$(launch)
  echo "run $i: $ms ms$([ "$i" = 1 ] && echo ' (first launch: seeds the demo workspace)')"
  [ "$i" = 1 ] || figures+=("$ms")
done
printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print "later launches: median " a[int((NR+1)/2)] " ms, best " a[1] " ms, worst " a[NR] " ms"}'
