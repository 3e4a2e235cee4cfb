#!/usr/bin/env bash
# Builds a seed corpus in a build directory (never committed):
#   tests/fuzz/make-corpus.sh [OUTDIR] [check|sse]    (default build/fuzz/seeds, check)
# Seeds come from tests/fixtures/**/*.json, examples/*.json and, when present,
# ../shared/conformance/JSONTestSuite/test_parsing/*. Both targets read the
# first bytes of an input as options (options_from_prefix in fuzz_check.c, the
# top of fuzz_sse.c), so each seed is written behind a few option prefixes:
#   check: the JSON as is, behind two bytes, the second 00 (fuzz_check.c's first four documents)
#     08  parse (CW_WRITE_TAPE) a CompletionResponse with the default limits
#     C9  unknownKeys keep + parse, maxDepth 1000, maxIssues 5
#     18  parse as a CompletionStreamEvent
#     48  parse under the openai profile
#     88  parse under openai-compatible
#     98  parse as an openai-compatible stream event
#   and 4801, 9801: documents 4 and 5 of fuzz_check.c's table (while it has four: 0 and 1 again)
#   sse: the JSON as the data of an event (each line a "data:" line), between
#     a comment, event, id and retry fields and a [DONE] event, behind
#     0x00  default max_event_bytes, chunk seed 0
#     0x54  default max_event_bytes, parse, chunk seed 5 (odd: the events as chat chunks)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build/fuzz/seeds}
target=${2:-check}
suite=../shared/conformance/JSONTestSuite/test_parsing

rm -rf "$out"
mkdir -p "$out"

sources=()
while IFS= read -r -d '' file; do sources+=("$file"); done < <(find tests/fixtures -type f -name '*.json' -print0 | sort -z)
for file in examples/*.json; do sources+=("$file"); done
if [[ -d $suite ]]; then
  for file in "$suite"/*; do [[ -f $file ]] && sources+=("$file"); done
else
  echo "make-corpus: $suite not found; seeding from the fixtures and examples only" >&2
fi

# The JSON of $1 as one event of a stream, then [DONE].
event_stream() {
  printf ': keep-alive\r\nevent: completion\nid: 1\n'
  sed 's/^/data: /' "$1"
  printf '\n\nretry: 3000\n\ndata: [DONE]\n\n'
}

for file in "${sources[@]}"; do
  # A flat, readable name: the path with '/' as '_' (and the leading ../shared/conformance/ dropped).
  name=${file#../shared/conformance/}
  name=${name//\//_}
  if [[ $target == sse ]]; then
    for option in 00 54; do
      { printf "\\x$option"; event_stream "$file"; } > "$out/$option-$name.sse"
    done
  else
    for option in 0800 C900 1800 4800 8800 9800 4801 9801; do
      { printf "\\x${option:0:2}\\x${option:2:2}"; cat "$file"; } > "$out/$option-$name"
    done
  fi
done
echo "make-corpus: ${#sources[@]} files -> $(ls "$out" | wc -l) $target seeds in $out"
