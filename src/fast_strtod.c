/*
 * fast_strtod.c: cJSON converts every number with strtod. In wasm32, musl's
 * strtod computes in 128-bit long double, which is emulated in software and
 * was the largest single cost of a call. CMakeLists.txt compiles cJSON.c
 * with -Dstrtod=cw_strtod so that cJSON calls this function instead, with
 * cJSON's source left as Debian ships it.
 *
 * The fast path is exact (Clinger 1990): when the decimal significand has at
 * most 15 digits it is an exact double, and so is 10^k for k <= 22, so one
 * IEEE multiplication or division gives the correctly rounded result, the
 * same double strtod returns. Everything else goes to the real strtod.
 */
#include <stdint.h>
#include <stdlib.h>

double cw_strtod(const char *text, char **end);

static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

double cw_strtod(const char *text, char **end) {
    const char *p = text;
    int negative = *p == '-';
    if (*p == '-' || *p == '+') p++;
    uint64_t significand = 0;
    int significant_digits = 0, scale = 0, any_digit = 0;
    for (; is_digit(*p); p++, any_digit = 1) {
        if (significand == 0 && *p == '0') continue; /* leading zeros carry no digits */
        significand = significand * 10 + (uint64_t)(*p - '0');
        if (++significant_digits > 15) return strtod(text, end);
    }
    if (*p == '.') {
        for (p++; is_digit(*p); p++, any_digit = 1) {
            scale--;
            if (significand == 0 && *p == '0') continue;
            significand = significand * 10 + (uint64_t)(*p - '0');
            if (++significant_digits > 15) return strtod(text, end);
        }
    }
    if (!any_digit) return strtod(text, end);
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        int exponent_negative = *q == '-', exponent = 0;
        if (*q == '-' || *q == '+') q++;
        if (!is_digit(*q)) return strtod(text, end);
        for (; is_digit(*q); q++)
            if (exponent < 10000) exponent = exponent * 10 + (*q - '0');
        scale += exponent_negative ? -exponent : exponent;
        p = q;
    }
    if (scale < -22 || scale > 22) return strtod(text, end);
    double value = (double)significand;
    value = scale < 0 ? value / powers_of_ten[-scale] : value * powers_of_ten[scale];
    if (end != NULL) *end = (char *)p;
    return negative ? -value : value;
}
