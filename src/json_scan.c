/*
 * json_scan.c: the strict pass described in json_scan.h. A small state
 * machine over the bytes, with an explicit stack (no recursion, so a
 * million '[' cannot overflow anything) and a word-at-a-time fast path
 * through string bodies, which is where long completions spend their bytes.
 */
#include "json_scan.h"

#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "utf8_check.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

enum state { EXPECT_VALUE, AFTER_VALUE, EXPECT_KEY, DONE, FAILED };

typedef struct scanner {
    const uint8_t *json;
    size_t length;
    size_t pos;
    uint32_t max_depth;
    uint32_t depth;
    uint8_t open[CW_MAX_DEPTH_LIMIT]; /* '{' or '[' for each open container */
    scan_entries *entries;
    scan_error *error;
    int out_of_memory;
} scanner;

/* ---- failures ---- */

static int fail(scanner *s, uint32_t code, size_t offset, size_t length,
                const char *expected, const char *detail) {
    s->error->code = code;
    s->error->offset = (uint32_t)offset;
    s->error->length = (uint32_t)length;
    s->error->expected = expected;
    s->error->detail = detail;
    return FAILED;
}

/* Fails on whatever is at s->pos: end of input, bytes that are not UTF-8,
 * or a character that JSON does not allow here. */
__attribute__((noinline)) static int fail_unexpected(scanner *s, size_t pos, const char *expected) {
    if (pos >= s->length)
        return fail(s, CW_INVALID_JSON, s->length, 0, expected, "unexpected end of input");
    const uint8_t *p = s->json + pos;
    const char *why = NULL;
    size_t bad = 1, n = utf8_sequence(p, s->json + s->length, &why, &bad);
    if (n == 0) return fail(s, CW_INVALID_UTF8, pos, bad, "UTF-8", why);
    if (pos == 0 && n == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return fail(s, CW_INVALID_JSON, 0, 3, expected, "a byte order mark is not allowed before JSON text");
    return fail(s, CW_INVALID_JSON, pos, n, expected, "unexpected character");
}

/* ---- entries ---- */

static int add_entry(scanner *s, size_t offset, uint32_t info) {
    scan_entries *e = s->entries;
    if (e->count == e->capacity) {
        size_t capacity = e->capacity ? e->capacity * 2 : 256;
        scan_entry *items = realloc(e->items, capacity * sizeof *items);
        if (items == NULL) { s->out_of_memory = 1; return 0; }
        e->items = items;
        e->capacity = capacity;
    }
    e->items[e->count].offset = (uint32_t)offset;
    e->items[e->count].info = info;
    e->count++;
    return 1;
}

static void skip_whitespace(scanner *s) {
    const uint8_t *json = s->json;
    size_t pos = s->pos;
    while (pos < s->length && (json[pos] == ' ' || json[pos] == '\n' || json[pos] == '\r' || json[pos] == '\t'))
        pos++;
    s->pos = pos;
}

/* ---- strings ---- */

#ifndef __wasm_simd128__
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static uint64_t zero_bytes(uint64_t v) { return (v - ONES) & ~v & HIGHS; }
#endif

/* The first byte at or after p that is '"' or '\\', or end: 16 bytes a step
 * with wasm SIMD (the last few byte by byte), else 8. cJSON's parse_string
 * calls it (our patch to cJSON) to move through a string's plain runs as
 * fast as the scanner does. */
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
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
}; /* stored plus one, so that the table's zeroes mean "not hex" */

static int hex_value(uint8_t c) { return hex_digit[c] - 1; }

/* Reads the 4 hex digits after "\u" at p; -1 and *bad_at set when one is not hex. */
static long read_hex4(const uint8_t *p, const uint8_t *end, const uint8_t **bad_at) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
        int digit = p + 2 + i < end ? hex_value(p[2 + i]) : -1;
        if (digit < 0) { *bad_at = p + 2 + i; return -1; }
        value = value * 16 + digit;
    }
    return value;
}

/* An escape at p (p[0] == '\\'). Returns the escape's length in the input,
 * or 0 after failing; *decoded gets the UTF-8 bytes it stands for. */
