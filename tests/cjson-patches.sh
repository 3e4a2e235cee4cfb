#!/usr/bin/env bash
# Checks our cJSON patch series (src/vendor/cjson/patches/, git format-patch files) on Debian's cJSON
# source, as `apt-get source cjson` unpacks it (with Debian's own patches applied):
#   1. the vendored cJSON.c is bookworm's cJSON 1.7.15 plus the series, applied with `git am` (no
#      fuzz, no 3-way merge), byte for byte, and cJSON.h is bookworm's unchanged; each patch
#      compiles on its own (-Werror), and no patch removes a line that an earlier one added;
#   2. the series also applies with `git am` to trixie's cJSON 1.7.18, each step compiles, and the
#      C tests pass against that patched 1.7.18 (ctest in build/cjson-1.7.18/native).
# It leaves a git repository, build/cjson-patches, with the branches debian-1.7.15, ours-1.7.15
# (= src/vendor/cjson), debian-1.7.18 (a child of debian-1.7.15) and ours-1.7.18: what carrying
# the series to a newer cJSON starts from (src/vendor/cjson/README.md says how).
#   bash tests/cjson-patches.sh                  both (what npm test runs)
#   bash tests/cjson-patches.sh --vendored-only  only 1 (no build; a few seconds)
#   --bookworm DIR / --trixie DIR                an unpacked source tree instead of apt-get source
# bookworm's source comes from apt's own list (deb-src: bash .ci/setup --tests adds it); trixie's
# from a list of this script's own in build/cjson-apt/, which leaves the machine's apt untouched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/vendor/cjson"
patches=("$vendor"/patches/*.patch)

# The versions src/vendor/cjson/README.md names: the vendored one (a new Debian revision of it is
# a new vendoring) and the next suite's, which the series must carry to.
vendored_version=1.7.15-1+deb12u4
next_suite=trixie next_version=1.7.18-3.1+deb13u1
vendored="${vendored_version%%-*}" next="${next_version%%-*}"

vendored_only=false bookworm_dir="" trixie_dir=""
while (($#)); do
  case $1 in
    --vendored-only) vendored_only=true ;;
    --bookworm) bookworm_dir="$2"; shift ;;
    --trixie) trixie_dir="$2"; shift ;;
    *) echo "usage: tests/cjson-patches.sh [--vendored-only] [--bookworm DIR] [--trixie DIR]" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "cjson-patches: $*" >&2; exit 1; }

# apt-get source cjson=VERSION [apt options...] into $work; prints the unpacked tree's path.
fetch_source() {
  local version=$1; shift
  (cd "$work" && apt-get "$@" source "cjson=$version" > "apt-$version.log" 2>&1) || {
    cat "$work/apt-$version.log" >&2; return 1; }
  ls -d "$work/cjson-${version%%-*}"
}

# A private apt list holding only trixie's source archive: apt-get with these options reads and
# writes build/cjson-apt/ only, never /etc/apt or /var/lib/apt.
next_apt_options() {
  local apt="$root/build/cjson-apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $next_suite main" \
    > "$apt/sources.list"
  printf '%s\n' -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d" \
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
}

# git in the scratch repository, blind to the user's configuration (am.threeWay, commit signing, ...).
git_in() {
  GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -C "$repo" -c user.name=cjson-patches \
    -c user.email=cjson-patches@localhost "$@"
}

# Commits a Debian source tree's cJSON.c and cJSON.h as branch NAME, on top of PARENT if given.
commit_debian() {
  local name=$1 source_dir=$2 parent=${3:-}
  if [[ -n $parent ]]; then git_in checkout -q -b "$name" "$parent"; else git_in checkout -q --orphan "$name"; fi
  cp "$source_dir/cJSON.c" "$source_dir/cJSON.h" "$repo/"
  git_in add cJSON.c cJSON.h
  git_in commit -q -m "Debian's cJSON, $name"
}

# git am of the series onto BASE as branch NAME: a patch that needs fuzz or a 3-way merge fails.
apply_series() {
  local name=$1 base=$2
  git_in checkout -q -b "$name" "$base"
  git_in am -q --no-3way "${patches[@]}" > "$work/am.log" 2>&1 || {
    cat "$work/am.log" >&2
    fail "the series does not apply to $base as it is (above: the patch git am stopped at). In $repo, git am is in progress: fix cJSON.c, git add it and git am --continue; or git am --abort and git am -3 the patches (a 3-way merge)"
  }
}

# Each patch on its own: cJSON.c after it compiles with our warnings, and what it removes is
# Debian's (a patch that rewrites an earlier one's lines should be folded into it).
check_steps() {
  local base=$1 name=$2 commit subject start count line
  mkdir -p "$work/step"
  git_in show "$base:cJSON.h" > "$work/step/cJSON.h"
  for commit in $(git_in rev-list --reverse "$base..$name"); do
    subject=$(git_in log -1 --format=%s "$commit")
    git_in show "$commit:cJSON.c" > "$work/step/cJSON.c"
    "${CC:-cc}" -std=c11 -fsyntax-only -Wall -Wextra -Wconversion -Werror -I "$root/src" "$work/step/cJSON.c" \
      || fail "cJSON.c does not compile after \"$subject\" on $base"
    while read -r start count; do
      (( ${count:-1} > 0 )) || continue
      git_in blame --porcelain -L "$start,+${count:-1}" "$commit^" -- cJSON.c | grep -E '^[0-9a-f]{40} ' | cut -d' ' -f1 \
        | sort -u > "$work/authors"
      while read -r line; do
        git_in merge-base --is-ancestor "$line" "$base" ||
          fail "\"$subject\" removes lines that \"$(git_in log -1 --format=%s "$line")\" added (cJSON.c line $start of its parent): fold it into that patch"
      done < "$work/authors"
    done < <(git_in diff -U0 "$commit^" "$commit" -- cJSON.c | sed -n 's/^@@ -\([0-9]*\),\{0,1\}\([0-9]*\) .*/\1 \2/p')
  done
}

