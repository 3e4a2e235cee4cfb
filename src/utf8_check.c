/*
 * utf8_check.c: see utf8_check.h. The SIMD code is written against a few
 * vector operations (v_*) that map one to one onto wasm SIMD128
 * instructions; tests/c/test_utf8.c builds it once more with
 * CW_UTF8_EMULATE_SIMD, the same operations in plain C, so that the native
 * tests run the very algorithm the wasm runs.
 */
#include "utf8_check.h"

#include <string.h>

/* ---- the byte-wise rule ---- */

size_t utf8_sequence(const uint8_t *p, const uint8_t *end, const char **why, size_t *bad) {
    uint8_t c = p[0];
    size_t need;
    uint8_t low = 0x80, high = 0xBF; /* allowed range of the second byte */
    *bad = 1;
    if (c < 0x80) return 1;
    if (c < 0xC0) {
        *why = "a continuation byte without a lead byte";
        return 0;
    }
    if (c < 0xC2) {
        *why = "an overlong encoding";
        return 0;
    }
    if (c < 0xE0) need = 2;
    else if (c < 0xF0) {
        need = 3;
        if (c == 0xE0) low = 0xA0;  /* below: overlong */
        if (c == 0xED) high = 0x9F; /* above: UTF-16 surrogates */
    } else if (c < 0xF5) {
        need = 4;
        if (c == 0xF0) low = 0x90;  /* below: overlong */
        if (c == 0xF4) high = 0x8F; /* above: beyond U+10FFFF */
    } else {
        *why = "a byte that never occurs in UTF-8";
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if (p + i >= end) {
            *why = "a sequence cut short by the end of input";
            *bad = i;
            return 0;
        }
        uint8_t lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
        *bad = i + 1;
        if (p[i] < lo || p[i] > hi) {
            *why = i == 1 && (p[i] >= 0x80 && p[i] <= 0xBF) ? (c == 0xED   ? "a UTF-16 surrogate encoded in UTF-8"
                                                               : c == 0xF4 ? "a code point beyond U+10FFFF"
                                                                           : "an overlong encoding")
                                                            : "a lead byte not followed by enough continuation bytes";
            return 0;
        }
    }
    return need;
}

#if defined(__wasm_simd128__) || defined(CW_UTF8_EMULATE_SIMD)

/* ---- the vector operations ---- */

#ifdef __wasm_simd128__
#include <wasm_simd128.h>

typedef v128_t vec;
#define v_load(p) wasm_v128_load(p)
#define v_splat(byte) wasm_i8x16_splat((int8_t)(byte))
#define v_and wasm_v128_and
#define v_or wasm_v128_or
#define v_xor wasm_v128_xor
#define v_eq wasm_i8x16_eq
#define v_ne wasm_i8x16_ne
#define v_lt_s wasm_i8x16_lt
#define v_sub_sat_u wasm_u8x16_sub_sat
#define v_bitmask wasm_i8x16_bitmask
#define v_shr4(v) wasm_u8x16_shr(v, 4)
#define v_lookup(table, nibbles) wasm_i8x16_swizzle(table, nibbles)
/* Lane i of v_prev<N>(v, prev) is the byte N before v[i] in prev:v. */
#define v_prev1(v, prev) wasm_i8x16_shuffle(prev, v, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
#define v_prev2(v, prev) wasm_i8x16_shuffle(prev, v, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)
#define v_prev3(v, prev) wasm_i8x16_shuffle(prev, v, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28)
#define v_table(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
    wasm_u8x16_const(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)

#else /* CW_UTF8_EMULATE_SIMD: the same operations, lane by lane */

