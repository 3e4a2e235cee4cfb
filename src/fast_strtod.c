/*
 * fast_strtod.c: the number conversion cJSON uses. Our patch to cJSON's
 * parse_number (src/vendor/cjson/patches/0003-number-in-place.patch) calls
 * cw_strtod on the number where it stands in the input, bounded by the
 * input's end, instead of the C library's strtod on a NUL-terminated copy.
 *
 * Why: in wasm32, musl's strtod computes in 128-bit long double, emulated in
 * software. It was the largest single cost of a call and a third of the
 * module's code.
 *
 * What: the exact fast path (Clinger 1990). When the decimal significand is
 * at most 2^53 it is an exact double, and so is 10^k for k <= 22, so one IEEE
 * multiplication or division gives the correctly rounded result, the double
 * strtod would return. Any other number (more digits, a larger exponent)
 * yields +-Infinity: the walker treats an infinite value as "convert me from
 * the text" and hands the number's source text on (CW_TAPE_NUMBER_TEXT),
 * which the reader converts exactly (JS: Number(text), what JSON.parse does).
 * Infinity is also what keeps cJSON's own (int) cast of the value defined.
 * Whether a number is whole and within +-(2^53-1) is decided on its text
 * (json_number_class, src/json_scan.c), never from this value.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

/* The number at text, read no further than limit; *end is set after its
 * last byte, or to text when no digit was there. */
double cw_strtod(const char *text, const char *limit, const char **end);

#define EXACT_LIMIT ((uint64_t)1 << 53)

static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether an exponent with at least one digit starts at p: "e5", "E+5", "e-5". */
static int has_exponent(const char *p, const char *limit) {
    if (limit - p < 2 || (*p != 'e' && *p != 'E')) return 0;
    if (p[1] == '-' || p[1] == '+') return limit - p >= 3 && is_digit(p[2]);
    return is_digit(p[1]);
}

/* Adds a digit; returns 0 once the significand is beyond exact. */
static int add_digit(uint64_t *significand, char digit) {
    if (*significand > EXACT_LIMIT / 10) return 0;
    *significand = *significand * 10 + (uint64_t)(digit - '0');
    return *significand <= EXACT_LIMIT;
}

double cw_strtod(const char *text, const char *limit, const char **end) {
    const char *p = text;
    int negative = p < limit && *p == '-', exact = 1, any_digit = 0;
    uint64_t significand = 0;
    long scale = 0;
    if (p < limit && (*p == '-' || *p == '+')) p++;
    for (; p < limit && is_digit(*p); p++, any_digit = 1)
        if (exact) exact = add_digit(&significand, *p); /* once inexact, only the end is wanted */
    if (p < limit && *p == '.')
        for (p++; p < limit && is_digit(*p); p++, any_digit = 1)
            if (exact) { exact = add_digit(&significand, *p); scale--; }
    if (!any_digit) {
        if (end != NULL) *end = text; /* not a number: nothing consumed */
        return 0.0;
    }
    if (has_exponent(p, limit)) {
        int exponent_negative = p[1] == '-';
        long exponent = 0;
        for (p += (p[1] == '-' || p[1] == '+') ? 2 : 1; p < limit && is_digit(*p); p++)
            if (exponent < 100000) exponent = exponent * 10 + (*p - '0');
        scale += exponent_negative ? -exponent : exponent;
    }
    if (end != NULL) *end = p;
    if (!exact || scale < -22 || scale > 22) return negative ? -HUGE_VAL : HUGE_VAL;
    double value = (double)significand;
    value = scale < 0 ? value / powers_of_ten[-scale] : value * powers_of_ten[scale];
    return negative ? -value : value;
}
