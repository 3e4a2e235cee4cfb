/*
 * exact_decimal.c: the number conversion of the strict parse. json_strict_number
 * (src/json_strict.c, called by our patch 0003 to cJSON's parse_number) reads a
 * number's digits once, where it stands in the input, checking JSON's grammar,
 * and hands the decimal significand and power of ten to cw_exact_decimal, in
 * place of the C library's strtod on a NUL-terminated copy (what cJSON did; an
 * earlier patch replaced it with cw_strtod, a separate pass over the text).
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
 * (json_number_class, src/json_strict.c), never from this value.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "exact_decimal.h"

#define EXACT_LIMIT ((uint64_t)1 << 53)

static const double powers_of_ten[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* significand * 10^scale (negated when negative): exact when the significand is at most
 * 2^53 and |scale| at most 22, else (or when !exact: digits were dropped) +-Infinity. */
double cw_exact_decimal(uint64_t significand, long scale, int negative, int exact) {
    if (!exact || significand > EXACT_LIMIT || scale < -22 || scale > 22) return negative ? -HUGE_VAL : HUGE_VAL;
    double value = (double)significand;
    value = scale < 0 ? value / powers_of_ten[-scale] : value * powers_of_ten[scale];
    return negative ? -value : value;
}