repo="$root/build/cjson-patches"
rm -rf "$repo" && mkdir -p "$repo" && git_in init -q

# 1. bookworm's cJSON plus the series is the vendored cJSON.
if [[ -z $bookworm_dir ]]; then
  bookworm_dir=$(fetch_source "$vendored_version") ||
    fail "apt-get source cjson=$vendored_version failed: is Debian's source archive (deb-src) in apt's list? bash .ci/setup --tests adds it"
fi
commit_debian "debian-$vendored" "$bookworm_dir"
apply_series "ours-$vendored" "debian-$vendored"
check_steps "debian-$vendored" "ours-$vendored"
if ! cmp -s "$repo/cJSON.c" "$vendor/cJSON.c"; then
  diff -u "$repo/cJSON.c" "$vendor/cJSON.c" | head -40
  fail "src/vendor/cjson/cJSON.c differs from Debian's $vendored + the series"
fi
cmp -s "$repo/cJSON.h" "$vendor/cJSON.h" || fail "src/vendor/cjson/cJSON.h differs from Debian's $vendored"
echo "cJSON.c = Debian's cJSON $vendored + ${#patches[@]} patches (git am), byte for byte; each patch compiles and rewrites none before it"
$vendored_only && exit 0

# 2. The series on the next suite's cJSON, and the C tests against it.
if [[ -z $trixie_dir ]]; then
  mapfile -t apt_options < <(next_apt_options)
  apt-get "${apt_options[@]}" update > "$work/apt-update.log" 2>&1 || {
    cat "$work/apt-update.log" >&2; fail "apt-get update of $next_suite's source list (build/cjson-apt) failed"; }
  trixie_dir=$(fetch_source "$next_version" "${apt_options[@]}") || fail "apt-get source cjson=$next_version ($next_suite) failed"
fi
commit_debian "debian-$next" "$trixie_dir" "debian-$vendored"
apply_series "ours-$next" "debian-$next"
check_steps "debian-$next" "ours-$next"
# Our own files include src/vendor/cjson/cJSON.h, not this one: the types they share must agree.
types() { sed -n '/^\/\* cJSON Types: \*\//,/^typedef int cJSON_bool;/p' "$1"; }
if [[ -z $(types "$vendor/cJSON.h") ]] || ! diff <(types "$vendor/cJSON.h") <(types "$repo/cJSON.h") > /dev/null; then
  fail "cJSON $next's cJSON.h declares its types unlike src/vendor/cjson/cJSON.h, which our own files include"
fi
echo "the series applies to Debian's cJSON $next ($next_version) with git am, and each patch compiles"

build="$root/build/cjson-$next"
mkdir -p "$build/cjson" && cp "$repo/cJSON.c" "$repo/cJSON.h" "$build/cjson/"
if ! { cmake -S "$root" -B "$build/native" -DCMAKE_BUILD_TYPE=Release -DCW_CJSON_DIR="$build/cjson" &&
  cmake --build "$build/native" -j2; } > "$work/cmake.log" 2>&1; then
  cat "$work/cmake.log" >&2; fail "the build with cJSON $next failed"
fi
ctest --test-dir "$build/native" --output-on-failure --no-tests=error > "$work/ctest.log" 2>&1 || {
  cat "$work/ctest.log" >&2; fail "the C tests fail against cJSON $next + the series"; }
echo "the C tests pass against cJSON $next + the series: $(grep -o '[0-9]*% tests passed.*' "$work/ctest.log")"
