/*
 * fuzz_sse.c: the libFuzzer target for the text/event-stream parser (src/sse.h).
 *
 * Byte 0 of the input picks the options and how the stream is cut into
 * chunks; the rest is the stream:
 *   bits 0-1  max_event_bytes: 0 (the default, 8 MiB), 16, 100, 4096
 *   bit  2    CW_WRITE_TAPE for cw_check on each event's data
 *   bit  3    CW_UNKNOWN_REJECT
 *   bits 4-7  seed of the chunk sizes (0..17 bytes, empty chunks included); modulo
 *             the count of event_documents, which of them the events are
 *
 * The stream is parsed twice: whole, and in chunks. Each chunk is fed one of
 * two ways, picked with its size: in a buffer of exactly its size that is
 * freed as soon as the parser has used it up (so ASan and valgrind catch a
 * parser that keeps pointing into an old chunk), or through cw_sse_buffer, as
 * the wasm exports do (a parser that keeps pointing into its buffer sees the
 * next chunk written over it).
 * The target aborts unless:
 *   - both runs report the same events (kind, index, offsets, lines,
 *     columns, data, type, id, and the verdict on the data) and end in the
 *     same state;
 *   - each event's verdict is what cw_check says of its data on a context of
 *     its own, and cw_sse_recheck gives what cw_check says with other flags;
 *   - events and end state agree with an independent reading of the WHATWG
 *     event-stream rules written here (when no event passed max_event_bytes).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t *current_stream;
static size_t current_length;
static uint8_t current_options;

static void violated(int line, const char *condition, const char *format, ...) {
    fprintf(stderr, "\nfuzz_sse.c:%d: property violated: %s\n  ", line, condition);
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fprintf(stderr, "\noptions byte 0x%02x, stream (%zu bytes): \"", current_options, current_length);
    for (size_t i = 0; i < current_length && i < 400; i++) {
        uint8_t c = current_stream[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') fputc(c, stderr);
        else fprintf(stderr, "\\x%02x", c);
    }
    fprintf(stderr, "%s\"\n", current_length > 400 ? "..." : "");
    abort();
}

#define REQUIRE(condition, ...) \
    do { \
        if (!(condition)) violated(__LINE__, #condition, __VA_ARGS__); \
    } while (0)

/* ---- recorded events ---- */

typedef struct blob {
    uint8_t *bytes;
    size_t length;
} blob;

static blob copy_blob(const uint8_t *bytes, size_t length) {
    blob b = {malloc(length ? length : 1), length};
    REQUIRE(b.bytes != NULL, "malloc");
    if (length) memcpy(b.bytes, bytes, length);
    return b;
}

static int same_blob(blob a, blob b) {
    return a.length == b.length && (a.length == 0 || memcmp(a.bytes, b.bytes, a.length) == 0);
}

/* A verdict on data, reduced to what must not depend on chunking: validity and each issue's code and offset. */
typedef struct verdict {
    uint32_t valid;
    uint32_t issue_count;
    uint32_t codes[8];
    uint32_t offsets[8];
} verdict;

static verdict summarize(const cw_result *r) {
    verdict v;
    memset(&v, 0, sizeof v);
    REQUIRE(r != NULL, "a result");
    REQUIRE(r->valid == (r->issue_count == 0), "valid=%u with %u issues", r->valid, r->issue_count);
    v.valid = r->valid;
    v.issue_count = r->issue_count;
    for (uint32_t i = 0; i < r->issue_count && i < 8; i++) {
        v.codes[i] = r->issues[i].code;
        v.offsets[i] = r->issues[i].offset;
    }
    return v;
}

static int same_verdict(const verdict *a, const verdict *b) { return memcmp(a, b, sizeof *a) == 0; }

typedef struct event {
    cw_sse_event fields; /* the scalars; its pointers are not used */
    blob data, type, id;
    verdict check;
} event;

