/*
 * test_utf8.c: the UTF-8 checks of src/utf8_check.c against the byte-wise
 * rule (utf8_sequence, which the scanner's failures come from).
 *
 * Two builds of each check are compared: the library's (sequence by
 * sequence, as every native build runs it) and the SIMD one the wasm runs,
 * compiled here once more with CW_UTF8_EMULATE_SIMD, its wasm SIMD128
 * operations done lane by lane in C. On:
 *   - every 1- to 4-byte pattern of lead and continuation bytes around the
 *     boundaries of Table 3-7, whole, cut short, and followed by a quote, a
 *     backslash or a control character, at every alignment 0..31 in ASCII;
 *   - every pair of bytes, and every triple whose third byte is a boundary;
 *   - a few hundred thousand seeded random strings made of UTF-8-ish pieces;
 *   - every scalar value, and text in many scripts at every alignment.
 * The patterns also go through json_strict() inside a JSON string, whose
 * issue must name the offset, length and reason utf8_sequence gives.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "json_strict.h"
#include "test_util.h"
#include "utf8_check.h"

/* The SIMD build, under other names. */
#define CW_UTF8_EMULATE_SIMD 1
#define utf8_sequence simd_utf8_sequence
#define utf8_string_run simd_utf8_string_run
#define utf8_is_valid simd_utf8_is_valid
#include "utf8_check.c"
#undef utf8_sequence
#undef utf8_string_run
#undef utf8_is_valid

/* ---- the reference: utf8_sequence, sequence by sequence ---- */

static int is_stop(uint8_t c) { return c == '"' || c == '\\' || c < 0x20; }

/* Offset of the first ill-formed sequence in p[0..n) (n when none), with its length and reason. */
static size_t reference_first_bad(const uint8_t *p, size_t n, size_t *bad, const char **why) {
    for (size_t i = 0; i < n;) {
        size_t length = utf8_sequence(p + i, p + n, why, bad);
        if (length == 0) return i;
        i += length;
    }
    return n;
}

/* ---- comparing ---- */

static unsigned long mismatches;
static unsigned long compared;

static void show(const char *what, const uint8_t *p, size_t n) {
    if (++mismatches > 20) return;
    fprintf(stderr, "mismatch: %s on ", what);
    tu_print_bytes((const char *)p, n);
    fputc('\n', stderr);
}

/* Both builds of both functions on p[0..n), copied to a buffer of exactly n
 * bytes so that AddressSanitizer sees any read past the end. */
static void compare(const uint8_t *bytes, size_t n) {
    uint8_t *p = malloc(n ? n : 1);
    if (n) memcpy(p, bytes, n);
    size_t bad = 0;
    const char *why = NULL;
    int valid = reference_first_bad(p, n, &bad, &why) == n;
    if (utf8_is_valid(p, n) != valid) show("utf8_is_valid", p, n);
    if (simd_utf8_is_valid(p, n) != valid) show("simd utf8_is_valid", p, n);

    size_t stop = 0;
    unsigned nonascii = 0;
    while (stop < n && !is_stop(p[stop])) nonascii |= p[stop++] >= 0x80;
    /* With the stop byte when there is one: a sequence it cuts short is ill-formed. */
    size_t upto = stop < n ? stop + 1 : n;
    int run_valid = reference_first_bad(p, upto, &bad, &why) == upto;
    unsigned want = run_valid ? (nonascii ? UTF8_RUN_NONASCII : 0) : UTF8_RUN_NONASCII | UTF8_RUN_INVALID;
    const uint8_t *want_end = run_valid ? p + stop : p;
    unsigned status = 99;
    if (utf8_string_run(p, p + n, &status) != want_end || status != want) show("utf8_string_run", p, n);
    status = 99;
    if (simd_utf8_string_run(p, p + n, &status) != want_end || status != want) show("simd utf8_string_run", p, n);
    compared++;
    free(p);
}

