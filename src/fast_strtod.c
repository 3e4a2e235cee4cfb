/*
 * fast_strtod.c: the number conversion cJSON uses. CMakeLists.txt compiles
 * cJSON.c with -Dstrtod=cw_strtod, so cJSON calls this function instead of
 * the C library's, with cJSON's source left as Debian ships it.
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
 * Whether a number is whole and within +-(2^53-1) is decided on its text by
 * the scanner, never from this value.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

double cw_strtod(const char *text, char **end);

#define EXACT_LIMIT ((uint64_t)1 << 53)

static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Adds a digit; returns 0 once the significand is beyond exact. */
static int add_digit(uint64_t *significand, char digit) {
    if (*significand > EXACT_LIMIT / 10) return 0;
    *significand = *significand * 10 + (uint64_t)(digit - '0');
    return *significand <= EXACT_LIMIT;
}

double cw_strtod(const char *text, char **end) {
    const char *p = text;
    int negative = *p == '-', exact = 1, any_digit = 0;
    uint64_t significand = 0;
    long scale = 0;
    if (*p == '-' || *p == '+') p++;
    for (; is_digit(*p); p++, any_digit = 1)
        if (exact) exact = add_digit(&significand, *p); /* once inexact, only the end is wanted */
    if (*p == '.')
        for (p++; is_digit(*p); p++, any_digit = 1)
            if (exact) { exact = add_digit(&significand, *p); scale--; }
    if (!any_digit) {
        if (end != NULL) *end = (char *)text; /* not a number: nothing consumed */
        return 0.0;
    }
    if ((*p == 'e' || *p == 'E') && (is_digit(p[1]) || ((p[1] == '-' || p[1] == '+') && is_digit(p[2])))) {
        int exponent_negative = p[1] == '-';
        long exponent = 0;
        for (p += (p[1] == '-' || p[1] == '+') ? 2 : 1; is_digit(*p); p++)
            if (exponent < 100000) exponent = exponent * 10 + (*p - '0');
        scale += exponent_negative ? -exponent : exponent;
    }
    if (end != NULL) *end = (char *)p;
    if (!exact || scale < -22 || scale > 22) return negative ? -HUGE_VAL : HUGE_VAL;
    double value = (double)significand;
    value = scale < 0 ? value / powers_of_ten[-scale] : value * powers_of_ten[scale];
    return negative ? -value : value;
}
