/*
 * json_strict.c: the strict rules of JSON (RFC 8259, as JSON.parse applies
 * them), called by our patches to cJSON's parse functions
 * (src/vendor/cjson/patches/0002-0004): cJSON checks and builds the tree in
 * one pass, and the rules below record, on the way, the first failure and one
 * entry per key and value for the walker. The UTF-8 of string bodies is
 * checked 16 bytes a step (utf8_check.c) in the same loop that finds the
 * closing quote.
 */
#include "json_strict.h"

#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "exact_decimal.h"
#include "utf8_check.h"
#include "vendor/cjson/cJSON.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#ifdef __wasm__
#define THREAD_LOCAL /* a wasm instance runs on one thread (as in arena.c) */
#else
#define THREAD_LOCAL _Thread_local
#endif

/* The parse in progress on this thread: json_strict_begin sets it. */
typedef struct strict_state {
    const uint8_t *json;
    size_t length;
    uint32_t max_depth;
    scan_entries *entries;
    scan_error *error;
    int out_of_memory;
} strict_state;

static THREAD_LOCAL strict_state state;

/* ---- failures ---- */

/* Records a failure unless one was recorded first (cJSON's callers fail in turn
 * as it unwinds: the deepest, first, is the one to report). Returns 0. */
static int fail(uint32_t code, size_t offset, size_t length, const char *expected, const char *detail) {
    scan_error *error = state.error;
    if (error->code != 0) return 0;
    error->code = code;
    error->offset = (uint32_t)offset;
    error->length = (uint32_t)length;
    error->expected = expected;
    error->detail = detail;
    return 0;
}

/* Fails on whatever is at pos: end of input, bytes that are not UTF-8,
 * or a character that JSON does not allow here. Returns 0. */
__attribute__((noinline)) int json_strict_fail(size_t pos, const char *expected) {
    if (pos >= state.length) return fail(CW_INVALID_JSON, state.length, 0, expected, "unexpected end of input");
    const uint8_t *p = state.json + pos;
    const char *why = NULL;
    size_t bad = 1, n = utf8_sequence(p, state.json + state.length, &why, &bad);
    if (n == 0) return fail(CW_INVALID_UTF8, pos, bad, "UTF-8", why);
    if (pos == 0 && n == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return fail(CW_INVALID_JSON, 0, 3, expected, "a byte order mark is not allowed before JSON text");
    return fail(CW_INVALID_JSON, pos, n, expected, "unexpected character");
}

int json_strict_too_deep(size_t depth, size_t offset) {
    if (depth < state.max_depth) return 0;
    fail(CW_TOO_DEEP, offset, 1, "at most maxDepth nested arrays and objects", "nesting too deep");
    return 1;
}

/* ---- entries ---- */

int json_strict_entry(size_t offset) {
    scan_entries *e = state.entries;
    if (e->count == e->capacity) {
        size_t capacity = e->capacity ? e->capacity * 2 : 256;
        scan_entry *items = realloc(e->items, capacity * sizeof *items);
        if (items == NULL) {
            state.out_of_memory = 1;
            return 0;
        }
        e->items = items;
        e->capacity = capacity;
    }
    e->items[e->count].offset = (uint32_t)offset;
    e->items[e->count].info = 0;
    e->count++;
    return 1;
}

/* The info of the entry json_strict_entry made last: the string or number being parsed. */
static void set_info(uint32_t info) { state.entries->items[state.entries->count - 1].info = info; }

size_t json_strict_literal(size_t offset, const char *word) {
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++)
        if (offset + i >= state.length || state.json[offset + i] != (uint8_t)word[i])
            return (size_t)json_strict_fail(offset + i, word);
    return n;
}

/* ---- strings ---- */

#ifndef __wasm_simd128__
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static uint64_t zero_bytes(uint64_t v) { return (v - ONES) & ~v & HIGHS; }
#endif

/* The first byte at or after p that is '"' or '\\', or end: 16 bytes a step
 * with wasm SIMD (the last few byte by byte), else 8: how json_strict_decode
 * moves through a string's plain runs. */