/* The bytes inside "..." of a JSON text: json_strict's verdict and issue are the reference's. */
static void compare_scan(const uint8_t *body, size_t n) {
    static const char head[] = "{\"text\": \"", tail[] = "\"}";
    size_t h = sizeof head - 1, length = h + n + sizeof tail - 1;
    uint8_t *json = malloc(length);
    memcpy(json, head, h);
    memcpy(json + h, body, n);
    memcpy(json + h + n, tail, sizeof tail - 1);
    size_t bad = 0;
    const char *why = NULL;
    /* The closing quote included: a sequence it cuts short is ill-formed. */
    size_t at = reference_first_bad(json + h, n + 1, &bad, &why);
    if (at == n + 1) at = SIZE_MAX;
    scan_entries entries = {0};
    scan_error error = {0};
    int ok = json_strict(json, length, 64, &entries, &error);
    if (at == SIZE_MAX) {
        if (ok != 1) show("json_strict rejects", body, n);
    } else if (ok != 0 || error.code != CW_INVALID_UTF8 || error.offset != h + at || error.length != bad ||
               error.detail == NULL || strcmp(error.detail, why) != 0) {
        show("json_strict issue", body, n);
        if (mismatches <= 20)
            fprintf(stderr, "  got %d code %u at %u length %u (%s), expected at %zu length %zu (%s)\n", ok, error.code,
                    error.offset, error.length, error.detail ? error.detail : "-", h + at, bad, why);
    }
    scan_entries_free(&entries);
    free(json);
}

/* ---- (a) patterns at every alignment ---- */

typedef struct pattern {
    uint8_t bytes[4];
    size_t length;
} pattern;

/* Lead bytes and continuation bytes at the edges of Table 3-7's ranges. */
static const uint8_t LEADS[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
                                0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
static const uint8_t TRAILS[] = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x81, 0x8F, 0x90,
                                 0x9F, 0xA0, 0xBE, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF};
/* A 4-byte pattern's last byte only has to be a continuation or not. */
static const uint8_t LAST[] = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xFF};
#define COUNT(a) (sizeof(a) / sizeof *(a))

static size_t make_patterns(pattern *out) {
    size_t count = 0;
    for (size_t a = 0; a < COUNT(LEADS); a++) {
        out[count++] = (pattern){{LEADS[a]}, 1};
        for (size_t b = 0; b < COUNT(TRAILS); b++) {
            out[count++] = (pattern){{LEADS[a], TRAILS[b]}, 2};
            if (LEADS[a] < 0xE0 || TRAILS[b] < 0x80 || TRAILS[b] > 0xBF) continue; /* already decided */
            for (size_t c = 0; c < COUNT(TRAILS); c++) {
                out[count++] = (pattern){{LEADS[a], TRAILS[b], TRAILS[c]}, 3};
                if (LEADS[a] < 0xF0 || TRAILS[c] < 0x80 || TRAILS[c] > 0xBF) continue;
                for (size_t d = 0; d < COUNT(LAST); d++)
                    out[count++] = (pattern){{LEADS[a], TRAILS[b], TRAILS[c], LAST[d]}, 4};
            }
        }
    }
    return count;
}

static void test_patterns(void) {
    mismatches = 0;
    tu_set_case("patterns");
    static pattern patterns[COUNT(LEADS) * (1 + COUNT(TRAILS) * (1 + COUNT(TRAILS) * (1 + COUNT(TRAILS))))];
    size_t count = make_patterns(patterns);
    static const uint8_t AFTER[] = {'a', '"', '\\', '\n', 0x80, 0xE2};
    uint8_t buffer[96];
    for (size_t i = 0; i < count; i++) {
        const pattern *pt = &patterns[i];
        for (size_t at = 0; at < 32; at++) {
            memset(buffer, 'a', sizeof buffer);
            memcpy(buffer + at, pt->bytes, pt->length);
            compare(buffer, at + pt->length); /* cut by the end */
            for (size_t k = 0; k < COUNT(AFTER); k++) {
                buffer[at + pt->length] = AFTER[k];
                compare(buffer, at + pt->length + 1);
            }
            buffer[at + pt->length] = 'a';
            compare(buffer, 48); /* ASCII after it, within a block or two */
            compare(buffer, sizeof buffer);
            if (!memchr(pt->bytes, '"', pt->length) && !memchr(pt->bytes, '\\', pt->length) &&
                !(pt->bytes[0] < 0x20 || (pt->length > 1 && pt->bytes[1] < 0x20) ||
                  (pt->length > 2 && pt->bytes[2] < 0x20) || (pt->length > 3 && pt->bytes[3] < 0x20))) {
                compare_scan(buffer, at + pt->length);
                compare_scan(buffer, 40);
            }
        }
    }
    /* Every pair of bytes, within a block and across two; every triple whose third byte is one of
     * TRAILS, across two blocks and cut by the end. */
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++) {
            for (size_t at = 13; at < 16; at += 2) {
                memset(buffer, 'a', 40);
                buffer[at] = (uint8_t)a;
                buffer[at + 1] = (uint8_t)b;
                compare(buffer, 40);
            }
            for (size_t c = 0; c < COUNT(TRAILS); c++) {
                buffer[17] = TRAILS[c];
                compare(buffer, c % 2 ? 18 : 40);
            }
        }
    CHECK_EQ_INT(mismatches, 0);
}

