#!/usr/bin/env bash
# My merchants at program scale, measured in a real console window signed in as the demo supervisor 陈静, who sees
# every merchant: a backend seeded with N merchants (default 50,000), then
#   - first rows visible: from the screen asking for the book to its first page laid out in the table (bar ≤ 1 s),
#     and the time until the whole book has streamed in;
#   - keystroke → filtered table: per key typed in the search box (xdotool, real key events), from the key event to
#     the rows filtered and to the table laid out with them on the next pulse; p50/p99/max (bar ≤ 16 ms, SPEC 50 ms);
#     and the UI thread's own CPU time over that span (what a machine short of cores does not inflate);
#   - the console's heap after a full GC, with the whole book loaded.
# The console logs the figures with -Dlineone.probe.merchants=FILE ("firstRows", "allRows", "keystroke" lines); the
# probe and both logs are kept in target/bench-merchants-*.log. LINEONE_BENCH_JFR=1 records both JVMs with JFR there.
# Usage: docs/bench/merchants-scale.sh [N]   (needs target/lineone.jar, xvfb-run, xdotool, jcmd)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-50000}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
probe="$work/probe.log"; slog="$work/server.log"; clog="$work/console.log"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
jfr() { [ -n "${LINEONE_BENCH_JFR:-}" ] && echo "-XX:StartFlightRecording=filename=$PWD/target/bench-merchants-$1.jfr,settings=profile,dumponexit=true" || true; }
java -Xmx2g $(jfr server) -jar target/lineone.jar server --demo --merchants "$n" --port "$port" \
  --db "jdbc:h2:file:$work/db/lineone;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" >"$slog" 2>&1 &
server=$!
console=
# The console must end before xvfb-run takes the display away: a console whose display vanishes while the JVM exits
# runs two exit()s at once, which crash in libc (hs_err_pid*.log).
trap 'kill $console $server 2>/dev/null || true; wait $console 2>/dev/null || true; cp "$probe" target/bench-merchants-probe.log 2>/dev/null || true; cp "$slog" target/bench-merchants-server.log 2>/dev/null || true; cp "$clog" target/bench-merchants-console.log 2>/dev/null || true; rm -rf "$work"' EXIT
seeded_at=$(date +%s%3N)
for _ in $(seq 1 1800); do curl -sf "$url/api/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
echo "server: $url with $n merchants, up after $(( $(date +%s%3N) - seeded_at )) ms (seeding included)"
console_at=$(date +%s%3N)
LINEONE_HOME="$work/home" java $(jfr console) -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw \
  -Dlineone.probe.merchants="$probe" -jar target/lineone.jar --server "$url" >"$clog" 2>&1 &
console=$!
win=$(xdotool search --sync --pid "$console" --name "LineOne" | head -1)
# The window is mapped seconds before its fields take keys (the scene is still being built on a busy machine), so
# keys typed at once went nowhere and the console never signed in: type into each field, and try again until the
# console says it signed in (it is never typed into once it has: letters are shortcuts in the main window).
signed_in() { grep -q "signed in, main window shown" "$clog" 2>/dev/null; }
for _ in $(seq 1 600); do grep -q "sign-in screen shown" "$clog" 2>/dev/null && break; sleep 0.1; done
for _ in 1 2 3 4 5 6 7 8; do
  sleep 2
  signed_in && break
  xdotool windowactivate --sync "$win" >/dev/null 2>&1 || xdotool windowfocus --sync "$win" 2>/dev/null || true
  # Without a window manager the keyboard follows the pointer: rest it on the login field (window-relative), click
  # it, type; Tab to the password (a second click there lost the race with the keys typed after it).
  xdotool mousemove --window "$win" 600 336 click 1; sleep 0.3
  xdotool key ctrl+a; xdotool type --delay 30 "chen.jing"; xdotool key Tab; sleep 0.3
  xdotool key ctrl+a; xdotool type --delay 30 "lineone-demo"; xdotool key Return
  for _ in $(seq 1 450); do signed_in && break 2; sleep 0.1; done
done
signed_in || { echo "the console did not sign in"; tail -20 "$clog"; exit 1; }
echo "console signed in as 陈静 $(( $(date +%s%3N) - console_at )) ms after it was started"
# A supervisor starts at the queue: Ctrl+1 opens "Team merchants" once the main window is there.
for _ in $(seq 1 600); do grep -q "^opened" "$probe" 2>/dev/null && break; sleep 0.5; xdotool key ctrl+1; done
for _ in $(seq 1 1200); do grep -q "^allRows" "$probe" 2>/dev/null && break; sleep 0.1; done
grep -q "^allRows" "$probe" || { echo "the book did not finish loading"; tail -20 "$clog"; exit 1; }
# Into the search box (Ctrl+F), then type like a person: words, pinyin initials, digits, each erased again.
sleep 2
xdotool key --window "$win" ctrl+f
for query in hangzhou hz "hz cha" chengdu shanghai li wang 12 123 tea dian shop; do
  xdotool type --delay 120 "$query"
  sleep 0.3
  for _ in $(seq 1 ${#query}); do xdotool key --delay 120 BackSpace; done
  sleep 0.3
done
sleep 1
heap=$(jcmd "$console" GC.run >/dev/null; jcmd "$console" GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+")
awk '$1=="firstRows" {print "first rows visible " $3 " ms after the screen asked for the book (in the list after " $4 " ms; the UI thread ran " $5 " ms of the rest)"}' "$probe"
awk '$1=="allRows" {print "whole book (" $4 " merchants) in the table " $3 " ms after"}' "$probe"
label=([3]="rows filtered" [4]="table laid out" [6]="laid out, UI thread CPU")
for col in 3 4 6; do
  awk -v c="$col" '$1=="keystroke" {print $c / 1000}' "$probe" | sort -n | awk -v what="${label[$col]}" '
    {a[NR]=$1} END {
    if (NR==0) {print "no keystrokes measured for " what; exit}
    p50=int(NR*0.50); if (p50<1) p50=1; p99=int(NR*0.99); if (p99<1) p99=1
    printf "%d keystrokes, key → %s ms: p50 %.1f, p99 %.1f, max %.1f\n", NR, what, a[p50], a[p99], a[NR]}'
done
echo "console heap used after a full GC, whole book loaded: $(( heap / 1024 )) MiB"