static size_t scan_escape(scanner *s, const uint8_t *p, const uint8_t *end, size_t *decoded) {
    const uint8_t *bad_at = NULL;
    if (p + 1 >= end) return fail(s, CW_INVALID_JSON, s->length, 0, "escape character", "unexpected end of input"), 0;
    switch (p[1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        *decoded = 1;
        return 2;
    case 'u': break;
    default:
        fail_unexpected(s, (size_t)(p + 1 - s->json), "escape character (\" \\ / b f n r t u)");
        return 0;
    }
    long unit = read_hex4(p, end, &bad_at);
    if (unit < 0) return fail_unexpected(s, (size_t)(bad_at - s->json), "hex digit"), 0;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail(s, CW_INVALID_JSON, (size_t)(p - s->json), 6, "a high surrogate before \\uDC00-\\uDFFF",
                    "a lone low surrogate escape is not text"), 0;
    if (unit < 0xD800 || unit > 0xDBFF) {
        *decoded = unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
        return 6;
    }
    long low = end - p >= 12 && p[6] == '\\' && p[7] == 'u' ? read_hex4(p + 6, end, &bad_at) : -1;
    if (low < 0xDC00 || low > 0xDFFF)
        return fail(s, CW_INVALID_JSON, (size_t)(p - s->json), 6, "a low surrogate escape \\uDC00-\\uDFFF after it",
                    "a lone high surrogate escape is not text"), 0;
    *decoded = 4;
    return 12;
}

/* s->pos is at the opening quote; on success it moves past the closing one
 * and *info describes the decoded string. */
static int scan_string(scanner *s, uint32_t *info) {
    const uint8_t *p = s->json + s->pos + 1, *end = s->json + s->length;
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
                if (n == 0) return fail(s, CW_INVALID_UTF8, (size_t)(run_end - s->json), bad, "UTF-8", why);
                run_end += n;
            }
        }
        if (run) flags &= ~SCAN_ASCII;
        decoded += (size_t)(run_end - p);
        p = run_end;
        if (p >= end) return fail(s, CW_INVALID_JSON, s->length, 0, "'\"'", "unterminated string");
        uint8_t c = *p;
        if (c == '"') break;
        if (c == '\\') {
            do { /* escapes often come in a row */
                size_t bytes = 0, n = scan_escape(s, p, end, &bytes);
                if (n == 0) return FAILED;
                if (bytes > 1) flags &= ~SCAN_ASCII; /* \u0080 and above decode to several bytes */
                flags |= SCAN_ESCAPED;
                decoded += bytes;
                p += n;
            } while (p < end && *p == '\\');
        } else {
            return fail(s, CW_INVALID_JSON, (size_t)(p - s->json), 1, "an escape such as \\n or \\u0000",
                        "control characters must be escaped in strings");
        }
    }
    if (flags & SCAN_ESCAPED) s->entries->escaped_bytes += decoded;
    *info = (uint32_t)decoded | flags;
    s->pos = (size_t)(p + 1 - s->json);
    return AFTER_VALUE;
}

