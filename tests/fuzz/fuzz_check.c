/*
 * fuzz_check.c: the libFuzzer target for cw_check (see tests/fuzz/README.md).
 *
 * Input layout: byte 0 chooses the options (see options_from_byte), the rest
 * is the JSON text. Each input is checked twice, on two contexts that live
 * for the whole run (so state left behind by earlier inputs is exercised):
 * once with the chosen flags and once with CW_WRITE_TAPE toggled. Every
 * property below must hold; a violation prints what broke and aborts, which
 * libFuzzer turns into a crash with a reproducer file.
 *
 *   - cw_check returns a result; valid <=> issue_count == 0;
 *   - every issue: a known code, offset <= length, line and column that
 *     describe the offset, expected/received filled in, a path that
 *     cw_path_string can write, sorted by offset, too_many_issues exactly
 *     when issues were dropped, JSON-stage issues alone;
 *   - the JSON-stage verdict, code and offset equal those of an independent
 *     strict parser (reference_json.c);
 *   - the tape of a valid result is well formed: balanced, keys before values
 *     in objects, strings inside the input (between quotes) or the strings
 *     pool, the ASCII bit right, number texts inside the input, as many
 *     NUMBER ops as numbers; and each schema field holds what the schema
 *     says (safe integers, "completion", an allowed finish_reason, ...);
 *   - validating and parsing report exactly the same issues.
 *
 * Built with -fsanitize=fuzzer,address,undefined by -DCW_FUZZ=ON, and without
 * libFuzzer (any compiler) as fuzz_replay, which runs files through the same
 * LLVMFuzzerTestOneInput (tests/fuzz/replay.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "reference_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input being checked, printed when a property fails. */
static const uint8_t *current_json;
static size_t current_length;
static cw_options current_options;

