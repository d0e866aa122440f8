#!/usr/bin/env bash
# Talking to the merchant, measured in a real console window on its embedded default (demo workspace):
#   1. a merchant's message posted by the feed → shown in the manager's open drawer (bar p99 ≤ 250 ms): the feed
#      posts MSG_RATE messages/s for SECS s on one issue that the console has open in its drawer (Chat tab); the
#      console's probe (-Dlineone.probe.latency=FILE) logs "message <epochMs> <id> <delayMs>" per message shown.
#   2. a reply → in the outbox and on the event stream (bar p99 ≤ 100 ms): the manager 李娜 replies at REPLY_RATE/s
#      for SECS s on her open issues while listening on the stream (lineone loadgen replies).
# Usage: docs/bench/conversation.sh [SECS] [MSG_RATE] [REPLY_RATE]   (needs target/lineone.jar, xvfb-run, xdotool, curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}; mrate=${2:-20}; rrate=${3:-20}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
probe="$work/probe.log"; log="$work/console.log"
LINEONE_HOME="$work/home" java -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw -Dlineone.probe.latency="$probe" -jar target/lineone.jar >"$log" 2>&1 &
console=$!
trap 'kill $console 2>/dev/null || true; wait $console 2>/dev/null || true; cp "$probe" target/bench-conversation-probe.log 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do grep -q "merchants table ready" "$log" && break; sleep 0.1; done
url=$(grep -o "embedded backend listening on http://[0-9.:]*" "$log" | grep -o "http://.*")
api="$url/api/v1"
token() { curl -s -X POST "$api/session" -H 'Content-Type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"lineone-demo\"}" | grep -o '"token":"[^"]*"' | cut -d'"' -f4; }
feed=$(token feed); manager=$(token li.na)
merchant=$(curl -s "$api/merchants?assigned=me&limit=1" -H "Authorization: Bearer $manager" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
title="BENCH-$(date +%s)"
issue=$(curl -s -X POST "$api/issues" -H "Authorization: Bearer $feed" -H 'Content-Type: application/json' \
  -d "{\"merchantId\":\"$merchant\",\"category\":\"PRICING_ERROR\",\"priority\":\"P2\",\"title\":\"$title\"}" \
  | grep -o '"id":"iss_[^"]*"' | head -1 | cut -d'"' -f4)
echo "console: $url (embedded); the drawer shows $issue ($title)"
# The queue (Ctrl+2), the issue found by its title, selected (J) and its conversation opened (M).
# Without a window manager the keyboard goes where the pointer is: over the window's top strip.
window=$(xdotool search --sync --onlyvisible --pid "$console" --name "LineOne" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool mousemove "$((X + WIDTH / 2))" "$((Y + 15))"; sleep 0.3
xdotool key ctrl+2
sleep 2
xdotool key slash; sleep 0.3; xdotool type "$title"; sleep 0.5; xdotool key Return j m
# Warm-up: one message, and wait (up to a minute on a busy machine) until the drawer has shown it.
curl -s -o /dev/null -X POST "$api/issues/$issue/messages" -H "Authorization: Bearer $feed" \
  -H 'Content-Type: application/json' -d '{"text":"warm-up"}'
for _ in $(seq 1 600); do grep -q "^message " "$probe" 2>/dev/null && break; sleep 0.1; done
grep -q "^message " "$probe" || { import -window root target/bench-conversation-failed.png 2>/dev/null || true; echo "the drawer did not show the issue's conversation (target/bench-conversation-failed.png)"; exit 1; }
sleep 5
now_ms() { date +%s%3N; }
t0=$(now_ms)
java -jar target/lineone.jar loadgen messages --url "$url" --issue "$issue" --rate "$mrate" --duration "$secs"
t1=$(now_ms); sleep 2
echo "1. merchant message posted → shown in the open drawer, $mrate/s for $secs s:"
awk -v from="$t0" -v to="$((t1 + 2000))" '$1=="message" && $2>=from && $2<=to {print $4}' "$probe" | sort -n |
  awk '{a[NR]=$1} END {if (NR==0) {print "   no message shown (was the drawer open on the issue?)"; exit}
    p50=int(NR*0.50); if (p50<1) p50=1; p99=int(NR*0.99); if (p99<1) p99=1
    printf "   %d shown; posted → shown ms p50 %d, p99 %d, max %d\n", NR, a[p50], a[p99], a[NR]}'
awk -v from="$t0" -v to="$((t1 + 2000))" '$1=="stall" && $2>=from && $2<=to {n++; if ($3>m) m=$3}
  END {printf "   longest FX-thread gap between pulses meanwhile: %d ms\n", m}' "$probe"
echo "2. replies by 李娜, $rrate/s for $secs s:"
java -jar target/lineone.jar loadgen replies --url "$url" --rate "$rrate" --duration "$secs"
