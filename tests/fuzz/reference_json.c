/*
 * reference_json.c: see reference_json.h. Clarity over speed: one function
 * per grammar rule of RFC 8259 section 2-7, recursion for nesting (bounded by
 * max_depth <= 1000, so at most a few thousand small frames).
 */
#include "reference_json.h"

#include "completion.h" /* only for the issue code values */

typedef struct parser {
    const uint8_t *text;
    size_t length;
    size_t pos;
    uint32_t max_depth;
    uint32_t depth;
    ref_verdict verdict;
} parser;

/* ---- UTF-8 (Unicode 15, section 3.9: shortest form, no surrogates, at most U+10FFFF) ---- */

size_t ref_utf8_char(const uint8_t *p, size_t available) {
    static const uint32_t smallest[5] = {0, 0, 0x80, 0x800, 0x10000}; /* below: overlong */
    if (available == 0) return 0;
    uint8_t lead = p[0];
    if (lead < 0x80) return 1;
    size_t length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || available < length) return 0;
    uint32_t code_point = lead & (0x7Fu >> length);
    for (size_t i = 1; i < length; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (p[i] & 0x3Fu);
    }
    if (code_point < smallest[length] || code_point > 0x10FFFF) return 0;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
    return length;
}

int ref_utf8_valid(const uint8_t *bytes, size_t length) {
    for (size_t i = 0; i < length;) {
        size_t n = ref_utf8_char(bytes + i, length - i);
        if (n == 0) return 0;
        i += n;
    }
    return 1;
}

/* ---- failing ---- */

/* The text stops being acceptable at `at`. Returns 0 so callers can `return fail(...)`. */
static int fail(parser *p, size_t at) {
    p->verdict.offset = at;
    p->verdict.code = at < p->length && ref_utf8_char(p->text + at, p->length - at) == 0 ? CW_INVALID_UTF8
                                                                                         : CW_INVALID_JSON;
    return 0;
}

/* A lone surrogate escape: invalid_json at its backslash, whatever follows. */
static int fail_surrogate(parser *p, size_t backslash) {
    p->verdict.offset = backslash;
    p->verdict.code = CW_INVALID_JSON;
    return 0;
}

static int fail_too_deep(parser *p) {
    p->verdict.offset = p->pos;
    p->verdict.code = CW_TOO_DEEP;
    return 0;
}

/* ---- lexical helpers ---- */

static int at_end(const parser *p) { return p->pos >= p->length; }
static uint8_t peek(const parser *p) { return p->text[p->pos]; }
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* RFC 8259 section 2: ws = *( %x20 / %x09 / %x0A / %x0D ) */
static void skip_ws(parser *p) {
    while (!at_end(p) && (peek(p) == 0x20 || peek(p) == 0x09 || peek(p) == 0x0A || peek(p) == 0x0D)) p->pos++;
}

static int hex_digit(uint8_t c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return 10 + c - 'a';
    if (c >= 'A' && c <= 'F') return 10 + c - 'A';
    return -1;
}