const uint8_t *json_skip_to_quote_or_backslash(const uint8_t *p, const uint8_t *end) {
    if (p < end && (*p == '"' || *p == '\\')) return p; /* escapes often come in a row */
#ifdef __wasm_simd128__
    const v128_t quote = wasm_i8x16_splat('"'), backslash = wasm_i8x16_splat('\\');
    while (end - p >= 16) {
        v128_t v = wasm_v128_load(p);
        uint32_t mask = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_i8x16_eq(v, backslash)));
        if (mask) return p + __builtin_ctz(mask);
        p += 16;
    }
#else
    while (end - p >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        uint64_t hits = zero_bytes(word ^ (ONES * '"')) | zero_bytes(word ^ (ONES * '\\'));
        if (hits) return p + (__builtin_ctzll(hits) >> 3);
        p += 8;
    }
#endif
    while (p < end && *p != '"' && *p != '\\') p++;
    return p;
}

/* A run this short is copied byte by byte: with bulk memory, memcpy is a
 * memory.copy instruction whose fixed cost outweighs a few bytes. */
#define SHORT_RUN 16

void json_copy_plain_run(uint8_t **output, const uint8_t **input, const uint8_t *end) {
    const uint8_t *from = *input, *run_end = json_skip_to_quote_or_backslash(from, end);
    size_t length = (size_t)(run_end - from);
    uint8_t *to = *output;
    if (length < SHORT_RUN) {
        for (size_t i = 0; i < length; i++) to[i] = from[i];
    } else {
        memcpy(to, from, length);
    }
    *output = to + length;
    *input = run_end;
}

/* Hex digit values, -1 for anything else. */
static const int8_t hex_digit[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,  ['7'] = 8,
    ['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
}; /* stored plus one, so that the table's zeroes mean "not hex" */

static int hex_value(uint8_t c) { return hex_digit[c] - 1; }

/* Reads the 4 hex digits after "\u" at p; -1 and *bad_at set when one is not hex. */
static long read_hex4(const uint8_t *p, const uint8_t *end, const uint8_t **bad_at) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
        int digit = p + 2 + i < end ? hex_value(p[2 + i]) : -1;
        if (digit < 0) {
            *bad_at = p + 2 + i;
            return -1;
        }
        value = value * 16 + digit;
    }
    return value;
}

/* An escape at p (p[0] == '\\'). Returns the escape's length in the input,
 * or 0 after failing; *decoded gets the UTF-8 bytes it stands for. */
static size_t scan_escape(const uint8_t *p, const uint8_t *end, size_t *decoded) {
    const uint8_t *bad_at = NULL, *json = state.json;
    if (p + 1 >= end)
        return (size_t)fail(CW_INVALID_JSON, state.length, 0, "escape character", "unexpected end of input");
    switch (p[1]) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't': *decoded = 1; return 2;
    case 'u': break;
    default: return (size_t)json_strict_fail((size_t)(p + 1 - json), "escape character (\" \\ / b f n r t u)");
    }
    long unit = read_hex4(p, end, &bad_at);
    if (unit < 0) return (size_t)json_strict_fail((size_t)(bad_at - json), "hex digit");
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return (size_t)fail(CW_INVALID_JSON, (size_t)(p - json), 6, "a high surrogate before \\uDC00-\\uDFFF",
                            "a lone low surrogate escape is not text");
    if (unit < 0xD800 || unit > 0xDBFF) {
        *decoded = unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        return 6;
    }
    long low = end - p >= 12 && p[6] == '\\' && p[7] == 'u' ? read_hex4(p + 6, end, &bad_at) : -1;
    if (low < 0xDC00 || low > 0xDFFF)
        return (size_t)fail(CW_INVALID_JSON, (size_t)(p - json), 6, "a low surrogate escape \\uDC00-\\uDFFF after it",
                            "a lone high surrogate escape is not text");
    *decoded = 4;
    return 12;
}

/* The string whose opening quote is at `quote`: checked (escapes, UTF-8,
 * control characters) in one pass over its bytes, its entry's info set.
 * Returns its closing quote, or NULL after failing. *escaped_length gets the
 * decoded length when the string holds an escape, else 0: its bytes are then
 * the input's, and need no copy. */
