/* test_util.c: the checks and counts behind test_util.h. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

static unsigned long tu_passed;
static unsigned long tu_failed;
static const char *tu_case = "";

void tu_set_case(const char *name) { tu_case = name ? name : ""; }

static int tu_result(int ok, const char *file, int line) {
    if (ok) {
        tu_passed++;
    } else {
        tu_failed++;
        fprintf(stderr, "%s:%d: FAILED%s%s\n", file, line, tu_case[0] ? " in case " : "", tu_case);
    }
    return ok;
}

int tu_check(int ok, const char *text, const char *file, int line) {
    if (!ok) fprintf(stderr, "%s:%d: CHECK(%s)\n", file, line, text);
    return tu_result(ok, file, line);
}

int tu_check_eq_int(long long actual, long long expected, const char *actual_text, const char *expected_text,
                    const char *file, int line) {
    int ok = actual == expected;
    if (!ok) {
        fprintf(stderr, "%s:%d: CHECK_EQ_INT(%s, %s): got %lld, expected %lld\n", file, line, actual_text,
                expected_text, actual, expected);
    }
    return tu_result(ok, file, line);
}

void tu_print_bytes(const char *bytes, size_t length) {
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

int tu_check_mem(const char *actual, size_t length, const char *expected, size_t expected_length,
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

int tu_check_str(const char *actual, const char *expected, const char *actual_text, const char *file, int line) {
    return tu_check_mem(actual, actual ? strlen(actual) : 0, expected, expected ? strlen(expected) : 0, actual_text,
                        file, line);
}

void tu_run(const char *name, void (*test)(void)) {
    unsigned long before = tu_passed + tu_failed;
    test();
    printf("%s: %lu checks\n", name, tu_passed + tu_failed - before);
}

int test_report(void) {
    printf("%lu passed, %lu failed\n", tu_passed, tu_failed);
    return tu_failed ? 1 : 0;
}