/* ---- numbers ---- */

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* A number's decimal digits, integer part then fraction, read as one sequence. */
typedef struct decimal {
    const uint8_t *digits;   /* the integer part */
    size_t digit_count;
    const uint8_t *fraction;
    size_t fraction_count;
    long exponent;           /* saturated at +-1e9, far beyond any length */
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

static size_t skip_digits(const uint8_t *json, size_t pos, size_t length) {
    while (pos < length && is_digit(json[pos])) pos++;
    return pos;
}

static int scan_number(scanner *s, uint32_t *info) {
    const uint8_t *json = s->json;
    size_t start = s->pos, pos = start, length = s->length;
    if (json[pos] == '-') pos++;
    if (pos >= length || !is_digit(json[pos])) return fail_unexpected(s, pos, "digit");
    size_t digits = pos;
    pos = json[pos] == '0' ? pos + 1 : skip_digits(json, pos, length);
    if (json[digits] == '0' && pos < length && is_digit(json[pos]))
        return fail(s, CW_INVALID_JSON, pos, 1, "'.', 'e' or the end of the number", "leading zeros are not allowed");
    if (pos < length && json[pos] == '.') {
        pos++;
        if (pos >= length || !is_digit(json[pos])) return fail_unexpected(s, pos, "digit after '.'");
        pos = skip_digits(json, pos, length);
    }
    if (pos < length && (json[pos] == 'e' || json[pos] == 'E')) {
        pos++;
        if (pos < length && (json[pos] == '-' || json[pos] == '+')) pos++;
        if (pos >= length || !is_digit(json[pos])) return fail_unexpected(s, pos, "digit in exponent");
        pos = skip_digits(json, pos, length);
    }
    *info = (uint32_t)(pos - start);
    s->pos = pos;
    return AFTER_VALUE;
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
            if (d.exponent < 1000000000L) d.exponent = d.exponent * 10 + (*p - '0'); /* saturate */
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

/* ---- structure ---- */

static int scan_literal(scanner *s, const char *word, const char *expected) {
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++)
        if (s->pos + i >= s->length || s->json[s->pos + i] != (uint8_t)word[i])
            return fail_unexpected(s, s->pos + i, expected);
    s->pos += n;
    return AFTER_VALUE;
}

static int open_container(scanner *s, uint8_t bracket) {
    if (s->depth >= s->max_depth)
        return fail(s, CW_TOO_DEEP, s->pos, 1, "at most maxDepth nested arrays and objects", "nesting too deep");
    s->open[s->depth++] = bracket;
    s->pos++;
    skip_whitespace(s);
    uint8_t close = bracket == '{' ? '}' : ']';
    if (s->pos < s->length && s->json[s->pos] == close) {
        s->pos++;
        s->depth--;
        return AFTER_VALUE;
    }
    return bracket == '{' ? EXPECT_KEY : EXPECT_VALUE;
}

static int step_value(scanner *s) {
    if (s->pos >= s->length) return fail_unexpected(s, s->pos, "JSON value");
    uint8_t c = s->json[s->pos];
    uint32_t info = 0;
    size_t offset = s->pos;
    int next;
    if (c == '{' || c == '[') next = open_container(s, c);
    else if (c == '"') next = scan_string(s, &info);
    else if (c == '-' || is_digit(c)) next = scan_number(s, &info);
    else if (c == 't') next = scan_literal(s, "true", "true");
    else if (c == 'f') next = scan_literal(s, "false", "false");
    else if (c == 'n') next = scan_literal(s, "null", "null");
    else return fail_unexpected(s, s->pos, "JSON value");
    if (next != FAILED && !add_entry(s, offset, info)) return FAILED;
    return next;
}

static int step_after_value(scanner *s) {
    skip_whitespace(s);
    if (s->depth == 0)
        return s->pos == s->length ? DONE : fail_unexpected(s, s->pos, "end of input after the JSON value");
    uint8_t bracket = s->open[s->depth - 1], close = bracket == '{' ? '}' : ']';
    const char *expected = bracket == '{' ? "',' or '}'" : "',' or ']'";
    if (s->pos >= s->length) return fail_unexpected(s, s->pos, expected);
    if (s->json[s->pos] == close) {
        s->pos++;
        s->depth--;
        return AFTER_VALUE;
    }
    if (s->json[s->pos] != ',') return fail_unexpected(s, s->pos, expected);
    s->pos++;
    skip_whitespace(s);
    return bracket == '{' ? EXPECT_KEY : EXPECT_VALUE;
}

static int step_key(scanner *s) {
    uint32_t info = 0;
    size_t offset = s->pos;
    if (s->pos >= s->length || s->json[s->pos] != '"') return fail_unexpected(s, s->pos, "a string key");
    if (scan_string(s, &info) == FAILED) return FAILED;
    if (!add_entry(s, offset, info)) return FAILED;
    skip_whitespace(s);
    if (s->pos >= s->length || s->json[s->pos] != ':') return fail_unexpected(s, s->pos, "':'");
    s->pos++;
    skip_whitespace(s);
    return EXPECT_VALUE;
}

int json_scan(const uint8_t *json, size_t length, uint32_t max_depth, scan_entries *entries, scan_error *error) {
    scanner *s = malloc(sizeof *s); /* the depth stack is too big for a small wasm stack frame */
    if (s == NULL) return -1;
    s->json = json;
    s->length = length;
    s->pos = 0;
    s->max_depth = max_depth < CW_MAX_DEPTH_LIMIT ? max_depth : CW_MAX_DEPTH_LIMIT;
    s->depth = 0;
    s->entries = entries;
    s->error = error;
    s->out_of_memory = 0;
    entries->count = 0;
    entries->escaped_bytes = 0;
    memset(error, 0, sizeof *error);

    skip_whitespace(s);
    int state = EXPECT_VALUE;
    while (state != DONE && state != FAILED) {
        if (state == EXPECT_VALUE) state = step_value(s);
        else if (state == AFTER_VALUE) state = step_after_value(s);
        else state = step_key(s);
    }
    int result = s->out_of_memory ? -1 : state == DONE;
    free(s);
    return result;
}

void scan_entries_free(scan_entries *entries) {
    free(entries->items);
    entries->items = NULL;
    entries->count = entries->capacity = 0;
}
