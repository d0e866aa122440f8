#!/usr/bin/env bash
# A PostgreSQL for the benchmarks, from the same embedded binary the tests use (no installed server): runs in the
# foreground on PORT (default 54329), user and password `postgres`, until stopped. Then, for example:
#   LINEONE_DB_USER=postgres LINEONE_DB_PASSWORD=postgres \
#     java -jar target/lineone.jar server --demo --port 18062 --db jdbc:postgresql://127.0.0.1:54329/postgres
# Usage: docs/bench/postgres.sh [PORT]   (after `mvn -B -q test-compile`)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-54329}
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Djava.io.tmpdir=target -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.lineone.testing.BenchPostgres "$port"
