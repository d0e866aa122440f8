#!/bin/sh
# Makes LineOne's class-data archive (AppCDS) again, with the app's own classes too, for the place this copy of LineOne
# is in: JDK 17 ties an archive of class-path classes to each jar's absolute path and time, so one made on the build
# machine cannot serve an installed copy. The .deb's postinst runs it after installing; the packaging runs it for the
# app image in target/installer. It reads the classes a training start loaded (classes.lst) and the launcher's class
# path (LineOne.cfg), both beside it. The new archive replaces the runtime's default one only once a JVM has started
# with it; on any failure the archive of the JDK's and JavaFX's classes stays, and LineOne starts either way.
set -u
app=$(cd "$(dirname "$0")" && pwd -P)
runtime=$(cd "$app/../runtime" 2>/dev/null && pwd -P) || exit 0
list="$app/classes.lst"
archive="$runtime/lib/server/classes.jsa"
[ -f "$list" ] && [ -f "$app/LineOne.cfg" ] && [ -x "$runtime/bin/java" ] || exit 0
# The launcher's class path, in its order, with $APPDIR where the launcher puts it.
cp=$(sed -n 's/^app\.classpath=//p' "$app/LineOne.cfg" | sed "s|[\$]APPDIR|$app|g" | paste -sd: -)
partial="$archive.part"
if "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$partial" -cp "$cp" \
      -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1 \
   && "$runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$partial" -cp "$cp" -version >/dev/null 2>&1; then
  mv -f "$partial" "$archive"
  echo "LineOne: class-data archive with the app's classes for $app"
else
  rm -f "$partial"
  echo "LineOne: kept the class-data archive of the JDK's and JavaFX's classes" >&2
fi
exit 0
