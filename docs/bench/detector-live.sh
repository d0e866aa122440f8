#!/usr/bin/env bash
# A feed change that trips a detector → the DETECTOR issue applied in a connected console (bar p99 ≤ 1 s, goal
# 250 ms). The console runs on its embedded default (demo workspace, 李娜 signed in) with
# -Dlineone.probe.latency=FILE, which logs "applied <epochMs> <issueId> <version> <delayMs>" per applied issue
# event, the delay counted from the issue's server-side creation (in the feed change's own transaction). The feed
# (SERVICE) then slips the decimal point of COUNT of 李娜's listings, RATE a second, each PATCH opening one issue.
# Usage: docs/bench/detector-live.sh [COUNT] [RATE]   (needs target/lineone.jar, xvfb-run, curl, python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100}; rate=${2:-5}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
work=$(mktemp -d)
probe="$work/probe.log"; log="$work/console.log"
LINEONE_HOME="$work/home" java -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw -Dlineone.probe.latency="$probe" -jar target/lineone.jar >"$log" 2>&1 &
console=$!
trap 'kill $console 2>/dev/null || true; wait $console 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do grep -q "merchants table ready" "$log" && break; sleep 0.1; done
url=$(grep -o "embedded backend listening on http://[0-9.:]*" "$log" | grep -o "http://.*")
api="$url/api/v1"
token() { curl -s -X POST "$api/session" -H 'Content-Type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"lineone-demo\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
feed=$(token feed); manager=$(token li.na)
# 李娜's live listings, read as her (her book only), until COUNT of them.
curl -s "$api/merchants?assigned=me&limit=500" -H "Authorization: Bearer $manager" |
  python3 -c 'import json,sys; [print(m["id"]) for m in json.load(sys.stdin)["items"]]' >"$work/merchants"
: >"$work/listings"
while read -r merchant && [ "$(wc -l <"$work/listings")" -lt "$count" ]; do
  curl -s "$api/merchants/$merchant/listings?limit=50" -H "Authorization: Bearer $manager" |
    python3 -c 'import json,sys
for l in json.load(sys.stdin)["items"]:
    if l["status"] == "LIVE" and not l["anomalies"] and l["priceCents"] >= 1000: print(l["id"], l["priceCents"])' \
    >>"$work/listings"
done <"$work/merchants"
listings=$(head -n "$count" "$work/listings")
sleep 5
echo "console: $url (embedded); slipping $(echo "$listings" | wc -l) listings at $rate/s"
ids="$work/issues"; : >"$ids"
pause=$(python3 -c "print(1/$rate)")
while read -r listing price; do
  curl -s -X PATCH "$api/listings/$listing" -H "Authorization: Bearer $feed" -H 'Content-Type: application/json' \
    -d "{\"priceCents\": $((price / 10))}" |
    python3 -c 'import json,sys; [print(i) for i in json.load(sys.stdin).get("openIssueIds", [])]' >>"$ids" &
  sleep "$pause"
done <<<"$listings"
wait_for=$(( $(date +%s) + 10 )); while [ "$(date +%s)" -lt "$wait_for" ]; do sleep 1; done
sort -u "$ids" >"$ids.sorted"
awk 'NR==FNR {want[$1]=1; next} $1=="applied" && ($3 in want) && $4==1 {print $5}' "$ids.sorted" "$probe" | sort -n |
  awk -v opened="$(wc -l <"$ids.sorted")" '{a[NR]=$1} END {if (NR==0) {print "no detector issue applied"; exit 1}
    p50=int(NR*0.50); if (p50<1) p50=1; p99=int(NR*0.99); if (p99<1) p99=1
    printf "%d detector issues opened, %d applied in the console; feed change → applied ms p50 %d, p99 %d, max %d\n",
      opened, NR, a[p50], a[p99], a[NR]}'