typedef struct run {
    event *events;
    size_t count, capacity;
    cw_sse_state end;
} run;

static void run_free(run *r) {
    for (size_t i = 0; i < r->count; i++) {
        free(r->events[i].data.bytes);
        free(r->events[i].type.bytes);
        free(r->events[i].id.bytes);
    }
    free(r->events);
    memset(r, 0, sizeof *r);
}

static cw_context *checker;      /* cw_check on a context of its own, to compare verdicts with */
static cw_options check_options; /* the parser's for each event's data, its document included */

/*
 * The documents an event's data is checked as (cw_sse_options.check; the
 * chunk seed modulo their count picks one), and those a data event is checked
 * again as with cw_sse_recheck (one per event, by its index modulo their
 * count). Another document is another entry.
 */
static const uint32_t event_documents[] = {CW_SCHEMA_STREAM_EVENT, CW_SCHEMA_CHAT_CHUNK};
static const uint32_t recheck_documents[] = {CW_SCHEMA_ERROR};
#define EVENT_DOCUMENT_COUNT (sizeof event_documents / sizeof event_documents[0])
#define RECHECK_DOCUMENT_COUNT (sizeof recheck_documents / sizeof recheck_documents[0])

enum feeding { WHOLE, CHUNKS };

/*
 * Records one event, checking what holds of any event on its own. Each run
 * checks part of what the event's verdict must be: the whole run's is compared
 * with cw_check's on the data, the run in chunks rechecks each event;
 * require_same_runs then requires the same verdicts of both runs, so both
 * runs' verdicts are cw_check's (one cw_check per event, not one per run).
 */
static void record(run *r, cw_sse *parser, const cw_sse_event *e, enum feeding how) {
    REQUIRE(e->kind == CW_SSE_DATA || e->kind == CW_SSE_DONE || e->kind == CW_SSE_TOO_LARGE, "event kind %u", e->kind);
    REQUIRE(e->index == r->count, "event index %u, expected %zu", e->index, r->count);
    if (r->count == r->capacity) {
        r->capacity = r->capacity ? r->capacity * 2 : 16;
        r->events = realloc(r->events, r->capacity * sizeof *r->events);
        REQUIRE(r->events != NULL, "realloc");
    }
    event *out = &r->events[r->count++];
    memset(out, 0, sizeof *out);
    out->fields = *e;
    out->fields.data = out->fields.type = out->fields.id = NULL;
    out->fields.result = NULL;
    REQUIRE(e->offset < current_length + 1 && e->data_offset <= current_length, "offsets inside the stream");
    if (e->kind == CW_SSE_TOO_LARGE) return;
    REQUIRE(e->data != NULL || e->data_length == 0, "data present");
    REQUIRE(e->data_offset >= e->offset && e->data_line >= e->line, "data after the event's start");
    out->data = copy_blob(e->data, e->data_length);
    out->type = copy_blob(e->type, e->type_length);
    out->id = copy_blob(e->id, e->id_length);
    if (e->kind == CW_SSE_DONE) {
        REQUIRE(e->result == NULL && e->data_length == 6 && memcmp(e->data, "[DONE]", 6) == 0, "DONE is [DONE]");
        return;
    }
    out->check = summarize(e->result);
    if (how == WHOLE) {
        verdict direct = summarize(cw_check(checker, out->data.bytes, out->data.length, &check_options));
        REQUIRE(same_verdict(&out->check, &direct), "event %u: the verdict is cw_check's on its data", e->index);
    } else if (how == CHUNKS) {
        /* Rechecking as another document (an error envelope, say) gives what cw_check gives with that schema. */
        cw_options o = {0, 0, 0, recheck_documents[e->index % RECHECK_DOCUMENT_COUNT]};
        const cw_result *rechecked = cw_sse_recheck(parser, o.flags);
        REQUIRE(rechecked != NULL, "event %u: cw_sse_recheck returned NULL for a data event (its data: %zu bytes)",
                e->index, out->data.length);
        verdict again = summarize(rechecked);
        verdict error = summarize(cw_check(checker, out->data.bytes, out->data.length, &o));
        REQUIRE(same_verdict(&again, &error), "event %u: cw_sse_recheck is cw_check with the new flags", e->index);
    }
}