/* One line per operation, as the wasm_simd128 #defines above: clang-format leaves them so. */
/* clang-format off */
typedef struct vec { uint8_t b[16]; } vec;
#define LANES(expr) do { for (int i = 0; i < 16; i++) { expr; } } while (0)
static vec v_load(const void *p) { vec r; memcpy(r.b, p, 16); return r; }
static vec v_splat(uint8_t x) { vec r; LANES(r.b[i] = x); return r; }
static vec v_and(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] & b.b[i]); return r; }
static vec v_or(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] | b.b[i]); return r; }
static vec v_xor(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] ^ b.b[i]); return r; }
static vec v_eq(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] == b.b[i] ? 0xFF : 0); return r; }
static vec v_ne(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] != b.b[i] ? 0xFF : 0); return r; }
static vec v_lt_s(vec a, vec b) { vec r; LANES(r.b[i] = (int8_t)a.b[i] < (int8_t)b.b[i] ? 0xFF : 0); return r; }
static vec v_sub_sat_u(vec a, vec b) { vec r; LANES(r.b[i] = a.b[i] > b.b[i] ? a.b[i] - b.b[i] : 0); return r; }
static uint32_t v_bitmask(vec a) { uint32_t m = 0; LANES(m |= (uint32_t)(a.b[i] >> 7) << i); return m; }
static vec v_shr4(vec a) { vec r; LANES(r.b[i] = a.b[i] >> 4); return r; }
/* wasm's swizzle: lanes whose index is 16 or more get 0 (never the case here). */
static vec v_lookup(vec t, vec idx) { vec r; LANES(r.b[i] = idx.b[i] < 16 ? t.b[idx.b[i]] : 0); return r; }
static vec v_prev(vec v, vec prev, int n) { vec r; LANES(r.b[i] = i >= n ? v.b[i - n] : prev.b[16 + i - n]); return r; }
/* clang-format on */
#define v_prev1(v, prev) v_prev(v, prev, 1)
#define v_prev2(v, prev) v_prev(v, prev, 2)
#define v_prev3(v, prev) v_prev(v, prev, 3)
#define v_table(...) ((vec){{__VA_ARGS__}})
#endif

/* ---- Keiser-Lemire ---- */

/* What each pair (byte 1, byte 2) of adjacent bytes may be wrong with: a bit
 * is an error when byte 1's high nibble, byte 1's low nibble and byte 2's
 * high nibble all have it. */
#define TOO_SHORT 0x01      /* 11______ 0_______ or 11______ 11______: a lead without its continuation */
#define TOO_LONG 0x02       /* 0_______ 10______: a continuation after ASCII */
#define OVERLONG_3 0x04     /* 11100000 100_____ */
#define TOO_LARGE 0x08      /* 11110100 1001____ or 101_____, and any 11110101.. or above with 1001____ or 101_____ */
#define SURROGATE 0x10      /* 11101101 101_____ */
#define OVERLONG_2 0x20     /* 1100000_ 10______ */
#define TOO_LARGE_1000 0x40 /* 11110101.. and above with 1000____ */
#define OVERLONG_4 0x40     /* 11110000 1000____ (shares the bit: byte 1's low nibble tells them apart) */
#define TWO_CONTS 0x80      /* 10______ 10______: right only as a 3- or 4-byte sequence's 2nd or 3rd continuation */
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS) /* errors that byte 1's low nibble has no say in */

/* Per lane, nonzero when the byte there is where the input stops being UTF-8
 * (prev is the 16 bytes before v). */
