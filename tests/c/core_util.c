/* core_util.c: the helpers of core_util.h (what each does is described there). */
#include "core_util.h"

#include <stdio.h>

cw_context *ctx;

int open_shared_context(void) {
    ctx = cw_context_new();
    return CHECK(ctx != NULL);
}

int close_shared_context(void) {
    cw_context_free(ctx);
    tu_set_case("");
    return test_report();
}

size_t offset_of(const char *json, const char *needle, size_t delta) {
    const char *at = strstr(json, needle);
    if (!CHECK(at != NULL)) return (size_t)-1;
    return (size_t)(at - json) + delta;
}

cw_options with_flags(uint32_t flags) {
    cw_options o = {0, 0, 0, flags};
    return o;
}

const cw_result *run_n(const char *json, size_t length, uint32_t flags) {
    cw_options o = with_flags(flags);
    return cw_check(ctx, (const uint8_t *)json, length, &o);
}

const cw_result *run(const char *json, uint32_t flags) { return run_n(json, strlen(json), flags); }

int is_json_stage(uint32_t code) {
    return code == CW_INVALID_JSON || code == CW_INVALID_UTF8 || code == CW_TOO_DEEP || code == CW_TOO_LARGE;
}

const char *path_text(const cw_issue *issue) {
    static char buffer[512];
    cw_path_string(issue, buffer, sizeof buffer);
    return buffer;
}

void dump_issues(const cw_result *r) {
    for (uint32_t i = 0; r && i < r->issue_count; i++) {
        const cw_issue *is = &r->issues[i];
        fprintf(stderr, "    issue %u: %s at %u (%u:%u) path '%s' expected %s\n", i, cw_code_name(is->code), is->offset,
                is->line, is->column, path_text(is), is->expected ? is->expected : "(null)");
    }
}

const cw_issue *find_issue(const cw_result *r, uint32_t code) {
    for (uint32_t i = 0; r && i < r->issue_count; i++)
        if (r->issues[i].code == code) return &r->issues[i];
    return NULL;
}

const cw_issue *expect_one(const cw_result *r, uint32_t code, size_t offset) {
    if (!CHECK(r != NULL)) return NULL;
    CHECK_EQ_INT(r->valid, 0);
    if (!CHECK_EQ_INT(r->issue_count, 1)) {
        dump_issues(r);
        return NULL;
    }
    const cw_issue *issue = &r->issues[0];
    CHECK_STR(cw_code_name(issue->code), cw_code_name(code));
    CHECK_EQ_INT(issue->offset, offset);
    if (is_json_stage(code)) CHECK_EQ_INT(issue->path_length, 0);
    return issue;
}

void expect_valid(const cw_result *r) {
    if (!CHECK(r != NULL)) return;
    if (!CHECK_EQ_INT(r->valid, 1) || !CHECK_EQ_INT(r->issue_count, 0)) dump_issues(r);
}

tape_item tape_next(const cw_result *r, const char *json, uint32_t *at) {
    tape_item item = {0, 0, NULL, 0, 0};
    uint32_t word = r->tape[(*at)++];
    item.op = word & 0xff;
    item.operand = word >> 8;
    if (item.op == CW_TAPE_STRING || item.op == CW_TAPE_KEY || item.op == CW_TAPE_NUMBER_TEXT) {
        if (*at + 2 > r->tape_length) return item;
        uint32_t offset = r->tape[(*at)++];
        item.length = r->tape[(*at)++];
        item.bytes = (word & CW_TAPE_IN_STRINGS) ? r->strings + offset : json + offset;
        item.ascii_flag = (word & CW_TAPE_ASCII) != 0;
    }
    return item;
}

/* What CW_TAPE_ASCII must say of a string. */
static int all_ascii(const char *bytes, size_t length) {
    for (size_t i = 0; i < length; i++)
        if ((unsigned char)bytes[i] >= 0x80) return 0;
    return 1;
}

void check_tape(const cw_result *r, const char *json, const expect_op *expected, size_t count, const double *numbers,
                size_t number_count) {
    if (!CHECK(r != NULL) || !CHECK_EQ_INT(r->valid, 1) || !CHECK(r->tape != NULL)) return;
    uint32_t at = 0, numbers_seen = 0;
    for (size_t i = 0; i < count; i++) {
        if (!CHECK(at < r->tape_length)) return;
        tape_item item = tape_next(r, json, &at);
        if (!CHECK_EQ_INT(item.op, expected[i].op)) {
            fprintf(stderr, "    at tape item %zu\n", i);
            return;
        }
        if (item.op == CW_TAPE_KEY_KNOWN) CHECK_EQ_INT(item.operand, expected[i].key);
        if (item.op == CW_TAPE_STRING || item.op == CW_TAPE_KEY) {
            CHECK_MEM(item.bytes, item.length, expected[i].text, expected[i].length);
            CHECK_EQ_INT(item.ascii_flag, all_ascii(expected[i].text, expected[i].length));
        }
        if (item.op == CW_TAPE_NUMBER) numbers_seen++;
    }
    CHECK_EQ_INT(at, r->tape_length);
    CHECK_EQ_INT(numbers_seen, r->number_count);
    if (!CHECK_EQ_INT(r->number_count, number_count)) return;
    for (size_t i = 0; i < number_count; i++) CHECK(r->numbers[i] == numbers[i]);
}
