/*
 * test_mutations.c: what must hold for any input, checked on 20,000
 * deterministic mutants of one document: one JSON-stage issue or only schema
 * issues, offsets in the input and in document order, line and column as
 * computed here independently, a tape that walks to its exact end.
 */

#include <stdio.h>

#include "core_util.h"

/* Line and column of `offset`, computed independently of the core: lines
 * end at LF, CR or CRLF; columns count UTF-16 units (4-byte UTF-8 = 2). */
static void line_column(const char *json, size_t length, size_t offset, uint32_t *line, uint32_t *column) {
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)json[i];
        if (c == '\r' && i + 1 < length && json[i + 1] == '\n') continue; /* the LF ends the line */
        if (c == '\n' || c == '\r') {
            ++*line;
            *column = 1;
        } else if ((c & 0xc0) != 0x80) {
            *column += c >= 0xf0 ? 2 : 1;
        }
    }
}

/* Checks what must hold for any input; returns the number of failed checks. */
static int check_invariants(const cw_result *r, const char *json, size_t length) {
    int failed = 0;
    if (!r) return 1;
    int stage = 0;
    for (uint32_t i = 0; i < r->issue_count; i++) stage += is_json_stage(r->issues[i].code);
    if (stage > 0 && r->issue_count != 1) failed++;
    if (r->valid != (r->issue_count == 0)) failed++;
    for (uint32_t i = 0; i < r->issue_count; i++) {
        const cw_issue *is = &r->issues[i];
        if (is->code < CW_INVALID_JSON || is->code > CW_TOO_MANY_ISSUES) failed++;
        if (is->offset > length) failed++;
        if (is->detail && strstr(is->detail, "internal")) failed++; /* scanner and cJSON disagree */
        if (i > 0 && is->code != CW_TOO_MANY_ISSUES && is->offset < r->issues[i - 1].offset) failed++;
        if (is->code == CW_TOO_MANY_ISSUES) continue;
        uint32_t line, column;
        line_column(json, length, is->offset, &line, &column);
        if (is->line != line || is->column != column) failed++;
    }
    /* A tape walks to its exact end, and input strings stay inside the input. */
    uint32_t at = 0, numbers = 0;
    while (r->valid && at < r->tape_length) {
        uint32_t word = r->tape[at];
        tape_item item = tape_next(r, json, &at);
        if (item.op < CW_TAPE_OBJECT_BEGIN || item.op > CW_TAPE_NULL) return failed + 1;
        if (item.op == CW_TAPE_NUMBER) numbers++;
        if ((item.op == CW_TAPE_STRING || item.op == CW_TAPE_KEY) && !(word & CW_TAPE_IN_STRINGS) &&
            (size_t)(item.bytes - json) + item.length > length)
            failed++;
    }
    if (at != r->tape_length || (r->valid && numbers != r->number_count)) failed++;
    return failed;
}

static void test_mutations(void) {
    tu_set_case("mutated documents");
    static const char alphabet[] = "{}[],:\"\\0123456789.eE+-tfnulx \n\r\t\xc3\xa9\xf0\x9f\x98\x80\xff";
    const char *base = "{\"id\":\"cmpl-\u00e9\xf0\x9f\x98\x80\",\r\n\"object\":\"completion\",\"created\":1677652288,"
                       "\"model\":\"m\",\n\"choices\":[{\"text\":\"a\\nb\",\"index\":0,"
                       "\"logprobs\":{\"t\":[1.5,true,null]},\"finish_reason\":\"stop\"}],"
                       "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17}}";
    size_t base_length = strlen(base);
    char json[1024];
    uint32_t seed = 12345;
    int failures = 0, valid = 0, runs = 20000;
    for (int run_index = 0; run_index < runs; run_index++) {
        memcpy(json, base, base_length);
        size_t length = base_length;
        int mutations = 1 + run_index % 3;
        for (int m = 0; m < mutations; m++) {
            seed = seed * 1103515245u + 12345u;
            size_t pos = (seed >> 8) % (length + 1);
            char c = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
            switch ((seed >> 28) % 3) {
            case 0: /* delete */
                if (pos < length) memmove(json + pos, json + pos + 1, length - pos - 1), length--;
                break;
            case 1: /* insert */
                memmove(json + pos + 1, json + pos, length - pos);
                json[pos] = c;
                length++;
                break;
            default: /* replace */
                if (pos < length) json[pos] = c;
            }
        }
        cw_options o = {0, 0, 4, CW_WRITE_TAPE | (run_index % 2 ? CW_UNKNOWN_KEEP : CW_UNKNOWN_REJECT)};
        const cw_result *r = cw_check(ctx, (const uint8_t *)json, length, &o);
        int failed = check_invariants(r, json, length);
        if (failed && failures < 5) {
            fprintf(stderr, "    mutant %d breaks %d invariants: ", run_index, failed);
            tu_print_bytes(json, length);
            fputc('\n', stderr);
            dump_issues(r);
        }
        failures += failed != 0;
        valid += r && r->valid;
    }
    CHECK_EQ_INT(failures, 0);
    CHECK(valid > 0); /* some mutants stay valid, so the tape checks ran */
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_mutations);
    return close_shared_context();
}
