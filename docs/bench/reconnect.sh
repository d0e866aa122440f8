#!/usr/bin/env bash
# A console survives a backend restart: how long after the restarted backend answers GET /health is the console
# live again (bar ≤ 3 s)? The backend runs alone (`server --demo` on an H2 file), a real console signs in to it
# as 李娜 under Xvfb with -Dlineone.probe.latency=FILE (which logs "connection <epochMs> <STATE>" lines), and the
# backend is killed with SIGKILL and started again ROUNDS times, DOWN seconds down each time.
# Usage: docs/bench/reconnect.sh [ROUNDS] [DOWN]   (needs target/lineone.jar, xvfb-run, xdotool, curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}; down=${2:-5}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d); port=${LINEONE_BENCH_PORT:-18181}; url="http://127.0.0.1:$port"
probe="$work/probe.log"
start_server() {
  LINEONE_HOME="$work/server" java -jar target/lineone.jar server --demo --port "$port" \
    --db "jdbc:h2:file:$work/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    >>"$work/server.log" 2>&1 &
  server=$!
}
health_ms() { # waits for GET /health, prints the epoch ms of its first answer
  for _ in $(seq 1 600); do
    if curl -fs "$url/api/v1/health" >/dev/null 2>&1; then date +%s%3N; return; fi
    sleep 0.05
  done
  echo "the backend did not answer" >&2; exit 1
}
start_server
trap 'kill $console $server 2>/dev/null || true; wait $console $server 2>/dev/null || true; rm -rf "$work"' EXIT
health_ms >/dev/null
LINEONE_HOME="$work/console" java -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw -Dlineone.probe.latency="$probe" -jar target/lineone.jar \
  --server "$url" >"$work/console.log" 2>&1 &
console=$!
win=$(xdotool search --sync --pid "$console" --name "LineOne" | head -1)
sleep 2
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool type --delay 20 "li.na"
xdotool key Tab; xdotool type --delay 20 "lineone-demo"; xdotool key Return
for _ in $(seq 1 300); do grep -q "connection .* LIVE" "$probe" 2>/dev/null && break; sleep 0.1; done
grep -q "connection .* LIVE" "$probe" || { echo "the console never went live" >&2; exit 1; }
echo "console signed in to $url and live"
results=()
for round in $(seq 1 "$rounds"); do
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  sleep "$down"
  start_server
  up=$(health_ms)
  live=""
  for _ in $(seq 1 200); do
    live=$(awk -v from="$up" '$1=="connection" && $3=="LIVE" && $2>=from-2000 {print $2; exit}' "$probe")
    [ -n "$live" ] && break; sleep 0.05
  done
  [ -n "$live" ] || { echo "round $round: not live 10 s after /health" >&2; exit 1; }
  results+=("$((live - up))")
  echo "round $round: /health answered, console live $((live - up)) ms later"
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {printf "restart → live after /health: median %d ms, max %d ms over %d rounds\n", a[int((NR+1)/2)], a[NR], NR}'
