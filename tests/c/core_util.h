/*
 * core_util.h: what the core's tests (tests/c/test_*.c) share, through the
 * public API only (completion.h): the context they share, calls of
 * cw_check, expectations on issues, and reading the tape. The documents they
 * check are in documents.h; the CHECK macros in test_util.h.
 *
 * Each test program opens one context and runs all its tests on it: reusing
 * a context is part of what is tested.
 *     int main(void) {
 *         if (!open_shared_context()) return test_report();
 *         RUN_TEST(test_something);
 *         return close_shared_context();
 *     }
 */
#ifndef CORE_UTIL_H
#define CORE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "completion.h"
#include "documents.h"
#include "test_util.h"

extern cw_context *ctx; /* shared by the tests of one program */

/* Creates ctx (a failed check when it cannot); returns whether it did. */
int open_shared_context(void);
/* Frees ctx and prints the final count; returns the exit status. */
int close_shared_context(void);

/* The profiles other than r9s (the default, 0). */
#define P_OPENAI CW_PROFILE_OPENAI
#define P_COMPAT CW_PROFILE_OPENAI_COMPATIBLE

/* ------------------------------------------------------------------ */
/* Calling the core                                                     */
/* ------------------------------------------------------------------ */

cw_options with_flags(uint32_t flags);
const cw_result *run_n(const char *json, size_t length, uint32_t flags);
const cw_result *run(const char *json, uint32_t flags);

/* Byte offset of `needle` in `json` plus `delta`; a failed check when absent. */
size_t offset_of(const char *json, const char *needle, size_t delta);

/* ------------------------------------------------------------------ */
/* Issues                                                               */
/* ------------------------------------------------------------------ */

/* invalid_json, invalid_utf8, too_deep, too_large: an input with one is not checked further. */
int is_json_stage(uint32_t code);
/* The issue's path as cw_path_string writes it, in a static buffer. */
const char *path_text(const cw_issue *issue);
/* Lists the issues on stderr: a failed count is useless without them. */
void dump_issues(const cw_result *r);
/* The first issue of `code`, or NULL. */
const cw_issue *find_issue(const cw_result *r, uint32_t code);
/* Exactly one issue, of `code` at `offset`. Returns it (NULL on failure).
 * JSON-stage issues (syntax, UTF-8, depth, size) also have the root path. */
const cw_issue *expect_one(const cw_result *r, uint32_t code, size_t offset);
void expect_valid(const cw_result *r);

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
tape_item tape_next(const cw_result *r, const char *json, uint32_t *at);

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

/* The tape is exactly `expected` and its numbers exactly `numbers`. */
void check_tape(const cw_result *r, const char *json, const expect_op *expected, size_t count, const double *numbers,
                size_t number_count);

#endif