/* Reads the current chunk up, recording its events. */
static void drain(run *r, cw_sse *parser, enum feeding how) {
    for (;;) {
        const cw_sse_event *e = cw_sse_next(parser);
        REQUIRE(e != NULL, "cw_sse_next never returns NULL");
        REQUIRE(e->kind != CW_SSE_OUT_OF_MEMORY, "out of memory");
        if (e->kind == CW_SSE_NONE) return;
        record(r, parser, e, how);
    }
}

/* ---- feeding in chunks ---- */

/*
 * The chunks: sizes of 0 to 17 bytes (empty chunks, single bytes, and runs
 * past the 8- and 16-byte steps of the line-end search), each fed one of the
 * two ways, from a generator seeded by byte 0, so an input always gives the
 * same chunks.
 *
 * One run in chunks, not one per way of feeding: the parser does the same
 * work whatever memory a chunk lies in, so what a second run over the same
 * chunks added was the memory, at twice the cost. Both ways still catch what
 * they catch: a parser that keeps pointing into a used-up chunk trips ASan
 * (or valgrind) when that chunk was freed, and the comparison with the whole
 * run when it was the parser's buffer, written over by the next buffered
 * chunk (half the chunks are fed each way, so a quarter of the boundaries
 * join two buffered chunks, and any later buffered chunk overwrites it too).
 * Feeding one way after the other is covered as well (cw_sse_feed then lets
 * go of the parser's own buffer), which two separate runs never did.
 */
static uint32_t rng;
static size_t next_chunk(int *through_parser_buffer) {
    rng = rng * 1103515245u + 12345u;
    uint32_t draw = rng >> 16;
    *through_parser_buffer = (draw / 18) & 1; /* bits above the size's: the sizes are those of one run before */
    return draw % 18;
}

static void parse_stream(run *r, cw_sse *parser, const uint8_t *stream, size_t length, enum feeding how, uint8_t seed) {
    cw_sse_reset(parser);
    rng = seed * 2654435761u + 1;
    if (how == WHOLE) {
        REQUIRE(cw_sse_feed(parser, stream, length) == 0, "feed");
        drain(r, parser, how);
    } else {
        for (size_t at = 0; at <= length;) {
            int through_parser_buffer;
            size_t n = next_chunk(&through_parser_buffer);
            if (n > length - at) n = length - at;
            if (!through_parser_buffer) {
                uint8_t *chunk = malloc(n ? n : 1);
                REQUIRE(chunk != NULL, "malloc");
                memcpy(chunk, stream + at, n);
                REQUIRE(cw_sse_feed(parser, chunk, n) == 0, "feed");
                drain(r, parser, how);
                free(chunk); /* the parser must have copied what it still needs */
            } else {
                uint8_t *buffer = cw_sse_buffer(parser, n);
                REQUIRE(buffer != NULL, "cw_sse_buffer");
                memcpy(buffer, stream + at, n);
                REQUIRE(cw_sse_feed(parser, buffer, n) == 0, "feed");
                drain(r, parser, how);
            }
            if (at == length) break;
            at += n;
        }
    }
    r->end = *cw_sse_end(parser);
    REQUIRE(r->end.bytes == length, "the end state counts %llu of %zu bytes", (unsigned long long)r->end.bytes, length);
    REQUIRE(r->end.events == r->count, "%u events counted, %zu reported", r->end.events, r->count);
}

