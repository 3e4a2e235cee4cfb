/*
 * test_core.c: unit tests of the C core through its public API only
 * (cw_context_new, cw_check, cw_code_name, cw_key_name, cw_path_string).
 *
 * Run from the repository root (ctest does), or pass the root as argv[1]:
 * the JSONTestSuite files are read from <root>/../shared/conformance/.
 *
 * Offsets of syntax errors follow one rule, the same JSON.parse uses for its
 * "at position N": the offset is the length of the longest prefix of the
 * input that can still be continued into valid JSON (for "01" that is 1, for
 * "1." at the end of input it is 2). Invalid UTF-8 is reported at the first
 * byte of the ill-formed sequence (like Rust's Utf8Error::valid_up_to).
 * Lone surrogate escapes, a deliberate extra rejection, are reported at the
 * backslash that starts the escape.
 */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "completion.h"
#include "test_util.h"

static const char *repo_root = ".";
static cw_context *ctx; /* shared by most tests: reuse is part of what is tested */

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

/* The spec's example response, with three holes for the templates below. */
#define SPEC_PARTS(id, created, after_choice) \
    "{\"id\":\"" id "\",\"object\":\"completion\",\"created\":" created ",\"model\":\"gpt-4o-mini\"," \
    "\"choices\":[{\"text\":\", there was a young programmer who loved to code.\",\"index\":0," \
    "\"logprobs\":null,\"finish_reason\":\"stop\"}" after_choice "]," \
    "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17}}"
#define SPEC_EXAMPLE SPEC_PARTS("cmpl-123", "1677652288", "")

/* Members of a valid document; a test replaces or removes one at a time. */
typedef struct member {
    const char *key;   /* raw JSON key text without quotes */
    const char *value; /* raw JSON value text; NULL removes the member */
} member;

#define VALID_CHOICE "{\"text\":\"hi\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}"
#define VALID_USAGE "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17}"

static const member response_members[] = {
    {"id", "\"cmpl-123\""},       {"object", "\"completion\""},      {"created", "1677652288"},
    {"model", "\"gpt-4o-mini\""}, {"choices", "[" VALID_CHOICE "]"}, {"usage", VALID_USAGE},
};
static const member choice_members[] = {
    {"text", "\"hi\""},
    {"index", "0"},
    {"logprobs", "null"},
    {"finish_reason", "\"stop\""},
};

/* Rotating static buffers, so a test can hold a few built documents at once. */
static char *next_buffer(void) {
    static char buffers[4][16384];
    static int next;
    next = (next + 1) % 4;
    return buffers[next];
}

/* An object of `members` with `key` set to `value` (NULL: removed). */
static const char *object_with(const member *members, size_t count, const char *key, const char *value) {
    char *out = next_buffer();
    size_t n = 0;
    out[n++] = '{';
    for (size_t i = 0; i < count; i++) {
        const char *v = strcmp(members[i].key, key) == 0 ? value : members[i].value;
        if (v == NULL) continue;
        n += (size_t)snprintf(out + n, 16384 - n, "%s\"%s\":%s", n > 1 ? "," : "", members[i].key, v);
    }
    snprintf(out + n, 16384 - n, "}");
    return out;
}

/* A valid response with one top-level member replaced or removed. */
static const char *response_with(const char *key, const char *value) {
    return object_with(response_members, 6, key, value);
}

/* A valid response whose only choice has one member replaced or removed. */
static const char *choice_with(const char *key, const char *value) {
    const char *choice = object_with(choice_members, 4, key, value);
    char *choices = next_buffer();
    size_t n = strlen(choice);
    choices[0] = '[';
    memcpy(choices + 1, choice, n);
    memcpy(choices + 1 + n, "]", 2);
    return response_with("choices", choices);
}

/* Byte offset of `needle` in `json` plus `delta`; a failed check when absent. */
static size_t offset_of(const char *json, const char *needle, size_t delta) {
    const char *at = strstr(json, needle);
    if (!CHECK(at != NULL)) return (size_t)-1;
    return (size_t)(at - json) + delta;
}

/* ------------------------------------------------------------------ */
/* Calling the core                                                     */
/* ------------------------------------------------------------------ */

static cw_options with_flags(uint32_t flags) {
    cw_options o = {0, 0, 0, flags};
    return o;
}

static const cw_result *run_n(const char *json, size_t length, uint32_t flags) {
    cw_options o = with_flags(flags);
    return cw_check(ctx, (const uint8_t *)json, length, &o);
}

static const cw_result *run(const char *json, uint32_t flags) { return run_n(json, strlen(json), flags); }

static int is_json_stage(uint32_t code) {
    return code == CW_INVALID_JSON || code == CW_INVALID_UTF8 || code == CW_TOO_DEEP || code == CW_TOO_LARGE;
}

static const char *path_text(const cw_issue *issue) {
    static char buffer[512];
    cw_path_string(issue, buffer, sizeof buffer);
    return buffer;
}

/* Lists the issues on stderr: a failed count is useless without them. */
static void dump_issues(const cw_result *r) {
    for (uint32_t i = 0; r && i < r->issue_count; i++) {
        const cw_issue *is = &r->issues[i];
        fprintf(stderr, "    issue %u: %s at %u (%u:%u) path '%s' expected %s\n", i, cw_code_name(is->code), is->offset,
                is->line, is->column, path_text(is), is->expected ? is->expected : "(null)");
    }
}

static const cw_issue *find_issue(const cw_result *r, uint32_t code) {
    for (uint32_t i = 0; r && i < r->issue_count; i++)
        if (r->issues[i].code == code) return &r->issues[i];
    return NULL;
}

/* Exactly one issue, of `code` at `offset`. Returns it (NULL on failure).
 * JSON-stage issues (syntax, UTF-8, depth, size) also have the root path. */