static void print_input(void) {
    fprintf(stderr, "options: flags=%u max_depth=%u max_issues=%u max_bytes=%zu\ninput (%zu bytes): \"",
            current_options.flags, current_options.max_depth, current_options.max_issues,
            current_options.max_bytes, current_length);
    for (size_t i = 0; i < current_length && i < 400; i++) {
        uint8_t c = current_json[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') fputc(c, stderr);
        else fprintf(stderr, "\\x%02x", c);
    }
    fprintf(stderr, "%s\"\n", current_length > 400 ? "..." : "");
}

/* A property does not hold: say which, show the input, abort (libFuzzer keeps the input). */
static void violated(int line, const char *condition, const char *format, ...) {
    fprintf(stderr, "\nfuzz_check.c:%d: property violated: %s\n  ", line, condition);
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    print_input();
    abort();
}

#define REQUIRE(condition, ...) \
    do { \
        if (!(condition)) violated(__LINE__, #condition, __VA_ARGS__); \
    } while (0)

/* ---- options ---- */

/*
 * Byte 0 of the input:
 *   bits 0-3  flags: CW_UNKNOWN_KEEP, CW_UNKNOWN_REJECT, CW_OPEN_ENUMS, CW_WRITE_TAPE
 *   bits 4-5  schema: 0 CompletionResponse, 1 CW_SCHEMA_STREAM_EVENT, 2 CW_SCHEMA_ERROR,
 *             3 CompletionResponse with max_bytes 100 (so that too_large is reached)
 *   bits 6-7  limits (max_depth, max_issues): 0 the defaults (0, 0: 64 and 100),
 *             1 (1, 1), 2 (3, 2), 3 (0xFFFFFFFF, clamped to 1000; 5)
 */
static cw_options options_from_byte(uint8_t byte) {
    static const uint32_t schemas[4] = {0, CW_SCHEMA_STREAM_EVENT, CW_SCHEMA_ERROR, 0};
    static const uint32_t depths[4] = {0, 1, 3, 0xFFFFFFFFu};
    static const uint32_t issue_limits[4] = {0, 1, 2, 5};
    uint32_t schema = (byte >> 4) & 3, limits = byte >> 6;
    cw_options options = {schema == 3 ? 100 : 0, depths[limits], issue_limits[limits],
                          (byte & 0x0Fu) | schemas[schema]};
    return options;
}

/* What the core is documented to make of the options (completion.h). */
static size_t effective_max_bytes(const cw_options *o) { return o->max_bytes ? o->max_bytes : CW_DEFAULT_MAX_BYTES; }
static uint32_t effective_max_issues(const cw_options *o) { return o->max_issues ? o->max_issues : CW_DEFAULT_MAX_ISSUES; }
static uint32_t effective_max_depth(const cw_options *o) {
    uint32_t depth = o->max_depth ? o->max_depth : CW_DEFAULT_MAX_DEPTH;
    return depth < CW_MAX_DEPTH_LIMIT ? depth : CW_MAX_DEPTH_LIMIT;
}

static int is_json_stage(uint32_t code) {
    return code == CW_INVALID_JSON || code == CW_INVALID_UTF8 || code == CW_TOO_DEEP || code == CW_TOO_LARGE;
}

/* ---- issues ---- */

/*
 * Line and column of a byte offset, computed the way tests/js/helpers.js
 * locate() does on the decoded prefix: lines end at LF, CR or CRLF; columns
 * count UTF-16 code units (a 4-byte character is two).
 */
static void locate(const uint8_t *json, size_t offset, uint32_t *line, uint32_t *column) {
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset;) {
        uint8_t c = json[i];
        if (c == '\r' && i + 1 < offset && json[i + 1] == '\n') {
            i += 2;
            ++*line, *column = 1;
        } else if (c == '\n' || c == '\r') {
            i += 1;
            ++*line, *column = 1;
        } else {
            size_t n = ref_utf8_char(json + i, offset - i);
            REQUIRE(n > 0, "the bytes before an issue's offset %zu are valid UTF-8 (bad byte at %zu)", offset, i);
            *column += n == 4 ? 2 : 1;
            i += n;
        }
    }
}

/* First byte of a JSON value, as the schema issues point at one. */
static int starts_value(uint8_t c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' ||
           c == 'n';
}

static void check_path(const cw_issue *issue, uint32_t max_depth) {
    REQUIRE(issue->path_length <= max_depth + 1, "path of %u segments with max_depth %u", issue->path_length, max_depth);
    REQUIRE(issue->path_length == 0 || issue->path != NULL, "path segments present");
    for (uint32_t s = 0; s < issue->path_length; s++) {
        const cw_segment *segment = &issue->path[s];
        REQUIRE(segment->kind == CW_SEG_INDEX || segment->kind == CW_SEG_KEY, "segment kind %u", segment->kind);
        if (segment->kind == CW_SEG_KEY) {
            REQUIRE(segment->key != NULL, "key segment %u has bytes", s);
            REQUIRE(ref_utf8_valid((const uint8_t *)segment->key, segment->key_length), "key segment %u is UTF-8", s);
        }
    }
    /* The text form: the length is the same whatever the buffer, shorter buffers get a prefix. */
    size_t needed = cw_path_string(issue, NULL, 0);
    char *full = malloc(needed + 1), small[6];
    REQUIRE(full != NULL, "allocating %zu bytes", needed + 1);
    REQUIRE(cw_path_string(issue, full, needed + 1) == needed, "same length with room");
    REQUIRE(full[needed] == '\0' && strlen(full) == needed, "path text is NUL-terminated at its length %zu", needed);
    REQUIRE((needed == 0) == (issue->path_length == 0), "empty path text only for the root");
    REQUIRE(cw_path_string(issue, small, sizeof small) == needed, "same length when truncated");
    size_t kept = needed < sizeof small - 1 ? needed : sizeof small - 1;
    REQUIRE(small[kept] == '\0' && memcmp(small, full, kept) == 0, "truncated path text is a prefix");
    free(full);
}

/* Properties of one issue on its own. */
static void check_issue(const cw_issue *issue, const uint8_t *json, size_t length, const cw_options *o) {
    uint32_t code = issue->code;
    REQUIRE(code >= CW_INVALID_JSON && code <= CW_TOO_MANY_ISSUES, "issue code %u in range", code);
    REQUIRE(strcmp(cw_code_name(code), "unknown") != 0, "code %u has a name", code);
    REQUIRE(issue->offset <= length, "offset %u within %zu bytes", issue->offset, length);
    REQUIRE(issue->line >= 1 && issue->column >= 1, "line %u and column %u are 1-based", issue->line, issue->column);
    REQUIRE(issue->expected != NULL && issue->expected[0] != '\0', "expected is set (code %u)", code);
    REQUIRE((issue->received != NULL) != (issue->received_text != NULL),
            "exactly one of received and received_text (code %u)", code);
    if (issue->received != NULL) REQUIRE(issue->received[0] != '\0', "received is not empty");
    check_path(issue, effective_max_depth(o));
    if (code == CW_TOO_LARGE) return; /* the bytes were not looked at */

    uint32_t line, column;
    locate(json, issue->offset, &line, &column);
    REQUIRE(issue->line == line && issue->column == column, "offset %u is at %u:%u, the issue says %u:%u",
            issue->offset, line, column, issue->line, issue->column);

    /* Texts that quote the input verbatim, at the offset. */
    if (issue->received_text != NULL &&
        (code == CW_INVALID_JSON || code == CW_INVALID_UTF8 || code == CW_NOT_INTEGER || code == CW_UNSAFE_INTEGER)) {
        REQUIRE(issue->offset + (size_t)issue->received_length <= length, "received text inside the input");
        REQUIRE(memcmp(issue->received_text, json + issue->offset, issue->received_length) == 0,
                "received text is the input at the offset (code %u)", code);
    }
    if (code == CW_INVALID_UTF8) REQUIRE(issue->received_text != NULL && issue->received_length >= 1, "bad bytes shown");
    if (code == CW_NOT_INTEGER || code == CW_UNSAFE_INTEGER)
        REQUIRE(issue->received_length >= 1 && (json[issue->offset] == '-' || (json[issue->offset] >= '0' && json[issue->offset] <= '9')),
                "a number's issue points at the number");
    if (code == CW_MISSING_FIELD) REQUIRE(json[issue->offset] == '{', "missing_field points at the enclosing '{'");
    if (code == CW_DUPLICATE_KEY || code == CW_UNKNOWN_FIELD)
        REQUIRE(json[issue->offset] == '"', "a key's issue points at the key's quote");
    if (code == CW_INVALID_TYPE || code == CW_INVALID_ENUM || code == CW_INVALID_LITERAL)
        REQUIRE(issue->offset < length && starts_value(json[issue->offset]), "a value's issue points at a value");
    if (code == CW_UNKNOWN_FIELD) REQUIRE(o->flags & CW_UNKNOWN_REJECT, "unknown_field only with CW_UNKNOWN_REJECT");
    if (code == CW_INVALID_ENUM) REQUIRE(!(o->flags & CW_OPEN_ENUMS), "invalid_enum never with CW_OPEN_ENUMS");
}

/* Properties of the issue list as a whole. */
static void check_issues(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    uint32_t max_issues = effective_max_issues(o);
    REQUIRE(r->valid == (r->issue_count == 0), "valid=%u with %u issues", r->valid, r->issue_count);
    REQUIRE(r->issue_count == 0 || r->issues != NULL, "issues present");
    REQUIRE(r->issue_count <= max_issues + 1, "%u issues with max_issues %u", r->issue_count, max_issues);
    int marked = r->issue_count > 0 && r->issues[r->issue_count - 1].code == CW_TOO_MANY_ISSUES;
    REQUIRE(marked == (r->issues_dropped > 0), "a too_many_issues marker exactly when %u issues were dropped",
            r->issues_dropped);
    if (marked) {
        REQUIRE(r->issue_count == max_issues + 1, "the marker follows max_issues=%u issues", max_issues);
        REQUIRE(r->issues[r->issue_count - 1].path_length == 0, "the marker's path is the root");
    }
    for (uint32_t i = 0; i < r->issue_count; i++) {
        const cw_issue *issue = &r->issues[i];
        check_issue(issue, json, length, o);
        if (is_json_stage(issue->code))
            REQUIRE(r->issue_count == 1 && issue->path_length == 0, "a JSON-stage issue comes alone, at the root");
        if (issue->code == CW_TOO_MANY_ISSUES) REQUIRE(i == r->issue_count - 1, "the marker is last");
        if (i > 0 && !(marked && i == r->issue_count - 1))
            REQUIRE(r->issues[i - 1].offset <= issue->offset, "issues in document order (%u then %u)",
                    r->issues[i - 1].offset, issue->offset);
    }
}

/* ---- the JSON stage against the reference ---- */

static void check_json_stage(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    const cw_issue *first = r->issue_count > 0 ? &r->issues[0] : NULL;
    if (length > effective_max_bytes(o)) {
        REQUIRE(r->issue_count == 1 && first->code == CW_TOO_LARGE && first->offset == 0,
                "%zu bytes with max_bytes %zu give one too_large", length, effective_max_bytes(o));
        return;
    }
    uint32_t core = first != NULL && is_json_stage(first->code) ? first->code : 0;
    REQUIRE(core != CW_TOO_LARGE, "too_large for %zu bytes with max_bytes %zu", length, effective_max_bytes(o));
    ref_verdict reference = ref_json_check(json, length, effective_max_depth(o));
    REQUIRE(core == reference.code, "JSON stage: core says %s, the reference says %s (at %zu)",
            core ? cw_code_name(core) : "accepted", reference.code ? cw_code_name(reference.code) : "accepted",
            reference.offset);
    if (core != 0)
        REQUIRE(first->offset == reference.offset, "%s at offset %u, the reference says %zu", cw_code_name(core),
                first->offset, reference.offset);
}

/* ---- the tape ---- */

typedef struct tape_reader {
    const cw_options *options;
    const cw_result *r;
    const uint8_t *json;
    size_t length;
    uint32_t position;
    uint32_t numbers;
    size_t pool_used; /* bytes of cw_result.strings accounted for so far */
} tape_reader;

static uint32_t next_word(tape_reader *t) {
    REQUIRE(t->position < t->r->tape_length, "the tape ends inside a value (word %u)", t->position);
    return t->r->tape[t->position++];
}

/* A STRING or KEY op's two words, and the bytes they point at. */
static void check_tape_string(tape_reader *t, uint32_t word) {
    uint32_t operand = word >> 8;
    REQUIRE((operand & ~3u) == 0, "string operand %#x has only the ASCII and IN_STRINGS bits", operand);
    uint32_t offset = next_word(t), length = next_word(t);
    const uint8_t *bytes;
    if (word & CW_TAPE_IN_STRINGS) {
        /* Escaped strings are appended to the pool in tape order. */
        REQUIRE(offset == t->pool_used, "pooled string at %u, the pool so far holds %zu bytes", offset, t->pool_used);
        REQUIRE(length == 0 || t->r->strings != NULL, "the strings pool exists");
        t->pool_used += length;
        bytes = (const uint8_t *)t->r->strings + offset;
    } else {
        /* Unescaped strings are the input's bytes between two quotes. */
        REQUIRE(offset >= 1 && (size_t)offset + length < t->length, "string [%u, +%u) inside the input", offset, length);
        REQUIRE(t->json[offset - 1] == '"' && t->json[offset + length] == '"', "string at %u is between quotes", offset);
        bytes = t->json + offset;
        REQUIRE(memchr(bytes, '\\', length) == NULL && memchr(bytes, '"', length) == NULL,
                "a string taken from the input has no escapes");
    }
    int ascii = 1;
    for (uint32_t i = 0; i < length; i++) ascii &= bytes[i] < 0x80;
    REQUIRE(ascii == ((word & CW_TAPE_ASCII) != 0), "the ASCII bit (%d) says what the bytes are", ascii);
    REQUIRE(ref_utf8_valid(bytes, length), "string bytes are UTF-8");
}

/* A number's source text (NUMBER_TEXT): inside the input, and a JSON number. */
static void check_tape_number_text(tape_reader *t) {
    uint32_t offset = next_word(t), length = next_word(t);
    REQUIRE(length > 0 && (size_t)offset + length <= t->length, "number text [%u, +%u) inside the input", offset,
            length);
    for (uint32_t i = 0; i < length; i++) {
        uint8_t c = t->json[offset + i];
        REQUIRE((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E',
                "number text holds only number characters (byte %u)", c);
    }
    REQUIRE(ref_json_check(t->json + offset, length, 1).code == 0, "number text at %u is one JSON number", offset);
}

/* The bytes of the STRING whose op word was just read (peeking, the reader does not move). */
static int tape_string_equals(const tape_reader *t, uint32_t word, const char *text) {
    REQUIRE(t->position + 1 < t->r->tape_length, "a string's words are on the tape");
    uint32_t offset = t->r->tape[t->position], length = t->r->tape[t->position + 1];
    const char *bytes = (word & CW_TAPE_IN_STRINGS) ? t->r->strings + offset : (const char *)t->json + offset;
    return length == strlen(text) && memcmp(bytes, text, length) == 0;
}

/* What a schema field's value must be on the tape of a valid result. */
static void check_known_value(tape_reader *t, uint32_t key, uint32_t word) {
    uint32_t op = word & 0xFF;
    switch (key) {
    case CW_KEY_CREATED: case CW_KEY_INDEX: case CW_KEY_PROMPT_TOKENS: case CW_KEY_COMPLETION_TOKENS:
    case CW_KEY_TOTAL_TOKENS: case CW_KEY_CACHED_TOKENS: case CW_KEY_AUDIO_TOKENS: case CW_KEY_REASONING_TOKENS:
    case CW_KEY_ACCEPTED_PREDICTION_TOKENS: case CW_KEY_REJECTED_PREDICTION_TOKENS: case CW_KEY_STATUS: {
        REQUIRE(op == CW_TAPE_NUMBER, "integer field %s is a NUMBER (op %u)", cw_key_name(key), op);
        REQUIRE(t->numbers < t->r->number_count, "a NUMBER op beyond the %u numbers", t->r->number_count);
        double value = t->r->numbers[t->numbers]; /* this op's number: the reader has not counted it yet */
        REQUIRE(value == floor(value) && fabs(value) <= 9007199254740991.0, "%s = %.17g is a safe integer",
                cw_key_name(key), value);
        break;
    }
    case CW_KEY_ID: case CW_KEY_MODEL: case CW_KEY_TEXT: case CW_KEY_SYSTEM_FINGERPRINT: case CW_KEY_OBFUSCATION:
    case CW_KEY_MESSAGE: case CW_KEY_TYPE: case CW_KEY_PARAM:
        REQUIRE(op == CW_TAPE_STRING, "string field %s is a STRING (op %u)", cw_key_name(key), op);
        break;
    case CW_KEY_CODE:
        REQUIRE(op == CW_TAPE_STRING || op == CW_TAPE_NULL, "code is a string or null (op %u)", op);
        break;
    case CW_KEY_OBJECT:
        REQUIRE(op == CW_TAPE_STRING && tape_string_equals(t, word, "completion"), "object is \"completion\"");
        break;
    case CW_KEY_FINISH_REASON:
        REQUIRE(op == CW_TAPE_STRING || (op == CW_TAPE_NULL && (t->options->flags & CW_SCHEMA_STREAM_EVENT)),
                "finish_reason is a string (or null in a stream event), op %u", op);
        if (op == CW_TAPE_STRING && !(t->options->flags & CW_OPEN_ENUMS))
            REQUIRE(tape_string_equals(t, word, "stop") || tape_string_equals(t, word, "length") ||
                        tape_string_equals(t, word, "content_filter"),
                    "finish_reason is one of the enum");
        break;
    case CW_KEY_LOGPROBS:
        REQUIRE(op == CW_TAPE_OBJECT_BEGIN || op == CW_TAPE_NULL, "logprobs is an object or null (op %u)", op);
        break;
    case CW_KEY_CHOICES:
        REQUIRE(op == CW_TAPE_ARRAY_BEGIN, "choices is an array (op %u)", op);
        break;
    default: /* usage, error and the token details */
        REQUIRE(op == CW_TAPE_OBJECT_BEGIN, "%s is an object (op %u)", cw_key_name(key), op);
    }
}

static void check_tape_value(tape_reader *t, uint32_t word, uint32_t depth, uint32_t max_depth);

static void check_tape_container(tape_reader *t, int object, uint32_t depth, uint32_t max_depth) {
    REQUIRE(depth <= max_depth, "tape nests %u deep with max_depth %u", depth, max_depth);
    for (;;) {
        uint32_t word = next_word(t), op = word & 0xFF;
        if (op == (object ? CW_TAPE_OBJECT_END : CW_TAPE_ARRAY_END)) {
            REQUIRE(word >> 8 == 0, "end ops have no operand");
            return;
        }
        if (object) {
            REQUIRE(op == CW_TAPE_KEY_KNOWN || op == CW_TAPE_KEY, "op %u where an object needs a key or its end", op);
            if (op == CW_TAPE_KEY_KNOWN) {
                uint32_t key = word >> 8;
                REQUIRE(key < CW_KEY_COUNT, "known key id %u", key);
                word = next_word(t);
                check_known_value(t, key, word);
            } else {
                check_tape_string(t, word);
                word = next_word(t);
            }
        }
        check_tape_value(t, word, depth, max_depth);
    }
}

static void check_tape_value(tape_reader *t, uint32_t word, uint32_t depth, uint32_t max_depth) {
    uint32_t op = word & 0xFF;
    switch (op) {
    case CW_TAPE_OBJECT_BEGIN:
    case CW_TAPE_ARRAY_BEGIN:
        REQUIRE(word >> 8 == 0, "begin ops have no operand");
        check_tape_container(t, op == CW_TAPE_OBJECT_BEGIN, depth + 1, max_depth);
        break;
    case CW_TAPE_STRING: check_tape_string(t, word); break;
    case CW_TAPE_NUMBER_TEXT:
        REQUIRE(word >> 8 == 0, "NUMBER_TEXT has no operand");
        check_tape_number_text(t);
        break;
    case CW_TAPE_NUMBER:
    case CW_TAPE_TRUE:
    case CW_TAPE_FALSE:
    case CW_TAPE_NULL:
        REQUIRE(word >> 8 == 0, "op %u has no operand", op);
        if (op == CW_TAPE_NUMBER) {
            REQUIRE(t->numbers < t->r->number_count, "a NUMBER op beyond the %u numbers", t->r->number_count);
            t->numbers++;
        }
        break;
    default: REQUIRE(0, "op %u where a value belongs (word %u)", op, t->position - 1);
    }
}

static void check_tape(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    if (!r->valid || !(o->flags & CW_WRITE_TAPE)) {
        REQUIRE(r->tape_length == 0, "no tape without CW_WRITE_TAPE and a valid result (%u words)", r->tape_length);
        return;
    }
    tape_reader t = {o, r, json, length, 0, 0, 0};
    uint32_t first = next_word(&t);
    REQUIRE(first == CW_TAPE_OBJECT_BEGIN, "a valid response is an object (first op %u)", first);
    check_tape_value(&t, first, 0, effective_max_depth(o));
    REQUIRE(t.position == r->tape_length, "the tape ends with the root object (%u of %u words)", t.position,
            r->tape_length);
    REQUIRE(t.numbers == r->number_count, "%u NUMBER ops for %u numbers", t.numbers, r->number_count);
    volatile double sum = 0; /* read every number, so a sanitizer sees a bad array */
    for (uint32_t i = 0; i < r->number_count; i++) sum += r->numbers[i];
    (void)sum;
}

/* ---- parse and validate agree ---- */

static int same_text(const char *a, const char *b) { return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0); }

static void check_same_issues(const cw_result *a, const cw_result *b) {
    REQUIRE(a->valid == b->valid && a->issue_count == b->issue_count && a->issues_dropped == b->issues_dropped,
            "with and without the tape: valid %u/%u, %u/%u issues, %u/%u dropped", a->valid, b->valid,
            a->issue_count, b->issue_count, a->issues_dropped, b->issues_dropped);
    for (uint32_t i = 0; i < a->issue_count; i++) {
        const cw_issue *x = &a->issues[i], *y = &b->issues[i];
        REQUIRE(x->code == y->code && x->offset == y->offset && x->line == y->line && x->column == y->column,
                "issue %u: %s@%u vs %s@%u", i, cw_code_name(x->code), x->offset, cw_code_name(y->code), y->offset);
        REQUIRE(same_text(x->expected, y->expected) && same_text(x->received, y->received) &&
                    same_text(x->detail, y->detail),
                "issue %u: same texts", i);
        REQUIRE(x->received_length == y->received_length &&
                    (x->received_length == 0 || memcmp(x->received_text, y->received_text, x->received_length) == 0),
                "issue %u: same received text", i);
        REQUIRE(x->path_length == y->path_length, "issue %u: same path length", i);
        for (uint32_t s = 0; s < x->path_length; s++) {
            const cw_segment *p = &x->path[s], *q = &y->path[s];
            REQUIRE(p->kind == q->kind && p->index == q->index && p->key_length == q->key_length &&
                        (p->key_length == 0 || memcmp(p->key, q->key, p->key_length) == 0),
                    "issue %u: same path segment %u", i, s);
        }
    }
}

/* ---- the target ---- */

static cw_context *primary;   /* the options from byte 0 */
static cw_context *secondary; /* the same with CW_WRITE_TAPE toggled */

/* One call; json may be NULL when length is 0 (the checks then read an empty text). */
static const cw_result *run(cw_context *context, const uint8_t *json, size_t length, const cw_options *o) {
    const cw_result *r = cw_check(context, json, length, o);
    REQUIRE(r != NULL, "cw_check returned NULL (out of memory?)");
    const uint8_t *text = json != NULL ? json : (const uint8_t *)"";
    check_issues(r, text, length, o);
    check_tape(r, text, length, o);
    return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (primary == NULL) {
        primary = cw_context_new();
        secondary = cw_context_new();
        if (primary == NULL || secondary == NULL) abort();
    }
    cw_options options = options_from_byte(size > 0 ? data[0] : 0);
    const uint8_t *json = size > 1 ? data + 1 : NULL; /* NULL with length 0 is allowed */
    size_t length = size > 1 ? size - 1 : 0;
    current_json = json != NULL ? json : (const uint8_t *)"";
    current_length = length;
    current_options = options;

    const cw_result *r = run(primary, json, length, &options);
    check_json_stage(r, current_json, length, &options);

    cw_options toggled = options;
    toggled.flags ^= CW_WRITE_TAPE;
    check_same_issues(r, run(secondary, json, length, &toggled));
    return 0;
}
