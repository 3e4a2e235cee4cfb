/*
 * bench_exports.c: what only the stage benchmark (tests/bench/stages.js)
 * calls. Linked into build/wasm/completion_bench.wasm, beside the shipped
 * exports; the shipped js/completion.wasm does not contain it.
 */
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "json_strict.h"
#include "vendor/cjson/cJSON.h"

int cw_bench_parse(const uint8_t *json, size_t length, uint32_t max_depth);

static arena scratch;
static scan_entries entries;
static int ready;

/* The parse stage alone: cJSON's strict one-pass parse of json[0..length),
 * as cw_check runs it, the tree then dropped. Returns json_strict_end's verdict. */
int cw_bench_parse(const uint8_t *json, size_t length, uint32_t max_depth) {
    if (!ready) {
        arena_init(&scratch);
        ready = 1;
    }
    scan_error error;
    const char *end = NULL;
    json_strict_begin(json, length, max_depth, &entries, &error);
    arena_use_for_cjson(&scratch);
    cJSON *root = cJSON_ParseWithLengthOpts((const char *)json, length, &end, 0);
    arena_use_for_cjson(NULL);
    int verdict = json_strict_end(root, (const uint8_t *)end);
    arena_reset(&scratch);
    return verdict;
}