static const cw_issue *expect_one(const cw_result *r, uint32_t code, size_t offset) {
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

static void expect_valid(const cw_result *r) {
    if (!CHECK(r != NULL)) return;
    if (!CHECK_EQ_INT(r->valid, 1) || !CHECK_EQ_INT(r->issue_count, 0)) dump_issues(r);
}

/* The received literal of an issue, compared as bytes. */
#define CHECK_RECEIVED_TEXT(issue, text) \
    CHECK_MEM((issue)->received_text, (issue)->received_length, (text), strlen(text))

/* ------------------------------------------------------------------ */
/* Reading the tape                                                     */
/* ------------------------------------------------------------------ */

typedef struct tape_item {
    uint32_t op;       /* low 8 bits of the word */
    uint32_t operand;  /* upper 24 bits, shifted down */
    const char *bytes; /* KEY and STRING: the decoded bytes */
    uint32_t length;
    int ascii_flag; /* STRING and KEY: CW_TAPE_ASCII was set */
} tape_item;

/* Decodes the item at *at and moves past it; strings resolve against the
 * input (no escapes) or cw_result.strings (CW_TAPE_IN_STRINGS). */
static tape_item tape_next(const cw_result *r, const char *json, uint32_t *at) {
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

typedef struct expect_op {
    uint32_t op;
    int key;          /* KEY_KNOWN: the cw_key; -1 otherwise */
    const char *text; /* STRING and KEY: expected bytes */
    size_t length;
} expect_op;

#define T_OB \
    { CW_TAPE_OBJECT_BEGIN, -1, NULL, 0 }
#define T_OE \
    { CW_TAPE_OBJECT_END, -1, NULL, 0 }
#define T_AB \
    { CW_TAPE_ARRAY_BEGIN, -1, NULL, 0 }
#define T_AE \
    { CW_TAPE_ARRAY_END, -1, NULL, 0 }
#define T_NUM \
    { CW_TAPE_NUMBER, -1, NULL, 0 }
#define T_NULL \
    { CW_TAPE_NULL, -1, NULL, 0 }
#define T_TRUE \
    { CW_TAPE_TRUE, -1, NULL, 0 }
#define T_FALSE \
    { CW_TAPE_FALSE, -1, NULL, 0 }
#define T_KK(k) \
    { CW_TAPE_KEY_KNOWN, CW_KEY_##k, NULL, 0 }
#define T_STR(lit) \
    { CW_TAPE_STRING, -1, lit, sizeof(lit) - 1 }
#define T_KEY(lit) \
    { CW_TAPE_KEY, -1, lit, sizeof(lit) - 1 }

static int all_ascii(const char *bytes, size_t length) {
    for (size_t i = 0; i < length; i++)
        if ((unsigned char)bytes[i] >= 0x80) return 0;
    return 1;
}

/* The tape is exactly `expected` and its numbers exactly `numbers`. */
static void check_tape(const cw_result *r, const char *json, const expect_op *expected, size_t count,
                       const double *numbers, size_t number_count) {
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

/* ------------------------------------------------------------------ */
/* Names                                                                */
/* ------------------------------------------------------------------ */

static void test_names(void) {
    tu_set_case("names");
    static const char *const codes[] = {
        "invalid_json", "invalid_utf8", "invalid_type",    "missing_field",    "invalid_literal",
        "invalid_enum", "not_integer",  "unsafe_integer",  "duplicate_key",    "unknown_field",
        "too_large",    "too_deep",     "too_many_issues", "truncated_stream", "event_too_large",
    };
    for (uint32_t code = CW_INVALID_JSON; code <= CW_EVENT_TOO_LARGE; code++)
        CHECK_STR(cw_code_name(code), codes[code - 1]);
    CHECK_STR(cw_code_name(0), "unknown");
    CHECK_STR(cw_code_name(CW_EVENT_TOO_LARGE + 1), "unknown");
    CHECK_STR(cw_code_name(0xffffffffu), "unknown");

    CHECK_STR(cw_key_name(CW_KEY_ID), "id");
    CHECK_STR(cw_key_name(CW_KEY_FINISH_REASON), "finish_reason");
    CHECK_STR(cw_key_name(CW_KEY_PROMPT_TOKENS_DETAILS), "prompt_tokens_details");
    CHECK_STR(cw_key_name(CW_KEY_REJECTED_PREDICTION_TOKENS), "rejected_prediction_tokens");
    CHECK(cw_key_name(CW_KEY_COUNT) == NULL);
    CHECK(cw_key_name(0xffffffffu) == NULL);
}

/* ------------------------------------------------------------------ */
/* The spec example and the tape                                       */
/* ------------------------------------------------------------------ */

static void test_spec_example(void) {
    tu_set_case("spec example");
    const char *json = SPEC_EXAMPLE;
    expect_valid(run(json, 0));

    static const expect_op expected[] = {
        T_OB,
        T_KK(ID),
        T_STR("cmpl-123"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("gpt-4o-mini"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR(", there was a young programmer who loved to code."),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_NULL,
        T_KK(FINISH_REASON),
        T_STR("stop"),
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_OB,
        T_KK(PROMPT_TOKENS),
        T_NUM,
        T_KK(COMPLETION_TOKENS),
        T_NUM,
        T_KK(TOTAL_TOKENS),
        T_NUM,
        T_OE,
        T_OE,
    };
    static const double numbers[] = {1677652288, 0, 5, 12, 17};
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, expected, sizeof expected / sizeof expected[0], numbers, 5);

    /* Validation only: no tape is written. */
    r = run(json, 0);
    if (CHECK(r != NULL)) CHECK_EQ_INT(r->tape_length, 0);
    /* An invalid document never yields a tape, even when one was asked for. */
    r = run(response_with("id", "5"), CW_WRITE_TAPE);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_EQ_INT(r->tape_length, 0);
    }
    /* The numbers belong to the tape: none without one, even when the
     * invalid value comes after some numbers. */
    r = run(response_with("model", "5"), CW_WRITE_TAPE);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_EQ_INT(r->number_count, 0);
    }
}

/* Every optional part, logprobs content and escapes, in one tape. */
static void test_full_tape(void) {
    tu_set_case("full tape");
    const char *json =
        "{\"id\":\"a\\nb\\u00e9\",\"object\":\"completion\",\"created\":-0,\"model\":\"m\\u00e9\","
        "\"choices\":[{\"text\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\",\"index\":1e2,"
        "\"logprobs\":{\"tokens\":[\"a\",true,false,null,-1.5],\"finish_reason\":{\"id\":1},\"a\\\"b\":[]},"
        "\"finish_reason\":\"length\"}],"
        "\"usage\":{\"prompt_tokens\":1.0,\"completion_tokens\":2,\"total_tokens\":3,"
        "\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":5},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":6,\"audio_tokens\":7,"
        "\"accepted_prediction_tokens\":8,\"rejected_prediction_tokens\":9}}}";
    static const expect_op expected[] = {
        T_OB,
        T_KK(ID),
        T_STR("a\nb\xc3\xa9"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m\xc3\xa9"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("caf\xc3\xa9 \xf0\x9f\x98\x80"),
        T_KK(INDEX),
        T_NUM,
        /* logprobs is passed through: its keys are never schema keys,
             * even when they spell one (finish_reason, id). */
        T_KK(LOGPROBS),
        T_OB,
        T_KEY("tokens"),
        T_AB,
        T_STR("a"),
        T_TRUE,
        T_FALSE,
        T_NULL,
        T_NUM,
        T_AE,
        T_KEY("finish_reason"),
        T_OB,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_KEY("a\"b"),
        T_AB,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_OB,
        T_KK(PROMPT_TOKENS),
        T_NUM,
        T_KK(COMPLETION_TOKENS),
        T_NUM,
        T_KK(TOTAL_TOKENS),
        T_NUM,
        T_KK(PROMPT_TOKENS_DETAILS),
        T_OB,
        T_KK(CACHED_TOKENS),
        T_NUM,
        T_KK(AUDIO_TOKENS),
        T_NUM,
        T_OE,
        T_KK(COMPLETION_TOKENS_DETAILS),
        T_OB,
        T_KK(REASONING_TOKENS),
        T_NUM,
        T_KK(AUDIO_TOKENS),
        T_NUM,
        T_KK(ACCEPTED_PREDICTION_TOKENS),
        T_NUM,
        T_KK(REJECTED_PREDICTION_TOKENS),
        T_NUM,
        T_OE,
        T_OE,
        T_OE,
    };
    static const double numbers[] = {0, 100, -1.5, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, expected, sizeof expected / sizeof expected[0], numbers, 13);
    /* -0 stays negative zero, as JSON.parse("-0") does. */
    if (r && r->number_count > 0) CHECK(signbit(r->numbers[0]));
}

/* "\u0000" is data, not the end of the string. */
static void test_nul_escape(void) {
    tu_set_case("\\u0000 in a value");
    const char *json = response_with("id", "\"a\\u0000b\"");
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length >= 4)) {
        uint32_t at = 0;
        tape_next(r, json, &at); /* OBJECT_BEGIN */
        tape_item key = tape_next(r, json, &at);
        tape_item value = tape_next(r, json, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
        CHECK_EQ_INT(value.op, CW_TAPE_STRING);
        CHECK_MEM(value.bytes, value.length, "a\0b", 3);
        CHECK_EQ_INT(value.ascii_flag, 1);
    }

    /* A key "id\u0000x" is not "id": stripped by default, so id is missing. */
    tu_set_case("\\u0000 in a key");
    const char *bad_key = "{\"id\\u0000x\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                          "\"choices\":[]}";
    const cw_issue *issue = expect_one(run(bad_key, 0), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "id");

    r = run(bad_key, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    issue = find_issue(r, CW_UNKNOWN_FIELD);
    if (CHECK(issue != NULL) && CHECK_EQ_INT(issue->path_length, 1)) {
        CHECK_EQ_INT(issue->path[0].kind, CW_SEG_KEY);
        CHECK_MEM(issue->path[0].key, issue->path[0].key_length, "id\0x", 4);
        CHECK_STR(path_text(issue), "[\"id\\u0000x\"]");
        CHECK_EQ_INT(issue->offset, 1); /* unknown_field points at the key */
    }
    issue = find_issue(r, CW_MISSING_FIELD);
    if (CHECK(issue != NULL)) CHECK_STR(path_text(issue), "id");

    /* With CW_UNKNOWN_KEEP (and id present) the key is kept verbatim, NUL included. */
    tu_set_case("\\u0000 in a kept key");
    const char *kept = "{\"id\\u0000x\":\"a\",\"id\":\"b\",\"object\":\"completion\",\"created\":1,"
                       "\"model\":\"m\",\"choices\":[]}";
    r = run(kept, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length >= 5)) {
        uint32_t at = 1;
        tape_item key = tape_next(r, kept, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY);
        CHECK_MEM(key.bytes, key.length, "id\0x", 4);
        tape_item value = tape_next(r, kept, &at);
        CHECK_MEM(value.bytes, value.length, "a", 1);
        key = tape_next(r, kept, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
    }
}

/* The numbers a reader gets from the tape, in order: NUMBER from the
 * numbers array, NUMBER_TEXT converted from its text with strtod. */
static size_t tape_numbers(const cw_result *r, const char *json, double *out, int *from_text, size_t capacity) {
    size_t count = 0, next_number = 0;
    for (uint32_t at = 0; at < r->tape_length && count < capacity;) {
        tape_item item = tape_next(r, json, &at);
        if (item.op == CW_TAPE_NUMBER) {
            from_text[count] = 0;
            out[count++] = r->numbers[next_number++];
        } else if (item.op == CW_TAPE_NUMBER_TEXT) {
            char text[512];
            size_t n = item.length < sizeof text - 1 ? item.length : sizeof text - 1;
            memcpy(text, item.bytes, n);
            text[n] = '\0';
            from_text[count] = 1;
            out[count++] = strtod(text, NULL);
        }
    }
    return count;
}

/* Tape numbers give the doubles a correctly rounding strtod gives (glibc's
 * is), bit for bit: the core converts with its own exact fast path and hands
 * every other number over as text. */
static void test_number_values(void) {
    static const char *const texts[] = {
        "0.1",
        "0.30000000000000004",
        "1e23",
        "1E22",
        "1e-22",
        "123456789012345e22",
        "123456789012345e-22",
        "9007199254740993",
        "123456789012345678901234567890",
        "3.141592653589793238462643383279",
        "8.98846567431158e307",
        "1.7976931348623157e308",
        "2.2250738585072011e-308",
        "4.9e-324",
        "5e-324",
        "2.4703282292062327e-324",
        "0.000000000000000000001",
        "-0.0",
        "-0",
        "1e400",
        "-1e400",
        "1e-400",
        "100000000000000000000000",
        "0.1e-21",
        "12345678901234567e-5",
        "999999999999999.9",
    };
    /* Those the fast path must convert itself (significand <= 2^53, |power of ten| <= 22). */
    static const char *const fast[] = {
        "0.1", "1E22", "1e-22", "-0.0", "-0", "123456789012345e-22", "123456789012345e22"};
    enum { COUNT = sizeof texts / sizeof texts[0] };
    char logprobs[2048];
    size_t n = (size_t)snprintf(logprobs, sizeof logprobs, "{\"n\":[");
    for (size_t i = 0; i < COUNT; i++)
        n += (size_t)snprintf(logprobs + n, sizeof logprobs - n, "%s%s", i ? "," : "", texts[i]);
    snprintf(logprobs + n, sizeof logprobs - n, "]}");
    tu_set_case("number values");
    const char *json = choice_with("logprobs", logprobs);
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    double values[64];
    int from_text[64];
    /* created, index, then the logprobs numbers, then usage's three. */
    if (!r || !r->valid || !CHECK_EQ_INT(tape_numbers(r, json, values, from_text, 64), 2 + COUNT + 3)) return;
    for (size_t i = 0; i < COUNT; i++) {
        double expected = strtod(texts[i], NULL);
        tu_set_case(texts[i]);
        if (!CHECK(memcmp(&values[2 + i], &expected, sizeof expected) == 0))
            fprintf(stderr, "    got %.17g, expected %.17g\n", values[2 + i], expected);
        for (size_t f = 0; f < sizeof fast / sizeof fast[0]; f++)
            if (strcmp(texts[i], fast[f]) == 0) CHECK_EQ_INT(from_text[2 + i], 0);
    }
}

/* A number that ends the input is read up to the input's end and no further:
 * cJSON converts numbers where they stand (patch 0003), and the input need not
 * be NUL-terminated. Each text sits in a heap block of exactly its length, so
 * the sanitizer and valgrind runs of this test catch a read past it. */
static void test_number_at_end_of_input(void) {
    static const char *const texts[] = {"5", "-1.5e3", "0", "1E+2", "123456789012345678901234567890"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tu_set_case(texts[i]);
        size_t length = strlen(texts[i]);
        char *exact = malloc(length);
        if (!CHECK(exact != NULL)) return;
        memcpy(exact, texts[i], length);
        const cw_issue *issue = expect_one(run_n(exact, length, CW_WRITE_TAPE), CW_INVALID_TYPE, 0);
        if (issue) CHECK_STR(issue->received, "number");
        free(exact);
    }
}

/* Schema keys are matched on their decoded bytes, like JSON.parse's keys. */
static void test_escaped_schema_key(void) {
    tu_set_case("escaped schema key");
    const char *json = "{\"\\u0069d\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                       "\"choices\":[],\"us\\u0061ge\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
                       "\"total_tokens\":\"3\"}}";
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"3\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");
    json = "{\"\\u0069d\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}";
    const cw_result *r = run(json, CW_WRITE_TAPE | CW_UNKNOWN_REJECT);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length > 2)) {
        uint32_t at = 1;
        tape_item key = tape_next(r, json, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
    }
}

/* ------------------------------------------------------------------ */
/* Strictness: one JSON-stage issue at the right byte                   */
/* ------------------------------------------------------------------ */

#define NUM_T SPEC_PARTS("cmpl-123", "@", "")
#define STR_T SPEC_PARTS("@", "1677652288", "")
#define ARR_T SPEC_PARTS("cmpl-123", "1677652288", "@")

typedef struct bad_case {
    const char *name;
    const char *tmpl;   /* '@' marks where `insert` goes */
    const char *insert; /* may contain NUL: insert_length counts */
    size_t insert_length;
    size_t delta; /* expected offset = position of '@' + delta */
    uint32_t code;
} bad_case;

#define BAD(name, tmpl, insert, delta, code) \
    { name, tmpl, insert, sizeof(insert) - 1, delta, code }

static const bad_case bad_cases[] = {
    /* numbers */
    BAD("leading zero 01", NUM_T, "01", 1, CW_INVALID_JSON),
    BAD("leading zero -01", NUM_T, "-01", 2, CW_INVALID_JSON),
    BAD("plus sign +1", NUM_T, "+1", 0, CW_INVALID_JSON),
    BAD("no integer part .5", NUM_T, ".5", 0, CW_INVALID_JSON),
    BAD("no fraction digits 1.", NUM_T, "1.", 2, CW_INVALID_JSON),
    BAD("no exponent digits 1e", NUM_T, "1e", 2, CW_INVALID_JSON),
    BAD("no exponent digits 1e+", NUM_T, "1e+", 3, CW_INVALID_JSON),
    BAD("lone minus", NUM_T, "-", 1, CW_INVALID_JSON),
    BAD("NaN", NUM_T, "NaN", 0, CW_INVALID_JSON),
    BAD("Infinity", NUM_T, "Infinity", 0, CW_INVALID_JSON),
    BAD("-Infinity", NUM_T, "-Infinity", 1, CW_INVALID_JSON),
    BAD("hex 0x1", NUM_T, "0x1", 1, CW_INVALID_JSON),
    /* strings */
    BAD("raw control char", STR_T,
        "a\x01"
        "b",
        1, CW_INVALID_JSON),
    BAD("raw newline", STR_T, "a\nb", 1, CW_INVALID_JSON),
    BAD("raw tab", STR_T, "a\tb", 1, CW_INVALID_JSON),
    BAD("raw NUL", STR_T, "a\0b", 1, CW_INVALID_JSON),
    BAD("bad escape \\x", STR_T, "a\\x41", 2, CW_INVALID_JSON),
    BAD("bad escape \\U", STR_T, "\\U0041", 1, CW_INVALID_JSON),
    BAD("short \\u12", STR_T, "\\u12", 4, CW_INVALID_JSON),
    BAD("non-hex \\u12g4", STR_T, "\\u12g4", 4, CW_INVALID_JSON),
    BAD("lone high surrogate \\ud800", STR_T, "x\\ud800", 1, CW_INVALID_JSON),
    BAD("lone low surrogate \\udc00", STR_T, "x\\udc00", 1, CW_INVALID_JSON),
    BAD("high surrogate then \\u0041", STR_T, "\\ud800\\u0041", 0, CW_INVALID_JSON),
    BAD("reversed surrogates", STR_T, "\\udc00\\ud800", 0, CW_INVALID_JSON),
    /* UTF-8 */
    BAD("byte 0xFF", STR_T, "a\xff", 1, CW_INVALID_UTF8),
    BAD("overlong C0 80", STR_T, "a\xc0\x80", 1, CW_INVALID_UTF8),
    BAD("overlong E0 80 80", STR_T, "\xe0\x80\x80", 0, CW_INVALID_UTF8),
    BAD("surrogate ED A0 80", STR_T, "ab\xed\xa0\x80", 2, CW_INVALID_UTF8),
    BAD("beyond U+10FFFF F4 90 80 80", STR_T, "\xf4\x90\x80\x80", 0, CW_INVALID_UTF8),
    BAD("lone continuation 80", STR_T, "\x80", 0, CW_INVALID_UTF8),
    BAD("lead without continuation E2 41", STR_T, "\xe2\x41", 0, CW_INVALID_UTF8),
    BAD("0xFF outside strings", SPEC_EXAMPLE "@", " \xff", 1, CW_INVALID_UTF8),
    BAD("invalid UTF-8 in a key", "{\"@\":1}", "k\xfe", 1, CW_INVALID_UTF8),
    BAD("truncated E2 82 at end", "{\"id\":\"ab@", "\xe2\x82", 0, CW_INVALID_UTF8),
    /* structure */
    BAD("trailing comma in object", "{\"id\":\"x\"@}", ",", 1, CW_INVALID_JSON),
    BAD("trailing comma in array", ARR_T, ",", 1, CW_INVALID_JSON),
    BAD("trailing garbage", SPEC_EXAMPLE "@", " x", 1, CW_INVALID_JSON),
    BAD("second value", SPEC_EXAMPLE "@", "\n{}", 1, CW_INVALID_JSON),
    BAD("NUL after the value", SPEC_EXAMPLE "@", "\0", 0, CW_INVALID_JSON),
    BAD("UTF-8 BOM", "@" SPEC_EXAMPLE, "\xef\xbb\xbf", 0, CW_INVALID_JSON),
    BAD("empty input", "@", "", 0, CW_INVALID_JSON),
    BAD("whitespace only", "@", " \t\r\n ", 5, CW_INVALID_JSON),
    BAD("form feed", "@" SPEC_EXAMPLE, "\f", 0, CW_INVALID_JSON),
    BAD("vertical tab", SPEC_EXAMPLE "@", "\v", 0, CW_INVALID_JSON),
    BAD("NBSP between members", "{\"id\":\"x\",@\"object\":1}", "\xc2\xa0", 0, CW_INVALID_JSON),
    BAD("single quotes", "{@:1}", "'id'", 0, CW_INVALID_JSON),
    BAD("unterminated string", "{\"id\":\"ab@", "", 0, CW_INVALID_JSON),
    BAD("unclosed object", "{\"id\":1@", "", 0, CW_INVALID_JSON),
    BAD("comment", "{@}", "/* */", 0, CW_INVALID_JSON),
    BAD("capitalized True", "[@]", "True", 0, CW_INVALID_JSON),
    BAD("truncated literal", "[@]", "nul", 3, CW_INVALID_JSON),
};

/* Builds tmpl with '@' replaced (binary-safe); returns the length. */
static size_t fill_template(char *out, size_t capacity, const bad_case *c, size_t *at) {
    const char *hole = strchr(c->tmpl, '@');
    size_t before = (size_t)(hole - c->tmpl), after = strlen(hole + 1);
    if (before + c->insert_length + after > capacity) return 0;
    memcpy(out, c->tmpl, before);
    memcpy(out + before, c->insert, c->insert_length);
    memcpy(out + before + c->insert_length, hole + 1, after);
    *at = before;
    return before + c->insert_length + after;
}

static void test_strictness(void) {
    char json[4096];
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *c = &bad_cases[i];
        tu_set_case(c->name);
        size_t at = 0, length = fill_template(json, sizeof json, c, &at);
        const cw_issue *issue = expect_one(run_n(json, length, 0), c->code, at + c->delta);
        if (issue) {
            CHECK(issue->expected != NULL);
            CHECK(issue->detail != NULL);
            CHECK(issue->received != NULL || issue->received_text != NULL);
        }
    }
    /* With harmless text in the hole the templates are valid: the faults,
     * not the templates, cause the issues above. */
    static const bad_case harmless[] = {
        BAD("NUM_T", NUM_T, "-12", 0, 0),
        BAD("STR_T", STR_T, "x\\u00e9\xc3\xa9", 0, 0),
        BAD("ARR_T", ARR_T, "", 0, 0),
    };
    for (size_t i = 0; i < sizeof harmless / sizeof harmless[0]; i++) {
        tu_set_case(harmless[i].name);
        size_t at = 0, length = fill_template(json, sizeof json, &harmless[i], &at);
        expect_valid(run_n(json, length, 0));
    }
}