static vec block_errors(vec v, vec prev) {
    /* The tables are laid out by nibble, a comment per row: clang-format leaves them so. */
    /* clang-format off */
    const vec byte_1_high = v_table(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, /* 0___ ASCII */
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                     /* 10__ continuation */
        TOO_SHORT | OVERLONG_2,                                                         /* 1100 */
        TOO_SHORT,                                                                      /* 1101 */
        TOO_SHORT | OVERLONG_3 | SURROGATE,                                             /* 1110 */
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                           /* 1111 */
    const vec byte_1_low = v_table(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, /* ____0000 */
        CARRY | OVERLONG_2,                           /* ____0001 */
        CARRY, CARRY,                                 /* ____001_ */
        CARRY | TOO_LARGE,                            /* ____0100 */
        CARRY | TOO_LARGE | TOO_LARGE_1000,           /* ____0101 */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, /* ____011_ */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, /* ____1___ */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, /* ____1101 */
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);
    const vec byte_2_high = v_table(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, /* 0___ */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4, /* 1000 */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                  /* 1001 */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                   /* 101_ */
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                   /* 11__ */
    /* clang-format on */
    vec prev1 = v_prev1(v, prev);
    vec special = v_and(v_and(v_lookup(byte_1_high, v_shr4(prev1)), v_lookup(byte_1_low, v_and(prev1, v_splat(0x0F)))),
                        v_lookup(byte_2_high, v_shr4(v)));
    /* 0x80 where the byte must be a 2nd or 3rd continuation: 2 after a 3- or 4-byte lead, 3 after a 4-byte one */
    vec must_23 = v_and(
        v_or(v_sub_sat_u(v_prev2(v, prev), v_splat(0xE0 - 0x80)), v_sub_sat_u(v_prev3(v, prev), v_splat(0xF0 - 0x80))),
        v_splat(0x80));
    return v_xor(must_23, special);
}

const uint8_t *utf8_string_run(const uint8_t *p, const uint8_t *end, unsigned *status) {
    const uint8_t *start = p;
    const vec quote = v_splat('"'), backslash = v_splat('\\'), space = v_splat(0x20), zero = v_splat(0);
    vec prev = zero;
    uint32_t prev_high = 0;
    unsigned seen = 0;
    for (;;) {
        vec v;
        if (end - p >= 16) {
            v = v_load(p);
        } else {
            /* The last bytes, then NULs: the run stops at end, and a sequence cut by end is cut by a
             * control character. Static, not on the stack: this function then needs no stack frame
             * (wasm is single-threaded). */
            static uint8_t last[16];
            memset(last, 0, sizeof last);
            memcpy(last, p, (size_t)(end - p));
            v = v_load(last);
        }
        /* '"', '\\' and, signed below 0x20, both control characters and non-ASCII */
        uint32_t special = v_bitmask(v_or(v_or(v_eq(v, quote), v_eq(v, backslash)), v_lt_s(v, space)));
        if (special | prev_high) {
            uint32_t high = v_bitmask(v), stop = special & ~high;
            if (high | prev_high) {
                /* Lanes up to the stop (the stop too: a sequence cut by it fails there), or all of them. */
                uint32_t lanes = stop ? stop ^ (stop - 1) : 0xFFFF;
                if (v_bitmask(v_ne(block_errors(v, prev), zero)) & lanes) {
                    *status = UTF8_RUN_NONASCII | UTF8_RUN_INVALID;
                    return start;
                }
                if (high & lanes) seen = UTF8_RUN_NONASCII;
            }
            if (stop) {
                *status = seen;
                return p + __builtin_ctz(stop);
            }
            /* The block before the next. ASCII blocks skipped above leave an older ASCII block here,
             * which stands in for them: ASCII bytes are all alike to block_errors. */
            prev = v;
            prev_high = high;
        }
        p += 16;
    }
}

int utf8_is_valid(const uint8_t *p, size_t n) {
    const vec zero = v_splat(0);
    vec prev = zero, errors = zero;
    uint32_t prev_high = 0;
    for (;;) {
        vec v;
        if (n >= 16) {
            v = v_load(p);
        } else {
            /* The last bytes (maybe none), then ASCII: a sequence cut by the end fails on it. */
            uint8_t last[16] = {0};
            if (n) memcpy(last, p, n);
            v = v_load(last);
        }
        uint32_t high = v_bitmask(v);
        if (high | prev_high) errors = v_or(errors, block_errors(v, prev));
        if (n < 16) return !v_bitmask(v_ne(errors, zero));
        prev = v;
        prev_high = high;
        p += 16;
        n -= 16;
    }
}

#else /* byte-wise, a word of ASCII at a time */

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static uint64_t zero_bytes(uint64_t v) { return (v - ONES) & ~v & HIGHS; }

/* Flags (high bit) the bytes of the 8 that are '"', '\\', a control character or
 * non-ASCII. False positives only send us to the byte-wise path. */
static uint64_t special_bytes(uint64_t w) {
    uint64_t control = (w - ONES * 0x20) & ~w & HIGHS;
    return control | zero_bytes(w ^ (ONES * '"')) | zero_bytes(w ^ (ONES * '\\')) | (w & HIGHS);
}

/* Length of the well-formed non-ASCII sequence at p, or 0: the lead byte
 * gives the length and the second byte's range (Table 3-7), the rest must
 * be continuation bytes. */
static size_t sequence_length(const uint8_t *p, const uint8_t *end) {
    uint8_t c = p[0];
    if (c < 0xC2 || c > 0xF4) return 0;
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if ((size_t)(end - p) < n) return 0;
    uint8_t low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    uint8_t high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (p[1] < low || p[1] > high) return 0;
    for (size_t i = 2; i < n; i++)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return n;
}

const uint8_t *utf8_string_run(const uint8_t *p, const uint8_t *end, unsigned *status) {
    const uint8_t *start = p;
    unsigned seen = 0;
    for (;;) {
        if (p < end && *p >= 0x80) { /* non-ASCII often comes in a row */
            size_t n = sequence_length(p, end);
            if (n == 0) {
                *status = UTF8_RUN_NONASCII | UTF8_RUN_INVALID;
                return start;
            }
            seen = UTF8_RUN_NONASCII;
            p += n;
            continue;
        }
        while (end - p >= 8) {
            uint64_t word;
            memcpy(&word, p, 8);
            uint64_t special = special_bytes(word);
            if (special) {
                p += __builtin_ctzll(special) >> 3;
                break;
            }
            p += 8;
        }
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') p++;
        if (p >= end || *p < 0x80) {
            *status = seen;
            return p;
        }
    }
}

int utf8_is_valid(const uint8_t *p, size_t n) {
    const uint8_t *end = p + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t length = sequence_length(p, end);
        if (length == 0) return 0;
        p += length;
    }
    return 1;
}

#endif
