#!/usr/bin/env bash
# Console cold start to a usable merchants table on the embedded default (targets: first launch ≤ 2.5 s, later
# launches ≤ 1.5 s). Launches the console RUNS times (a new JVM each time, one data directory shared by all runs, so
# run 1 also seeds the demo workspace and the others reuse it, and each later run finds the book the one before kept)
# and reads what the console logs: "merchants table ready N ms after JVM start" — rows a person can sort, search and
# filter: the last session's kept book on a later launch, the server's first page otherwise — and the start-up
# timeline ("start-up: toolkit N ms, window N, backend listening N, signed in N, snapshot rows N, first page N, …"),
# whose "first page" is when the server's own rows were in the table and "table shown" the first layout pass after the
# table's rows were in (the table as the person sees it). The figures it sums up count from the launch (the command
# started), as a person does: the timeline's, which count from the JVM's start, plus the launcher's work before that.
#   docs/bench/cold-start.sh [RUNS]                 java -jar target/lineone.jar
#   docs/bench/cold-start.sh --cds [RUNS]           the same with an AppCDS archive (target/lineone.jsa, made first
#                                                   by a training run of the jar: JDK 17 has no -XX:+AutoCreateSharedArchive)
#   docs/bench/cold-start.sh --installed [RUNS]     the app image's launcher, target/installer/LineOne/bin/LineOne
#                                                   (mvn -B -Pinstaller package), with the archive it was built with
# LINEONE_BENCH_JAVA_OPTIONS="-XX:+UseSerialGC" adds JVM options to every measured launch (to try them one by one).
# Under Xvfb when there is no DISPLAY. Also prints the machine's load average: on a busy machine the figures say little.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=jar
case "${1:-}" in --jar) shift ;; --cds) mode=cds; shift ;; --installed) mode=installed; shift ;; esac
runs=${1:-6}
if [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_BENCH_IN_XVFB:-}" ]; then
  exec env LINEONE_BENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "--$mode" "$runs"
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
console() { # runs the console in the chosen mode with extra JVM options $1, output to $2
  case "$mode" in
    # exec: the background job is then the JVM itself, which the kill below must reach.
    jar) LINEONE_HOME="$home/data" exec java -Dprism.order=sw $1 -jar target/lineone.jar >"$2" 2>&1 ;;
    cds) LINEONE_HOME="$home/data" exec java -Dprism.order=sw -XX:SharedArchiveFile=target/lineone.jsa $1 \
           -jar target/lineone.jar >"$2" 2>&1 ;;
    installed) LINEONE_HOME="$home/data" JAVA_TOOL_OPTIONS="-Dprism.order=sw $1" \
           exec target/installer/LineOne/bin/LineOne >"$2" 2>&1 ;;
  esac
}
launch() {
  local log="$home/data/logs/lineone-0.log"
  rm -f "$log"
  local started
  started=$(date +%s%3N)
  console "${LINEONE_BENCH_JAVA_OPTIONS:-}" "$home/out.txt" &
  local pid=$!
  # Until the timeline is logged: the server's book is then in and kept for the next run.
  for _ in $(seq 1 1200); do
    if grep -q "start-up:" "$log" 2>/dev/null; then break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # The timeline counts from the JVM's start; a person counts from the launch. The gap between them (the launcher's
  # own work before Java starts) comes from the time the "table ready" line was logged, less its figure.
  local ready live shown before
  shown=$(grep -o "table shown [0-9]*" "$log" 2>/dev/null | grep -o "[0-9]*" || echo "none")
  ready=$(grep -o "merchants table ready [0-9]* ms" "$log" 2>/dev/null | grep -o "[0-9]*" || echo "none")
  live=$(grep -o "first page [0-9]*" "$log" 2>/dev/null | grep -o "[0-9]*" || echo "none")
  before=$(( $(date -d "$(grep "merchants table ready" "$log" | cut -d' ' -f1)" +%s%3N) - ready - started ))
  echo "$(( ready + before )) $(( live + before )) $(( shown + before )) $before $(grep -o "merchants table ready .*" "$log" 2>/dev/null | grep -o "(.*)")|$(grep -o "start-up: .*" "$log" 2>/dev/null)"
}
case "$mode" in
  cds)
    # The dump step: a first launch on a data folder of its own, leaving by itself once the table is ready.
    training=$(mktemp -d)
    rm -f target/lineone.jsa
    LINEONE_HOME="$training" java -Dprism.order=sw -XX:ArchiveClassesAtExit=target/lineone.jsa -Xlog:cds=error \
      -Dlineone.training=true -jar target/lineone.jar >"$home/training.txt" 2>&1 || true
    rm -rf "$training"
    [ -s target/lineone.jsa ] || { echo "no archive made (see the training output)"; cat "$home/training.txt"; exit 1; }
    echo "archive: target/lineone.jsa, $(( $(stat -c %s target/lineone.jsa) / 1024 / 1024 )) MB" ;;
  installed)
    [ -x target/installer/LineOne/bin/LineOne ] || { echo "no app image: mvn -B -Pinstaller package first"; exit 2; } ;;
esac
echo "mode: $mode${LINEONE_BENCH_JAVA_OPTIONS:+, JVM options: $LINEONE_BENCH_JAVA_OPTIONS}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
figures=()
lives=()
shows=()
for i in $(seq 1 "$runs"); do
  out=$(launch)
  read -r ms live shown before how <<<"${out%%|*}"
  [ -n "$how" ] || how="(the server rows)"
  echo "run $i: from launch: table ready $ms ms $how, laid out on screen $shown ms, the server rows $live ms; Java started $before ms after launch$([ "$i" = 1 ] && echo ' (first launch: seeds the demo workspace)')"
  echo "       ${out#*|}"
  [ "$i" = 1 ] || { figures+=("$ms"); lives+=("$live"); shows+=("$shown"); }
done
summary() { sort -n | awk -v what="$1" '{a[NR]=$1} END {print "later launches, " what ": median " a[int((NR+1)/2)] " ms, best " a[1] " ms, worst " a[NR] " ms"}'; }
printf '%s\n' "${figures[@]}" | summary "table ready"
printf '%s\n' "${shows[@]}" | summary "the table laid out on screen"
printf '%s\n' "${lives[@]}" | summary "the server rows in the table"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