/* Syntax errors report received "end of input" or the offending bytes. */
static void test_syntax_received(void) {
    tu_set_case("received of syntax errors");
    const cw_issue *issue = expect_one(run("{\"id\":", 0), CW_INVALID_JSON, 6);
    if (issue) CHECK_STR(issue->received, "end of input");
    issue = expect_one(run("[1,]", 0), CW_INVALID_JSON, 3);
    if (issue && CHECK(issue->received_text != NULL)) CHECK_RECEIVED_TEXT(issue, "]");
}

/* ------------------------------------------------------------------ */
/* Depth and size limits                                                */
/* ------------------------------------------------------------------ */

static const cw_result *run_depth(const char *json, size_t length, uint32_t max_depth) {
    cw_options o = {0, max_depth, 0, 0};
    return cw_check(ctx, (const uint8_t *)json, length, &o);
}

static void test_depth(void) {
    tu_set_case("max_depth 3, 4 nested arrays");
    expect_one(run_depth("[[[[]]]]", 8, 3), CW_TOO_DEEP, 3);
    /* 3 levels are allowed: the only issue is the wrong root type. */
    tu_set_case("max_depth 3, 3 nested arrays");
    const cw_issue *issue = expect_one(run_depth("[[[]]]", 6, 3), CW_INVALID_TYPE, 0);
    if (issue) CHECK_STR(issue->expected, "object");
    tu_set_case("max_depth 3 counts objects too");
    expect_one(run_depth("{\"a\":{\"b\":[{}]}}", 16, 3), CW_TOO_DEEP, 11);

    tu_set_case("a million '['");
    size_t n = 1000000;
    char *deep = malloc(n);
    if (!CHECK(deep != NULL)) return;
    memset(deep, '[', n);
    clock_t start = clock();
    expect_one(run_depth(deep, n, 0), CW_TOO_DEEP, CW_DEFAULT_MAX_DEPTH);
    expect_one(run_depth(deep, n, CW_MAX_DEPTH_LIMIT), CW_TOO_DEEP, CW_MAX_DEPTH_LIMIT);
    /* A larger max_depth is clamped to the limit. */
    expect_one(run_depth(deep, n, 5000), CW_TOO_DEEP, CW_MAX_DEPTH_LIMIT);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    CHECK(seconds < 1.0);

    /* Exactly CW_MAX_DEPTH_LIMIT levels parse (cJSON's own limit is the same). */
    tu_set_case("1000 nested arrays at max_depth 1000");
    size_t levels = CW_MAX_DEPTH_LIMIT;
    for (size_t i = 0; i < levels; i++) deep[levels + i] = ']';
    issue = expect_one(run_depth(deep, 2 * levels, CW_MAX_DEPTH_LIMIT), CW_INVALID_TYPE, 0);
    if (issue) CHECK_STR(issue->received, "array");
    free(deep);
}

static void test_deep_path(void) {
    /* The deepest allowed object still gets its full path: a duplicate key
     * 1000 levels down (root, choices, the choice, logprobs, 996 more). */
    tu_set_case("path at depth 1000");
    char logprobs[8192];
    size_t n = 0;
    logprobs[n++] = '{';
    for (int i = 0; i < 996; i++) n += (size_t)snprintf(logprobs + n, sizeof logprobs - n, "\"a\":{");
    n += (size_t)snprintf(logprobs + n, sizeof logprobs - n, "\"x\":1,\"x\":2");
    for (int i = 0; i < 997; i++) logprobs[n++] = '}';
    logprobs[n] = '\0';
    const char *json = choice_with("logprobs", logprobs);
    cw_options o = {0, CW_MAX_DEPTH_LIMIT, 0, 0};
    const cw_result *r = cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
    const cw_issue *issue = expect_one(r, CW_DUPLICATE_KEY, offset_of(json, ",\"x\":2", 1));
    if (issue) {
        CHECK_EQ_INT(issue->path_length, 1000);
        CHECK_EQ_INT(cw_path_string(issue, NULL, 0), strlen("choices[0].logprobs") + 2 * 996 + 2);
    }
    /* One level more is too deep. */
    o.max_depth = 999;
    expect_one(cw_check(ctx, (const uint8_t *)json, strlen(json), &o), CW_TOO_DEEP, offset_of(json, "{\"x\"", 0));
}

static void test_size(void) {
    const char *json = SPEC_EXAMPLE;
    size_t length = strlen(json);
    cw_options o = {length - 1, 0, 0, 0};

    tu_set_case("max_bytes smaller than the input");
    const cw_issue *issue = expect_one(cw_check(ctx, (const uint8_t *)json, length, &o), CW_TOO_LARGE, 0);
    if (issue) CHECK_EQ_INT(issue->line, 1);

    tu_set_case("max_bytes equal to the input");
    o.max_bytes = length;
    expect_valid(cw_check(ctx, (const uint8_t *)json, length, &o));

    tu_set_case("json NULL, length > max_bytes");
    o.max_bytes = 100;
    expect_one(cw_check(ctx, NULL, 101, &o), CW_TOO_LARGE, 0);
    expect_one(cw_check(ctx, NULL, CW_DEFAULT_MAX_BYTES + 1, NULL), CW_TOO_LARGE, 0);

    /* A too large input is refused before anything reads it: a syntax error
     * in it is not reported. */
    tu_set_case("too large beats invalid JSON");
    o.max_bytes = 4;
    expect_one(cw_check(ctx, (const uint8_t *)"[1,,]", 5, &o), CW_TOO_LARGE, 0);
}

/* ------------------------------------------------------------------ */
/* Duplicate keys                                                       */
/* ------------------------------------------------------------------ */

