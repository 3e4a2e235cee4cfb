/*
 * reference_json.h: an independent, deliberately plain RFC 8259 checker that
 * the fuzz target compares the core's JSON stage against.
 *
 * It shares no code with src/: a recursive-descent parser over code points,
 * written from the RFC and the Unicode standard rather than from
 * src/json_strict.c, so that a mistake would have to be made twice to go
 * unnoticed. It follows the project's documented decisions:
 *   - exactly the text JSON.parse accepts, but
 *   - a leading byte order mark is not JSON (it is simply not a value start);
 *   - a lone surrogate escape (\uD800 not followed by \uDC00-\uDFFF, or a
 *     \uDC00-\uDFFF with no high surrogate before it) is invalid_json at the
 *     backslash of the escape that is alone;
 *   - more than max_depth nested arrays/objects is too_deep at the bracket
 *     that opens one level too many;
 *   - the first failure wins: it is invalid_utf8 when the bytes at the
 *     failing offset are not a well-formed UTF-8 sequence, else invalid_json;
 *     running out of input fails at offset == length.
 */
#ifndef CW_REFERENCE_JSON_H
#define CW_REFERENCE_JSON_H

#include <stddef.h>
#include <stdint.h>

typedef struct ref_verdict {
    uint32_t code; /* 0 when accepted, else CW_INVALID_JSON, CW_INVALID_UTF8 or CW_TOO_DEEP */
    size_t offset; /* where the text stops being acceptable */
} ref_verdict;

/* Checks text[0..length) with at most max_depth nested containers (max_depth >= 1). */
ref_verdict ref_json_check(const uint8_t *text, size_t length, uint32_t max_depth);

/* Bytes of the well-formed UTF-8 character at p (1..4), or 0 when there is none. */
size_t ref_utf8_char(const uint8_t *p, size_t available);

/* Whether bytes[0..length) is entirely well-formed UTF-8. */
int ref_utf8_valid(const uint8_t *bytes, size_t length);

#endif