/* The UTF-16 code unit of the 4 hex digits at `at`, or -1 (without failing) when they are not there. */
static long code_unit_at(const parser *p, size_t at) {
    if (at + 4 > p->length) return -1;
    long unit = 0;
    for (size_t i = 0; i < 4; i++) {
        int digit = hex_digit(p->text[at + i]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

static int parse_value(parser *p);

/* ---- strings (section 7) ---- */

/* p->pos is at a backslash inside a string. */
static int parse_escape(parser *p) {
    size_t backslash = p->pos;
    if (backslash + 1 >= p->length) return fail(p, p->length);
    uint8_t kind = p->text[backslash + 1];
    if (kind == '"' || kind == '\\' || kind == '/' || kind == 'b' || kind == 'f' || kind == 'n' || kind == 'r' ||
        kind == 't') {
        p->pos += 2;
        return 1;
    }
    if (kind != 'u') return fail(p, backslash + 1);
    for (size_t i = 0; i < 4; i++) { /* report the first digit that is missing or not hex */
        size_t at = backslash + 2 + i;
        if (at >= p->length) return fail(p, p->length);
        if (hex_digit(p->text[at]) < 0) return fail(p, at);
    }
    long unit = code_unit_at(p, backslash + 2);
    if (unit >= 0xDC00 && unit <= 0xDFFF) return fail_surrogate(p, backslash); /* low with no high before */
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        /* A high surrogate must be followed at once by an escaped low surrogate. */
        size_t next = backslash + 6;
        int paired = next + 1 < p->length && p->text[next] == '\\' && p->text[next + 1] == 'u';
        long low = paired ? code_unit_at(p, next + 2) : -1;
        if (low < 0xDC00 || low > 0xDFFF) return fail_surrogate(p, backslash);
        p->pos = next + 6;
        return 1;
    }
    p->pos = backslash + 6;
    return 1;
}

/* p->pos is at the opening quote. */
static int parse_string(parser *p) {
    p->pos++;
    for (;;) {
        if (at_end(p)) return fail(p, p->length);
        uint8_t c = peek(p);
        if (c == '"') {
            p->pos++;
            return 1;
        }
        if (c == '\\') {
            if (!parse_escape(p)) return 0;
            continue;
        }
        if (c < 0x20) return fail(p, p->pos); /* unescaped = %x20-21 / %x23-5B / %x5D-10FFFF */
        size_t n = ref_utf8_char(p->text + p->pos, p->length - p->pos);
        if (n == 0) return fail(p, p->pos);
        p->pos += n;
    }
}

/* ---- numbers (section 6) ---- */

/* number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ) */
static int parse_number(parser *p) {
    if (peek(p) == '-') p->pos++;
    if (at_end(p) || !is_digit(peek(p))) return fail(p, p->pos);
    if (peek(p) == '0') {
        p->pos++;
        if (!at_end(p) && is_digit(peek(p))) return fail(p, p->pos);
    } else {
        while (!at_end(p) && is_digit(peek(p))) p->pos++;
    }
    if (!at_end(p) && peek(p) == '.') {
        p->pos++;
        if (at_end(p) || !is_digit(peek(p))) return fail(p, p->pos);
        while (!at_end(p) && is_digit(peek(p))) p->pos++;
    }
    if (!at_end(p) && (peek(p) == 'e' || peek(p) == 'E')) {
        p->pos++;
        if (!at_end(p) && (peek(p) == '+' || peek(p) == '-')) p->pos++;
        if (at_end(p) || !is_digit(peek(p))) return fail(p, p->pos);
        while (!at_end(p) && is_digit(peek(p))) p->pos++;
    }
    return 1;
}

/* ---- literals (section 3) ---- */

static int parse_word(parser *p, const char *word) {
    for (; *word != '\0'; word++, p->pos++)
        if (at_end(p) || peek(p) != (uint8_t)*word) return fail(p, p->pos);
    return 1;
}

/* ---- structure (sections 4 and 5) ---- */

static int enter(parser *p) {
    if (p->depth >= p->max_depth) return fail_too_deep(p);
    p->depth++;
    p->pos++; /* the bracket */
    skip_ws(p);
    return 1;
}

static int parse_array(parser *p) {
    if (!enter(p)) return 0;
    if (!at_end(p) && peek(p) == ']') {
        p->pos++;
        p->depth--;
        return 1;
    }
    for (;;) {
        if (!parse_value(p)) return 0;
        skip_ws(p);
        if (!at_end(p) && peek(p) == ',') {
            p->pos++;
            skip_ws(p);
        } else if (!at_end(p) && peek(p) == ']') {
            p->pos++;
            p->depth--;
            return 1;
        } else {
            return fail(p, p->pos);
        }
    }
}

static int parse_object(parser *p) {
    if (!enter(p)) return 0;
    if (!at_end(p) && peek(p) == '}') {
        p->pos++;
        p->depth--;
        return 1;
    }
    for (;;) {
        if (at_end(p) || peek(p) != '"') return fail(p, p->pos);
        if (!parse_string(p)) return 0;
        skip_ws(p);
        if (at_end(p) || peek(p) != ':') return fail(p, p->pos);
        p->pos++;
        skip_ws(p);
        if (!parse_value(p)) return 0;
        skip_ws(p);
        if (!at_end(p) && peek(p) == ',') {
            p->pos++;
            skip_ws(p);
        } else if (!at_end(p) && peek(p) == '}') {
            p->pos++;
            p->depth--;
            return 1;
        } else {
            return fail(p, p->pos);
        }
    }
}

static int parse_value(parser *p) {
    if (at_end(p)) return fail(p, p->pos);
    switch (peek(p)) {
    case '{': return parse_object(p);
    case '[': return parse_array(p);
    case '"': return parse_string(p);
    case 't': return parse_word(p, "true");
    case 'f': return parse_word(p, "false");
    case 'n': return parse_word(p, "null");
    default:
        if (peek(p) == '-' || is_digit(peek(p))) return parse_number(p);
        return fail(p, p->pos);
    }
}

/* JSON-text = ws value ws */
ref_verdict ref_json_check(const uint8_t *text, size_t length, uint32_t max_depth) {
    parser p = {text, length, 0, max_depth, 0, {0, 0}};
    skip_ws(&p);
    if (parse_value(&p)) {
        skip_ws(&p);
        if (!at_end(&p)) fail(&p, p.pos);
    }
    return p.verdict;
}
