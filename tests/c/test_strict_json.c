/*
 * test_strict_json.c: the JSON stage: every fault in numbers, strings, UTF-8
 * and structure that JSON.parse rejects, and the lone surrogates we reject
 * besides, gives one issue at the right byte; and what a syntax error
 * reports as received.
 *
 * Offsets of syntax errors follow one rule, the same JSON.parse uses for its
 * "at position N": the offset is the length of the longest prefix of the
 * input that can still be continued into valid JSON (for "01" that is 1, for
 * "1." at the end of input it is 2). Invalid UTF-8 is reported at the first
 * byte of the ill-formed sequence (like Rust's Utf8Error::valid_up_to).
 * Lone surrogate escapes, a deliberate extra rejection, are reported at the
 * backslash that starts the escape.
 *
 * JSONTestSuite's files are test_jsontestsuite.c's.
 */

#include "core_util.h"

/* The spec example with its hole, '@', in a number, a string and the choices array. */
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

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_strictness);
    RUN_TEST(test_syntax_received);
    return close_shared_context();
}