static void test_duplicates(void) {
    tu_set_case("duplicate key at the top level");
    const char *json = "{\"id\":\"a\",\"object\":\"completion\",\"id\":\"b\",\"created\":1,\"model\":\"m\","
                       "\"choices\":[]}";
    const cw_issue *issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"id\"", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "id");
        if (CHECK_EQ_INT(issue->path_length, 1)) CHECK_MEM(issue->path[0].key, issue->path[0].key_length, "id", 2);
    }

    tu_set_case("duplicate key inside logprobs");
    json = choice_with("logprobs", "{\"tokens\":[],\"top\":{\"x\":1,\"x\":2},\"tokens\":[1]}");
    const cw_result *r = run(json, 0);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    if (r && r->issue_count == 2) {
        /* Issues come in document order. */
        CHECK_STR(cw_code_name(r->issues[0].code), "duplicate_key");
        CHECK_STR(path_text(&r->issues[0]), "choices[0].logprobs.top.x");
        CHECK_EQ_INT(r->issues[0].offset, offset_of(json, ",\"x\":2", 1));
        CHECK_STR(cw_code_name(r->issues[1].code), "duplicate_key");
        CHECK_STR(path_text(&r->issues[1]), "choices[0].logprobs.tokens");
        CHECK_EQ_INT(r->issues[1].offset, offset_of(json, ",\"tokens\":[1]", 1));
    }

    /* 100 members: the 100th repeats the 1st (large objects take another path). */
    tu_set_case("duplicate key, 100 members");
    char members[2048];
    size_t n = 0;
    for (int i = 0; i < 99; i++) n += (size_t)snprintf(members + n, sizeof members - n, "\"k%d\":%d,", i, i);
    snprintf(members + n, sizeof members - n, "\"k0\":99");
    char logprobs[2100];
    snprintf(logprobs, sizeof logprobs, "{%s}", members);
    json = choice_with("logprobs", logprobs);
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"k0\":99", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.k0");

    /* Keys differing only after a \u0000 are different keys. */
    tu_set_case("keys differing after NUL");
    expect_valid(run(choice_with("logprobs", "{\"a\\u0000b\":1,\"a\\u0000c\":2,\"a\":3}"), 0));
    /* An escaped spelling of the same key is the same key. */
    tu_set_case("escaped duplicate key");
    json = choice_with("logprobs", "{\"ab\":1,\"a\\u0062\":2}");
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, "\"a\\u0062\"", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.ab");
}

/* ------------------------------------------------------------------ */
/* Schema issues                                                        */
/* ------------------------------------------------------------------ */

static void test_invalid_type(void) {
    tu_set_case("invalid_type id");
    const char *json = response_with("id", "5");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"id\":5", 5));
    if (issue) {
        CHECK_STR(path_text(issue), "id");
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "number");
        CHECK_EQ_INT(issue->line, 1);
        CHECK_EQ_INT(issue->column, issue->offset + 1);
    }

    static const struct {
        const char *key, *value, *expected, *received;
        int in_choice;
    } cases[] = {
        {"created", "\"1\"", "integer", "string", 0},
        {"model", "null", "string", "null", 0},
        {"choices", "{}", "array", "object", 0},
        {"usage", "[]", "object", "array", 0},
        {"object", "true", "\"completion\"", "boolean", 0},
        {"text", "[\"a\"]", "string", "array", 1},
        {"index", "false", "integer", "boolean", 1},
        {"logprobs", "5", "object or null", "number", 1},
        {"logprobs", "[]", "object or null", "array", 1},
    };
    char path[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tu_set_case(cases[i].key);
        json = cases[i].in_choice ? choice_with(cases[i].key, cases[i].value)
                                  : response_with(cases[i].key, cases[i].value);
        char needle[64];
        snprintf(needle, sizeof needle, "\"%s\":%s", cases[i].key, cases[i].value);
        issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, needle, strlen(cases[i].key) + 3));
        if (!issue) continue;
        snprintf(path, sizeof path, "%s%s", cases[i].in_choice ? "choices[0]." : "", cases[i].key);
        CHECK_STR(path_text(issue), path);
        CHECK_STR(issue->expected, cases[i].expected);
        CHECK_STR(issue->received, cases[i].received);
    }

    tu_set_case("invalid_type root");
    issue = expect_one(run(" []", 0), CW_INVALID_TYPE, 1);
    if (issue) {
        CHECK_EQ_INT(issue->path_length, 0);
        CHECK_STR(path_text(issue), "");
        CHECK_STR(issue->expected, "object");
        CHECK_STR(issue->received, "array");
    }
    tu_set_case("invalid_type choice item");
    json = response_with("choices", "[" VALID_CHOICE ",\"x\"]");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[1]");
        if (CHECK_EQ_INT(issue->path_length, 2)) {
            CHECK_EQ_INT(issue->path[1].kind, CW_SEG_INDEX);
            CHECK_EQ_INT(issue->path[1].index, 1);
        }
    }
    tu_set_case("invalid_type cached_tokens");
    json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
                                  "\"prompt_tokens_details\":{\"cached_tokens\":\"4\"}}");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"4\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.prompt_tokens_details.cached_tokens");
    /* An empty choices array is valid; a missing one is not. */
    tu_set_case("empty choices");
    expect_valid(run(response_with("choices", "[]"), 0));
    tu_set_case("logprobs optional");
    expect_valid(run(choice_with("logprobs", NULL), 0));
    tu_set_case("usage optional");
    expect_valid(run(response_with("usage", NULL), 0));
}

static void test_missing_field(void) {
    static const char *const required[] = {"id", "object", "created", "model", "choices"};
    for (size_t i = 0; i < 5; i++) {
        tu_set_case(required[i]);
        const cw_issue *issue = expect_one(run(response_with(required[i], NULL), 0), CW_MISSING_FIELD, 0);
        if (issue) {
            CHECK_STR(path_text(issue), required[i]);
            CHECK_EQ_INT(issue->line, 1);
            CHECK_EQ_INT(issue->column, 1);
        }
    }
    tu_set_case("missing finish_reason");
    const char *json = choice_with("finish_reason", NULL);
    const cw_issue *issue = expect_one(run(json, 0), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
    }
    tu_set_case("missing total_tokens");
    json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12}");
    issue = expect_one(run(json, 0), CW_MISSING_FIELD, offset_of(json, "{\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");
    tu_set_case("missing everything");
    const cw_result *r = run("{}", 0);
    if (CHECK(r != NULL)) CHECK_EQ_INT(r->issue_count, 5);
}

static void test_literal_and_enum(void) {
    tu_set_case("invalid_literal");
    const char *json = response_with("object", "\"x\"");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "object");
        CHECK_STR(issue->expected, "\"completion\"");
        /* received_text is the decoded string; the JS layer quotes it. */
        CHECK(issue->received == NULL);
        CHECK_RECEIVED_TEXT(issue, "x");
    }
    tu_set_case("invalid_literal, escaped spelling of completion is fine");
    expect_valid(run(response_with("object", "\"complet\\u0069on\""), 0));
    tu_set_case("invalid_literal, text.completion");
    json = response_with("object", "\"text.completion\"");
    expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"text.completion\"", 0));

    tu_set_case("invalid_enum");
    json = choice_with("finish_reason", "\"stopp\"");
    issue = expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"stopp\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK(issue->received == NULL);
        CHECK_RECEIVED_TEXT(issue, "stopp");
    }
    tu_set_case("invalid_enum, escaped spelling");
    json = choice_with("finish_reason", "\"st\\u006fpp\"");
    issue = expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"st\\u", 0));
    if (issue) CHECK_RECEIVED_TEXT(issue, "stopp");
    tu_set_case("each finish_reason");
    expect_valid(run(choice_with("finish_reason", "\"stop\""), 0));
    expect_valid(run(choice_with("finish_reason", "\"length\""), 0));
    expect_valid(run(choice_with("finish_reason", "\"content_filter\""), 0));
    tu_set_case("finish_reason prefix");
    json = choice_with("finish_reason", "\"sto\"");
    expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"sto\"", 0));

    tu_set_case("CW_OPEN_ENUMS accepts any string");
    json = choice_with("finish_reason", "\"tool_calls\"");
    const cw_result *r = run(json, CW_OPEN_ENUMS | CW_WRITE_TAPE);
    expect_valid(r);
    tu_set_case("CW_OPEN_ENUMS still wants a string");
    json = choice_with("finish_reason", "null");
    issue = expect_one(run(json, CW_OPEN_ENUMS), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":null", 16));
    if (issue) {
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "null");
    }
    /* Without CW_OPEN_ENUMS, a non-string is still invalid_type. */
    tu_set_case("finish_reason number");
    json = choice_with("finish_reason", "1");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":1", 16));
    if (issue) CHECK_STR(issue->received, "number");
}

static void test_integers(void) {
    /* Whole numbers are valid, and their value is a NUMBER on the tape, never NUMBER_TEXT: the
     * last five are ones cJSON's conversion (cw_strtod) does not make exact (found by fuzz_check). */
    static const char *const whole[] = {"1.0",
                                        "1e2",
                                        "-0",
                                        "0",
                                        "1E+2",
                                        "2.50e1",
                                        "100e-2",
                                        "0.0e-7",
                                        "999999999999999",
                                        "-999999999999999",
                                        "1000000000000000",
                                        "9007199254740991",
                                        "-9007199254740991",
                                        "9.007199254740991e15",
                                        "0.1e1",
                                        "0e400",
                                        "-0e400",
                                        "0.000e-999",
                                        "100000000000000000000000e-20",
                                        "9007199254740991000000000e-9"};
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        tu_set_case(whole[i]);
        const char *json = response_with("created", whole[i]);
        const cw_result *r = run(json, CW_WRITE_TAPE);
        expect_valid(r);
        double values[8];
        int from_text[8];
        if (!r || !r->valid || !CHECK(tape_numbers(r, json, values, from_text, 8) >= 1)) continue;
        double expected = strtod(whole[i], NULL);
        CHECK_EQ_INT(from_text[0], 0);
        if (!CHECK(memcmp(&values[0], &expected, sizeof expected) == 0))
            fprintf(stderr, "    got %.17g, expected %.17g\n", values[0], expected);
    }
    static const char *const fractional[] = {"1.5", "1e-400", "-0.5", "1.25e1", "1.0000000000000000001", "0.01e1"};
    for (size_t i = 0; i < sizeof fractional / sizeof fractional[0]; i++) {
        tu_set_case(fractional[i]);
        const char *json = response_with("created", fractional[i]);
        const cw_issue *issue = expect_one(run(json, 0), CW_NOT_INTEGER, offset_of(json, "\"created\":", 10));
        if (issue) {
            CHECK_STR(path_text(issue), "created");
            CHECK_STR(issue->expected, "integer");
            CHECK_RECEIVED_TEXT(issue, fractional[i]);
        }
    }
    static const char *const unsafe[] = {
        "9007199254740992", "-9007199254740992", "1e400", "-1e400", "1e16", "123456789012345678901234567890"};
    for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
        tu_set_case(unsafe[i]);
        const char *json = choice_with("index", unsafe[i]);
        const cw_issue *issue = expect_one(run(json, 0), CW_UNSAFE_INTEGER, offset_of(json, "\"index\":", 8));
        if (issue) {
            CHECK_STR(path_text(issue), "choices[0].index");
            CHECK_RECEIVED_TEXT(issue, unsafe[i]);
        }
    }
}

static void test_unknown_fields(void) {
    const char *json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
                                              "\"extra\":{\"id\":[1]}}");
    tu_set_case("unknown fields are stripped by default");
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        CHECK(item.op != CW_TAPE_KEY);
    }
    CHECK_EQ_INT(r ? r->number_count : 0, 5); /* created, index and usage's three; not extra's 1 */

    tu_set_case("unknown fields with CW_UNKNOWN_REJECT");
    const cw_issue *issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"extra\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "usage.extra");
        CHECK_RECEIVED_TEXT(issue, "extra");
    }

    tu_set_case("unknown fields with CW_UNKNOWN_KEEP");
    r = run(json, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    static const expect_op usage_tail[] = {
        T_KK(TOTAL_TOKENS), T_NUM, T_KEY("extra"), T_OB, T_KEY("id"), T_AB, T_NUM, T_AE, T_OE, T_OE, T_OE,
    };
    /* The kept member closes the tape: compare the last items. */
    if (r && r->valid && CHECK(r->tape_length >= 11)) {
        uint32_t at = 0, items = 0, starts[64];
        while (at < r->tape_length && items < 64) {
            starts[items++] = at;
            tape_next(r, json, &at);
        }
        if (CHECK(items >= 11)) {
            at = starts[items - 11];
            for (size_t i = 0; i < 11; i++) {
                tape_item item = tape_next(r, json, &at);
                CHECK_EQ_INT(item.op, usage_tail[i].op);
                if (item.op == CW_TAPE_KEY)
                    CHECK_MEM(item.bytes, item.length, usage_tail[i].text, usage_tail[i].length);
            }
        }
        CHECK_EQ_INT(r->number_count, 6);
    }
    /* A schema name in the wrong place is an unknown key: KEY, not KEY_KNOWN. */
    tu_set_case("schema name at the wrong level is unknown");
    json = "{\"id\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[],"
           "\"prompt_tokens\":1}";
    r = run(json, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    int found = 0;
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        if (item.op == CW_TAPE_KEY) found += CHECK_MEM(item.bytes, item.length, "prompt_tokens", 13);
        CHECK(!(item.op == CW_TAPE_KEY_KNOWN && item.operand == CW_KEY_PROMPT_TOKENS));
    }
    CHECK_EQ_INT(found, 1);
    issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "prompt_tokens");
}

