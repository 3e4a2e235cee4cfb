#!/usr/bin/env bash
# Checks that src/vendor/cjson/cJSON.c is Debian's cJSON 1.7.15 (bookworm, with Debian's own
# patches applied, as `apt-get source cjson` unpacks it) plus our patches in
# src/vendor/cjson/patches/, applied in order with `patch -p1`, byte for byte.
#   bash tests/cjson-patches.sh            fetches the source with apt-get source (needs deb-src)
#   bash tests/cjson-patches.sh DIR        uses an unpacked source tree DIR (holding cJSON.c)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  source_dir="$1"
else
  # The version src/vendor/cjson/README.md names: a newer Debian revision would be a new vendoring.
  version=1.7.15-1+deb12u4
  (cd "$work" && apt-get source "cjson=$version" > apt.log 2>&1) || {
    cat "$work/apt.log"; echo "apt-get source cjson=$version failed: is Debian's source archive (deb-src) in apt's list? bash .ci/setup --tests adds it"; exit 1; }
  source_dir="$(ls -d "$work"/cjson-1.7.15 2>/dev/null)" || { echo "apt-get source cjson gave no cjson-1.7.15"; exit 1; }
fi
mkdir "$work/tree"
cp "$source_dir/cJSON.c" "$work/tree/cJSON.c"
for p in "$root"/src/vendor/cjson/patches/*.patch; do
  (cd "$work/tree" && patch -p1 --quiet --no-backup-if-mismatch < "$p") || { echo "does not apply: ${p#$root/}"; exit 1; }
done
if cmp -s "$work/tree/cJSON.c" "$root/src/vendor/cjson/cJSON.c"; then
  echo "cJSON.c = Debian's cJSON 1.7.15 + $(ls "$root"/src/vendor/cjson/patches/*.patch | wc -l) patches, byte for byte"
else
  diff -u "$work/tree/cJSON.c" "$root/src/vendor/cjson/cJSON.c" | head -40
  echo "src/vendor/cjson/cJSON.c differs from the patched Debian source"; exit 1
fi