const uint8_t *json_strict_string(const uint8_t *quote, size_t *escaped_length) {
    const uint8_t *p = quote + 1, *end = state.json + state.length;
    size_t decoded = 0;
    uint32_t flags = SCAN_ASCII;
    for (;;) {
        /* Up to the next quote, backslash or control character, checking UTF-8 on the way. */
        unsigned run = 0;
        const uint8_t *run_end = utf8_string_run(p, end, &run);
        if (run & UTF8_RUN_INVALID) {
            /* Ill-formed somewhere in the run: sequence by sequence, for where and why. */
            for (run_end = p; run_end < end && *run_end >= 0x20 && *run_end != '"' && *run_end != '\\';) {
                const char *why = NULL;
                size_t bad = 1, n = utf8_sequence(run_end, end, &why, &bad);
                if (n == 0) return fail(CW_INVALID_UTF8, (size_t)(run_end - state.json), bad, "UTF-8", why), NULL;
                run_end += n;
            }
        }
        if (run) flags &= ~SCAN_ASCII;
        decoded += (size_t)(run_end - p);
        p = run_end;
        if (p >= end) return fail(CW_INVALID_JSON, state.length, 0, "'\"'", "unterminated string"), NULL;
        uint8_t c = *p;
        if (c == '"') break;
        if (c == '\\') {
            do { /* escapes often come in a row */
                size_t bytes = 0, n = scan_escape(p, end, &bytes);
                if (n == 0) return NULL;
                if (bytes > 1) flags &= ~SCAN_ASCII; /* \u0080 and above decode to several bytes */
                flags |= SCAN_ESCAPED;
                decoded += bytes;
                p += n;
            } while (p < end && *p == '\\');
        } else {
            return fail(CW_INVALID_JSON, (size_t)(p - state.json), 1, "an escape such as \\n or \\u0000",
                        "control characters must be escaped in strings"),
                   NULL;
        }
    }
    set_info((uint32_t)decoded | flags);
    *escaped_length = (flags & SCAN_ESCAPED) ? decoded : 0;
    return p;
}

/* The code unit of the 4 hex digits at p, which json_strict_string checked. */
static uint32_t hex4(const uint8_t *p) {
    return (uint32_t)(hex_value(p[0]) << 12 | hex_value(p[1]) << 8 | hex_value(p[2]) << 4 | hex_value(p[3]));
}