static void test_many_issues(void) {
    tu_set_case("several issues in one call");
    const char *json = "{\"id\":5,\"object\":\"x\",\"created\":1.5,\"model\":\"m\",\"choices\":[{\"text\":\"t\","
                       "\"index\":0,\"finish_reason\":\"bad\"}],\"extra\":1}";
    const cw_result *r = run(json, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 5)) dump_issues(r);
    static const uint32_t codes[] = {CW_INVALID_TYPE, CW_INVALID_LITERAL, CW_NOT_INTEGER, CW_INVALID_ENUM,
                                     CW_UNKNOWN_FIELD};
    static const char *const paths[] = {"id", "object", "created", "choices[0].finish_reason", "extra"};
    for (uint32_t i = 0; r && i < 5 && i < r->issue_count; i++) {
        /* Document order. */
        CHECK_STR(cw_code_name(r->issues[i].code), cw_code_name(codes[i]));
        CHECK_STR(path_text(&r->issues[i]), paths[i]);
        if (i > 0) CHECK(r->issues[i - 1].offset < r->issues[i].offset);
    }

    tu_set_case("max_issues 2 with 5 problems");
    cw_options o = {0, 0, 2, CW_UNKNOWN_REJECT};
    r = cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 3)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_STR(cw_code_name(r->issues[0].code), "invalid_type");
        CHECK_STR(cw_code_name(r->issues[1].code), "invalid_literal");
        CHECK_STR(cw_code_name(r->issues[2].code), "too_many_issues");
        CHECK_EQ_INT(r->issues[2].path_length, 0);
        CHECK_EQ_INT(r->issues_dropped, 3);
    }
    tu_set_case("max_issues 5 with 5 problems: no marker");
    o.max_issues = 5;
    r = cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->issue_count, 5);
        CHECK(find_issue(r, CW_TOO_MANY_ISSUES) == NULL);
    }
    /* A limit keeps the first issues of the full, document-ordered list.
     * missing_field is found only at the end of its object but sits at the
     * object's offset, before the issues inside it. */
    tu_set_case("max_issues keeps a prefix of the full list");
    const char *late = "{\"object\":\"completion\",\"created\":\"x\",\"model\":5,\"choices\":[]}";
    r = run(late, 0);
    uint32_t full_codes[3] = {0, 0, 0}, full_offsets[3] = {0, 0, 0};
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 3)) {
        for (uint32_t i = 0; i < 3; i++) {
            full_codes[i] = r->issues[i].code;
            full_offsets[i] = r->issues[i].offset;
        }
        CHECK_STR(cw_code_name(full_codes[0]), "missing_field");
    }
    for (uint32_t limit = 1; limit <= 2; limit++) {
        cw_options limited = {0, 0, limit, 0};
        r = cw_check(ctx, (const uint8_t *)late, strlen(late), &limited);
        if (!CHECK(r != NULL) || !CHECK_EQ_INT(r->issue_count, limit + 1)) continue;
        for (uint32_t i = 0; i < limit; i++) {
            if (!CHECK_STR(cw_code_name(r->issues[i].code), cw_code_name(full_codes[i])) ||
                !CHECK_EQ_INT(r->issues[i].offset, full_offsets[i]))
                dump_issues(r);
        }
        CHECK_STR(cw_code_name(r->issues[limit].code), "too_many_issues");
        CHECK_EQ_INT(r->issues_dropped, 3 - limit);
    }
    tu_set_case("max_issues 1 with a JSON-stage issue");
    o.max_issues = 1;
    expect_one(cw_check(ctx, (const uint8_t *)"[", 1, &o), CW_INVALID_JSON, 1);
}

/* ------------------------------------------------------------------ */
/* Line and column                                                      */
/* ------------------------------------------------------------------ */

static void test_line_column(void) {
    /* Line 5 holds: é (2 bytes, 1 UTF-16 unit) and 😀 (4 bytes, 2 units)
     * before the bad value. Units before the 5: `  "model": "` 12, é 1,
     * 😀 2, `", "choices": ` 14, so column 30. */
    const char *lf = "{\n  \"id\": \"cmpl-123\",\n  \"object\": \"completion\",\n  \"created\": 1,\n"
                     "  \"model\": \"\xc3\xa9\xf0\x9f\x98\x80\", \"choices\": 5\n}\n";
    tu_set_case("line/column with LF");
    const cw_issue *issue = expect_one(run(lf, 0), CW_INVALID_TYPE, offset_of(lf, ": 5", 2));
    if (issue) {
        CHECK_EQ_INT(issue->line, 5);
        CHECK_EQ_INT(issue->column, 30);
    }
    const char *crlf = "{\r\n  \"id\": \"cmpl-123\",\r\n  \"object\": \"completion\",\r\n  \"created\": 1,\r\n"
                       "  \"model\": \"\xc3\xa9\xf0\x9f\x98\x80\", \"choices\": 5\r\n}\r\n";
    tu_set_case("line/column with CRLF");
    issue = expect_one(run(crlf, 0), CW_INVALID_TYPE, offset_of(crlf, ": 5", 2));
    if (issue) {
        CHECK_EQ_INT(issue->line, 5);
        CHECK_EQ_INT(issue->column, 30);
    }
    /* A value at the start of a line after CRLF is in column 1. */
    tu_set_case("column 1 after CRLF");
    const char *start = "{\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[],\"id\":\r\n5}";
    issue = expect_one(run(start, 0), CW_INVALID_TYPE, strlen(start) - 2);
    if (issue) {
        CHECK_EQ_INT(issue->line, 2);
        CHECK_EQ_INT(issue->column, 1);
    }
    /* Syntax errors get a line and column too. */
    tu_set_case("line/column of a syntax error");
    const char *syntax = "{\n\"id\": \"\xf0\x9f\x98\x80\", \"x\": tru }";
    issue = expect_one(run(syntax, 0), CW_INVALID_JSON, offset_of(syntax, "tru ", 3));
    if (issue) {
        CHECK_EQ_INT(issue->line, 2);
        CHECK_EQ_INT(issue->column, 21); /* `"id": "` 7, 😀 2, `", "x": tru` 11 units before */
    }
    /* Several issues on different lines are each located. */
    tu_set_case("line/column of several issues");
    const char *several = "{\"id\":1,\n\"object\":\"completion\",\n\"created\":\"x\",\"model\":\"m\",\"choices\":[]}";
    const cw_result *r = run(several, 0);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 2)) {
        CHECK_EQ_INT(r->issues[0].line, 1);
        CHECK_EQ_INT(r->issues[0].column, 7);
        CHECK_EQ_INT(r->issues[1].line, 3);
        CHECK_EQ_INT(r->issues[1].column, 11);
    }
}

/* ------------------------------------------------------------------ */
/* cw_path_string                                                       */
/* ------------------------------------------------------------------ */

static void test_path_string(void) {
    tu_set_case("choices[2].finish_reason");
    const char *json = response_with("choices", "[" VALID_CHOICE "," VALID_CHOICE ","
                                                "{\"text\":\"\",\"index\":2,\"finish_reason\":\"end\"}]");
    const cw_result *r = run(json, 0);
    const cw_issue *issue = expect_one(r, CW_INVALID_ENUM, offset_of(json, "\"end\"", 0));
    if (issue) {
        const char *want = "choices[2].finish_reason";
        char buffer[64];
        CHECK_EQ_INT(cw_path_string(issue, buffer, sizeof buffer), strlen(want));
        CHECK_STR(buffer, want);
        /* Truncation works like snprintf: NUL-terminated, full length returned. */
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ_INT(cw_path_string(issue, buffer, 9), strlen(want));
        CHECK_STR(buffer, "choices[");
        CHECK_EQ_INT(buffer[9], '#');
        CHECK_EQ_INT(cw_path_string(issue, buffer, 1), strlen(want));
        CHECK_STR(buffer, "");
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ_INT(cw_path_string(issue, buffer, 0), strlen(want));
        CHECK_EQ_INT(buffer[0], '#');
        CHECK_EQ_INT(cw_path_string(issue, NULL, 0), strlen(want));
        CHECK_EQ_INT(cw_path_string(issue, buffer, strlen(want)), strlen(want));
        CHECK_STR(buffer, "choices[2].finish_reaso");
        if (CHECK_EQ_INT(issue->path_length, 3)) {
            CHECK_EQ_INT(issue->path[0].kind, CW_SEG_KEY);
            CHECK_EQ_INT(issue->path[1].kind, CW_SEG_INDEX);
            CHECK_EQ_INT(issue->path[1].index, 2);
            CHECK_EQ_INT(issue->path[2].kind, CW_SEG_KEY);
        }
    }

    tu_set_case("root path");
    issue = expect_one(run("null", 0), CW_INVALID_TYPE, 0);
    if (issue) {
        char buffer[8] = "#######";
        CHECK_EQ_INT(cw_path_string(issue, buffer, sizeof buffer), 0);
        CHECK_STR(buffer, "");
    }

    static const struct {
        const char *key_json, *path;
    } keys[] = {
        {"a b", "[\"a b\"]"}, {"a\\\"b", "[\"a\\\"b\"]"}, {"a\\\\b", "[\"a\\\\b\"]"}, {"1a", "[\"1a\"]"},
        {"", "[\"\"]"},       {"a-b", "[\"a-b\"]"},       {"_a$1", "_a$1"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        tu_set_case(keys[i].path);
        char doc[512];
        snprintf(doc, sizeof doc,
                 "{\"id\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                 "\"choices\":[],\"%s\":1}",
                 keys[i].key_json);
        /* The unknown key ends the document: `"<key>":1}` is its last key_json + 5 bytes. */
        size_t key_offset = strlen(doc) - strlen(keys[i].key_json) - 5;
        issue = expect_one(run(doc, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, key_offset);
        if (issue) CHECK_STR(path_text(issue), keys[i].path);
    }
    tu_set_case("quoted key after an index");
    json = choice_with("logprobs", "{\"a b\":{\"c\":1,\"c\":2}}");
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"c\"", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs[\"a b\"].c");
}

/* ------------------------------------------------------------------ */
/* Profiles                                                             */
/* ------------------------------------------------------------------ */

#define OPENAI_OBJECT_HINT "OpenAI's object: use profile \"openai\" or \"openai-compatible\""
#define P_OPENAI CW_PROFILE_OPENAI
#define P_COMPAT CW_PROFILE_OPENAI_COMPATIBLE
#define P_NONE (3u << CW_PROFILE_SHIFT) /* no profile has number 3 */

/* A response as OpenAI sends one: "text_completion", logprobs null, a system_fingerprint. */
static const member openai_members[] = {
    {"id", "\"cmpl-1\""},
    {"object", "\"text_completion\""},
    {"created", "1684473096"},
    {"model", "\"gpt-3.5-turbo-instruct\""},
    {"system_fingerprint", "\"fp_44709d6fcb\""},
    {"choices", "[" VALID_CHOICE "]"},
    {"usage", VALID_USAGE},
};
static const member usage_members[] = {
    {"prompt_tokens", "5"},          {"completion_tokens", "12"},         {"total_tokens", "17"},
    {"prompt_tokens_details", NULL}, {"completion_tokens_details", NULL}, /* absent unless set */
};
#define OPENAI_ERROR "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":null}}"

/* OpenAI's response with one top-level member replaced or removed ("" changes nothing). */
static const char *openai_with(const char *key, const char *value) {
    return object_with(openai_members, sizeof openai_members / sizeof openai_members[0], key, value);
}

/* OpenAI's response whose only choice has one member replaced or removed. */
static const char *openai_choice_with(const char *key, const char *value) {
    const char *choice = object_with(choice_members, 4, key, value);
    char *choices = next_buffer();
    snprintf(choices, 16384, "[%s]", choice);
    return openai_with("choices", choices);
}

/* OpenAI's response whose usage has one member replaced or removed. */
static const char *openai_usage_with(const char *key, const char *value) {
    return openai_with("usage", object_with(usage_members, sizeof usage_members / sizeof usage_members[0], key, value));
}

/* The OpenAI body fails r9s only at its object, which says what to do; the
 * same bytes pass the two OpenAI profiles. */
static void test_profile_object(void) {
    const char *json = openai_with("", NULL);
    tu_set_case("r9s: OpenAI's object, with the hint");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"text_completion\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "object");
        CHECK_STR(issue->expected, "\"completion\"");
        CHECK_RECEIVED_TEXT(issue, "text_completion");
        CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    }
    tu_set_case("r9s stream event: OpenAI's object, with the hint");
    issue = expect_one(run(json, CW_SCHEMA_STREAM_EVENT), CW_INVALID_LITERAL,
                       offset_of(json, "\"text_completion\"", 0));
    if (issue) CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    tu_set_case("r9s: CW_OPEN_ENUMS never opens a literal");
    issue = expect_one(run(json, CW_OPEN_ENUMS), CW_INVALID_LITERAL, offset_of(json, "\"text_completion\"", 0));
    if (issue) CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    tu_set_case("r9s: other wrong objects get no hint");
    const char *other = response_with("object", "\"chat.completion\"");
    issue = expect_one(run(other, 0), CW_INVALID_LITERAL, offset_of(other, "\"chat.completion\"", 0));
    if (issue) CHECK(issue->detail == NULL);
    other = response_with("object", "\"text_completion \"");
    issue = expect_one(run(other, 0), CW_INVALID_LITERAL, offset_of(other, "\"text_completion \"", 0));
    if (issue) CHECK(issue->detail == NULL);

    tu_set_case("openai: OpenAI's body is valid");
    expect_valid(run(json, P_OPENAI));
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT)); /* system_fingerprint is a field */
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible: OpenAI's body is valid");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("r9s: a response has no system_fingerprint");
    json = openai_with("object", "\"completion\"");
    expect_valid(run(json, 0));
    issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"system_fingerprint\"", 0));
    if (issue) CHECK_STR(path_text(issue), "system_fingerprint");
    expect_valid(run(json, CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT)); /* a stream event has one */

    tu_set_case("openai: the r9s object is invalid_literal, no hint");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_LITERAL, offset_of(json, "\"completion\"", 0));
    if (issue) {
        CHECK_STR(issue->expected, "\"text_completion\"");
        CHECK_RECEIVED_TEXT(issue, "completion");
        CHECK(issue->detail == NULL);
    }
    tu_set_case("openai-compatible: either object");
    expect_valid(run(json, P_COMPAT));
    json = openai_with("object", "\"chat.completion\"");
    issue = expect_one(run(json, P_COMPAT | CW_OPEN_ENUMS), CW_INVALID_LITERAL, offset_of(json, "\"chat.", 0));
    if (issue) {
        CHECK_STR(issue->expected, "\"text_completion\" | \"completion\"");
        CHECK(issue->detail == NULL);
    }
}

