#!/bin/sh
# LineOne's launcher on Linux, put in place of jpackage's by packaging/BuildInstaller.java. jpackage's own launcher
# asks rpm and then dpkg which package it belongs to before it starts Java, on every launch, and `dpkg -S` reads the
# whole package database: 0.5–0.7 s before the window can even begin. This one starts the bundled runtime at once
# with what LineOne.cfg holds (the build writes its options and class path below, in the cfg's order, which is also
# the order lib/app/make-class-archive.sh gives the class-data archive).
# The physical path, as make-class-archive.sh sees it: a menu entry or a symlink to this file finds the same archive.
image=$(dirname "$(dirname "$(readlink -f "$0")")")
app=$image/lib/app
exec "$image/lib/runtime/bin/java" @JAVA_OPTIONS@ -cp "@CLASS_PATH@" @MAIN_CLASS@ "$@"