static void require_same_runs(const run *a, const run *b, const char *how) {
    REQUIRE(a->count == b->count, "%s: %zu events, whole: %zu", how, b->count, a->count);
    for (size_t i = 0; i < a->count; i++) {
        const event *x = &a->events[i], *y = &b->events[i];
        const cw_sse_event *p = &x->fields, *q = &y->fields;
        REQUIRE(p->kind == q->kind && p->offset == q->offset && p->data_offset == q->data_offset &&
                    p->line == q->line && p->data_line == q->data_line && p->data_column == q->data_column &&
                    p->data_length == q->data_length && p->type_length == q->type_length &&
                    p->id_length == q->id_length,
                "%s: event %zu differs (kind %u/%u, offset %llu/%llu, data_offset %llu/%llu, line %u/%u, column %u/%u)",
                how, i, p->kind, q->kind, (unsigned long long)p->offset, (unsigned long long)q->offset,
                (unsigned long long)p->data_offset, (unsigned long long)q->data_offset, p->line, q->line,
                p->data_column, q->data_column);
        REQUIRE(same_blob(x->data, y->data) && same_blob(x->type, y->type) && same_blob(x->id, y->id),
                "%s: event %zu: same data, type and id", how, i);
        REQUIRE(same_verdict(&x->check, &y->check), "%s: event %zu: same verdict", how, i);
    }
    const cw_sse_state *s = &a->end, *t = &b->end;
    REQUIRE(s->bytes == t->bytes && s->retry == t->retry && s->line == t->line && s->column == t->column &&
                s->events == t->events && s->done == t->done && s->pending == t->pending &&
                s->pending_done == t->pending_done,
            "%s: end state differs (retry %lld/%lld, line %u/%u, column %u/%u, pending %u/%u, pending_done %u/%u)", how,
            (long long)s->retry, (long long)t->retry, s->line, t->line, s->column, t->column, s->pending, t->pending,
            s->pending_done, t->pending_done);
}

/* ---- the reference: WHATWG's event stream interpretation, line by line ---- */

typedef struct reference {
    run events;
    int64_t retry;
    uint32_t line, column;
    int pending, pending_done, done;
} reference;

static int64_t parse_retry(const uint8_t *value, size_t length) {
    if (length == 0) return -1;
    int64_t n = 0;
    for (size_t i = 0; i < length; i++) {
        if (value[i] < '0' || value[i] > '9') return -1;
        n = n > (9007199254740991LL - (value[i] - '0')) / 10 ? 9007199254740991LL : n * 10 + (value[i] - '0');
    }
    return n;
}

static uint32_t utf16_units(const uint8_t *s, size_t n) {
    uint32_t units = 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) units += s[i] >= 0xF0 ? 2 : 1;
    return units;
}