/* OpenAI's logprobs object, typed field by field; the other profiles keep logprobs as sent. */
static void test_profile_logprobs(void) {
    tu_set_case("openai requires logprobs, openai-compatible does not");
    const char *json = openai_choice_with("logprobs", NULL);
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs");
        CHECK_STR(issue->expected, "object or null");
    }
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("openai: typed logprobs, null first entries");
    json = openai_choice_with("logprobs", "{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-0.5],"
                                          "\"top_logprobs\":[null,{\"b\":-0.5,\"c\":-1e-3}],\"text_offset\":[0,1]}");
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));

    tu_set_case("openai: a string in token_logprobs");
    json = openai_choice_with("logprobs", "{\"token_logprobs\":[null,\"x\"]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.token_logprobs[1]");
        CHECK_STR(issue->expected, "number or null");
        CHECK_STR(issue->received, "string");
    }
    expect_valid(run(json, P_COMPAT));

    tu_set_case("openai: top_logprobs values are numbers");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":-1,\"b\":\"x\"}]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].b");
        CHECK_STR(issue->expected, "number");
        CHECK_STR(issue->received, "string");
    }
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":null}]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "null}", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].a");
    tu_set_case("openai: a top_logprobs entry is a map or null");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[null,5]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "5]", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[1]");
        CHECK_STR(issue->expected, "object or null");
    }

    tu_set_case("openai: a key repeated inside a top_logprobs map");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":-1,\"b\":-2,\"a\":-3}]}");
    issue = expect_one(run(json, P_OPENAI), CW_DUPLICATE_KEY, offset_of(json, ",\"a\":-3", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].a");
        CHECK_RECEIVED_TEXT(issue, "a");
    }
    tu_set_case("openai: map keys are data, never unknown fields");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"id\":-1,\"zz\":-2,\"\":0}]}");
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));

    tu_set_case("openai: text_offset holds integers");
    json = openai_choice_with("logprobs", "{\"text_offset\":[0,1.5]}");
    issue = expect_one(run(json, P_OPENAI), CW_NOT_INTEGER, offset_of(json, "1.5", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.text_offset[1]");
        CHECK_RECEIVED_TEXT(issue, "1.5");
    }
    json = openai_choice_with("logprobs", "{\"text_offset\":[9007199254740992]}");
    expect_one(run(json, P_OPENAI), CW_UNSAFE_INTEGER, offset_of(json, "9007199254740992", 0));
    json = openai_choice_with("logprobs", "{\"text_offset\":[null]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "null]", 0));
    if (issue) CHECK_STR(issue->expected, "integer");
    tu_set_case("openai: tokens holds strings");
    json = openai_choice_with("logprobs", "{\"tokens\":[\"a\",1]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "1]", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.tokens[1]");
        CHECK_STR(issue->expected, "string");
    }
    tu_set_case("openai: token_logprobs is an array");
    json = openai_choice_with("logprobs", "{\"token_logprobs\":{}}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "{}", 0));
    if (issue) CHECK_STR(issue->expected, "array");

    tu_set_case("openai: logprobs is a schema object, not a map");
    json = openai_choice_with("logprobs", "{\"tokens\":[],\"content\":[]}");
    expect_valid(run(json, P_OPENAI));
    issue = expect_one(run(json, P_OPENAI | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"content\"", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.content");
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT)); /* any value */
    json = choice_with("logprobs", "{\"tokens\":[],\"content\":[]}");
    expect_valid(run(json, CW_UNKNOWN_REJECT)); /* r9s: any object, kept as sent */

    tu_set_case("openai-compatible: logprobs may be any value");
    static const char *const anything[] = {"5", "\"x\"", "true", "[1,{\"a\":2}]", "{\"content\":[{\"token\":\"a\"}]}"};
    for (size_t i = 0; i < sizeof anything / sizeof anything[0]; i++) {
        json = openai_choice_with("logprobs", anything[i]);
        expect_valid(run(json, P_COMPAT));
        expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
        if (i < 4) {
            issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"logprobs\":", 11));
            if (issue) CHECK_STR(issue->expected, "object or null");
        }
    }
    tu_set_case("openai-compatible: duplicate keys inside any logprobs");
    json = openai_choice_with("logprobs", "[{\"a\":1,\"a\":2}]");
    issue = expect_one(run(json, P_COMPAT), CW_DUPLICATE_KEY, offset_of(json, ",\"a\":2", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs[0].a");
}

/* finish_reason: OpenAI's enum; openai-compatible takes any string and null. */
static void test_profile_finish_reason(void) {
    tu_set_case("openai: finish_reason eos_token");
    const char *json = openai_choice_with("finish_reason", "\"eos_token\"");
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_INVALID_ENUM, offset_of(json, "\"eos_token\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK_RECEIVED_TEXT(issue, "eos_token");
    }
    expect_valid(run(json, P_OPENAI | CW_OPEN_ENUMS));
    tu_set_case("openai-compatible: finish_reason any string");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(openai_choice_with("finish_reason", "\"\""), P_COMPAT));
    expect_valid(run(openai_choice_with("finish_reason", "\"abort\""), P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible: finish_reason null");
    json = openai_choice_with("finish_reason", "null");
    expect_valid(run(json, P_COMPAT));
    tu_set_case("openai: a response's finish_reason is never null");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":null", 16));
    if (issue) {
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK_STR(issue->received, "null");
    }
    tu_set_case("openai-compatible: finish_reason a number");
    json = openai_choice_with("finish_reason", "1");
    issue = expect_one(run(json, P_COMPAT | CW_OPEN_ENUMS), CW_INVALID_TYPE,
                       offset_of(json, "\"finish_reason\":1", 16));
    if (issue) CHECK_STR(issue->expected, "string or null");
    tu_set_case("openai-compatible: a response's finish_reason is required");
    json = openai_choice_with("finish_reason", NULL);
    issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].finish_reason");
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
}

/* The nulls openai-compatible allows and OpenAI's contract does not; the new counters. */
static void test_profile_usage(void) {
    tu_set_case("usage null");
    const char *json = openai_with("usage", "null");
    expect_valid(run(json, P_COMPAT));
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"usage\":null", 8));
    if (issue) {
        CHECK_STR(path_text(issue), "usage");
        CHECK_STR(issue->expected, "object");
        CHECK_STR(issue->received, "null");
    }
    tu_set_case("prompt_tokens_details null");
    json = openai_usage_with("prompt_tokens_details", "null");
    expect_valid(run(json, P_COMPAT));
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"prompt_tokens_details\":null", 24));
    if (issue) CHECK_STR(path_text(issue), "usage.prompt_tokens_details");
    tu_set_case("completion_tokens_details null");
    json = openai_usage_with("completion_tokens_details", "null");
    expect_valid(run(json, P_COMPAT));
    expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"completion_tokens_details\":null", 28));
    tu_set_case("system_fingerprint null");
    json = openai_with("system_fingerprint", "null");
    expect_valid(run(json, P_COMPAT));
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"system_fingerprint\":null", 21));
    if (issue) CHECK_STR(issue->expected, "string");
    tu_set_case("usage without total_tokens");
    json = openai_usage_with("total_tokens", NULL);
    issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, offset_of(json, "{\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");

    tu_set_case("the OpenAI token counters");
    static const char details[] =
        "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
        "\"prompt_tokens_details\":{\"cached_tokens\":1,\"audio_tokens\":0,\"text_tokens\":2,\"image_tokens\":3,"
        "\"cache_write_tokens\":4},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":5,\"audio_tokens\":0,\"accepted_prediction_tokens\":1,"
        "\"rejected_prediction_tokens\":2,\"text_tokens\":6}}";
    json = openai_with("usage", details);
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));
    const cw_result *r = run(json, P_OPENAI | CW_WRITE_TAPE);
    int cache_write = 0, text_tokens = 0, image_tokens = 0, unknown = 0;
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        if (item.op == CW_TAPE_KEY) unknown++;
        if (item.op != CW_TAPE_KEY_KNOWN) continue;
        cache_write += item.operand == CW_KEY_CACHE_WRITE_TOKENS;
        text_tokens += item.operand == CW_KEY_TEXT_TOKENS;
        image_tokens += item.operand == CW_KEY_IMAGE_TOKENS;
    }
    CHECK_EQ_INT(cache_write, 1);
    CHECK_EQ_INT(text_tokens, 2);
    CHECK_EQ_INT(image_tokens, 1);
    CHECK_EQ_INT(unknown, 0);
    tu_set_case("r9s: the OpenAI counters are unknown fields");
    json = response_with("usage", details);
    expect_valid(run(json, 0));
    r = run(json, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 4)) dump_issues(r);
    static const char *const unknown_paths[] = {
        "usage.prompt_tokens_details.text_tokens", "usage.prompt_tokens_details.image_tokens",
        "usage.prompt_tokens_details.cache_write_tokens", "usage.completion_tokens_details.text_tokens"};
    for (uint32_t i = 0; r && i < r->issue_count && i < 4; i++) {
        CHECK_STR(cw_code_name(r->issues[i].code), "unknown_field");
        CHECK_STR(path_text(&r->issues[i]), unknown_paths[i]);
    }
    tu_set_case("openai: cache_write_tokens is an integer");
    json = openai_usage_with("prompt_tokens_details", "{\"cache_write_tokens\":\"4\"}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"4\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "usage.prompt_tokens_details.cache_write_tokens");
        CHECK_STR(issue->expected, "integer");
    }
}

