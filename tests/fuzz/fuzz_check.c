/*
 * fuzz_check.c: the libFuzzer target for cw_check (see tests/fuzz/README.md).
 *
 * Input layout: bytes 0 and 1 choose the options (see options_from_prefix:
 * the profile, the document, the flags, the limits), the rest is the JSON text.
 * Each input is checked twice, on two contexts that live for the whole run
 * (so state left behind by earlier inputs is exercised): once with the
 * chosen flags and once with CW_WRITE_TAPE toggled; a third context checks
 * it against the other profiles. Every property below must hold; a violation
 * prints what broke and aborts, which libFuzzer turns into a crash with a
 * reproducer file.
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
 *     NUMBER ops as numbers; and it matches the profile's schema as written
 *     out again here (field_rule): each schema key in an object that has
 *     that field, once, holding what the profile says (safe integers, the
 *     profile's object literal, an allowed finish_reason, typed logprobs,
 *     maps of numbers, ...), every required field there, no schema key
 *     inside a value kept as sent, unknown keys only with CW_UNKNOWN_KEEP;
 *   - invalid_enum only at a finish_reason the profile restricts,
 *     invalid_literal only at the root's object, with r9s's hint exactly
 *     when r9s is sent OpenAI's "text_completion";
 *   - validating and parsing report exactly the same issues;
 *   - the schema issues (code, offset, path) are exactly those predicted by
 *     walking the text with field_rule (check_against_model);
 *   - across profiles: profile number 3 gives NULL; a document valid under
 *     openai is valid under openai-compatible; the any-error document is
 *     checked alike by all.
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

enum { R9S, OPENAI, COMPATIBLE }; /* profile numbers (CW_PROFILE_) */
static const char *const profile_names[] = {"r9s", "openai", "openai-compatible", "(none)"};
static uint32_t profile_of(const cw_options *o) { return (o->flags & CW_PROFILE_MASK) >> CW_PROFILE_SHIFT; }

/* The objects of the schemas (field_rule): KEPT is any object, kept as sent (keys are KEY ops); MAP an entry of
 * top_logprobs; each document's root is one of the ROOTs. */
enum {
    KEPT,
    COMPLETION_ROOT,
    ERROR_ROOT,
    ANY_ERROR_ROOT,
    CHOICE,
    LOGPROBS,
    MAP,
    USAGE,
    PROMPT_DETAILS,
    COMPLETION_DETAILS,
    ERROR_OBJECT
};

/*
 * The documents this target models, as the option bytes number them (see
 * options_from_prefix), each with its root object in field_rule and what sets
 * it apart. Adding a document (the chat ones, say) is an entry here plus
 * field_rule's rules for its objects (and string_allowed's for its enums and
 * literals), written out by hand from src/schema.yaml; the option bytes reach
 * every entry, and every check reads the rules from there.
 */
typedef struct document_model {
    uint32_t flag; /* CW_SCHEMA_ */
    const char *name;
    uint8_t root;                     /* its root object in field_rule */
    uint8_t stream;                   /* an event of a stream: some fields may be null or missing */
    uint8_t same_under_every_profile; /* whoever's body it is, every profile checks it alike */
} document_model;

static const document_model documents[] = {
    {CW_SCHEMA_RESPONSE, "response", COMPLETION_ROOT, 0, 0},
    {CW_SCHEMA_STREAM_EVENT, "stream event", COMPLETION_ROOT, 1, 0},
    {CW_SCHEMA_ERROR, "error body", ERROR_ROOT, 0, 0},
    {CW_SCHEMA_ANY_ERROR, "any error body", ANY_ERROR_ROOT, 0, 1},
};
#define DOCUMENT_COUNT (sizeof documents / sizeof documents[0])

static const document_model *document_of(const cw_options *o) {
    for (size_t d = 0; d < DOCUMENT_COUNT; d++)
        if (documents[d].flag == (o->flags & CW_SCHEMA_MASK)) return &documents[d];
    fprintf(stderr, "fuzz_check.c: flags %#x name no document of the table\n", o->flags);
    abort(); /* not REQUIRE: printing the input names its document */
}

/* r9s's word on OpenAI's object (src/schema.yaml, the hint of CompletionResponse.object). */
#define OPENAI_OBJECT_HINT "OpenAI's object: use profile \"openai\" or \"openai-compatible\""

static void print_input(void) {
    fprintf(stderr,
            "options: flags=%#x (profile %s, document %s) max_depth=%u max_issues=%u max_bytes=%zu\n"
            "input (%zu bytes): \"",
            current_options.flags, profile_names[profile_of(&current_options)], document_of(&current_options)->name,
            current_options.max_depth, current_options.max_issues, current_options.max_bytes, current_length);
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
 * The option bytes, before the JSON text:
 * byte 0    bits 0-3  flags: CW_UNKNOWN_KEEP, CW_UNKNOWN_REJECT, CW_OPEN_ENUMS, CW_WRITE_TAPE
 *           bits 6-7  0 r9s, 1 openai, 2 openai-compatible, with the default limits, and bits 4-5
 *                     the document's number (plus byte 1's part);
 *                     3 r9s under other limits, bits 4-5 saying which (max_depth, max_issues):
 *                     0 (0xFFFFFFFF, clamped to 1000; 5), 1 (1, 1), 2 (3, 2), 3 the defaults with
 *                     max_bytes 100 (so that too_large is reached)
 * byte 1    4 times it is added to the document's number, which picks an entry of documents[]
 *           (modulo their count): 0 the response, 1 the stream event, 2 the error body, 3 the
 *           any-error body
 * With byte 1 = 0, byte 0 means what it meant when it was the only option byte (the bytes
 * 0x00-0x2F and 0xC0-0xCF even what they meant before the profiles); regressions/ were
 * written so.
 */
#define OPTION_BYTES 2

static cw_options options_from_prefix(uint8_t byte, uint8_t document_byte) {
    static const uint32_t depths[4] = {0xFFFFFFFFu, 1, 3, 0};
    static const uint32_t issue_limits[4] = {5, 1, 2, 0};
    uint32_t high = (byte >> 4) & 3, profile = byte >> 6;
    cw_options options = {0, 0, 0, byte & 0x0Fu};
    uint32_t document = 4u * document_byte;
    if (profile < CW_PROFILE_COUNT) {
        options.flags |= profile << CW_PROFILE_SHIFT;
        document += high;
    } else {
        options.max_depth = depths[high];
        options.max_issues = issue_limits[high];
        options.max_bytes = high == 3 ? 100 : 0;
    }
    options.flags |= documents[document % DOCUMENT_COUNT].flag;
    return options;
}

/* What the core is documented to make of the options (completion.h). */
static size_t effective_max_bytes(const cw_options *o) { return o->max_bytes ? o->max_bytes : CW_DEFAULT_MAX_BYTES; }
static uint32_t effective_max_issues(const cw_options *o) {
    return o->max_issues ? o->max_issues : CW_DEFAULT_MAX_ISSUES;
}
static uint32_t effective_max_depth(const cw_options *o) {
    uint32_t depth = o->max_depth ? o->max_depth : CW_DEFAULT_MAX_DEPTH;
    return depth < CW_MAX_DEPTH_LIMIT ? depth : CW_MAX_DEPTH_LIMIT;
}

static int is_json_stage(uint32_t code) {
    return code == CW_INVALID_JSON || code == CW_INVALID_UTF8 || code == CW_TOO_DEEP || code == CW_TOO_LARGE;
}

