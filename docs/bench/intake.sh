#!/usr/bin/env bash
# Issue intake on PostgreSQL (issue 12), all in one run on the same machine and the same PostgreSQL: GET /health
# (the bare baseline), POST /issues with the load generator, then pgbench of the same transaction shape
# (docs/bench/intake-pgbench.sql), POST /issues paced at half of pgbench's rate (latency below saturation), and
# pgbench of the intake shape with the old locked event counter (intake-pgbench-locked.sql).
# The PostgreSQL is the tests' embedded one (docs/bench/postgres.sh), the backend `lineone server` in its own JVM.
# Usage: docs/bench/intake.sh [SECONDS] [CONNECTIONS] [POOL]   (defaults 20 32 16;
#   after `mvn -B -q package -DskipTests` and `mvn -B -q test-compile`). PGPORT (54339) and PORT (18071) may be set.
#   BASE_JAR=path/to/lineone.jar also measures POST /issues of that build (say, the one before issue 12) in the same
#   run, on a database of its own.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-20}
conns=${2:-32}
pool=${3:-16}
pgport=${PGPORT:-54339}
port=${PORT:-18071}
pgbench=${PGBENCH:-$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)}
url=http://127.0.0.1:$port
export PGPASSWORD=postgres
pgpid=""
serverpid=""
trap 'kill $serverpid $pgpid 2>/dev/null || true' EXIT

docs/bench/postgres.sh "$pgport" > target/bench-intake-postgres.log 2>&1 &
pgpid=$!
until psql -h 127.0.0.1 -p "$pgport" -U postgres -qtc "select 1" postgres > /dev/null 2>&1; do sleep 0.5; done
psql -h 127.0.0.1 -p "$pgport" -U postgres -q -c "drop database if exists intake" -c "create database intake" postgres

# The demo's simulated merchants stay quiet: their queries grow with the queue this run builds.
LINEONE_DB_USER=postgres LINEONE_DB_PASSWORD=postgres java -jar target/lineone.jar server --demo --no-demo-traffic --port "$port" \
  --db-pool "$pool" --db "jdbc:postgresql://127.0.0.1:$pgport/intake" > target/bench-intake-server.log 2>&1 &
serverpid=$!
until curl -sf "$url/api/v1/health" > /dev/null; do sleep 0.5; done

echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up (not reported)"
java -jar target/lineone.jar loadgen issues --url "$url" --rate 0 --duration 10 --connections "$conns" > /dev/null
echo "== GET /health, $conns connections, ${secs}s"
java -jar target/lineone.jar loadgen health --url "$url" --rate 0 --duration "$secs" --connections "$conns" | tail -3
echo "== POST /issues, $conns connections, ${secs}s, pool $pool"
java -jar target/lineone.jar loadgen issues --url "$url" --rate 0 --duration "$secs" --connections "$conns" | tail -3
echo "== pgbench, the same transaction, $conns clients, ${secs}s"
"$pgbench" -n -h 127.0.0.1 -p "$pgport" -U postgres -c "$conns" -j 2 -T "$secs" \
  -f docs/bench/intake-pgbench.sql intake | grep -E "^tps|latency average|failed" | tee target/bench-intake-pgbench.txt
# Latency below saturation: POST /issues paced at half of what pgbench reached (the issue's aim), after 5 s that let
# the backend's event hub read past pgbench's own event rows.
half=$(awk '/^tps/ {printf "%d", $3 / 2}' target/bench-intake-pgbench.txt)
java -jar target/lineone.jar loadgen issues --url "$url" --rate 0 --duration 5 --connections "$conns" > /dev/null
echo "== POST /issues paced at ${half}/s (half of pgbench), $conns connections, ${secs}s"
java -jar target/lineone.jar loadgen issues --url "$url" --rate "$half" --duration "$secs" --connections "$conns" | tail -1
echo "== pgbench, the same with the locked event counter (before issue 12), $conns clients, ${secs}s"
"$pgbench" -n -h 127.0.0.1 -p "$pgport" -U postgres -c "$conns" -j 2 -T "$secs" \
  -f docs/bench/intake-pgbench-locked.sql intake | grep -E "^tps|latency average|failed"
if [ -n "${BASE_JAR:-}" ]; then
  kill "$serverpid"; wait "$serverpid" 2>/dev/null || true
  psql -h 127.0.0.1 -p "$pgport" -U postgres -q -c "drop database if exists intake_base" -c "create database intake_base" postgres
  LINEONE_DB_USER=postgres LINEONE_DB_PASSWORD=postgres java -jar "$BASE_JAR" server --demo --port "$port" \
    --db "jdbc:postgresql://127.0.0.1:$pgport/intake_base" > target/bench-intake-base-server.log 2>&1 &
  serverpid=$!
  until curl -sf "$url/api/v1/health" > /dev/null; do sleep 0.5; done
  java -jar target/lineone.jar loadgen issues --url "$url" --rate 0 --duration 10 --connections "$conns" > /dev/null
  echo "== POST /issues of $BASE_JAR, $conns connections, ${secs}s"
  java -jar target/lineone.jar loadgen issues --url "$url" --rate 0 --duration "$secs" --connections "$conns" | tail -1
fi
