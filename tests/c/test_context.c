/*
 * test_context.c: a context gives the same result for a call, whatever it
 * checked before: 10,000 calls cycling through valid, invalid, huge,
 * too-large and limited inputs, each compared with a fresh context's result.
 */

#include <stdio.h>
#include <stdlib.h>

#include "core_util.h"

/* What a result says, in a form that can be compared after the context
 * has moved on. */
typedef struct snapshot {
    uint32_t valid, issue_count, tape_length, number_count;
    uint32_t code[8], offset[8], line[8], column[8];
    char path[8][64];
    double number_sum;
    unsigned long tape_hash; /* ops, operands and string bytes */
} snapshot;

static void take_snapshot(const cw_result *r, const char *json, snapshot *s) {
    memset(s, 0, sizeof *s);
    s->valid = r->valid;
    s->issue_count = r->issue_count;
    for (uint32_t i = 0; i < r->issue_count && i < 8; i++) {
        s->code[i] = r->issues[i].code;
        s->offset[i] = r->issues[i].offset;
        s->line[i] = r->issues[i].line;
        s->column[i] = r->issues[i].column;
        cw_path_string(&r->issues[i], s->path[i], sizeof s->path[i]);
    }
    s->tape_length = r->tape_length;
    s->number_count = r->number_count;
    for (uint32_t i = 0; i < r->number_count; i++) s->number_sum += r->numbers[i];
    unsigned long h = 5381;
    for (uint32_t at = 0; at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        h = h * 33 + item.op * 7 + item.operand;
        for (uint32_t i = 0; i < item.length; i++) h = h * 33 + (unsigned char)item.bytes[i];
    }
    s->tape_hash = h;
}

typedef struct variant {
    const char *json; /* NULL: ask for too_large without bytes */
    size_t length;
    cw_options options;
} variant;

static char *huge_document(int choices, int broken) {
    size_t capacity = (size_t)choices * 160 + 512;
    char *out = malloc(capacity);
    if (!out) return NULL;
    size_t n = (size_t)snprintf(
        out, capacity, "{\"id\":\"c\\u00e9\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[");
    for (int i = 0; i < choices; i++)
        n += (size_t)snprintf(out + n, capacity - n,
                              "%s{\"text\":\"choice number %d with an escape\\n and some words\",\"index\":%d,"
                              "\"logprobs\":{\"k\":[%d]},\"finish_reason\":\"%s\"}",
                              i ? "," : "", i, i, i, broken && i == choices - 1 ? "bad" : "stop");
    snprintf(out + n, capacity - n, "]}");
    return out;
}

static void test_context_reuse(void) {
    tu_set_case("context reuse");
    char *huge_bad = huge_document(500, 1), *huge_good = huge_document(500, 0);
    if (!CHECK(huge_bad && huge_good)) return;
    static const char *invalid = "{\"id\":5,\"object\":\"completion\",\"created\":1.5,\"choices\":"
                                 "[{\"text\":\"t\",\"index\":0,\"finish_reason\":\"x\",\"extra\":1}]}";
    variant variants[] = {
        {SPEC_EXAMPLE, sizeof SPEC_EXAMPLE - 1, {0, 0, 0, CW_WRITE_TAPE}},
        {invalid, strlen(invalid), {0, 0, 0, CW_UNKNOWN_REJECT}},
        {huge_bad, strlen(huge_bad), {0, 0, 0, CW_WRITE_TAPE}},
        {"{\"id\":\"\\ud800\"}", 15, {0, 0, 0, 0}},
        {NULL, 100, {50, 0, 0, 0}},
        {huge_good, strlen(huge_good), {0, 0, 0, CW_WRITE_TAPE | CW_UNKNOWN_KEEP}},
        {invalid, strlen(invalid), {0, 0, 2, CW_UNKNOWN_REJECT}},
    };
    enum { VARIANTS = sizeof variants / sizeof variants[0] };
    snapshot fresh[VARIANTS], now;
    for (int v = 0; v < VARIANTS; v++) {
        cw_context *c = cw_context_new();
        if (!CHECK(c != NULL)) return;
        const cw_result *r = cw_check(c, (const uint8_t *)variants[v].json, variants[v].length, &variants[v].options);
        if (CHECK(r != NULL)) take_snapshot(r, variants[v].json, &fresh[v]);
        cw_context_free(c);
    }
    /* The variants really differ (else the comparison proves little). */
    CHECK_EQ_INT(fresh[0].valid, 1);
    CHECK_EQ_INT(fresh[5].valid, 1);
    CHECK(fresh[5].tape_length > 5000);
    CHECK_EQ_INT(fresh[2].issue_count, 1);
    CHECK_STR(fresh[2].path[0], "choices[499].finish_reason");
    CHECK_EQ_INT(fresh[6].issue_count, 3);

    int nulls = 0, mismatches = 0;
    for (int i = 0; i < 10000; i++) {
        const variant *v = &variants[i % VARIANTS];
        const cw_result *r = cw_check(ctx, (const uint8_t *)v->json, v->length, &v->options);
        if (r == NULL) {
            nulls++;
            continue;
        }
        take_snapshot(r, v->json, &now);
        if (memcmp(&now, &fresh[i % VARIANTS], sizeof now) != 0) {
            if (mismatches++ < 5)
                fprintf(stderr, "    call %d (variant %d) differs from a fresh context\n", i, i % VARIANTS);
        }
    }
    CHECK_EQ_INT(nulls, 0);
    CHECK_EQ_INT(mismatches, 0);
    free(huge_bad);
    free(huge_good);
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_context_reuse);
    return close_shared_context();
}