static void reference_read(reference *ref, const uint8_t *s, size_t n) {
    memset(ref, 0, sizeof *ref);
    ref->retry = -1;
    size_t pos = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0; /* one leading BOM */
    uint32_t line = 1;
    /* The event being built. */
    int started = 0, has_data = 0;
    size_t event_offset = 0, data_offset = 0;
    uint32_t event_line = 0, data_line = 0, data_column = 0;
    blob data = {malloc(n + 1), 0}, type = {malloc(n + 1), 0}, last_id = {malloc(n + 1), 0};
    REQUIRE(data.bytes && type.bytes && last_id.bytes, "malloc");
    while (pos < n) {
        size_t start = pos, end = pos;
        while (end < n && s[end] != '\n' && s[end] != '\r') end++;
        if (end == n) { /* the stream ends inside this line: it is discarded, with its event */
            ref->pending = 1;
            ref->column = 1 + utf16_units(s + start, n - start);
            /* pending_done also looks at an unfinished "data: [DONE]" line. */
            size_t colon = start;
            while (colon < n && s[colon] != ':') colon++;
            if (colon - start == 4 && memcmp(s + start, "data", 4) == 0) {
                size_t value = colon < n ? colon + 1 : n;
                if (colon < n && value < n && s[value] == ' ') value++;
                memcpy(data.bytes + data.length, s + value, n - value);
                data.length += n - value;
                data.bytes[data.length++] = '\n';
                has_data = 1;
            }
            break;
        }
        size_t next = end + (s[end] == '\r' && end + 1 < n && s[end + 1] == '\n' ? 2 : 1);
        if (start == end) { /* blank line: dispatch */
            if (has_data) {
                event e;
                memset(&e, 0, sizeof e);
                e.fields.offset = event_offset;
                e.fields.line = event_line;
                e.fields.data_offset = data_offset;
                e.fields.data_line = data_line;
                e.fields.data_column = data_column;
                e.data = copy_blob(data.bytes, data.length ? data.length - 1 : 0); /* without the last LF */
                e.type = copy_blob(type.bytes, type.length);
                e.id = copy_blob(last_id.bytes, last_id.length);
                int done = e.data.length == 6 && memcmp(e.data.bytes, "[DONE]", 6) == 0;
                e.fields.kind = done ? CW_SSE_DONE : CW_SSE_DATA;
                ref->done |= done;
                run *r = &ref->events;
                if (r->count == r->capacity) {
                    r->capacity = r->capacity ? r->capacity * 2 : 16;
                    r->events = realloc(r->events, r->capacity * sizeof *r->events);
                    REQUIRE(r->events != NULL, "realloc");
                }
                r->events[r->count++] = e;
            }
            started = has_data = 0;
            data.length = type.length = 0;
        } else if (s[start] != ':') { /* a field (lines starting with ':' are comments) */
            if (!started) {
                started = 1;
                event_offset = start;
                event_line = line;
            }
            size_t colon = start;
            while (colon < end && s[colon] != ':') colon++;
            size_t name_length = colon - start, value = colon < end ? colon + 1 : end;
            if (colon < end && value < end && s[value] == ' ') value++;
            const uint8_t *name = s + start;
            size_t value_length = end - value;
            if (name_length == 4 && memcmp(name, "data", 4) == 0) {
                if (!has_data) {
                    has_data = 1;
                    data_offset = value;
                    data_line = line;
                    data_column = (uint32_t)(value - start) + 1;
                }
                memcpy(data.bytes + data.length, s + value, value_length);
                data.length += value_length;
                data.bytes[data.length++] = '\n';
            } else if (name_length == 5 && memcmp(name, "event", 5) == 0) {
                memcpy(type.bytes, s + value, value_length);
                type.length = value_length;
            } else if (name_length == 2 && memcmp(name, "id", 2) == 0) {
                if (memchr(s + value, 0, value_length) == NULL) {
                    memcpy(last_id.bytes, s + value, value_length);
                    last_id.length = value_length;
                }
            } else if (name_length == 5 && memcmp(name, "retry", 5) == 0) {
                int64_t retry = parse_retry(s + value, value_length);
                if (retry >= 0) ref->retry = retry;
            }
        }
        pos = next;
        line++;
    }
    if (pos >= n) ref->column = 1;
    ref->line = line;
    ref->pending |= started || has_data;
    ref->pending_done = has_data && data.length == 7 && memcmp(data.bytes, "[DONE]\n", 7) == 0;
    free(data.bytes);
    free(type.bytes);
    free(last_id.bytes);
}

