#!/usr/bin/env bash
# The platform's floor under the cold-start bar: a bare 8-column JavaFX table under AtlantaFX (docs/bench/TableFloor.java,
# none of LineOne's own work) started RUNS times by the app image's runtime, with its class-data archive and launcher
# options, for each ROWS (-1: an empty window, 0: a table with no rows). Prints when the toolkit was up, the window
# shown and the first layout pass done, in ms after the JVM's start (the launch adds about 0.1 s before that).
#   docs/bench/table-floor.sh [RUNS] [ROWS ...]     after mvn -B -Pinstaller package; under Xvfb without DISPLAY
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}; shift || true
sizes=("${@:--1 0 85}")
image=target/installer/LineOne
[ -x "$image/lib/runtime/bin/java" ] || { echo "no app image: mvn -B -Pinstaller package first"; exit 2; }
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$runs" ${sizes[@]}
fi
app=$(cd "$image/lib/app" && pwd -P)
# The launcher's own class path and options, so the archive made for them maps; the floor's class goes after them.
cp=$(sed -n 's/^app\.classpath=//p' "$app/LineOne.cfg" | sed "s|[\$]APPDIR|$app|g" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$app/LineOne.cfg" | paste -sd' ' -)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp:$(ls target/installer-work/javafx/*.jar | paste -sd: -)" docs/bench/TableFloor.java
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in ${sizes[@]}; do
  for _ in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    echo "rows $rows: $("$image/lib/runtime/bin/java" $options -Dprism.order=sw -cp "$cp:$out" TableFloor "$rows")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
