#!/usr/bin/env bash
# Memory-safety runs of the native C tests (the core's test_* programs, test_sse,
# the examples, fuzz_replay and fuzz_sse_replay; tests/c/README.md lists them):
#   1. ASan + UBSan: a separate tree, build/asan (-DCW_SANITIZE=ON), and its ctest;
#   2. valgrind memcheck (--error-exitcode=1 --leak-check=full) on the normal
#      build, build/native: `ctest -C valgrind -L valgrind`.
# Any report fails the script (after both stages ran).
# Usage: tests/sanitize.sh [asan|valgrind]   (default both)
# CW_REPLAY_MUTATIONS=N scales the fuzz replays' mutations per file (e.g. 0 for a quick run).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-both}
failed=0

now() { date +%s%N; }
took() { local ms=$(( ($(now) - $1) / 1000000 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

if [[ $what == both || $what == asan ]]; then
  start=$(now)
  cmake -S . -B build/asan -DCW_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
  cmake --build build/asan -j2 > /dev/null
  echo "sanitize: ASan+UBSan build in $(took "$start")"
  start=$(now)
  # Leaks are errors; any UBSan report stops the test (the build also has -fno-sanitize-recover=all).
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --test-dir build/asan -j2 --output-on-failure --no-tests=error; then
    echo "sanitize: ASan+UBSan tests passed in $(took "$start")"
  else
    echo "sanitize: ASan+UBSan tests FAILED after $(took "$start")" >&2
    failed=1
  fi
fi

if [[ $what == both || $what == valgrind ]]; then
  command -v valgrind > /dev/null || { echo "sanitize: valgrind is not installed (bash .ci/setup --tests --packages-only)" >&2; exit 1; }
  start=$(now)
  # The same configuration as .ci/build; this only builds what is missing.
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build build/native -j2 > /dev/null
  if ctest --test-dir build/native -C valgrind -L valgrind -j2 --output-on-failure --no-tests=error; then
    echo "sanitize: valgrind memcheck passed in $(took "$start")"
  else
    echo "sanitize: valgrind memcheck FAILED after $(took "$start")" >&2
    failed=1
  fi
fi
exit $failed
