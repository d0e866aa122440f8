#!/usr/bin/env bash
# Makes the installers' icons from the one source image, assets/lineone-icon.svg:
#   linux/LineOne.png    512×512 PNG (the .desktop entry's icon and the app image's)
#   windows/LineOne.ico  16…256 px in one .ico (the .msi, the Start menu and the shortcut)
#   macos/LineOne.icns   16…1024 px PNGs in one .icns (LineOne.app and the .dmg)
# Needs ImageMagick (`convert`). The generated files are committed: the build itself does not run this.
# Usage: packaging/make-icons.sh
set -euo pipefail
cd "$(dirname "$0")"
src=../assets/lineone-icon.svg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
png() { # size → $tmp/SIZE.png, drawn from the vector source at that size (no blurry downscaling of one bitmap)
  convert -background none -density $((96 * $1 / 1024 + 1)) "$src" -resize "$1x$1" -strip "PNG32:$tmp/$1.png"
}
for size in 16 24 32 48 64 128 256 512 1024; do png "$size"; done
cp "$tmp/512.png" linux/LineOne.png
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" \
  windows/LineOne.ico
# .icns: 'icns', the file's length, then per image a four-letter type, its length (8 + the PNG's) and the PNG.
be32() { printf "\\x$(printf %02x $(($1 >> 24 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 & 255)))"; }
entries=(icp4:16 icp5:32 icp6:64 ic07:128 ic08:256 ic09:512 ic10:1024 ic11:32 ic12:64 ic13:256 ic14:512)
body="$tmp/body"
: >"$body"
for entry in "${entries[@]}"; do
  type=${entry%%:*}; size=${entry##*:}
  printf '%s' "$type" >>"$body"
  be32 $((8 + $(stat -c %s "$tmp/$size.png"))) >>"$body"
  cat "$tmp/$size.png" >>"$body"
done
{ printf 'icns'; be32 $((8 + $(stat -c %s "$body"))); cat "$body"; } >macos/LineOne.icns
ls -l linux/LineOne.png windows/LineOne.ico macos/LineOne.icns
