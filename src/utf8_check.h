/*
 * utf8_check.h: UTF-8 validation of string bodies for the strict parse (json_strict.c).
 *
 * The wasm build checks 16 bytes a step with SIMD128, the lookup-table way of
 * Keiser and Lemire ("Validating UTF-8 In Less Than One Instruction Per
 * Byte", 2021, as in simdutf): three table lookups on nibbles classify each
 * pair of adjacent bytes, and shifted copies of the input tell which bytes
 * must be the 2nd or 3rd continuation of a 3- or 4-byte sequence. Other
 * builds check sequence by sequence. Both give the same verdicts, which are
 * only verdicts: where a failure is and why is utf8_sequence's to say.
 */
#ifndef CW_UTF8_CHECK_H
#define CW_UTF8_CHECK_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_RUN_NONASCII 1u /* the run holds a byte >= 0x80 */
#define UTF8_RUN_INVALID 2u  /* the run is not well-formed UTF-8 */

/*
 * The first byte at or after p that is '"', '\\' or a control character
 * (below 0x20), or end; *status gets UTF8_RUN_NONASCII when the bytes
 * before it hold non-ASCII. When those bytes are not well-formed UTF-8 (a
 * sequence cut short by the byte found or by end is not), *status has
 * UTF8_RUN_INVALID too and the result is p itself.
 */
const uint8_t *utf8_string_run(const uint8_t *p, const uint8_t *end, unsigned *status);

/* Whether p[0..n) is well-formed UTF-8 (Unicode Table 3-7). */
int utf8_is_valid(const uint8_t *p, size_t n);

/*
 * Length of the well-formed UTF-8 sequence at p (1 for ASCII), or 0 with
 * *why saying what is wrong and *bad how many bytes belong to the malformed
 * prefix. The byte-wise rule the functions above agree with.
 */
size_t utf8_sequence(const uint8_t *p, const uint8_t *end, const char **why, size_t *bad);

#endif
