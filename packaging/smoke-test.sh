#!/usr/bin/env bash
# Does the installed app start? Launches the app image's own launcher (target/installer/LineOne/bin/LineOne, as
# `mvn -Pinstaller package` builds it) as a new user would: a fresh home folder, nothing configured. Passes when
#   - the console opens the demo workspace by itself and logs "merchants table ready";
#   - its database, settings and log file are where the desktop expects them (~/.local/share/LineOne,
#     ~/.config/LineOne, ~/.local/state/LineOne/logs/lineone-0.log);
#   - its log holds no WARNING or SEVERE line and no exception after running on for a while (live events, toasts);
#   - (on a real display) JavaFX's classes come from the class-data archive built at packaging time.
# Displays: with --display xvfb (the default when xvfb-run is installed) the real GTK window on the X server in
# DISPLAY, else on a virtual one (needs `apt-get install -y xvfb libgtk-3-0`); with --display monocle JavaFX's headless Monocle platform, patched in
# from the local Maven repository (the tests' openjfx-monocle), which a machine with only a JDK and Maven has after
# `mvn verify` — no X server, no GTK. Monocle disables the class-data archive (a patched module), so that check is
# skipped there.
# Usage: packaging/smoke-test.sh [--display xvfb|monocle] [APP_IMAGE_DIR]   (about 15–40 s)
set -euo pipefail
cd "$(dirname "$0")/.."
display=auto
if [ "${1:-}" = "--display" ]; then display=$2; shift 2; fi
image=${1:-target/installer/LineOne}
launcher="$image/bin/LineOne"
linger=${LINEONE_SMOKE_LINGER:-10}
[ -x "$launcher" ] || { echo "smoke: no launcher at $launcher (mvn -B -Pinstaller package first)"; exit 2; }
if [ "$display" = auto ]; then
  if command -v xvfb-run >/dev/null; then display=xvfb; else display=monocle; fi
fi

# Without a display, this script runs again inside xvfb-run; with one (DISPLAY set) it uses that.
if [ "$display" = xvfb ] && [ -z "${DISPLAY:-}" ] && [ -z "${LINEONE_SMOKE_IN_XVFB:-}" ]; then
  exec env LINEONE_SMOKE_IN_XVFB=1 xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --display xvfb "$image"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# Java takes the home folder from the user account, not from HOME: the fresh one is given as user.home.
options="-Dprism.order=sw -Duser.home=$home"
if [ "$display" = monocle ]; then
  monocle=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/org/testfx/openjfx-monocle" -name 'openjfx-monocle-17*.jar' | sort | tail -1)
  [ -n "$monocle" ] || { echo "smoke: no openjfx-monocle jar in the local Maven repository (run mvn verify once)"; exit 2; }
  options="$options --patch-module=javafx.graphics=$monocle -Dglass.platform=Monocle -Dmonocle.platform=Headless"
  options="$options -Dheadless.geometry=1600x1000-32"
else
  options="$options -Xlog:class+load=info:file=$home/class-load.txt"
fi

out="$home/stdout.txt"
# A new user: an empty home, no LINEONE_HOME, no XDG variables, no saved server (the X server's key, as xvfb-run
# sets it, stays).
env -i PATH="$PATH" HOME="$home" DISPLAY="${DISPLAY:-}" XAUTHORITY="${XAUTHORITY:-}" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="$options" \
  "$launcher" >"$out" 2>&1 &
pid=$!
log="$home/.local/state/LineOne/logs/lineone-0.log"
started=$(date +%s%N)
ready=""
for _ in $(seq 1 ${LINEONE_SMOKE_WAIT:-1800}); do
  if [ -f "$log" ] && grep -q "merchants table ready" "$log"; then ready=yes; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
seconds=$(( ($(date +%s%N) - started) / 1000000 ))
if [ -n "$ready" ]; then sleep "$linger"; fi
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

failed=0
fail() { echo "FAIL: $*"; failed=1; }
if [ -n "$ready" ]; then
  echo "ok: $(grep -o 'merchants table ready [0-9]* ms after JVM start' "$log") (seen by this script after $seconds ms)"
else
  fail "no 'merchants table ready' in the log"
fi
[ -f "$home/.local/share/LineOne/db/lineone.mv.db" ] && echo "ok: the demo database is in ~/.local/share/LineOne" \
  || fail "no database in ~/.local/share/LineOne/db"
[ -d "$home/.config/LineOne/.java/.userPrefs" ] && echo "ok: the settings are in ~/.config/LineOne" \
  || fail "no settings in ~/.config/LineOne"
[ -f "$log" ] && echo "ok: the log is $log" || fail "no log file at ~/.local/state/LineOne/logs"
[ -e "$home/.java" ] && fail "settings written to ~/.java as well"
if [ -f "$log" ]; then
  # The WARNING/SEVERE of a log line, or an exception's own line; the JVM's own lines on stdout (class loading, the
  # JAVA_TOOL_OPTIONS notice) are not the app's.
  problems=$(grep -E '^[0-9TZ:.-]+ (WARNING|SEVERE) |Exception|Error:' "$log" || true)
  if [ -n "$problems" ]; then fail "the log has warnings or errors:"; echo "$problems" | head -20; else echo "ok: no warning or error in the log ($(wc -l <"$log") lines)"; fi
fi
stray=$(grep -vE '^Picked up JAVA_TOOL_OPTIONS|^[0-9TZ:.-]+ (INFO|FINE)' "$out" | grep -E 'WARNING|SEVERE|Exception|Error' || true)
[ -z "$stray" ] || { fail "standard output/error has warnings or errors:"; echo "$stray" | head -20; }
if [ "$display" = xvfb ]; then
  shared=$(grep -c "source: shared objects file" "$home/class-load.txt" || true)
  total=$(grep -c "source:" "$home/class-load.txt" || true)
  if grep -q "javafx.scene.control.TableView source: shared objects file" "$home/class-load.txt"; then
    echo "ok: $shared of $total classes came from the runtime's class-data archive, JavaFX's among them"
  else
    fail "JavaFX's classes did not come from the class-data archive ($shared of $total classes did)"
  fi
fi
[ "$failed" = 0 ] && echo "smoke test passed ($display)" || { echo "smoke test FAILED ($display); stdout: $out"; cat "$out" | tail -20; exit 1; }
