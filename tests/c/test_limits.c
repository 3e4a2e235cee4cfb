/*
 * test_limits.c: the limits of cw_options: max_depth (too_deep, clamped to
 * CW_MAX_DEPTH_LIMIT, a full path at the deepest level) and max_bytes
 * (too_large, before anything is read). max_issues is test_issues.c's.
 */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core_util.h"

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

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_depth);
    RUN_TEST(test_deep_path);
    RUN_TEST(test_size);
    return close_shared_context();
}
