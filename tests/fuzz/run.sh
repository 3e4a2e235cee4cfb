#!/usr/bin/env bash
# Fuzzes for a while: tests/fuzz/run.sh [SECONDS] [check|sse]   (default 60, check)
#   check: fuzz_check, cw_check on one JSON text (tests/fuzz/fuzz_check.c)
#   sse:   fuzz_sse, the event-stream parser on one stream (tests/fuzz/fuzz_sse.c)
# Builds the target with clang (libFuzzer + ASan + UBSan) in build/fuzz, seeds
# it (make-corpus.sh), runs it, prints how many inputs it ran. The corpus it
# grows stays in build/fuzz/corpus-TARGET for the next run. A crash, leak,
# timeout or violated property leaves a reproducer in build/fuzz/artifacts/,
# shows its bytes, and fails the script. Replay one with:
#   build/fuzz/fuzz_check build/fuzz/artifacts/crash-...   (or build/native/fuzz_replay FILE;
#   for sse: build/fuzz/fuzz_sse, build/native/fuzz_sse_replay)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
target=${2:-check}
build=build/fuzz
# Inputs up to 64 KiB for cw_check. An event stream needs less to reach what depends on
# its size: an event past the largest small max_event_bytes (4096) with as much stream
# again around it, the event buffers' doubling past that; a longer event only takes
# longer, and cw_check on large data is fuzz_check's. An eighth of the length, several
# times the inputs a second (tests/fuzz/README.md, "Speed").
case $target in
  check) binary=fuzz_check; max_len=65536 ;;
  sse) binary=fuzz_sse; max_len=8192 ;;
  *) echo "usage: tests/fuzz/run.sh [SECONDS] [check|sse]" >&2; exit 2 ;;
esac

cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCW_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" --target "$binary" -j2 > /dev/null
bash tests/fuzz/make-corpus.sh "$build/seeds-$target" "$target" >&2
mkdir -p "$build/corpus-$target" "$build/artifacts"

log="$build/$binary.log"
echo "fuzz: running $binary for ${seconds}s (log: $log)" >&2
status=0
started=$(date +%s)
"$build/$binary" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/json.dict -artifact_prefix="$build/artifacts/" -print_final_stats=1 \
  "$build/corpus-$target" "$build/seeds-$target" $(ls -d "tests/fuzz/regressions/$target" 2>/dev/null) > "$log" 2>&1 || status=$?

elapsed=$(( $(date +%s) - started ))
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)
echo "fuzz: $binary ran ${runs:-?} inputs in ${elapsed}s (${rate:-?}/s); $coverage"

if (( status != 0 )); then
  grep -E 'ERROR|property violated|==[0-9]+==|SUMMARY|fuzz_(check|sse).c:' "$log" | head -20 >&2 || true
  artifact=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
  if [[ -n $artifact && -f $artifact ]]; then
    echo "fuzz: FAILED; reproducer $artifact ($(stat -c %s "$artifact") bytes):" >&2
    od -A d -t x1z -v "$artifact" | head -40 >&2
  else
    echo "fuzz: FAILED (exit $status); see $log" >&2
  fi
  exit 1
fi
