#!/usr/bin/env bash
# GET /merchants, one page of 50 with filters and sorts, on a backend started with a big demo book, e.g.
#   java -jar target/lineone.jar server --demo --merchants 50000 --port 18071 [--db jdbc:postgresql://…]
# Signs in as the supervisor 陈静 (who sees every merchant) and the manager 李娜 (her own book), then asks N pages
# one after another, cycling through filter/sort combinations (first pages, and a page deep in the list by its
# keyset cursor), and prints p50/p90/p99/max of curl's time_total in milliseconds.
# Usage: docs/bench/merchant-book.sh URL [N]   (needs curl; URL like http://127.0.0.1:18071)
set -euo pipefail
url=${1:?server URL}; n=${2:-1000}
api="$url/api/v1"
token() { curl -s -X POST "$api/session" -H 'Content-Type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"lineone-demo\"}" | grep -o '"token":"[^"]*"' | cut -d'"' -f4; }
sup=$(token chen.jing); mgr=$(token li.na)
q() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
queries=(
  "assigned=all&limit=50"
  "assigned=all&limit=50&sort=SCORE&order=desc"
  "assigned=all&limit=50&sort=SCORE&order=asc&band=RED"
  "assigned=all&limit=50&sort=OPEN_ISSUES&order=desc"
  "assigned=all&limit=50&sort=MONEY_AT_RISK&order=desc&tier=KA"
  "assigned=all&limit=50&sort=LAST_CONTACT&order=desc"
  "assigned=all&limit=50&q=$(q 杭州)"
  "assigned=all&limit=50&q=$(q 旗舰店)&sort=SCORE&order=desc"
  "assigned=all&limit=50&category=$(q 食品生鲜)&region=$(q 浙江)&sort=NAME"
  "assigned=all&limit=50&scored=false"
)
# A deep page: the cursor after 20 pages of the score order.
cursor=""
for _ in $(seq 1 20); do
  cursor=$(curl -s "$api/merchants?assigned=all&limit=50&sort=SCORE&order=desc${cursor:+&cursor=$cursor}" \
    -H "Authorization: Bearer $sup" | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4)
done
queries+=("assigned=all&limit=50&sort=SCORE&order=desc&cursor=$cursor")
out=$(mktemp)
for i in $(seq 1 "$n"); do
  query=${queries[$((i % ${#queries[@]}))]}
  who=$sup
  if [ $((i % 5)) -eq 0 ]; then who=$mgr; query=${query/assigned=all/assigned=me}; fi
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$api/merchants?$query" -H "Authorization: Bearer $who" >>"$out"
done
bad=$(grep -vc '^200 ' "$out" || true)
awk '{print $2 * 1000}' "$out" | sort -n | awk -v bad="$bad" '{a[NR]=$1} END {
  printf "pages %d (not 200: %d)  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    NR, bad, a[int(NR*0.5)], a[int(NR*0.9)], a[int(NR*0.99)], a[NR] }'
rm -f "$out"