/* Stream events: OpenAI's nulls, and openai-compatible's usage-only last event. */
static void test_profile_stream(void) {
    const char *head = "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\"";
    char json[1024];

    tu_set_case("openai-compatible stream event: usage, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":%s}", head, VALID_USAGE);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    tu_set_case("openai-compatible response: usage does not excuse choices");
    const cw_issue *issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    tu_set_case("openai stream event: usage does not excuse choices");
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    tu_set_case("r9s stream event: usage does not excuse choices");
    snprintf(json, sizeof json, "{\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"usage\":%s}",
             VALID_USAGE);
    expect_one(run(json, CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);

    tu_set_case("openai-compatible stream event: usage first, no choices");
    snprintf(json, sizeof json, "{\"usage\":%s,\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\"}",
             VALID_USAGE);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible stream event: no usage, no choices");
    snprintf(json, sizeof json, "%s}", head);
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) {
        CHECK_STR(path_text(issue), "choices");
        CHECK_STR(issue->expected, "array");
    }
    tu_set_case("openai-compatible stream event: usage null, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":null}", head);
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    /* "There and not null" is all optionalWith asks: usage 5 is invalid_type, and choices is excused. */
    tu_set_case("openai-compatible stream event: usage of the wrong type, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":5}", head);
    const cw_result *r = run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 1)) CHECK_STR(cw_code_name(r->issues[0].code), "invalid_type");
    else dump_issues(r);
    tu_set_case("openai-compatible stream event: usage null with choices");
    snprintf(json, sizeof json, "%s,\"choices\":[{\"text\":\"\",\"index\":0}],\"usage\":null}", head);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("openai stream event: finish_reason null, usage null");
    snprintf(json, sizeof json,
             "%s,\"system_fingerprint\":\"fp\",\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null,"
             "\"finish_reason\":null}],\"usage\":null}",
             head);
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    tu_set_case("openai response: usage null and finish_reason null");
    r = run(json, P_OPENAI);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    if (r && r->issue_count == 2) {
        CHECK_STR(path_text(&r->issues[0]), "choices[0].finish_reason");
        CHECK_STR(path_text(&r->issues[1]), "usage");
    }
    tu_set_case("openai stream event: finish_reason is required");
    snprintf(json, sizeof json, "%s,\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null}]}", head);
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\" | null");
    }
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai stream event: eos_token");
    snprintf(json, sizeof json,
             "%s,\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"eos_token\"}]}", head);
    expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_INVALID_ENUM, offset_of(json, "\"eos_token\"", 0));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai stream event: no obfuscation field");
    snprintf(json, sizeof json, "%s,\"choices\":[],\"obfuscation\":\"x\"}", head);
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT));
    expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD,
               offset_of(json, "\"obfuscation\"", 0));
}

