/*
 * test_numbers.c: numbers: the doubles on the tape (bit for bit what a
 * correctly rounding strtod gives, NUMBER or NUMBER_TEXT), a number that ends
 * the input, and integers (not_integer, unsafe_integer).
 */

#include <stdio.h>
#include <stdlib.h>

#include "core_util.h"

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

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_number_values);
    RUN_TEST(test_number_at_end_of_input);
    RUN_TEST(test_integers);
    return close_shared_context();
}