static int bytes_are(const void *bytes, size_t length, const char *text) {
    return length == strlen(text) && (length == 0 || memcmp(bytes, text, length) == 0);
}

/* Whether a path segment is the key `name`. */
static int segment_is(const cw_segment *segment, const char *name) {
    return segment != NULL && segment->kind == CW_SEG_KEY && bytes_are(segment->key, segment->key_length, name);
}

/* ---- issues ---- */

/*
 * Line and column of a byte offset, computed the way tests/js/helpers.js
 * locate() does on the decoded prefix: lines end at LF, CR or CRLF; columns
 * count UTF-16 code units (a 4-byte character is two).
 *
 * A call goes on from where the last one stopped when that is not past the
 * offset (issues come in document order), so an input's issues cost one pass
 * over it, not one each (with max_issues 100 on 64 KB, most of a run's time).
 * `located` is forgotten at each input: libFuzzer reuses its buffer.
 */
static struct located {
    const uint8_t *json; /* NULL: nothing located in this input yet */
    size_t offset;
    uint32_t line, column;
} located;

static void locate(const uint8_t *json, size_t offset, uint32_t *line, uint32_t *column) {
    int resume = located.json == json && located.offset <= offset;
    size_t i = resume ? located.offset : 0;
    *line = resume ? located.line : 1;
    *column = resume ? located.column : 1;
    struct located before_last = {json, i, *line, *column}; /* where the last character started */
    while (i < offset) {
        before_last = (struct located){json, i, *line, *column};
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
    /* A CR just before the offset may be the first half of a CRLF for a later offset: go on from before it. */
    int cr_last = offset > 0 && json[offset - 1] == '\r';
    located = cr_last ? before_last : (struct located){json, offset, *line, *column};
}

/* First byte of a JSON value, as the schema issues point at one. */
static int starts_value(uint8_t c) {
    return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

static void check_path(const cw_issue *issue, uint32_t max_depth) {
    REQUIRE(issue->path_length <= max_depth + 1, "path of %u segments with max_depth %u", issue->path_length,
            max_depth);
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

static void check_restricted_string(const cw_issue *issue, const cw_options *o);

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
    if (code == CW_INVALID_UTF8)
        REQUIRE(issue->received_text != NULL && issue->received_length >= 1, "bad bytes shown");
    if (code == CW_NOT_INTEGER || code == CW_UNSAFE_INTEGER)
        REQUIRE(issue->received_length >= 1 &&
                    (json[issue->offset] == '-' || (json[issue->offset] >= '0' && json[issue->offset] <= '9')),
                "a number's issue points at the number");
    if (code == CW_MISSING_FIELD) REQUIRE(json[issue->offset] == '{', "missing_field points at the enclosing '{'");
    if (code == CW_DUPLICATE_KEY || code == CW_UNKNOWN_FIELD)
        REQUIRE(json[issue->offset] == '"', "a key's issue points at the key's quote");
    if (code == CW_INVALID_TYPE || code == CW_INVALID_ENUM || code == CW_INVALID_LITERAL)
        REQUIRE(issue->offset < length && starts_value(json[issue->offset]), "a value's issue points at a value");
    if (code == CW_UNKNOWN_FIELD) REQUIRE(o->flags & CW_UNKNOWN_REJECT, "unknown_field only with CW_UNKNOWN_REJECT");

    /* What each profile restricts: finish_reason to an enum (not openai-compatible), the root's object to a literal. */
    uint32_t profile = profile_of(o);
    const cw_segment *last = issue->path_length > 0 ? &issue->path[issue->path_length - 1] : NULL;
    if (code == CW_INVALID_ENUM) REQUIRE(!(o->flags & CW_OPEN_ENUMS), "invalid_enum never with CW_OPEN_ENUMS");
    if (code == CW_INVALID_ENUM || code == CW_INVALID_LITERAL) check_restricted_string(issue, o);
    if (code == CW_INVALID_LITERAL) {
        int text_completion = bytes_are(issue->received_text, issue->received_length, "text_completion");
        if (profile == R9S && text_completion)
            REQUIRE(issue->detail != NULL && strcmp(issue->detail, OPENAI_OBJECT_HINT) == 0,
                    "r9s says what to do with OpenAI's object");
        else REQUIRE(issue->detail == NULL, "a hint only for r9s and \"text_completion\"");
    }
    if (code == CW_MISSING_FIELD) {
        int named = 0;
        for (uint32_t k = 0; k < CW_KEY_COUNT && !named; k++) named = segment_is(last, cw_key_name(k));
        REQUIRE(named, "missing_field names a schema field");
    }
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

/* The reference's verdict on the input, read once per input (each run of it asks again, with the same max_depth). */
static struct reference_reading {
    int done;
    uint32_t max_depth;
    ref_verdict verdict;
} reference_reading;

static ref_verdict reference_verdict(const uint8_t *json, size_t length, uint32_t max_depth) {
    if (!reference_reading.done || reference_reading.max_depth != max_depth)
        reference_reading = (struct reference_reading){1, max_depth, ref_json_check(json, length, max_depth)};
    return reference_reading.verdict;
}

static void check_json_stage(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    const cw_issue *first = r->issue_count > 0 ? &r->issues[0] : NULL;
    if (length > effective_max_bytes(o)) {
        REQUIRE(r->issue_count == 1 && first->code == CW_TOO_LARGE && first->offset == 0,
                "%zu bytes with max_bytes %zu give one too_large", length, effective_max_bytes(o));
        return;
    }
    uint32_t core = first != NULL && is_json_stage(first->code) ? first->code : 0;
    REQUIRE(core != CW_TOO_LARGE, "too_large for %zu bytes with max_bytes %zu", length, effective_max_bytes(o));
    ref_verdict reference = reference_verdict(json, length, effective_max_depth(o));
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
    uint32_t profile; /* of the options */
    const document_model *document;
    uint32_t max_depth; /* effective */
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

/* A STRING or KEY op's two words, and the bytes they point at (returned in *out and *out_length). */
static void check_tape_string(tape_reader *t, uint32_t word, const uint8_t **out, uint32_t *out_length) {
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
        REQUIRE(offset >= 1 && (size_t)offset + length < t->length, "string [%u, +%u) inside the input", offset,
                length);
        REQUIRE(t->json[offset - 1] == '"' && t->json[offset + length] == '"', "string at %u is between quotes",
                offset);
        bytes = t->json + offset;
        REQUIRE(memchr(bytes, '\\', length) == NULL && memchr(bytes, '"', length) == NULL,
                "a string taken from the input has no escapes");
    }
    int ascii = 1;
    for (uint32_t i = 0; i < length; i++) ascii &= bytes[i] < 0x80;
    REQUIRE(ascii == ((word & CW_TAPE_ASCII) != 0), "the ASCII bit (%d) says what the bytes are", ascii);
    REQUIRE(ref_utf8_valid(bytes, length), "string bytes are UTF-8");
    *out = bytes;
    *out_length = length;
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

/* ---- the schemas, written out again ---- */

/*
 * What each profile's documents hold, written out by hand from src/schema.yaml
 * rather than read from the generated tables, so that the tape of a valid
 * result is checked against a second, independent statement of each schema.
 */

/* The JSON values a field takes. A NUMBER_TEXT op is a NUMBER, never an INTEGER. */
enum {
    V_NULL = 1,
    V_BOOLEAN = 2,
    V_INTEGER = 4,
    V_NUMBER = 8,
    V_STRING = 16,
    V_ARRAY = 32,
    V_OBJECT = 64,
    V_ANY = 127
};
/* The items of an array: KEPT_ITEMS any values, kept as sent. */
enum { KEPT_ITEMS, CHOICE_ITEMS, INTEGER_ITEMS, NUMBER_OR_NULL_ITEMS, STRING_ITEMS, MAP_OR_NULL_ITEMS };
/* Strings: any, the profile's object literal, finish_reason's enum (string_allowed says which are). */
enum { ANY_STRING, OBJECT_LITERAL, FINISH_REASON_ENUM };
/* Whether a field may be missing: yes, no, or only when "usage" is there and not null (optionalWith). */
enum { OPTIONAL, REQUIRED, REQUIRED_WITHOUT_USAGE };

typedef struct rule {
    uint8_t accepts; /* V_ bits */
    uint8_t object;  /* what an object value is */
    uint8_t items;   /* what an array value holds */
    uint8_t strings;
    uint8_t required;
} rule;

static const rule kept_rule = {V_ANY, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};

/* The fields' names, by cw_key, written out here too (cw_key_name must agree, see names_agree). */
static const char *const key_names[CW_KEY_COUNT] = {
    [CW_KEY_ID] = "id",
    [CW_KEY_OBJECT] = "object",
    [CW_KEY_CREATED] = "created",
    [CW_KEY_MODEL] = "model",
    [CW_KEY_CHOICES] = "choices",
    [CW_KEY_USAGE] = "usage",
    [CW_KEY_TEXT] = "text",
    [CW_KEY_INDEX] = "index",
    [CW_KEY_LOGPROBS] = "logprobs",
    [CW_KEY_FINISH_REASON] = "finish_reason",
    [CW_KEY_PROMPT_TOKENS] = "prompt_tokens",
    [CW_KEY_COMPLETION_TOKENS] = "completion_tokens",
    [CW_KEY_TOTAL_TOKENS] = "total_tokens",
    [CW_KEY_PROMPT_TOKENS_DETAILS] = "prompt_tokens_details",
    [CW_KEY_COMPLETION_TOKENS_DETAILS] = "completion_tokens_details",
    [CW_KEY_CACHED_TOKENS] = "cached_tokens",
    [CW_KEY_AUDIO_TOKENS] = "audio_tokens",
    [CW_KEY_REASONING_TOKENS] = "reasoning_tokens",
    [CW_KEY_ACCEPTED_PREDICTION_TOKENS] = "accepted_prediction_tokens",
    [CW_KEY_REJECTED_PREDICTION_TOKENS] = "rejected_prediction_tokens",
    [CW_KEY_SYSTEM_FINGERPRINT] = "system_fingerprint",
    [CW_KEY_OBFUSCATION] = "obfuscation",
    [CW_KEY_ERROR] = "error",
    [CW_KEY_STATUS] = "status",
    [CW_KEY_MESSAGE] = "message",
    [CW_KEY_TYPE] = "type",
    [CW_KEY_CODE] = "code",
    [CW_KEY_PARAM] = "param",
    [CW_KEY_TEXT_OFFSET] = "text_offset",
    [CW_KEY_TOKEN_LOGPROBS] = "token_logprobs",
    [CW_KEY_TOKENS] = "tokens",
    [CW_KEY_TOP_LOGPROBS] = "top_logprobs",
    [CW_KEY_TEXT_TOKENS] = "text_tokens",
    [CW_KEY_IMAGE_TOKENS] = "image_tokens",
    [CW_KEY_CACHE_WRITE_TOKENS] = "cache_write_tokens",
};

/* Once: every cw_key of the /completions documents (those up to the last listed
 * here; the chat documents' keys follow them, not modelled here) has its name
 * here, and cw_key_name gives the same. */
static void names_agree(void) {
    for (uint32_t k = 0; k < CW_KEY_COUNT; k++) {
        if (k > CW_KEY_CACHE_WRITE_TOKENS) {
            REQUIRE(cw_key_name(k) != NULL, "cw_key %u has a name", k);
            continue;
        }
        REQUIRE(key_names[k] != NULL, "cw_key %u (%s) has no name in fuzz_check.c", k, cw_key_name(k));
        REQUIRE(cw_key_name(k) != NULL && strcmp(cw_key_name(k), key_names[k]) == 0, "cw_key_name(%u) is %s, not %s", k,
                cw_key_name(k), key_names[k]);
    }
    REQUIRE(cw_key_name(CW_KEY_COUNT) == NULL, "no name beyond the last cw_key");
}

/* Whether `key` is a field of `object` in the profile's document; if so, *r is what it holds. */
static int field_rule(uint32_t profile, const document_model *document, uint32_t object, uint32_t key, rule *r) {
    int stream = document->stream, compatible = profile == COMPATIBLE;
    uint8_t null_if_compatible = compatible ? V_NULL : 0;
    *r = (rule){0, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    switch (object) {
    case ERROR_ROOT:
    case ANY_ERROR_ROOT:
        if (key == CW_KEY_ERROR) {
            *r = (rule){V_OBJECT, object == ERROR_ROOT ? ERROR_OBJECT : KEPT, KEPT_ITEMS, ANY_STRING, REQUIRED};
            return 1;
        }
        r->accepts = V_INTEGER;
        return key == CW_KEY_STATUS && object == ERROR_ROOT && profile == R9S;
    case COMPLETION_ROOT:
        switch (key) {
        case CW_KEY_ID:
        case CW_KEY_MODEL:
            r->accepts = V_STRING;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_CREATED:
            r->accepts = V_INTEGER;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_OBJECT:
            r->accepts = V_STRING;
            r->strings = OBJECT_LITERAL;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_CHOICES:
            r->accepts = V_ARRAY;
            r->items = CHOICE_ITEMS;
            r->required = compatible && stream ? REQUIRED_WITHOUT_USAGE : REQUIRED;
            return 1;
        case CW_KEY_USAGE:
            r->accepts = V_OBJECT | (stream || compatible ? V_NULL : 0);
            r->object = USAGE;
            return 1;
        case CW_KEY_SYSTEM_FINGERPRINT: r->accepts = V_STRING | null_if_compatible; return profile != R9S || stream;
        case CW_KEY_OBFUSCATION: r->accepts = V_STRING; return profile == R9S && stream;
        default: return 0;
        }
    case CHOICE:
        switch (key) {
        case CW_KEY_TEXT:
            r->accepts = V_STRING;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_INDEX:
            r->accepts = V_INTEGER;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_LOGPROBS:
            if (profile == R9S) r->accepts = V_OBJECT | V_NULL; /* any object, kept as sent */
            else if (profile == OPENAI) *r = (rule){V_OBJECT | V_NULL, LOGPROBS, KEPT_ITEMS, ANY_STRING, REQUIRED};
            else r->accepts = V_ANY;
            return 1;
        case CW_KEY_FINISH_REASON:
            r->accepts = V_STRING | (stream || compatible ? V_NULL : 0);
            r->strings = compatible ? ANY_STRING : FINISH_REASON_ENUM;
            r->required = profile == OPENAI || !stream ? REQUIRED : OPTIONAL;
            return 1;
        default: return 0;
        }
    case LOGPROBS: /* openai's */
        r->accepts = V_ARRAY;
        switch (key) {
        case CW_KEY_TEXT_OFFSET: r->items = INTEGER_ITEMS; return 1;
        case CW_KEY_TOKEN_LOGPROBS: r->items = NUMBER_OR_NULL_ITEMS; return 1;
        case CW_KEY_TOKENS: r->items = STRING_ITEMS; return 1;
        case CW_KEY_TOP_LOGPROBS: r->items = MAP_OR_NULL_ITEMS; return 1;
        default: return 0;
        }
    case USAGE:
        switch (key) {
        case CW_KEY_PROMPT_TOKENS:
        case CW_KEY_COMPLETION_TOKENS:
        case CW_KEY_TOTAL_TOKENS:
            r->accepts = V_INTEGER;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_PROMPT_TOKENS_DETAILS:
            r->accepts = V_OBJECT | null_if_compatible;
            r->object = PROMPT_DETAILS;
            return 1;
        case CW_KEY_COMPLETION_TOKENS_DETAILS:
            r->accepts = V_OBJECT | null_if_compatible;
            r->object = COMPLETION_DETAILS;
            return 1;
        default: return 0;
        }
    case PROMPT_DETAILS:
        r->accepts = V_INTEGER;
        return key == CW_KEY_CACHED_TOKENS || key == CW_KEY_AUDIO_TOKENS ||
               (profile != R9S &&
                (key == CW_KEY_TEXT_TOKENS || key == CW_KEY_IMAGE_TOKENS || key == CW_KEY_CACHE_WRITE_TOKENS));
    case COMPLETION_DETAILS:
        r->accepts = V_INTEGER;
        return key == CW_KEY_REASONING_TOKENS || key == CW_KEY_AUDIO_TOKENS ||
               key == CW_KEY_ACCEPTED_PREDICTION_TOKENS || key == CW_KEY_REJECTED_PREDICTION_TOKENS ||
               (profile != R9S && key == CW_KEY_TEXT_TOKENS);
    case ERROR_OBJECT:
        switch (key) {
        case CW_KEY_MESSAGE:
            r->accepts = V_STRING;
            r->required = REQUIRED;
            return 1;
        case CW_KEY_TYPE:
            r->accepts = V_STRING | null_if_compatible;
            r->required = compatible ? OPTIONAL : REQUIRED;
            return 1;
        case CW_KEY_CODE:
            r->accepts = V_STRING | V_NULL | (compatible ? V_INTEGER : 0);
            r->required = profile == OPENAI ? REQUIRED : OPTIONAL;
            return 1;
        case CW_KEY_PARAM:
            r->accepts = V_STRING | (profile == R9S ? 0 : V_NULL);
            r->required = profile == OPENAI ? REQUIRED : OPTIONAL;
            return 1;
        default: return 0;
        }
    default: return 0; /* KEPT and MAP name no fields */
    }
}

/* What the items of an array hold. */
static rule item_rule(uint32_t items) {
    switch (items) {
    case CHOICE_ITEMS: return (rule){V_OBJECT, CHOICE, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    case INTEGER_ITEMS: return (rule){V_INTEGER, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    case NUMBER_OR_NULL_ITEMS: return (rule){V_NUMBER | V_NULL, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    case STRING_ITEMS: return (rule){V_STRING, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    case MAP_OR_NULL_ITEMS: return (rule){V_OBJECT | V_NULL, MAP, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    default: return kept_rule;
    }
}

/* The value of an entry of top_logprobs. */
static const rule map_value = {V_NUMBER, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};

/* Whether a string is one `strings` allows under the profile and flags; string_issue: the issue when not. */
static int string_allowed(uint32_t strings, uint32_t profile, uint32_t flags, const uint8_t *text, size_t length) {
    switch (strings) {
    case OBJECT_LITERAL: /* r9s's own, OpenAI's, or either under openai-compatible */
        return (profile != OPENAI && bytes_are(text, length, "completion")) ||
               (profile != R9S && bytes_are(text, length, "text_completion"));
    case FINISH_REASON_ENUM:
        return (flags & CW_OPEN_ENUMS) || bytes_are(text, length, "stop") || bytes_are(text, length, "length") ||
               bytes_are(text, length, "content_filter");
    default: return 1;
    }
}
static const uint32_t string_issue[] = {[OBJECT_LITERAL] = CW_INVALID_LITERAL, [FINISH_REASON_ENUM] = CW_INVALID_ENUM};

/* The rule of the value at an issue's path, walked down from the document's root; 0 off the schema. */
static int rule_at(uint32_t profile, const document_model *document, const cw_issue *issue, rule *at) {
    *at = (rule){V_OBJECT, document->root, KEPT_ITEMS, ANY_STRING, REQUIRED};
    for (uint32_t s = 0; s < issue->path_length; s++) {
        const cw_segment *segment = &issue->path[s];
        if (segment->kind == CW_SEG_INDEX) {
            if (!(at->accepts & V_ARRAY) || at->items == KEPT_ITEMS) return 0;
            *at = item_rule(at->items);
            continue;
        }
        if (!(at->accepts & V_OBJECT) || at->object == KEPT) return 0;
        if (at->object == MAP) {
            *at = map_value;
            continue;
        }
        uint32_t key = 0;
        while (key < CW_KEY_COUNT && !segment_is(segment, key_names[key])) key++;
        if (key == CW_KEY_COUNT || !field_rule(profile, document, at->object, key, at)) return 0;
    }
    return 1;
}

/* An invalid_enum or invalid_literal: at a value whose rule restricts its strings, which do not allow this one. */
static void check_restricted_string(const cw_issue *issue, const cw_options *o) {
    uint32_t profile = profile_of(o);
    const document_model *document = document_of(o);
    rule at;
    REQUIRE(rule_at(profile, document, issue, &at) && at.strings != ANY_STRING &&
                string_issue[at.strings] == issue->code,
            "%s where %s's %s restricts no string that way", cw_code_name(issue->code), profile_names[profile],
            document->name);
    REQUIRE(issue->received_text != NULL, "%s shows the string", cw_code_name(issue->code));
    REQUIRE(
        !string_allowed(at.strings, profile, o->flags, (const uint8_t *)issue->received_text, issue->received_length),
        "%s rejects one of its own strings (%s)", profile_names[profile], cw_code_name(issue->code));
}

/* ---- the tape against the schema ---- */

/* The keys of the /completions documents, which this oracle models, come first
 * (src/generate.js); a chat key in a tape fails field_rule before its bit is used. */
_Static_assert(CW_KEY_CACHE_WRITE_TOKENS < 64, "the known keys of an object fit a 64-bit set");

static void check_tape_value(tape_reader *t, uint32_t word, uint32_t depth, const rule *r);

static void check_tape_object(tape_reader *t, uint32_t object, uint32_t depth) {
    REQUIRE(depth <= t->max_depth, "tape nests %u deep with max_depth %u", depth, t->max_depth);
    int schema_object = object != KEPT && object != MAP, usage_not_null = 0;
    uint64_t seen = 0;
    rule field;
    for (;;) {
        uint32_t word = next_word(t), op = word & 0xFF;
        if (op == CW_TAPE_OBJECT_END) {
            REQUIRE(word >> 8 == 0, "end ops have no operand");
            break;
        }
        if (op == CW_TAPE_KEY_KNOWN) {
            uint32_t key = word >> 8;
            REQUIRE(key < CW_KEY_COUNT, "known key id %u", key);
            REQUIRE(schema_object, "schema key %s inside a value kept as sent (object kind %u)", cw_key_name(key),
                    object);
            REQUIRE(field_rule(t->profile, t->document, object, key, &field),
                    "%s is no field of this object (kind %u) in %s's %s", cw_key_name(key), object,
                    profile_names[t->profile], t->document->name);
            REQUIRE(!(seen & (1ull << key)), "%s twice in one object", cw_key_name(key));
            seen |= 1ull << key;
            word = next_word(t);
            if (key == CW_KEY_USAGE) usage_not_null = (word & 0xFF) != CW_TAPE_NULL;
            check_tape_value(t, word, depth, &field);
            continue;
        }
        REQUIRE(op == CW_TAPE_KEY, "op %u where an object needs a key or its end", op);
        const uint8_t *bytes;
        uint32_t length;
        check_tape_string(t, word, &bytes, &length);
        if (schema_object) {
            REQUIRE((t->options->flags & (CW_UNKNOWN_KEEP | CW_UNKNOWN_REJECT)) == CW_UNKNOWN_KEEP,
                    "an unknown field on the tape only with CW_UNKNOWN_KEEP (flags %#x)", t->options->flags);
            for (uint32_t k = 0; k < CW_KEY_COUNT; k++)
                if (field_rule(t->profile, t->document, object, k, &field))
                    REQUIRE(!bytes_are(bytes, length, key_names[k]), "field %s kept as an unknown key", key_names[k]);
        }
        check_tape_value(t, next_word(t), depth, object == MAP ? &map_value : &kept_rule);
    }
    if (!schema_object) return;
    for (uint32_t k = 0; k < CW_KEY_COUNT; k++) {
        if (!field_rule(t->profile, t->document, object, k, &field) || field.required == OPTIONAL ||
            (seen & (1ull << k)))
            continue;
        REQUIRE(field.required == REQUIRED_WITHOUT_USAGE && usage_not_null,
                "required field %s is missing from a valid result (object kind %u, %s's %s)", cw_key_name(k), object,
                profile_names[t->profile], t->document->name);
    }
}

static void check_tape_array(tape_reader *t, uint32_t items, uint32_t depth) {
    REQUIRE(depth <= t->max_depth, "tape nests %u deep with max_depth %u", depth, t->max_depth);
    rule item = item_rule(items);
    for (;;) {
        uint32_t word = next_word(t);
        if ((word & 0xFF) == CW_TAPE_ARRAY_END) {
            REQUIRE(word >> 8 == 0, "end ops have no operand");
            return;
        }
        check_tape_value(t, word, depth, &item);
    }
}

/* A value, which must be what rule r allows. */
static void check_tape_value(tape_reader *t, uint32_t word, uint32_t depth, const rule *r) {
    uint32_t op = word & 0xFF, kind = 0;
    switch (op) {
    case CW_TAPE_OBJECT_BEGIN: kind = V_OBJECT; break;
    case CW_TAPE_ARRAY_BEGIN: kind = V_ARRAY; break;
    case CW_TAPE_STRING: kind = V_STRING; break;
    case CW_TAPE_NUMBER: kind = V_INTEGER | V_NUMBER; break;
    case CW_TAPE_NUMBER_TEXT: kind = V_NUMBER; break;
    case CW_TAPE_TRUE:
    case CW_TAPE_FALSE: kind = V_BOOLEAN; break;
    case CW_TAPE_NULL: kind = V_NULL; break;
    default: REQUIRE(0, "op %u where a value belongs (word %u)", op, t->position - 1);
    }
    REQUIRE(r->accepts & kind, "op %u where the schema takes only %#x (%s's %s)", op, r->accepts,
            profile_names[t->profile], t->document->name);
    if (op != CW_TAPE_STRING) REQUIRE(word >> 8 == 0, "op %u has no operand", op);
    const uint8_t *bytes;
    uint32_t length;
    switch (op) {
    case CW_TAPE_OBJECT_BEGIN: check_tape_object(t, r->object, depth + 1); break;
    case CW_TAPE_ARRAY_BEGIN: check_tape_array(t, r->items, depth + 1); break;
    case CW_TAPE_NUMBER_TEXT: check_tape_number_text(t); break;
    case CW_TAPE_NUMBER: {
        REQUIRE(t->numbers < t->r->number_count, "a NUMBER op beyond the %u numbers", t->r->number_count);
        double value = t->r->numbers[t->numbers++];
        if (!(r->accepts & V_NUMBER))
            REQUIRE(value == floor(value) && fabs(value) <= 9007199254740991.0, "an integer field holds %.17g", value);
        break;
    }
    case CW_TAPE_STRING:
        check_tape_string(t, word, &bytes, &length);
        REQUIRE(string_allowed(r->strings, t->profile, t->options->flags, bytes, length),
                "a string the schema does not allow there (kind %u) in a valid result", r->strings);
        break;
    default: break;
    }
}

static void check_tape(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    if (!r->valid || !(o->flags & CW_WRITE_TAPE)) {
        REQUIRE(r->tape_length == 0, "no tape without CW_WRITE_TAPE and a valid result (%u words)", r->tape_length);
        return;
    }
    tape_reader t = {o, profile_of(o), document_of(o), effective_max_depth(o), r, json, length, 0, 0, 0};
    const rule root = {V_OBJECT, t.document->root, KEPT_ITEMS, ANY_STRING, REQUIRED};
    uint32_t first = next_word(&t);
    REQUIRE(first == CW_TAPE_OBJECT_BEGIN, "a valid response is an object (first op %u)", first);
    check_tape_value(&t, first, 0, &root);
    REQUIRE(t.position == r->tape_length, "the tape ends with the root object (%u of %u words)", t.position,
            r->tape_length);
    REQUIRE(t.numbers == r->number_count, "%u NUMBER ops for %u numbers", t.numbers, r->number_count);
    volatile double sum = 0; /* read every number, so a sanitizer sees a bad array */
    for (uint32_t i = 0; i < r->number_count; i++) sum += r->numbers[i];
    (void)sum;
}

/* ---- the issues, predicted ---- */

/*
 * A second reading of each schema (field_rule) over the text, independent of
 * the core's walker: a plain recursive walk of the accepted JSON that
 * predicts every schema issue, with its code, offset and path. The core must
 * report exactly these (when issues were dropped: as many in all, the kept
 * ones among them).
 */

typedef struct model_segment {
    uint32_t kind, index;
    size_t key; /* CW_SEG_KEY: an offset in model.bytes */
    uint32_t key_length;
} model_segment;

typedef struct model_issue {
    uint32_t code, offset;
    size_t path; /* path_length entries of model.paths from here */
    uint32_t path_length;
} model_issue;

typedef struct model_key {
    size_t bytes; /* in model.bytes */
    uint32_t length, offset, order;
} model_key;

typedef struct model {
    const uint8_t *json;
    size_t length, pos;
    uint32_t flags, profile;
    const document_model *document;
    uint8_t *bytes; /* decoded keys */
    size_t bytes_used, bytes_capacity;
    model_segment *path; /* the path to the value being walked */
    size_t depth, path_capacity;
    model_segment *paths; /* the issues' paths */
    size_t paths_used, paths_capacity;
    model_issue *issues;
    size_t issue_count, issue_capacity;
    model_key *keys; /* a stack: the unnamed keys of the objects being walked */
    size_t key_count, key_capacity;
} model;

static model the_model; /* its arrays are kept from one input to the next */

/* Room for `more` items of `size` bytes in *items (count used, *capacity allocated). */
static void *room(void *items, size_t count, size_t *capacity, size_t more, size_t size) {
    if (count + more <= *capacity) return items;
    size_t wanted = *capacity ? *capacity : 64;
    while (wanted < count + more) wanted *= 2;
    void *grown = realloc(items, wanted * size);
    REQUIRE(grown != NULL, "allocating %zu bytes for the model", wanted * size);
    *capacity = wanted;
    return grown;
}

static void model_skip_whitespace(model *m) {
    while (m->pos < m->length &&
           (m->json[m->pos] == ' ' || m->json[m->pos] == '\t' || m->json[m->pos] == '\n' || m->json[m->pos] == '\r'))
        m->pos++;
}

static void model_put_byte(model *m, uint8_t byte) {
    m->bytes = room(m->bytes, m->bytes_used, &m->bytes_capacity, 1, 1);
    m->bytes[m->bytes_used++] = byte;
}

static uint32_t hex4(const uint8_t *p) {
    uint32_t value = 0;
    for (int i = 0; i < 4; i++) value = value * 16 + (uint32_t)(p[i] <= '9' ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
    return value;
}

/* The string at pos (a quote), decoded to UTF-8 at the end of model.bytes; pos moves past it. */
static void model_string(model *m, size_t *bytes, uint32_t *length) {
    *bytes = m->bytes_used;
    m->pos++;
    while (m->json[m->pos] != '"') {
        uint8_t c = m->json[m->pos];
        if (c != '\\') {
            model_put_byte(m, c);
            m->pos++;
            continue;
        }
        uint8_t e = m->json[m->pos + 1];
        m->pos += 2;
        if (e != 'u') {
            model_put_byte(m, e == 'b'   ? '\b'
                              : e == 'f' ? '\f'
                              : e == 'n' ? '\n'
                              : e == 'r' ? '\r'
                              : e == 't' ? '\t'
                                         : e);
            continue;
        }
        uint32_t code = hex4(m->json + m->pos);
        m->pos += 4;
        if (code >= 0xD800 && code < 0xDC00) { /* a pair: the JSON stage let no lone surrogate through */
            code = 0x10000 + ((code - 0xD800) << 10) + (hex4(m->json + m->pos + 2) - 0xDC00);
            m->pos += 6;
        }
        if (code < 0x80) {
            model_put_byte(m, (uint8_t)code);
        } else if (code < 0x800) {
            model_put_byte(m, (uint8_t)(0xC0 | code >> 6));
            model_put_byte(m, (uint8_t)(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            model_put_byte(m, (uint8_t)(0xE0 | code >> 12));
            model_put_byte(m, (uint8_t)(0x80 | ((code >> 6) & 0x3F)));
            model_put_byte(m, (uint8_t)(0x80 | (code & 0x3F)));
        } else {
            model_put_byte(m, (uint8_t)(0xF0 | code >> 18));
            model_put_byte(m, (uint8_t)(0x80 | ((code >> 12) & 0x3F)));
            model_put_byte(m, (uint8_t)(0x80 | ((code >> 6) & 0x3F)));
            model_put_byte(m, (uint8_t)(0x80 | (code & 0x3F)));
        }
    }
    m->pos++;
    *length = (uint32_t)(m->bytes_used - *bytes);
}

/*
 * What an integer field makes of a JSON number: 0 a whole number within
 * +-(2^53-1), else CW_NOT_INTEGER or CW_UNSAFE_INTEGER. Decided on the digits:
 * the value is S * 10^E for the significant digits S (no leading or trailing
 * zeros) and E the exponent less the fraction's length plus the trailing zeros.
 */
static uint32_t integer_class(const uint8_t *text, size_t length) {
    size_t i = text[0] == '-', first = (size_t)-1, last = 0, fraction_digits = 0;
    for (size_t in_fraction = 0; i < length && text[i] != 'e' && text[i] != 'E'; i++) {
        if (text[i] == '.') {
            in_fraction = 1;
            continue;
        }
        fraction_digits += in_fraction;
        if (text[i] != '0') {
            if (first == (size_t)-1) first = i;
            last = i;
        }
    }
    if (first == (size_t)-1) return 0; /* zero */
    long long exponent = 0;
    if (i < length) { /* e, E */
        int negative = text[++i] == '-';
        if (text[i] == '-' || text[i] == '+') i++;
        for (; i < length; i++) exponent = exponent < 100000000 ? exponent * 10 + (text[i] - '0') : exponent;
        if (negative) exponent = -exponent;
    }
    /* Digits of S: from first to last, leaving out a '.'; trailing zeros after last. */
    long long digits = 0, trailing_zeros = 0;
    for (size_t k = first; k <= last; k++) digits += text[k] != '.';
    size_t end = i; /* the mantissa ends where the exponent starts */
    for (end = first; end < length && text[end] != 'e' && text[end] != 'E'; end++) {}
    for (size_t k = last + 1; k < end; k++) trailing_zeros += text[k] != '.';
    long long e = exponent - (long long)fraction_digits + trailing_zeros;
    if (e < 0) return CW_NOT_INTEGER;
    if (digits + e != 16) return digits + e < 16 ? 0 : CW_UNSAFE_INTEGER;
    /* 16 digits: compare with 9007199254740991. */
    char value[17];
    size_t n = 0;
    for (size_t k = first; k <= last; k++)
        if (text[k] != '.') value[n++] = (char)text[k];
    while (n < 16) value[n++] = '0';
    value[16] = '\0';
    return strcmp(value, "9007199254740991") <= 0 ? 0 : CW_UNSAFE_INTEGER;
}

static void model_push_key(model *m, size_t bytes, uint32_t length) {
    m->path = room(m->path, m->depth, &m->path_capacity, 1, sizeof *m->path);
    m->path[m->depth++] = (model_segment){CW_SEG_KEY, 0, bytes, length};
}

static void model_push_index(model *m, uint32_t index) {
    m->path = room(m->path, m->depth, &m->path_capacity, 1, sizeof *m->path);
    m->path[m->depth++] = (model_segment){CW_SEG_INDEX, index, 0, 0};
}

static void model_report(model *m, uint32_t code, size_t offset) {
    m->issues = room(m->issues, m->issue_count, &m->issue_capacity, 1, sizeof *m->issues);
    m->paths = room(m->paths, m->paths_used, &m->paths_capacity, m->depth, sizeof *m->paths);
    memcpy(m->paths + m->paths_used, m->path, m->depth * sizeof *m->path);
    m->issues[m->issue_count++] = (model_issue){code, (uint32_t)offset, m->paths_used, (uint32_t)m->depth};
    m->paths_used += m->depth;
}

static void model_report_at_key(model *m, uint32_t code, const model_key *key) {
    model_push_key(m, key->bytes, key->length);
    model_report(m, code, key->offset);
    m->depth--;
}

static int model_keys_equal(const model *m, const model_key *a, const model_key *b) {
    return a->length == b->length && memcmp(m->bytes + a->bytes, m->bytes + b->bytes, a->length) == 0;
}

static const model *sorting_model;
static int compare_model_keys(const void *left, const void *right) {
    const model_key *a = left, *b = right;
    if (a->length != b->length) return a->length < b->length ? -1 : 1;
    int order = memcmp(sorting_model->bytes + a->bytes, sorting_model->bytes + b->bytes, a->length);
    if (order != 0) return order;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* duplicate_key for every key of keys[first..] that repeats an earlier one. */
static void model_duplicates(model *m, size_t first) {
    model_key *keys = m->keys + first;
    size_t count = m->key_count - first;
    m->key_count = first;
    if (count < 2) return;
    sorting_model = m;
    qsort(keys, count, sizeof *keys, compare_model_keys);
    for (size_t i = 1; i < count; i++)
        if (model_keys_equal(m, &keys[i], &keys[i - 1])) model_report_at_key(m, CW_DUPLICATE_KEY, &keys[i]);
}

static void model_value(model *m, const rule *r);

/* Any value, kept as sent (or walked past): only its duplicate keys are issues. */
static void model_any(model *m) {
    static const rule anything = {V_ANY, KEPT, KEPT_ITEMS, ANY_STRING, OPTIONAL};
    model_value(m, &anything);
}

/* Members of an object at pos: of `object` (a schema object or MAP), or of any object (KEPT). */
static void model_object(model *m, uint32_t object) {
    size_t start = m->pos, first_key = m->key_count;
    uint64_t seen = 0;
    int usage_not_null = 0;
    uint32_t order = 0;
    rule field;
    m->pos++;
    model_skip_whitespace(m);
    while (m->json[m->pos] != '}') {
        model_key key = {0, 0, (uint32_t)m->pos, order++};
        model_string(m, &key.bytes, &key.length);
        model_skip_whitespace(m);
        m->pos++; /* : */
        model_skip_whitespace(m);
        int named = -1;
        for (uint32_t k = 0; k < CW_KEY_COUNT && named < 0; k++)
            if (object != KEPT && field_rule(m->profile, m->document, object, k, &field) &&
                bytes_are(m->bytes + key.bytes, key.length, key_names[k]))
                named = (int)k;
        model_push_key(m, key.bytes, key.length);
        if (named >= 0 && (seen & (1ull << named))) {
            model_any(m);
            m->depth--;
            model_report_at_key(m, CW_DUPLICATE_KEY, &key);
        } else {
            if (named >= 0) {
                seen |= 1ull << named;
                if (named == CW_KEY_USAGE) usage_not_null = m->json[m->pos] != 'n';
                model_value(m, &field);
            } else {
                m->keys = room(m->keys, m->key_count, &m->key_capacity, 1, sizeof *m->keys);
                m->keys[m->key_count++] = key;
                if (object == MAP) {
                    model_value(m, &map_value);
                } else {
                    if (object != KEPT && (m->flags & CW_UNKNOWN_REJECT)) model_report(m, CW_UNKNOWN_FIELD, key.offset);
                    model_any(m);
                }
            }
            m->depth--;
        }
        model_skip_whitespace(m);
        if (m->json[m->pos] == ',') m->pos++;
        model_skip_whitespace(m);
    }
    m->pos++;
    model_duplicates(m, first_key);
    if (object == KEPT || object == MAP) return;
    for (uint32_t k = 0; k < CW_KEY_COUNT; k++) {
        if (!field_rule(m->profile, m->document, object, k, &field) || field.required == OPTIONAL ||
            (seen & (1ull << k)))
            continue;
        if (field.required == REQUIRED_WITHOUT_USAGE && usage_not_null) continue;
        const char *name = key_names[k];
        model_key missing = {m->bytes_used, (uint32_t)strlen(name), (uint32_t)start, 0};
        for (const char *c = name; *c; c++) model_put_byte(m, (uint8_t)*c);
        model_report_at_key(m, CW_MISSING_FIELD, &missing);
    }
}

/* An array whose items follow the rule `items` names, or are kept as sent (KEPT_ITEMS). */
static void model_array(model *m, uint32_t items) {
    rule item = items == KEPT_ITEMS ? (rule){0} : item_rule(items);
    uint32_t index = 0;
    m->pos++;
    model_skip_whitespace(m);
    while (m->json[m->pos] != ']') {
        model_push_index(m, index++);
        if (items == KEPT_ITEMS) model_any(m);
        else model_value(m, &item);
        m->depth--;
        model_skip_whitespace(m);
        if (m->json[m->pos] == ',') m->pos++;
        model_skip_whitespace(m);
    }
    m->pos++;
}

/* The value at pos against rule r. */
static void model_value(model *m, const rule *r) {
    model_skip_whitespace(m);
    size_t start = m->pos;
    uint8_t c = m->json[start];
    uint32_t kind = c == '{'               ? V_OBJECT
                    : c == '['             ? V_ARRAY
                    : c == '"'             ? V_STRING
                    : c == 't' || c == 'f' ? V_BOOLEAN
                    : c == 'n'             ? V_NULL
                                           : V_INTEGER | V_NUMBER;
    if (!(r->accepts & kind)) {
        model_report(m, CW_INVALID_TYPE, start);
        model_any(m);
        return;
    }
    size_t bytes;
    uint32_t length;
    switch (kind) {
    case V_OBJECT: model_object(m, r->object); break;
    case V_ARRAY: model_array(m, r->items); break;
    case V_STRING: {
        size_t mark = m->bytes_used;
        model_string(m, &bytes, &length);
        const uint8_t *text = m->bytes + bytes;
        if (!string_allowed(r->strings, m->profile, m->flags, text, length))
            model_report(m, string_issue[r->strings], start);
        m->bytes_used = mark; /* a value's bytes are not needed again */
        break;
    }
    case V_BOOLEAN: m->pos += c == 't' ? 4 : 5; break;
    case V_NULL: m->pos += 4; break;
    default: { /* a number */
        while (m->pos < m->length && strchr("0123456789+-.eE", m->json[m->pos]) != NULL && m->json[m->pos] != '\0')
            m->pos++;
        uint32_t number_class = r->accepts & V_NUMBER ? 0 : integer_class(m->json + start, m->pos - start);
        if (number_class != 0) model_report(m, number_class, start);
    }
    }
}

typedef struct issue_view {
    uint32_t code, offset, path_length;
    const cw_segment *path;
} issue_view;

static int compare_views(const void *left, const void *right) {
    const issue_view *a = left, *b = right;
    if (a->offset != b->offset) return a->offset < b->offset ? -1 : 1;
    if (a->code != b->code) return a->code < b->code ? -1 : 1;
    if (a->path_length != b->path_length) return a->path_length < b->path_length ? -1 : 1;
    for (uint32_t s = 0; s < a->path_length; s++) {
        const cw_segment *p = &a->path[s], *q = &b->path[s];
        if (p->kind != q->kind) return p->kind < q->kind ? -1 : 1;
        if (p->index != q->index) return p->index < q->index ? -1 : 1;
        if (p->key_length != q->key_length) return p->key_length < q->key_length ? -1 : 1;
        int order = p->key_length ? memcmp(p->key, q->key, p->key_length) : 0;
        if (order != 0) return order;
    }
    return 0;
}

static void print_view(const char *who, const issue_view *v) {
    fprintf(stderr, "    %s: %s at %u, path", who, cw_code_name(v->code), v->offset);
    for (uint32_t s = 0; s < v->path_length; s++) {
        if (v->path[s].kind == CW_SEG_INDEX) fprintf(stderr, "[%u]", v->path[s].index);
        else fprintf(stderr, ".%.*s", (int)v->path[s].key_length, v->path[s].key);
    }
    fputc('\n', stderr);
}

/* The core's schema issues are the model's. */
static void check_against_model(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    if (length > effective_max_bytes(o) || (r->issue_count > 0 && is_json_stage(r->issues[0].code))) return;
    if (reference_verdict(json, length, effective_max_depth(o)).code != 0)
        return; /* check_json_stage says what is wrong */
    model *m = &the_model;
    m->json = json;
    m->length = length;
    m->pos = 0;
    m->flags = o->flags;
    m->profile = profile_of(o);
    m->document = document_of(o);
    m->bytes_used = m->depth = m->paths_used = m->issue_count = m->key_count = 0;
    /* Never NULL, so that no empty copy or comparison gets a null pointer. */
    m->bytes = room(m->bytes, 0, &m->bytes_capacity, 1, 1);
    m->path = room(m->path, 0, &m->path_capacity, 1, sizeof *m->path);
    m->paths = room(m->paths, 0, &m->paths_capacity, 1, sizeof *m->paths);
    m->issues = room(m->issues, 0, &m->issue_capacity, 1, sizeof *m->issues);
    m->keys = room(m->keys, 0, &m->key_capacity, 1, sizeof *m->keys);
    const rule root = {V_OBJECT, m->document->root, KEPT_ITEMS, ANY_STRING, REQUIRED};
    model_value(m, &root);
    model_skip_whitespace(m);
    REQUIRE(m->pos == length, "the model read %zu of %zu bytes", m->pos, length);

    /* Both lists as views, sorted the same way. */
    size_t kept = r->issue_count - (r->issues_dropped > 0), predicted = m->issue_count;
    REQUIRE(kept + r->issues_dropped == predicted, "%zu issues (%u of them dropped), the model predicts %zu",
            kept + r->issues_dropped, r->issues_dropped, predicted);
    issue_view *core = malloc((kept + 1) * sizeof *core), *model_views = malloc((predicted + 1) * sizeof *model_views);
    cw_segment *segments = malloc((m->paths_used + 1) * sizeof *segments);
    REQUIRE(core != NULL && model_views != NULL && segments != NULL, "allocating the views");
    for (size_t i = 0; i < m->paths_used; i++)
        segments[i] = (cw_segment){m->paths[i].kind, m->paths[i].index,
                                   m->paths[i].kind == CW_SEG_KEY ? (const char *)m->bytes + m->paths[i].key : NULL,
                                   m->paths[i].key_length};
    for (size_t i = 0; i < kept; i++)
        core[i] = (issue_view){r->issues[i].code, r->issues[i].offset, r->issues[i].path_length, r->issues[i].path};
    for (size_t i = 0; i < predicted; i++)
        model_views[i] = (issue_view){m->issues[i].code, m->issues[i].offset, m->issues[i].path_length,
                                      segments + m->issues[i].path};
    qsort(core, kept, sizeof *core, compare_views);
    qsort(model_views, predicted, sizeof *model_views, compare_views);
    if (r->issues_dropped == 0) {
        for (size_t i = 0; i < kept; i++) {
            if (compare_views(&core[i], &model_views[i]) == 0) continue;
            print_view("core ", &core[i]);
            print_view("model", &model_views[i]);
            REQUIRE(0, "issue %zu of %zu (sorted): the core's is not the model's", i, kept);
        }
    } else {
        /* The kept issues are among the predicted ones (which ones tie-breaking keeps is not asked). */
        for (size_t i = 0; i < kept; i++) {
            int found = bsearch(&core[i], model_views, predicted, sizeof *model_views, compare_views) != NULL;
            if (!found) print_view("core ", &core[i]);
            REQUIRE(found, "a kept issue the model does not predict");
        }
    }
    free(core);
    free(model_views);
    free(segments);
}

/* ---- parse and validate agree ---- */

static int same_text(const char *a, const char *b) { return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0); }

static void check_same_issues(const cw_result *a, const cw_result *b) {
    REQUIRE(a->valid == b->valid && a->issue_count == b->issue_count && a->issues_dropped == b->issues_dropped,
            "with and without the tape: valid %u/%u, %u/%u issues, %u/%u dropped", a->valid, b->valid, a->issue_count,
            b->issue_count, a->issues_dropped, b->issues_dropped);
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

static cw_context *primary;   /* the options from the option bytes */
static cw_context *secondary; /* the same with CW_WRITE_TAPE toggled */
static cw_context *tertiary;  /* the same under other profiles */

/* One call; json may be NULL when length is 0 (the checks then read an empty text). */
static const cw_result *run(cw_context *context, const uint8_t *json, size_t length, const cw_options *o) {
    const cw_result *r = cw_check(context, json, length, o);
    REQUIRE(r != NULL, "cw_check returned NULL (out of memory?)");
    const uint8_t *text = json != NULL ? json : (const uint8_t *)"";
    check_issues(r, text, length, o);
    check_tape(r, text, length, o);
    check_against_model(r, text, length, o);
    return r;
}

/* The input under other profiles: what every profile shares, and what openai-compatible allows. */
static void check_other_profiles(const cw_result *r, const uint8_t *json, size_t length, const cw_options *o) {
    uint32_t profile = profile_of(o);
    cw_options other = *o;
    /* Profile number 3 names none: NULL, whatever the input, the context still usable. */
    other.flags = o->flags | CW_PROFILE_MASK;
    REQUIRE(cw_check(tertiary, json, length, &other) == NULL, "profile number 3 gives NULL");
    if (document_of(o)->same_under_every_profile) {
        /* Whose error body it is does not matter: every profile checks it alike. */
        other.flags = (o->flags & ~(uint32_t)CW_PROFILE_MASK) | ((profile + 1) % CW_PROFILE_COUNT) << CW_PROFILE_SHIFT;
        check_same_issues(r, run(tertiary, json, length, &other));
    } else if (r->valid && profile == OPENAI) {
        /* openai-compatible names the same fields as openai and allows all that openai allows. (Not so for
         * r9s: a field r9s does not know, dropped there, openai-compatible may type, e.g. image_tokens.) */
        other.flags = (o->flags & ~(uint32_t)CW_PROFILE_MASK) | CW_PROFILE_OPENAI_COMPATIBLE;
        const cw_result *lenient = run(tertiary, json, length, &other);
        REQUIRE(lenient->valid, "valid under %s, not under openai-compatible (%s at %u)", profile_names[profile],
                cw_code_name(lenient->issues[0].code), lenient->issues[0].offset);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (primary == NULL) {
        primary = cw_context_new();
        secondary = cw_context_new();
        tertiary = cw_context_new();
        if (primary == NULL || secondary == NULL || tertiary == NULL) abort();
        names_agree();
    }
    cw_options options = options_from_prefix(size > 0 ? data[0] : 0, size > 1 ? data[1] : 0);
    const uint8_t *json = size > OPTION_BYTES ? data + OPTION_BYTES : NULL; /* NULL with length 0 is allowed */
    size_t length = size > OPTION_BYTES ? size - OPTION_BYTES : 0;
    current_json = json != NULL ? json : (const uint8_t *)"";
    current_length = length;
    current_options = options;
    located.json = NULL; /* what was read of the last input */
    reference_reading.done = 0;

    const cw_result *r = run(primary, json, length, &options);
    check_json_stage(r, current_json, length, &options);

    cw_options toggled = options;
    toggled.flags ^= CW_WRITE_TAPE;
    check_same_issues(r, run(secondary, json, length, &toggled));
    check_other_profiles(r, json, length, &options);
    return 0;
}