/* Error bodies: each profile's, and any-error (an object under "error"), whatever the profile. */
static void test_profile_errors(void) {
    static const uint32_t profiles[] = {CW_PROFILE_R9S, P_OPENAI, P_COMPAT};
    static const char *const profile_names[] = {"r9s", "openai", "openai-compatible"};
    const char *json = OPENAI_ERROR;

    tu_set_case("OpenAI's error body");
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    tu_set_case("r9s error: param must be a string");
    const cw_issue *issue = expect_one(run(json, CW_SCHEMA_ERROR), CW_INVALID_TYPE,
                                       offset_of(json, "\"param\":null", 8));
    if (issue) {
        CHECK_STR(path_text(issue), "error.param");
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "null");
    }
    for (int p = 0; p < 3; p++) {
        tu_set_case(profile_names[p]);
        expect_valid(run(json, profiles[p] | CW_SCHEMA_ANY_ERROR | CW_UNKNOWN_REJECT));
        expect_valid(run("{\"error\":{}}", profiles[p] | CW_SCHEMA_ANY_ERROR));
        issue = expect_one(run("{\"error\":\"x\"}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_INVALID_TYPE, 9);
        if (issue) {
            CHECK_STR(path_text(issue), "error");
            CHECK_STR(issue->expected, "object");
            CHECK_STR(issue->received, "string");
        }
        expect_one(run("{\"error\":null}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_INVALID_TYPE, 9);
        issue = expect_one(run("{\"message\":\"x\"}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_MISSING_FIELD, 0);
        if (issue) CHECK_STR(path_text(issue), "error");
        expect_one(run("{\"error\":{},\"x\":1}", profiles[p] | CW_SCHEMA_ANY_ERROR | CW_UNKNOWN_REJECT),
                   CW_UNKNOWN_FIELD, 12);
        /* A response is no error body. */
        expect_one(run(openai_with("", NULL), profiles[p] | CW_SCHEMA_ANY_ERROR), CW_MISSING_FIELD, 0);
    }
    tu_set_case("any-error: duplicate keys inside the error");
    json = "{\"error\":{\"a\":{\"b\":1,\"b\":2}}}";
    issue = expect_one(run(json, CW_SCHEMA_ANY_ERROR), CW_DUPLICATE_KEY, offset_of(json, ",\"b\"", 1));
    if (issue) CHECK_STR(path_text(issue), "error.a.b");
    tu_set_case("any-error: the error is kept as sent");
    json = "{\"error\":{\"message\":\"m\",\"code\":400,\"type\":null}}";
    static const expect_op any_error_tape[] = {
        T_OB, T_KK(ERROR), T_OB, T_KEY("message"), T_STR("m"), T_KEY("code"), T_NUM, T_KEY("type"), T_NULL, T_OE, T_OE,
    };
    static const double any_error_numbers[] = {400};
    check_tape(run(json, P_OPENAI | CW_SCHEMA_ANY_ERROR | CW_WRITE_TAPE), json, any_error_tape,
               sizeof any_error_tape / sizeof any_error_tape[0], any_error_numbers, 1);

    tu_set_case("openai-compatible error: an integer code (vLLM)");
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":400}}";
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR));
    static const expect_op compat_error_tape[] = {
        T_OB,        T_KK(ERROR), T_OB,       T_KK(MESSAGE), T_STR("m"), T_KK(TYPE), T_STR("t"),
        T_KK(PARAM), T_NULL,      T_KK(CODE), T_NUM,         T_OE,       T_OE,
    };
    check_tape(run(json, P_COMPAT | CW_SCHEMA_ERROR | CW_WRITE_TAPE), json, compat_error_tape,
               sizeof compat_error_tape / sizeof compat_error_tape[0], any_error_numbers, 1);
    tu_set_case("openai error: code is a string or null");
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_ERROR), CW_INVALID_TYPE, offset_of(json, "400", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "error.code");
        CHECK_STR(issue->expected, "string or null");
    }
    tu_set_case("openai-compatible error: code 1.5, code true");
    json = "{\"error\":{\"message\":\"m\",\"code\":1.5}}";
    expect_one(run(json, P_COMPAT | CW_SCHEMA_ERROR), CW_NOT_INTEGER, offset_of(json, "1.5", 0));
    json = "{\"error\":{\"message\":\"m\",\"code\":true}}";
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_ERROR), CW_INVALID_TYPE, offset_of(json, "true", 0));
    if (issue) CHECK_STR(issue->expected, "string or integer or null");

    tu_set_case("openai-compatible error: only message is required");
    json = "{\"error\":{\"message\":\"m\",\"type\":null}}";
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR));
    issue = expect_one(run("{\"error\":{}}", P_COMPAT | CW_SCHEMA_ERROR), CW_MISSING_FIELD, 9);
    if (issue) CHECK_STR(path_text(issue), "error.message");
    tu_set_case("openai error: code, message, param and type are required");
    const cw_result *r = run("{\"error\":{\"message\":\"m\"}}", P_OPENAI | CW_SCHEMA_ERROR);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 3)) dump_issues(r);
    static const char *const missing[] = {"error.code", "error.param", "error.type"};
    for (uint32_t i = 0; r && i < r->issue_count && i < 3; i++) {
        CHECK_STR(cw_code_name(r->issues[i].code), "missing_field");
        CHECK_EQ_INT(r->issues[i].offset, 9);
        CHECK_STR(path_text(&r->issues[i]), missing[i]);
    }
    tu_set_case("r9s error: status, which OpenAI's error has not");
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":null},\"status\":404}";
    expect_valid(run(json, CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":null},\"status\":404}";
    expect_one(run(json, P_OPENAI | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD,
               offset_of(json, "\"status\"", 0));
}

/* The tape of a valid OpenAI body with logprobs: OpenAI's logprobs fields are
 * schema keys; openai-compatible keeps logprobs as sent, with verbatim keys. */
static void test_profile_tape(void) {
    const char *json =
        "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"ab\","
        "\"index\":0,\"logprobs\":{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-0.5],"
        "\"top_logprobs\":[null,{\"b\":-0.25,\"\\u0069d\":-2}],\"text_offset\":[0,1]},\"finish_reason\":\"length\"}]}";
    static const expect_op openai_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("text_completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("ab"),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_OB,
        T_KK(TOKENS),
        T_AB,
        T_STR("a"),
        T_STR("b"),
        T_AE,
        T_KK(TOKEN_LOGPROBS),
        T_AB,
        T_NULL,
        T_NUM,
        T_AE,
        /* Map keys stay data, even one that spells a schema key. */
        T_KK(TOP_LOGPROBS),
        T_AB,
        T_NULL,
        T_OB,
        T_KEY("b"),
        T_NUM,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_AE,
        T_KK(TEXT_OFFSET),
        T_AB,
        T_NUM,
        T_NUM,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_OE,
    };
    static const double numbers[] = {1, 0, -0.5, -0.25, -2, 0, 1};
    tu_set_case("openai tape with logprobs");
    const cw_result *r = run(json, P_OPENAI | CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, openai_tape, sizeof openai_tape / sizeof openai_tape[0], numbers, 7);
    /* The escaped key "\u0069d" is decoded into the strings pool. */
    if (r && r->valid && r->tape_length > 44) {
        uint32_t at = 0, keys = 0;
        while (at < r->tape_length) {
            uint32_t word = r->tape[at];
            tape_item item = tape_next(r, json, &at);
            if (item.op == CW_TAPE_KEY && ++keys == 2) CHECK(word & CW_TAPE_IN_STRINGS);
        }
        CHECK_EQ_INT(keys, 2);
    }

    static const expect_op compat_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("text_completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("ab"),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_OB,
        T_KEY("tokens"),
        T_AB,
        T_STR("a"),
        T_STR("b"),
        T_AE,
        T_KEY("token_logprobs"),
        T_AB,
        T_NULL,
        T_NUM,
        T_AE,
        T_KEY("top_logprobs"),
        T_AB,
        T_NULL,
        T_OB,
        T_KEY("b"),
        T_NUM,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_AE,
        T_KEY("text_offset"),
        T_AB,
        T_NUM,
        T_NUM,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_OE,
    };
    tu_set_case("openai-compatible tape: logprobs kept as sent");
    r = run(json, P_COMPAT | CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, compat_tape, sizeof compat_tape / sizeof compat_tape[0], numbers, 7);

    tu_set_case("openai-compatible tape: nulls");
    json = "{\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":null,"
           "\"choices\":[{\"text\":\"\",\"index\":0,\"finish_reason\":null}],\"usage\":null}";
    static const expect_op nulls_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(SYSTEM_FINGERPRINT),
        T_NULL,
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR(""),
        T_KK(INDEX),
        T_NUM,
        T_KK(FINISH_REASON),
        T_NULL,
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_NULL,
        T_OE,
    };
    static const double two_numbers[] = {1, 0};
    check_tape(run(json, P_COMPAT | CW_WRITE_TAPE), json, nulls_tape, sizeof nulls_tape / sizeof nulls_tape[0],
               two_numbers, 2);
}

/* Flags that name no profile; the profile and document bits; the new key names. */
static void test_profile_flags(void) {
    tu_set_case("profile number 3 names no profile");
    static const uint32_t documents[] = {0, CW_SCHEMA_STREAM_EVENT, CW_SCHEMA_ERROR, CW_SCHEMA_ANY_ERROR};
    for (int d = 0; d < 4; d++) {
        CHECK(run(SPEC_EXAMPLE, P_NONE | documents[d]) == NULL);
        CHECK(run(SPEC_EXAMPLE, P_NONE | documents[d] | CW_WRITE_TAPE | CW_UNKNOWN_KEEP) == NULL);
        CHECK(run("[", P_NONE | documents[d]) == NULL); /* before the JSON is looked at */
    }
    cw_options none = with_flags(P_NONE);
    CHECK(cw_check(ctx, NULL, 0, &none) == NULL);
    CHECK(run_n("", 0, CW_PROFILE_MASK) == NULL);
    /* Also for input over max_bytes, which would otherwise be too_large without being read. */
    none.max_bytes = 1;
    CHECK(cw_check(ctx, (const uint8_t *)SPEC_EXAMPLE, strlen(SPEC_EXAMPLE), &none) == NULL);
    CHECK(cw_check(ctx, NULL, 1000, &none) == NULL);
    tu_set_case("the context works after a NULL");
    expect_valid(run(SPEC_EXAMPLE, 0));
    expect_valid(run(OPENAI_ERROR, P_OPENAI | CW_SCHEMA_ERROR));

    tu_set_case("profile and document bits");
    CHECK_EQ_INT(CW_PROFILE_R9S, 0);
    CHECK_EQ_INT(CW_PROFILE_OPENAI, 1u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_PROFILE_OPENAI_COMPATIBLE, 2u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_PROFILE_MASK, 3u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_ANY_ERROR, 3u << CW_SCHEMA_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_MASK & CW_PROFILE_MASK, 0);
    CHECK_EQ_INT(
        (CW_SCHEMA_MASK | CW_PROFILE_MASK) & (CW_UNKNOWN_KEEP | CW_UNKNOWN_REJECT | CW_OPEN_ENUMS | CW_WRITE_TAPE), 0);
    CHECK_EQ_INT(CW_PROFILE_COUNT, 3);

    tu_set_case("key names");
    CHECK_STR(cw_key_name(CW_KEY_TEXT_OFFSET), "text_offset");
    CHECK_STR(cw_key_name(CW_KEY_TOKEN_LOGPROBS), "token_logprobs");
    CHECK_STR(cw_key_name(CW_KEY_TOKENS), "tokens");
    CHECK_STR(cw_key_name(CW_KEY_TOP_LOGPROBS), "top_logprobs");
    CHECK_STR(cw_key_name(CW_KEY_TEXT_TOKENS), "text_tokens");
    CHECK_STR(cw_key_name(CW_KEY_IMAGE_TOKENS), "image_tokens");
    CHECK_STR(cw_key_name(CW_KEY_CACHE_WRITE_TOKENS), "cache_write_tokens");
    CHECK_STR(cw_key_name(CW_KEY_SYSTEM_FINGERPRINT), "system_fingerprint");
    CHECK_STR(cw_key_name(CW_KEY_OBFUSCATION), "obfuscation");
    CHECK_STR(cw_key_name(CW_KEY_ERROR), "error");
    CHECK_STR(cw_key_name(CW_KEY_STATUS), "status");
    CHECK_STR(cw_key_name(CW_KEY_PARAM), "param");
    CHECK(cw_key_name(CW_KEY_COUNT) == NULL);
    CHECK(cw_key_name(CW_KEY_COUNT + 1) == NULL);
    /* Every id has a name of its own. */
    int unnamed = 0, repeated = 0;
    for (uint32_t k = 0; k < CW_KEY_COUNT; k++) {
        const char *name = cw_key_name(k);
        if (name == NULL || name[0] == '\0') {
            unnamed++;
            continue;
        }
        for (uint32_t j = 0; j < k; j++) repeated += cw_key_name(j) != NULL && strcmp(cw_key_name(j), name) == 0;
    }
    CHECK_EQ_INT(unnamed, 0);
    CHECK_EQ_INT(repeated, 0);
}

/* ------------------------------------------------------------------ */
/* Context reuse                                                        */
/* ------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------ */
/* Invariants on mutated documents                                      */
/* ------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------ */
/* JSONTestSuite                                                        */
/* ------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t capacity = 4096, n = 0;
    char *data = malloc(capacity);
    while (data) {
        n += fread(data + n, 1, capacity - n, f);
        if (n < capacity) break;
        char *bigger = realloc(data, capacity *= 2);
        if (!bigger) free(data);
        data = bigger;
    }
    fclose(f);
    *length = n;
    return data;
}

static int count_json_stage(const cw_result *r) {
    int n = 0;
    for (uint32_t i = 0; i < r->issue_count; i++) n += is_json_stage(r->issues[i].code);
    return n;
}

static int name_in(const char *name, const char *const *list) {
    for (; *list; list++)
        if (strcmp(name, *list) == 0) return 1;
    return 0;
}

/* i_ files where a deliberate decision makes us reject what JSON.parse takes. */
static const char *const rejected_by_decision[] = {
    "i_structure_UTF-8_BOM_empty_object.json",
    "i_object_key_lone_2nd_surrogate.json",
    "i_string_1st_surrogate_but_2nd_missing.json",
    "i_string_1st_valid_surrogate_2nd_invalid.json",
    "i_string_incomplete_surrogate_and_escape_valid.json",
    "i_string_incomplete_surrogate_pair.json",
    "i_string_incomplete_surrogates_escape_valid.json",
    "i_string_invalid_lonely_surrogate.json",
    "i_string_invalid_surrogate.json",
    "i_string_inverted_surrogates_U+1D11E.json",
    "i_string_lone_second_surrogate.json",
    NULL,
};
/* i_ files that are not UTF-8 at all. */
static const char *const not_utf8[] = {
    "i_string_UTF-8_invalid_sequence.json",
    "i_string_UTF8_surrogate_U+D800.json",
    "i_string_invalid_utf-8.json",
    "i_string_iso_latin_1.json",
    "i_string_lone_utf8_continuation_byte.json",
    "i_string_not_in_unicode_range.json",
    "i_string_overlong_sequence_2_bytes.json",
    "i_string_overlong_sequence_6_bytes.json",
    "i_string_overlong_sequence_6_bytes_null.json",
    "i_string_truncated-utf-8.json",
    "i_string_UTF-16LE_with_BOM.json",
    NULL,
};

static void check_suite_file(const char *name, const char *data, size_t length, int *counts) {
    cw_options deep = {0, CW_MAX_DEPTH_LIMIT, 0, 0};
    const cw_result *r = cw_check(ctx, (const uint8_t *)data, length, &deep);
    if (!CHECK(r != NULL)) return;
    int stage = count_json_stage(r);
    if (name[0] == 'y') {
        counts[0]++;
        if (!CHECK_EQ_INT(stage, 0)) dump_issues(r);
    } else if (name[0] == 'n') {
        counts[1]++;
        if (!CHECK_EQ_INT(stage, 1) || !CHECK_EQ_INT(r->issue_count, 1)) dump_issues(r);
    } else if (name[0] == 'i') {
        counts[2]++;
        if (name_in(name, rejected_by_decision)) {
            expect_one(r, CW_INVALID_JSON, r->issue_count ? r->issues[0].offset : 0);
        } else if (name_in(name, not_utf8)) {
            expect_one(r, CW_INVALID_UTF8, r->issue_count ? r->issues[0].offset : 0);
        } else if (strncmp(name, "i_string_utf16", 14) == 0) {
            CHECK_EQ_INT(stage, 1); /* NUL bytes: not JSON as UTF-8 */
        } else {
            /* Huge numbers and 500 nested arrays: JSON.parse accepts them. */
            if (!CHECK_EQ_INT(stage, 0)) dump_issues(r);
        }
    }
}

static void test_json_test_suite(void) {
    char dir_path[4096];
    snprintf(dir_path, sizeof dir_path, "%s/../shared/conformance/JSONTestSuite/test_parsing", repo_root);
    tu_set_case(dir_path);
    DIR *dir = opendir(dir_path);
    if (!CHECK(dir != NULL)) return;
    int counts[3] = {0, 0, 0};
    struct dirent *entry;
    char file_path[8192];
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.' || strlen(name) < 6 || strcmp(name + strlen(name) - 5, ".json") != 0) continue;
        snprintf(file_path, sizeof file_path, "%s/%s", dir_path, name);
        size_t length = 0;
        char *data = read_file(file_path, &length);
        tu_set_case(name);
        if (!CHECK(data != NULL)) continue;
        check_suite_file(name, data, length, counts);
        free(data);
    }
    closedir(dir);
    tu_set_case("JSONTestSuite counts");
    CHECK(counts[0] >= 90);  /* y_ */
    CHECK(counts[1] >= 180); /* n_ */
    CHECK(counts[2] >= 30);  /* i_ */
    printf("JSONTestSuite: %d y_, %d n_, %d i_ files\n", counts[0], counts[1], counts[2]);

    /* The 500 nested arrays exceed the default depth. */
    tu_set_case("i_structure_500_nested_arrays at the default depth");
    snprintf(file_path, sizeof file_path, "%s/i_structure_500_nested_arrays.json", dir_path);
    size_t length = 0;
    char *data = read_file(file_path, &length);
    if (CHECK(data != NULL)) expect_one(run_n(data, length, 0), CW_TOO_DEEP, CW_DEFAULT_MAX_DEPTH);
    free(data);
}

/* ------------------------------------------------------------------ */

int main(int argc, char **argv) {
    if (argc > 1) repo_root = argv[1];
    ctx = cw_context_new();
    if (!CHECK(ctx != NULL)) return test_report();

    test_names();
    test_spec_example();
    test_full_tape();
    test_nul_escape();
    test_number_values();
    test_number_at_end_of_input();
    test_escaped_schema_key();
    test_strictness();
    test_syntax_received();
    test_depth();
    test_deep_path();
    test_size();
    test_duplicates();
    test_invalid_type();
    test_missing_field();
    test_literal_and_enum();
    test_integers();
    test_unknown_fields();
    test_many_issues();
    test_profile_object();
    test_profile_logprobs();
    test_profile_finish_reason();
    test_profile_usage();
    test_profile_stream();
    test_profile_errors();
    test_profile_tape();
    test_profile_flags();
    test_line_column();
    test_path_string();
    test_context_reuse();
    test_mutations();
    test_json_test_suite();

    cw_context_free(ctx);
    tu_set_case("");
    return test_report();
}
