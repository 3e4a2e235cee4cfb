/*
 * json_strict.h: the strict rules of JSON, which our patches to cJSON's parse
 * functions call (src/vendor/cjson/README.md), and what they record.
 *
 * cJSON alone accepts things JSON.parse rejects (raw control characters in
 * strings, any byte <= 0x20 as whitespace, numbers such as 01, +1 or 1.,
 * invalid UTF-8, a BOM) and cuts strings at \u0000. Patched, its one pass
 * enforces RFC 8259 exactly as JSON.parse does, validates UTF-8, bounds the
 * nesting depth, and records here the first failure and one entry per key and
 * value in document order (preorder: a container's entry comes before its
 * members, a key's entry right before its value's). The schema walker reads
 * the entries in the same order as it walks cJSON's tree, which gives every
 * node its byte offset and exact length.
 */
#ifndef CW_JSON_STRICT_H
#define CW_JSON_STRICT_H

#include <stddef.h>
#include <stdint.h>

/* Entry info bits for strings and keys: decoded byte length in the low 29 bits. */
#define SCAN_ESCAPED 0x80000000u /* had a backslash escape: decoded bytes differ from the input */
#define SCAN_ASCII 0x40000000u   /* decoded bytes are all ASCII */
#define SCAN_LENGTH_MASK 0x1fffffffu
/* Entry info for numbers: the length of the number's source text. */

/* Inputs this long or longer are refused (too_large): lengths must fit SCAN_LENGTH_MASK. */
#define SCAN_MAX_INPUT ((size_t)SCAN_LENGTH_MASK) /* == CW_MAX_INPUT */

typedef struct scan_entry {
    uint32_t offset; /* byte offset of the value's first byte (the quote for strings) */
    uint32_t info;   /* see the bits above; 0 for containers and literals */
} scan_entry;

typedef struct scan_error {
    uint32_t code;        /* CW_INVALID_JSON, CW_INVALID_UTF8 or CW_TOO_DEEP; 0 when none */
    uint32_t offset;      /* where the input stops being acceptable */
    uint32_t length;      /* how many bytes at offset to show as "received" (0 at end of input) */
    const char *expected; /* static */
    const char *detail;   /* static, may be NULL */
} scan_error;

/* Growable entry storage, owned by the caller and reused across calls. */
typedef struct scan_entries {
    scan_entry *items;
    size_t count;
    size_t capacity;
} scan_entries;

/*
 * A strict parse with cJSON, on this thread: json_strict_begin, then
 * cJSON_ParseWithLengthOpts(json, length, &end, 0), then json_strict_end
 * with cJSON's result and end. Entries and error are the caller's, and are
 * written until json_strict_end returns: 1 when the input is one JSON text
 * that JSON.parse would accept (with two deliberate exceptions: a leading
 * byte order mark and lone surrogate escapes are rejected), 0 with *error
 * filled otherwise, -1 when entries could not grow, 2 when cJSON failed
 * without a rule saying why (its own allocation failed).
 * The strings of the tree may point into json (cJSON_IsReference, and
 * cJSON_StringIsConst for keys): json must outlive the tree.
 */
void json_strict_begin(const uint8_t *json, size_t length, uint32_t max_depth, scan_entries *entries,
                       scan_error *error);
int json_strict_end(const void *root, const uint8_t *end);

/* The three steps above, the tree deleted: 1, 0 or -1 as json_strict_end (2 is -1). For tests. */
int json_strict(const uint8_t *json, size_t length, uint32_t max_depth, scan_entries *entries, scan_error *error);

void scan_entries_free(scan_entries *entries);

/* The rules, as the patches call them; `offset`s count from json. Each
 * records the first failure (scan_error) and returns 0 or NULL on failing.
 * The patched cJSON.c includes this header: its `unsigned char` pointers are
 * these `uint8_t` ones (the same type; -Werror refuses a mismatch). */
int json_strict_entry(size_t offset);                                   /* a new entry; 0 when out of memory */
int json_strict_fail(size_t offset, const char *expected);              /* whatever is at offset is not expected */
int json_strict_too_deep(size_t depth, size_t offset);                  /* 1 (and failed) when depth reaches maxDepth */
size_t json_strict_literal(size_t offset, const char *word);            /* word's length, or 0 */
const uint8_t *json_strict_number(const uint8_t *start, double *value); /* after the number, or NULL */
const uint8_t *json_strict_string(const uint8_t *quote, size_t *escaped_length); /* the closing quote, or NULL */

/* What an integer field needs to know of a number the scanner accepted,
 * decided exactly on its decimal text, never on a rounded double. */
#define NUMBER_WHOLE 0
#define NUMBER_FRACTIONAL 1 /* not a whole number: 1.5, 1e-400 */
#define NUMBER_UNSAFE 2     /* whole, but beyond +-(2^53-1): 9007199254740992, 1e400 */
/* When whole_value is not NULL and the class is NUMBER_WHOLE, it gets the exact value
 * (-0 for "-0"), which cJSON's conversion does not always give (0e400, 1000...0e-20). */
uint32_t json_number_class(const uint8_t *text, size_t length, double *whole_value);

/* The body of a string json_strict_string accepted (p: after its opening
 * quote; end: the input's end) decoded into out, which has room for its
 * decoded length; returns the end of what was written. cJSON calls it for
 * keys, the walker for the values it reads. */
uint8_t *json_strict_decode(const uint8_t *p, const uint8_t *end, uint8_t *out);

/* The first byte at or after p that is '"' or '\\', or end; and a copy of the
 * bytes from *input up to the next '\\' or end, advancing both pointers. */
const uint8_t *json_skip_to_quote_or_backslash(const uint8_t *p, const uint8_t *end);
void json_copy_plain_run(uint8_t **output, const uint8_t **input, const uint8_t *end);

#endif
