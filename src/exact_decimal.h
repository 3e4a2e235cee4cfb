/*
 * exact_decimal.h: the number conversion of the strict parse (src/exact_decimal.c),
 * called by json_strict_number (src/json_strict.c).
 */
#ifndef CW_EXACT_DECIMAL_H
#define CW_EXACT_DECIMAL_H

#include <stdint.h>

/* significand * 10^scale, negated when negative, when one IEEE operation makes it exact (and
 * exact is set: no digit was dropped); +-Infinity otherwise, which the walker reads as
 * "convert me from the text". */
double cw_exact_decimal(uint64_t significand, long scale, int negative, int exact);

#endif
