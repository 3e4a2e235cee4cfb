/*
 * test_util.h: a tiny assertion helper for the C unit tests (test_util.c).
 *
 * CHECK* macros never abort: a failed check prints file:line and what was
 * compared, counts the failure and lets the test go on, so one run shows
 * every broken expectation. Each macro evaluates to 1 when the check passed,
 * so a test can skip follow-up checks that would only dereference garbage:
 *     if (CHECK_EQ_INT(r->issue_count, 1)) { ... r->issues[0] ... }
 * test_report() prints the final "N passed, N failed" line and gives the
 * exit status (nonzero on any failure).
 *
 * The counts live in test_util.c, so the checks of every file linked into one
 * test program add up (the core's tests share core_util.c and documents.c).
 */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H

#include <stddef.h>

/* Printed with every failure so a failure inside a loop says which case. */
void tu_set_case(const char *name);

int tu_check(int ok, const char *text, const char *file, int line);
int tu_check_eq_int(long long actual, long long expected, const char *actual_text, const char *expected_text,
                    const char *file, int line);
/* Compares `length` bytes at `actual` (may contain NUL) with `expected`. */
int tu_check_mem(const char *actual, size_t length, const char *expected, size_t expected_length,
                 const char *actual_text, const char *file, int line);
int tu_check_str(const char *actual, const char *expected, const char *actual_text, const char *file, int line);

/* Prints bytes with C escapes so NULs and non-ASCII show up in messages. */
void tu_print_bytes(const char *bytes, size_t length);

#define CHECK(cond) tu_check(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ_INT(actual, expected) \
    tu_check_eq_int((long long)(actual), (long long)(expected), #actual, #expected, __FILE__, __LINE__)
/* NUL-terminated strings; a NULL on either side fails. */
#define CHECK_STR(actual, expected) tu_check_str((actual), (expected), #actual, __FILE__, __LINE__)
/* Byte ranges that may contain NUL: (pointer, length) against (pointer, length). */
#define CHECK_MEM(actual, length, expected, expected_length) \
    tu_check_mem((const char *)(actual), (length), (expected), (expected_length), #actual, __FILE__, __LINE__)

/* Runs one test function and prints how many checks it made ("test_size: 28 checks"),
 * so a split or a refactoring can be compared test by test with the run before. */
void tu_run(const char *name, void (*test)(void));
#define RUN_TEST(test) tu_run(#test, test)

int test_report(void);

#endif
