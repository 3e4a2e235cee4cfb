/*
 * test_util.h: a tiny assertion helper for the C unit tests.
 *
 * CHECK* macros never abort: a failed check prints file:line and what was
 * compared, counts the failure and lets the test go on, so one run shows
 * every broken expectation. Each macro evaluates to 1 when the check passed,
 * so a test can skip follow-up checks that would only dereference garbage:
 *     if (CHECK_EQ_INT(r->issue_count, 1)) { ... r->issues[0] ... }
 * test_report() prints the final "N passed, N failed" line and gives the
 * exit status (nonzero on any failure).
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stdio.h>
#include <string.h>

static unsigned long tu_passed;
static unsigned long tu_failed;
/* Printed with every failure so a failure inside a loop says which case. */
static const char *tu_case = "";

static void tu_set_case(const char *name) { tu_case = name ? name : ""; }

static int tu_result(int ok, const char *file, int line) {
    if (ok) {
        tu_passed++;
    } else {
        tu_failed++;
        fprintf(stderr, "%s:%d: FAILED%s%s\n", file, line, tu_case[0] ? " in case " : "", tu_case);
    }
    return ok;
}

static int tu_check(int ok, const char *text, const char *file, int line) {
    if (!ok) fprintf(stderr, "%s:%d: CHECK(%s)\n", file, line, text);
    return tu_result(ok, file, line);
}

static int tu_check_eq_int(long long actual, long long expected, const char *actual_text, const char *expected_text,
                           const char *file, int line) {
    int ok = actual == expected;
    if (!ok) {
        fprintf(stderr, "%s:%d: CHECK_EQ_INT(%s, %s): got %lld, expected %lld\n", file, line, actual_text,
                expected_text, actual, expected);
    }
    return tu_result(ok, file, line);
}

/* Prints bytes with C escapes so NULs and non-ASCII show up in messages. */
static void tu_print_bytes(const char *bytes, size_t length) {
    if (!bytes) {
        fputs("(null)", stderr);
        return;
    }
    fputc('"', stderr);
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') fputc(c, stderr);
        else fprintf(stderr, "\\x%02x", c);
    }
    fputc('"', stderr);
}

/* Compares `length` bytes at `actual` (may contain NUL) with `expected`. */
static int tu_check_mem(const char *actual, size_t length, const char *expected, size_t expected_length,
                        const char *actual_text, const char *file, int line) {
    int ok = actual && expected && length == expected_length && (length == 0 || memcmp(actual, expected, length) == 0);
    if (!ok) {
        fprintf(stderr, "%s:%d: %s: got ", file, line, actual_text);
        tu_print_bytes(actual, actual ? length : 0);
        fputs(", expected ", stderr);
        tu_print_bytes(expected, expected ? expected_length : 0);
        fputc('\n', stderr);
    }
    return tu_result(ok, file, line);
}

static int tu_check_str(const char *actual, const char *expected, const char *actual_text, const char *file, int line) {
    return tu_check_mem(actual, actual ? strlen(actual) : 0, expected, expected ? strlen(expected) : 0, actual_text,
                        file, line);
}

#define CHECK(cond) tu_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ_INT(actual, expected) \
    tu_check_eq_int((long long)(actual), (long long)(expected), #actual, #expected, __FILE__, __LINE__)
/* NUL-terminated strings; a NULL on either side fails. */
#define CHECK_STR(actual, expected) tu_check_str((actual), (expected), #actual, __FILE__, __LINE__)
/* Byte ranges that may contain NUL: (pointer, length) against (pointer, length). */
#define CHECK_MEM(actual, length, expected, expected_length) \
    tu_check_mem((const char *)(actual), (length), (expected), (expected_length), #actual, __FILE__, __LINE__)

static int test_report(void) {
    printf("%lu passed, %lu failed\n", tu_passed, tu_failed);
    return tu_failed ? 1 : 0;
}

#endif