uint8_t *json_strict_decode(const uint8_t *p, const uint8_t *end, uint8_t *out) {
    for (;;) {
        json_copy_plain_run(&out, &p, end); /* up to the next quote or backslash */
        if (*p == '"') return out;
        uint8_t c = p[1];
        if (c != 'u') {
            *out++ = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
            p += 2;
            continue;
        }
        uint32_t code = hex4(p + 2);
        p += 6;
        if (code >= 0xD800 && code <= 0xDBFF) { /* a pair: json_strict_string checked the low half follows */
            code = 0x10000 + ((code - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
            p += 6;
        }
        if (code < 0x80) {
            *out++ = (uint8_t)code;
        } else if (code < 0x800) {
            *out++ = (uint8_t)(0xC0 | code >> 6);
            *out++ = (uint8_t)(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            *out++ = (uint8_t)(0xE0 | code >> 12);
            *out++ = (uint8_t)(0x80 | ((code >> 6) & 0x3F));
            *out++ = (uint8_t)(0x80 | (code & 0x3F));
        } else {
            *out++ = (uint8_t)(0xF0 | code >> 18);
            *out++ = (uint8_t)(0x80 | ((code >> 12) & 0x3F));
            *out++ = (uint8_t)(0x80 | ((code >> 6) & 0x3F));
            *out++ = (uint8_t)(0x80 | (code & 0x3F));
        }
    }
}

/* ---- numbers ---- */

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* A number's decimal digits, integer part then fraction, read as one sequence. */
typedef struct decimal {
    const uint8_t *digits; /* the integer part */
    size_t digit_count;
    const uint8_t *fraction;
    size_t fraction_count;
    long exponent; /* saturated at +-1e9, far beyond any length */
} decimal;

static uint8_t decimal_digit(const decimal *d, size_t i) {
    return i < d->digit_count ? d->digits[i] : d->fraction[i - d->digit_count];
}

/* The number as digits[first..end) * 10^power, no leading or trailing zeros
 * (first == end for zero). */
typedef struct significant {
    size_t first, end;
    long power;
} significant;

static significant significant_digits(const decimal *d) {
    significant g = {0, d->digit_count + d->fraction_count, 0};
    while (g.first < g.end && decimal_digit(d, g.first) == '0') g.first++;
    while (g.end > g.first && decimal_digit(d, g.end - 1) == '0') g.end--;
    g.power = d->exponent - (long)d->fraction_count + (long)(d->digit_count + d->fraction_count - g.end);
    return g;
}

/* NUMBER_WHOLE, NUMBER_FRACTIONAL or NUMBER_UNSAFE, decided on the text: a double cannot
 * tell 1.0000000000000000001 from 1, nor 9007199254740993 from ...992. */
static uint32_t classify_number(const decimal *d) {
    static const char max_safe[] = "9007199254740991";
    significant g = significant_digits(d);
    if (g.first == g.end) return NUMBER_WHOLE; /* zero */
    if (g.power < 0) return NUMBER_FRACTIONAL;
    long integer_digits = (long)(g.end - g.first) + g.power;
    if (integer_digits != 16) return integer_digits > 16 ? NUMBER_UNSAFE : NUMBER_WHOLE;
    for (long i = 0; i < 16; i++) { /* same length as 2^53-1: compare digit by digit */
        uint8_t digit = g.first + (size_t)i < g.end ? decimal_digit(d, g.first + (size_t)i) : '0';
        if (digit != (uint8_t)max_safe[i]) return digit > (uint8_t)max_safe[i] ? NUMBER_UNSAFE : NUMBER_WHOLE;
    }
    return NUMBER_WHOLE;
}

/* The number starting at `start` (a '-' or a digit), checked against JSON's
 * grammar and converted in the same pass: *value gets the double when one
 * IEEE operation makes it exact (cw_exact_decimal, src/exact_decimal.c), an
 * infinite value otherwise. Its entry's info is set to its text's length.
 * Returns the byte after it, or NULL after failing. */
const uint8_t *json_strict_number(const uint8_t *start, double *value) {
    const uint8_t *json = state.json;
    size_t pos = (size_t)(start - json), length = state.length;
    int negative = json[pos] == '-', exact = 1, digits = 0;
    uint64_t significand = 0;
    long scale = 0;
    if (negative) pos++;
    if (pos >= length || !is_digit(json[pos])) return json_strict_fail(pos, "digit"), NULL;
    if (json[pos] == '0') {
        pos++;
        if (pos < length && is_digit(json[pos]))
            return fail(CW_INVALID_JSON, pos, 1, "'.', 'e' or the end of the number", "leading zeros are not allowed"),
                   NULL;
    } else {
        for (; pos < length && is_digit(json[pos]); pos++) {
            if (digits < 19) {
                significand = significand * 10 + (uint64_t)(json[pos] - '0');
                digits++;
            } else exact = 0; /* 19 digits always fit in 64 bits; more are never exact here */
        }
    }
    if (pos < length && json[pos] == '.') {
        pos++;
        if (pos >= length || !is_digit(json[pos])) return json_strict_fail(pos, "digit after '.'"), NULL;
        for (; pos < length && is_digit(json[pos]); pos++) {
            scale--;
            if (significand == 0 && json[pos] == '0') continue; /* leading zeros of 0.001 */
            if (digits < 19) {
                significand = significand * 10 + (uint64_t)(json[pos] - '0');
                digits++;
            } else exact = 0;
        }
    }
    if (pos < length && (json[pos] == 'e' || json[pos] == 'E')) {
        pos++;
        int exponent_negative = pos < length && json[pos] == '-';
        if (pos < length && (json[pos] == '-' || json[pos] == '+')) pos++;
        if (pos >= length || !is_digit(json[pos])) return json_strict_fail(pos, "digit in exponent"), NULL;
        long exponent = 0;
        for (; pos < length && is_digit(json[pos]); pos++)
            if (exponent < 100000) exponent = exponent * 10 + (json[pos] - '0'); /* saturate */
        scale += exponent_negative ? -exponent : exponent;
    }
    *value = cw_exact_decimal(significand, scale, negative, exact);
    set_info((uint32_t)(json + pos - start));
    return json + pos;
}

static decimal read_decimal(const uint8_t *text, size_t length) {
    const uint8_t *end = text + length, *p = text + (length > 0 && text[0] == '-');
    decimal d = {p, 0, NULL, 0, 0};
    while (p < end && is_digit(*p)) p++;
    d.digit_count = (size_t)(p - d.digits);
    d.fraction = p;
    if (p < end && *p == '.') {
        d.fraction = ++p;
        while (p < end && is_digit(*p)) p++;
        d.fraction_count = (size_t)(p - d.fraction);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        int negative = ++p < end && *p == '-';
        if (p < end && (*p == '-' || *p == '+')) p++;
        for (; p < end && is_digit(*p); p++)
            /* saturate below 1e9: `long` is 32 bits in wasm32, where 1e9 * 10 would overflow */
            if (d.exponent < 100000000L) d.exponent = d.exponent * 10 + (*p - '0');
        if (negative) d.exponent = -d.exponent;
    }
    return d;
}

/* The value of a NUMBER_WHOLE decimal: at most 2^53-1, so every step is exact. */
static double whole_number_value(const decimal *d, int negative) {
    significant g = significant_digits(d);
    uint64_t value = 0;
    for (size_t i = g.first; i < g.end; i++) value = value * 10 + (uint64_t)(decimal_digit(d, i) - '0');
    for (long i = 0; g.first < g.end && i < g.power; i++) value *= 10;
    return negative ? -(double)value : (double)value;
}

uint32_t json_number_class(const uint8_t *text, size_t length, double *whole_value) {
    decimal d = read_decimal(text, length);
    uint32_t number_class = classify_number(&d);
    if (number_class == NUMBER_WHOLE && whole_value != NULL)
        *whole_value = whole_number_value(&d, length > 0 && text[0] == '-');
    return number_class;
}

/* ---- the parse ---- */

void json_strict_begin(const uint8_t *json, size_t length, uint32_t max_depth, scan_entries *entries,
                       scan_error *error) {
    state.json = json;
    state.length = length;
    state.max_depth = max_depth < CW_MAX_DEPTH_LIMIT ? max_depth : CW_MAX_DEPTH_LIMIT;
    state.entries = entries;
    state.error = error;
    state.out_of_memory = 0;
    entries->count = 0;
    memset(error, 0, sizeof *error);
}

int json_strict_end(const void *root, const uint8_t *end) {
    if (state.out_of_memory) return -1;
    if (root == NULL) {
        if (state.length == 0) json_strict_fail(0, "JSON value"); /* cJSON refuses empty input before looking */
        return state.error->code != 0 ? 0 : 2;
    }
    size_t pos = (size_t)(end - state.json);
    while (pos < state.length &&
           (state.json[pos] == ' ' || state.json[pos] == '\n' || state.json[pos] == '\r' || state.json[pos] == '\t'))
        pos++;
    if (pos < state.length) return json_strict_fail(pos, "end of input after the JSON value");
    return 1;
}

int json_strict(const uint8_t *json, size_t length, uint32_t max_depth, scan_entries *entries, scan_error *error) {
    const char *end = NULL;
    json_strict_begin(json, length, max_depth, entries, error);
    cJSON *root = cJSON_ParseWithLengthOpts((const char *)json, length, &end, 0);
    int result = json_strict_end(root, (const uint8_t *)end);
    cJSON_Delete(root);
    return result == 2 ? -1 : result;
}

void scan_entries_free(scan_entries *entries) {
    free(entries->items);
    entries->items = NULL;
    entries->count = entries->capacity = 0;
}