/* The parser's events and end state against the reference (which has no max_event_bytes). */
static void require_reference(const run *parsed, const uint8_t *s, size_t n) {
    for (size_t i = 0; i < parsed->count; i++)
        if (parsed->events[i].fields.kind == CW_SSE_TOO_LARGE) return; /* the reference has no size limit */
    /* A stream that is only part of a BOM: the parser has not started a line yet (column 1). */
    int bom_prefix = n > 0 && n < 3 && s[0] == 0xEF && (n < 2 || s[1] == 0xBB);
    reference ref;
    reference_read(&ref, s, n);
    const run *r = &ref.events;
    REQUIRE(parsed->count == r->count, "reference: %zu events, the parser %zu", r->count, parsed->count);
    for (size_t i = 0; i < r->count; i++) {
        const event *x = &r->events[i], *y = &parsed->events[i];
        const cw_sse_event *p = &x->fields, *q = &y->fields;
        REQUIRE(
            p->kind == q->kind && p->offset == q->offset && p->line == q->line && p->data_offset == q->data_offset &&
                p->data_line == q->data_line && p->data_column == q->data_column,
            "reference: event %zu: kind %u/%u offset %llu/%llu line %u/%u data_offset %llu/%llu data at %u:%u/%u:%u", i,
            p->kind, q->kind, (unsigned long long)p->offset, (unsigned long long)q->offset, p->line, q->line,
            (unsigned long long)p->data_offset, (unsigned long long)q->data_offset, p->data_line, p->data_column,
            q->data_line, q->data_column);
        REQUIRE(same_blob(x->data, y->data), "reference: event %zu: same data", i);
        REQUIRE(same_blob(x->type, y->type), "reference: event %zu: same type", i);
        REQUIRE(same_blob(x->id, y->id), "reference: event %zu: same id", i);
    }
    const cw_sse_state *t = &parsed->end;
    REQUIRE(t->retry == ref.retry, "reference: retry %lld, the parser %lld", (long long)ref.retry, (long long)t->retry);
    REQUIRE(t->line == ref.line && (bom_prefix || t->column == ref.column),
            "reference: ends at %u:%u, the parser at %u:%u", ref.line, ref.column, t->line, t->column);
    REQUIRE(t->done == (uint32_t)ref.done, "reference: done %d", ref.done);
    REQUIRE(t->pending == (uint32_t)(ref.pending || bom_prefix) && t->pending_done == (uint32_t)ref.pending_done,
            "reference: pending %d (done %d), the parser %u (%u)", ref.pending, ref.pending_done, t->pending,
            t->pending_done);
    run_free(&ref.events);
}

/* ---- the target ---- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const size_t max_event_bytes[4] = {0, 16, 100, 4096};
    /* Two parsers (whole, in chunks) for each option value (low four bits) and document, made when first needed
     * and kept: each stream starts on parsers reset after earlier streams (their leftovers are exercised), and
     * no parser's memory is freed and allocated again (an input that allocates more than it frees is run again
     * by libFuzzer, looking for a leak: that was 7% of the time). */
    static cw_sse *parsers[16][EVENT_DOCUMENT_COUNT][2];
    uint8_t options = size > 0 ? data[0] : 0;
    const uint8_t *stream = size > 1 ? data + 1 : (const uint8_t *)"";
    size_t length = size > 1 ? size - 1 : 0;
    current_stream = stream;
    current_length = length;
    current_options = options;

    uint8_t seed = options >> 4;
    size_t document = seed % EVENT_DOCUMENT_COUNT;
    check_options = (cw_options){0, 0, 0,
                                 ((options & 4) ? CW_WRITE_TAPE : 0) | ((options & 8) ? CW_UNKNOWN_REJECT : 0) |
                                     event_documents[document]};
    cw_sse_options sse_options = {max_event_bytes[options & 3], check_options};
    if (checker == NULL) {
        checker = cw_context_new();
        REQUIRE(checker != NULL, "cw_context_new");
    }
    cw_sse **pair = parsers[options & 0x0F][document];
    for (int i = 0; i < 2; i++) {
        if (pair[i] == NULL) pair[i] = cw_sse_new(&sse_options);
        REQUIRE(pair[i] != NULL, "cw_sse_new");
    }

    run whole = {0}, chunks = {0};
    parse_stream(&whole, pair[0], stream, length, WHOLE, seed);
    parse_stream(&chunks, pair[1], stream, length, CHUNKS, seed);
    require_same_runs(&whole, &chunks, "in chunks");
    require_reference(&whole, stream, length);
    run_free(&whole);
    run_free(&chunks);
    return 0;
}