/* ---- (b) random UTF-8-ish strings ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint32_t rng(void) { /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static size_t encode(uint32_t cp, uint8_t *out) {
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | cp >> 6);
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | cp >> 12);
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | cp >> 18);
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}

/* A piece of a random string: mostly well-formed characters of every length, some plain ASCII
 * runs, and now and then something wrong or something that stops a string run. */
static size_t random_piece(uint8_t *out) {
    uint32_t r = rng() % 100;
    if (r < 20) { /* an ASCII run */
        size_t n = 1 + rng() % 24;
        for (size_t i = 0; i < n; i++) out[i] = (uint8_t)('a' + rng() % 26);
        return n;
    }
    if (r < 35) return encode(0x80 + rng() % 0x780, out);
    if (r < 60) {
        uint32_t cp = 0x800 + rng() % 0xF800;
        return encode(cp >= 0xD800 && cp < 0xE000 ? cp - 0x800 : cp, out);
    }
    if (r < 75) return encode(0x10000 + rng() % 0x100000, out);
    if (r < 80) { /* a character cut short */
        size_t n = encode(0x80 + rng() % 0x10FF80, out);
        return n > 1 ? 1 + rng() % (n - 1) : n;
    }
    if (r < 86) {
        out[0] = (uint8_t)(0x80 + rng() % 0x80);
        return 1;
    } /* any non-ASCII byte */
    if (r < 90) {
        out[0] = (uint8_t)rng();
        return 1;
    }             /* any byte */
    if (r < 93) { /* a surrogate or beyond U+10FFFF, encoded anyway */
        uint32_t cp = rng() % 2 ? 0xD800 + rng() % 0x800 : 0x110000 + rng() % 0xEF0000;
        if (cp < 0x10000) {
            out[0] = (uint8_t)(0xE0 | cp >> 12);
            out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            out[2] = (uint8_t)(0x80 | (cp & 0x3F));
            return 3;
        }
        out[0] = (uint8_t)(0xF0 | (cp >> 18 & 0x07));
        out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (uint8_t)(0x80 | (cp & 0x3F));
        return 4;
    }
    if (r < 96) { /* an overlong encoding */
        uint32_t cp = rng() % 0x800;
        if (rng() % 2) {
            out[0] = (uint8_t)(0xC0 | (cp >> 6 & 0x1));
            out[1] = (uint8_t)(0x80 | (cp & 0x3F));
            return 2;
        }
        out[0] = 0xE0;
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x1F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    static const uint8_t stops[] = {'"', '\\', '\n', 0x00, 0x1F};
    out[0] = stops[rng() % COUNT(stops)];
    return 1;
}

static void test_random(void) {
    mismatches = 0;
    tu_set_case("random");
    uint8_t buffer[200];
    for (int round = 0; round < 300000; round++) {
        size_t n = 0, want = rng() % 100;
        while (n < want) n += random_piece(buffer + n);
        /* Most strings are checked as made; some with their stops removed, so that a run goes on. */
        if (round % 3 == 0)
            for (size_t i = 0; i < n; i++)
                if (is_stop(buffer[i])) buffer[i] = 'x';
        compare(buffer, n);
        if (round % 3 == 0 && round % 9 == 0) compare_scan(buffer, n);
    }
    CHECK_EQ_INT(mismatches, 0);
}

/* ---- (c) well-formed text ---- */

static const char *const SCRIPTS[] = {
    "English, and français: déjà vu, naïve façade, œuvre",
    "Ελληνικά: Η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο",
    "Русский: Съешь же ещё этих мягких французских булок, да выпей чаю",
    "עברית: דג סקרן שט בים מאוכזב ולפתע מצא חברה",
    "العربية: نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر",
    "हिन्दी: ऋषियों को सताने वाले दुष्ट राक्षसों के राजा रावण का सर्वनाश करने वाले",
    "ไทย: เป็นมนุษย์สุดประเสริฐเลิศคุณค่า กว่าบรรดาฝูงสัตว์เดรัจฉาน",
    "中文：我能吞下玻璃而不伤身体。天地玄黄，宇宙洪荒。",
    "日本語：いろはにほへと ちりぬるを わかよたれそ つねならむ カタカナ",
    "한국어: 다람쥐 헌 쳇바퀴에 타고파, 키스의 고유조건은 입술끼리 만나야",
    "ქართული: სანამ ეს ყველაფერი დაიწყებოდა Հայերեն: Բարեւ Ձեզ",
    "Emoji: 😀🎉👍🏽👨‍👩‍👧‍👦🏳️‍🌈 and math 𝔸𝕓𝒸 ∀x∈ℝ: x² ≥ 0, ≠ ≤ ∞ ∑ ∫",
    "Edges: \x7F \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF",
};

static void test_text(void) {
    mismatches = 0;
    tu_set_case("text");
    static uint8_t all[4 * 0x110000];
    size_t n = 0;
    for (uint32_t cp = 0x20; cp < 0x110000; cp++)
        if ((cp < 0xD800 || cp > 0xDFFF) && cp != '"' && cp != '\\') n += encode(cp, all + n);
    CHECK(utf8_is_valid(all, n));
    CHECK(simd_utf8_is_valid(all, n));
    unsigned status = 0;
    CHECK(utf8_string_run(all, all + n, &status) == all + n && status == UTF8_RUN_NONASCII);
    CHECK(simd_utf8_string_run(all, all + n, &status) == all + n && status == UTF8_RUN_NONASCII);
    /* Every scalar value alone, and every surrogate encoded (never UTF-8). */
    for (uint32_t cp = 0x80; cp < 0x110000; cp += cp < 0x10000 ? 1 : 7) {
        uint8_t buffer[24];
        memset(buffer, 'a', sizeof buffer);
        size_t length = encode(cp, buffer + 9);
        compare(buffer, sizeof buffer);
        compare(buffer, 9 + length);
        (void)length;
    }
    uint8_t text[4096];
    for (size_t i = 0; i < COUNT(SCRIPTS); i++) {
        size_t length = strlen(SCRIPTS[i]);
        for (size_t at = 0; at < 32; at++) {
            memset(text, ' ', at);
            size_t total = at;
            for (int copies = 0; copies < 3; copies++, total += length) memcpy(text + total, SCRIPTS[i], length);
            compare(text, total);
            CHECK(simd_utf8_is_valid(text, total));
            compare_scan(text, total);
            for (size_t cut = at; cut < at + length; cut++) compare(text, cut); /* every prefix */
        }
    }
    CHECK_EQ_INT(mismatches, 0);
}

/* A few issues spelled out, the reason strings included. */
static void test_scan_issues(void) {
    static const struct {
        const char *json;
        unsigned offset, length;
        const char *detail;
    } cases[] = {
        {"{\"t\": \"0123456789abcdef\xED\xA0\x80\"}", 23, 2, "a UTF-16 surrogate encoded in UTF-8"},
        {"{\"t\": \"\xE4\xB8\xAD\xF4\x90\x80\x80\"}", 10, 2, "a code point beyond U+10FFFF"},
        {"{\"t\": \"\xE4\xB8\xAD\xE4\xB8\"}", 10, 3, "a lead byte not followed by enough continuation bytes"},
        {"{\"t\": \"abc\\n\xC0\xAF\"}", 12, 1, "an overlong encoding"},
        {"{\"t\": \"\xE4\xB8\xAD\xBF\"}", 10, 1, "a continuation byte without a lead byte"},
        {"{\"t\": \"\xE4\xB8\xAD\xF0\x9F\x98", 10, 3, "a sequence cut short by the end of input"},
        {"{\"t\": \"\xE4\xB8\xAD\xFF\"}", 10, 1, "a byte that never occurs in UTF-8"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        tu_set_case(cases[i].json);
        scan_entries entries = {0};
        scan_error error = {0};
        CHECK_EQ_INT(json_strict((const uint8_t *)cases[i].json, strlen(cases[i].json), 64, &entries, &error), 0);
        CHECK_EQ_INT(error.code, CW_INVALID_UTF8);
        CHECK_EQ_INT(error.offset, cases[i].offset);
        CHECK_EQ_INT(error.length, cases[i].length);
        CHECK_STR(error.detail, cases[i].detail);
        scan_entries_free(&entries);
    }
}

int main(void) {
    test_scan_issues();
    test_patterns();
    test_random();
    test_text();
    printf("%lu comparisons\n", compared);
    return test_report();
}
