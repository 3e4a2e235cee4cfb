/*
 * sse.c: the incremental text/event-stream parser of sse.h.
 *
 * A byte-level state machine. Every byte of the stream is looked at once:
 * the state survives between chunks, so nothing is re-scanned when a line or
 * an event is split. Structure bytes (CR, LF, ':', ' ') are ASCII and never
 * occur inside a multi-byte UTF-8 sequence, so framing on bytes gives the
 * same lines and fields as WHATWG's decode-then-parse; bytes are only
 * interpreted as text by cw_check (data) and the caller (type, id).
 */
#include "sse.h"

#include <stdlib.h>
#include <string.h>

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

/* Code that runs once per line, event or chunk is built for size: the
 * module is downloaded, and only the per-byte loops need -O3's unrolling. */
#if defined(__clang__)
#define SMALL __attribute__((minsize, noinline))
#else
#define SMALL
#endif

/* ---- growable bytes ---- */

typedef struct bytes {
    uint8_t *items;
    size_t count;
    size_t capacity;
} bytes;

/* Appends n bytes; 0 when memory ran out. Growth doubles, but never past
 * `limit` more than needed, so an event's buffer stays near max_event_bytes. */
SMALL static int bytes_append(bytes *b, const uint8_t *source, size_t n, size_t limit) {
    if (b->capacity - b->count < n) {
        size_t needed = b->count + n;
        size_t capacity = b->capacity ? b->capacity * 2 : 256;
        if (capacity > limit) capacity = limit;
        if (capacity < needed) capacity = needed;
        uint8_t *items = realloc(b->items, capacity);
        if (items == NULL) return 0;
        b->items = items;
        b->capacity = capacity;
    }
    if (n > 0) memcpy(b->items + b->count, source, n);
    b->count += n;
    return 1;
}

/* ---- the parser ---- */

enum state {
    S_BOM,        /* at the start of the stream: maybe a byte order mark */
    S_LINE_START, /* at the first byte of a line */
    S_NAME,       /* in a field name */
    S_SPACE,      /* right after the colon: one space is dropped */
    S_VALUE,      /* in a field value */
    S_COMMENT     /* in a comment line */
};

enum field { FIELD_IGNORED, FIELD_DATA, FIELD_EVENT, FIELD_ID, FIELD_RETRY };

/* "retry" is the longest field name that means something; a name that
 * reaches NAME_CAPACITY bytes matches none. */
#define NAME_CAPACITY 6
#define MAX_SAFE_INTEGER 9007199254740991LL

struct cw_sse {
    cw_context *context;
    size_t max_event_bytes;
    cw_options check;

    /* The chunk being read: chunk[pos..length), whose first byte is stream byte `base`. */
    const uint8_t *chunk;
    size_t length;
    size_t pos;
    uint64_t base;
    bytes buffer; /* cw_sse_buffer */

    /* The line being read. */
    uint8_t state;
    uint8_t field;
    uint8_t skip_lf;     /* the last line ended with CR: an LF right after it belongs to it */
    uint8_t bom_matched; /* BOM bytes seen at the start */
    uint8_t broken;      /* memory ran out: every call reports it */
    uint8_t name[NAME_CAPACITY];
    uint32_t name_length;
    uint32_t line;
    uint64_t line_start;   /* stream offset of the line's first byte */
    uint32_t column_carry; /* UTF-16 units of the line in chunks already read */

    /* The event being built. */
    int event_started; /* a field line was read since the last blank line */
    int skipping;      /* it passed max_event_bytes: ignore it up to its blank line */
    uint64_t event_offset;
    uint32_t event_line;
    size_t event_bytes; /* its size, as max_event_bytes counts it */
    uint32_t data_lines;
    bytes data; /* joined data, unless direct */
    int direct; /* the data is one value lying in the chunk: chunk[direct_start..+direct_length) */
    size_t direct_start;
    size_t direct_length;
    uint64_t data_offset;
    uint32_t data_line;
    uint32_t data_column;
    bytes type;
    bytes id_pending; /* the value of the id line being read */
    int id_has_nul;
    bytes last_id;
    uint64_t retry_value; /* the retry line being read */
    int retry_ok;
    uint32_t retry_digits;

    /* The stream. */
    uint32_t events;
    int done;
    int64_t retry;
    int can_recheck; /* the last verdict was a data event, whose bytes are still there */
    cw_sse_event event;
    cw_sse_state state_out;
};

SMALL static void reset_event(cw_sse *p) {
    p->event_started = 0;
    p->skipping = 0;
    p->event_bytes = 0;
    p->data_lines = 0;
    p->data.count = 0;
    p->direct = 0;
    p->type.count = 0;
}

SMALL static void reset_stream(cw_sse *p) {
    reset_event(p);
    p->chunk = NULL;
    p->length = p->pos = 0;
    p->base = 0;
    p->state = S_BOM;
    p->field = FIELD_IGNORED;
    p->skip_lf = p->bom_matched = p->broken = 0;
    p->name_length = 0;
    p->line = 1;
    p->line_start = 0;
    p->column_carry = 0;
    p->id_pending.count = 0;
    p->last_id.count = 0;
    p->events = 0;
    p->done = 0;
    p->retry = -1;
    p->can_recheck = 0;
}

SMALL cw_sse *cw_sse_new(const cw_sse_options *options) {
    cw_sse *p = malloc(sizeof *p); /* not calloc: emmalloc's calloc would add its code to the module */
    if (p == NULL) return NULL;
    memset(p, 0, sizeof *p);
    p->context = cw_context_new();
    if (p->context == NULL) {
        free(p);
        return NULL;
    }
    if (options != NULL) {
        p->max_event_bytes = options->max_event_bytes;
        p->check = options->check;
    }
    if (p->max_event_bytes == 0) p->max_event_bytes = CW_SSE_DEFAULT_MAX_EVENT_BYTES;
    /* Events are a stream's events: /completions' unless the options name the chunk of a chat stream. */
    if ((p->check.flags & CW_SCHEMA_MASK) != CW_SCHEMA_CHAT_CHUNK)
        p->check.flags = (p->check.flags & ~(uint32_t)CW_SCHEMA_MASK) | CW_SCHEMA_STREAM_EVENT;
    reset_stream(p);
    return p;
}

SMALL void cw_sse_free(cw_sse *p) {
    if (p == NULL) return;
    cw_context_free(p->context);
    free(p->buffer.items);
    free(p->data.items);
    free(p->type.items);
    free(p->id_pending.items);
    free(p->last_id.items);
    free(p);
}

void cw_sse_reset(cw_sse *p) { reset_stream(p); }

/* ---- verdicts ---- */

SMALL static const cw_sse_event *verdict(cw_sse *p, uint32_t kind) {
    cw_sse_event *e = &p->event;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    if (kind == CW_SSE_NONE || kind == CW_SSE_OUT_OF_MEMORY) return e;
    e->index = p->events++;
    e->offset = p->event_offset;
    e->line = p->event_line;
    if (p->data_lines > 0) {
        e->data_offset = p->data_offset;
        e->data_line = p->data_line;
        e->data_column = p->data_column;
    }
    return e;
}

SMALL static const cw_sse_event *out_of_memory(cw_sse *p) {
    p->broken = 1;
    return verdict(p, CW_SSE_OUT_OF_MEMORY);
}

/* The event passed max_event_bytes: say so now (its end may never come),
 * drop what was kept of it, and ignore the rest of it. */
SMALL static const cw_sse_event *too_large(cw_sse *p) {
    const cw_sse_event *e = verdict(p, CW_SSE_TOO_LARGE);
    reset_event(p);
    p->event_started = 1;
    p->skipping = 1;
    p->field = FIELD_IGNORED;
    return e;
}

/* Counts n more bytes of the event; 0 when that passes the limit. */
static int fits(cw_sse *p, size_t n) {
    if (n > p->max_event_bytes - p->event_bytes) return 0;
    p->event_bytes += n;
    return 1;
}

static int append(cw_sse *p, bytes *b, const uint8_t *source, size_t n) {
    return bytes_append(b, source, n, p->max_event_bytes);
}

/* The data still lies in the chunk: copy it before the chunk goes away or another line joins it. */
SMALL static int materialize(cw_sse *p) {
    if (!p->direct) return 1;
    p->direct = 0;
    return append(p, &p->data, p->chunk + p->direct_start, p->direct_length);
}

/* A blank line: dispatch the event if it has data (WHATWG: no data, no event). */
SMALL static const cw_sse_event *dispatch(cw_sse *p) {
    if (p->skipping || p->data_lines == 0) {
        reset_event(p);
        return NULL;
    }
    const uint8_t *data = p->direct ? p->chunk + p->direct_start : p->data.items;
    size_t length = p->direct ? p->direct_length : p->data.count;
    int done = length == 6 && memcmp(data, "[DONE]", 6) == 0;
    cw_sse_event *e = (cw_sse_event *)verdict(p, done ? CW_SSE_DONE : CW_SSE_DATA);
    e->data = data;
    e->data_length = (uint32_t)length;
    e->type = p->type.items;
    e->type_length = (uint32_t)p->type.count;
    e->id = p->last_id.items;
    e->id_length = (uint32_t)p->last_id.count;
    if (done) {
        p->done = 1;
    } else {
        e->result = cw_check(p->context, data, length, &p->check);
        if (e->result == NULL) {
            reset_event(p);
            return out_of_memory(p);
        }
        p->can_recheck = 1;
    }
    reset_event(p); /* counts only: the bytes e points at stay until the next call */
    return e;
}

/* ---- fields ---- */

SMALL static enum field classify(const cw_sse *p) {
    static const struct {
        const char *name;
        uint32_t length;
        enum field field;
    } names[] = {
        {"data", 4, FIELD_DATA},
        {"event", 5, FIELD_EVENT},
        {"id", 2, FIELD_ID},
        {"retry", 5, FIELD_RETRY},
    };
    if (p->skipping) return FIELD_IGNORED;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (p->name_length == names[i].length && memcmp(p->name, names[i].name, names[i].length) == 0)
            return names[i].field;
    return FIELD_IGNORED;
}

/* The field name is complete. */
SMALL static const cw_sse_event *begin_field(cw_sse *p) {
    p->field = (uint8_t)classify(p);
    switch (p->field) {
    case FIELD_DATA:
        if (p->data_lines > 0) { /* data lines are joined with LF */
            if (!fits(p, 1)) return too_large(p);
            if (!materialize(p) || !append(p, &p->data, (const uint8_t *)"\n", 1)) return out_of_memory(p);
        }
        p->data_lines++;
        break;
    case FIELD_EVENT: /* the type is set, not appended to */
        p->event_bytes -= p->type.count;
        p->type.count = 0;
        break;
    case FIELD_ID:
        p->id_pending.count = 0;
        p->id_has_nul = 0;
        break;
    case FIELD_RETRY:
        p->retry_value = 0;
        p->retry_ok = 1;
        p->retry_digits = 0;
        break;
    default: break;
    }
    return NULL;
}

/* The value starts at chunk[pos]. The first data line's value is left in the chunk for now. */
SMALL static void start_value(cw_sse *p) {
    if (p->field != FIELD_DATA || p->data_lines != 1) return;
    p->data_offset = p->base + p->pos;
    p->data_line = p->line;
    p->data_column = (uint32_t)(p->data_offset - p->line_start) + 1;
    p->direct = 1;
    p->direct_start = p->pos;
    p->direct_length = 0;
}

/* n more bytes of the value; line_ends when the line ends right after them. */
static const cw_sse_event *take_value(cw_sse *p, const uint8_t *s, size_t n, int line_ends) {
    switch (p->field) {
    case FIELD_DATA:
        if (!fits(p, n)) return too_large(p);
        if (p->direct && line_ends) { /* the whole value lies in the chunk: keep it there */
            p->direct_length = n;
            return NULL;
        }
        p->direct = 0; /* s is where direct_start points: copy from there */
        return append(p, &p->data, s, n) ? NULL : out_of_memory(p);
    case FIELD_EVENT:
        if (!fits(p, n)) return too_large(p);
        return append(p, &p->type, s, n) ? NULL : out_of_memory(p);
    case FIELD_ID:
        if (!fits(p, n)) return too_large(p);
        if (n > 0 && memchr(s, 0, n) != NULL) p->id_has_nul = 1;
        return append(p, &p->id_pending, s, n) ? NULL : out_of_memory(p);
    case FIELD_RETRY:
        for (size_t i = 0; i < n; i++) {
            unsigned digit = (unsigned)s[i] - '0';
            if (digit > 9) {
                p->retry_ok = 0;
                break;
            }
            p->retry_digits++;
            p->retry_value = p->retry_value > (uint64_t)(MAX_SAFE_INTEGER - digit) / 10 ? (uint64_t)MAX_SAFE_INTEGER
                                                                                        : p->retry_value * 10 + digit;
        }
        return NULL;
    default: return NULL;
    }
}

/* The line of the field ends: id and retry take effect now. */
SMALL static const cw_sse_event *finish_field(cw_sse *p) {
    const cw_sse_event *e = NULL;
    if (p->field == FIELD_ID) {
        p->event_bytes -= p->id_pending.count; /* it leaves the event for the stream's state */
        if (!p->id_has_nul) {                  /* WHATWG: an id containing NUL is ignored */
            p->last_id.count = 0;
            if (!append(p, &p->last_id, p->id_pending.items, p->id_pending.count)) e = out_of_memory(p);
        }
        p->id_pending.count = 0;
    } else if (p->field == FIELD_RETRY && p->retry_ok && p->retry_digits > 0) {
        p->retry = (int64_t)p->retry_value;
    }
    p->field = FIELD_IGNORED;
    return e;
}

/* chunk[at] is CR or LF: the line ends there. */
static void consume_eol(cw_sse *p, size_t at) {
    p->skip_lf = p->chunk[at] == '\r';
    p->pos = at + 1;
    p->line++;
    p->line_start = p->base + p->pos;
    p->column_carry = 0;
    p->state = S_LINE_START;
}

/* ---- scanning ---- */

/* Index of the first CR or LF in c[i..n), or n. */
#if defined(__clang__)
__attribute__((noinline))
#endif
static size_t
find_eol(const uint8_t *c, size_t i, size_t n) {
#ifdef __wasm_simd128__
    const v128_t lf = wasm_i8x16_splat('\n'), cr = wasm_i8x16_splat('\r');
    for (; i + 16 <= n; i += 16) {
        v128_t v = wasm_v128_load(c + i);
        uint32_t mask = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, lf), wasm_i8x16_eq(v, cr)));
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
    }
#else
    /* Eight bytes a step: a byte equal to LF or CR makes its lane of (v ^ pattern) zero. */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (; i + 8 <= n; i += 8) {
        uint64_t v, a, b;
        memcpy(&v, c + i, 8);
        a = v ^ (ones * '\n');
        b = v ^ (ones * '\r');
        if (((a - ones) & ~a & highs) | ((b - ones) & ~b & highs)) break;
    }
#endif
    for (; i < n; i++)
        if (c[i] == '\n' || c[i] == '\r') return i;
    return n;
}

/* UTF-16 code units of UTF-8 bytes (a 4-byte sequence is a surrogate pair). */
SMALL static uint32_t utf16_units(const uint8_t *s, size_t n) {
    uint32_t units = 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) units += s[i] >= 0xF0 ? 2 : 1;
    return units;
}

/* The chunk is used up: copy what an unfinished event still needs from it, and let it go. */
SMALL static void end_chunk(cw_sse *p) {
    if (p->chunk == NULL) return;
    if (!materialize(p)) p->broken = 1;
    if (p->state != S_BOM) { /* the unfinished line's columns so far, for cw_sse_state.column */
        uint64_t from = p->line_start > p->base ? p->line_start - p->base : 0;
        if (from < p->pos) p->column_carry += utf16_units(p->chunk + from, p->pos - (size_t)from);
    }
    p->base += p->pos;
    p->chunk = NULL;
    p->length = p->pos = 0;
}

SMALL int cw_sse_feed(cw_sse *p, const uint8_t *bytes, size_t length) {
    if (p->chunk != NULL && p->pos < p->length) return -1;
    end_chunk(p);
    p->chunk = length > 0 ? bytes : NULL;
    p->length = length;
    p->pos = 0;
    return 0;
}

SMALL uint8_t *cw_sse_buffer(cw_sse *p, size_t length) {
    if (p->chunk != NULL && p->pos < p->length) return NULL;
    end_chunk(p); /* the chunk may be this buffer: keep what it holds of an unfinished event */
    if (length == 0) length = 1;
    if (length > p->buffer.capacity) {
        free(p->buffer.items); /* the old bytes are not needed: each chunk is written whole */
        p->buffer.items = malloc(length);
        p->buffer.capacity = p->buffer.items ? length : 0;
    }
    return p->buffer.items;
}

/* One step of the state machine at chunk[pos]; returns an event when one is complete. */
/* A partial BOM: its bytes start the first line's field name, which then matches no field. */
static const cw_sse_event *step_bom(cw_sse *p, const uint8_t *c) {
    static const uint8_t bom[3] = {0xEF, 0xBB, 0xBF};
    if (c[p->pos] == bom[p->bom_matched]) {
        p->pos++;
        if (++p->bom_matched == 3) {
            p->state = S_LINE_START;
            p->line_start = p->base + p->pos;
            p->column_carry = 0;
        }
    } else if (p->bom_matched == 0) {
        p->state = S_LINE_START;
    } else {
        p->event_started = 1;
        p->event_offset = 0;
        p->event_line = 1;
        p->state = S_NAME;
        p->name_length = NAME_CAPACITY;
    }
    return NULL;
}

static const cw_sse_event *step_line_start(cw_sse *p, const uint8_t *c) {
    uint8_t b = c[p->pos];
    if (b == '\n' || b == '\r') {
        consume_eol(p, p->pos);
        return dispatch(p);
    }
    if (b == ':') {
        p->state = S_COMMENT;
        p->pos++;
        return NULL;
    }
    if (!p->event_started) {
        p->event_started = 1;
        p->event_offset = p->line_start;
        p->event_line = p->line;
    }
    p->state = S_NAME;
    p->name_length = 0;
    return NULL;
}

static const cw_sse_event *step_name(cw_sse *p, const uint8_t *c, size_t n) {
    size_t i = p->pos;
    for (; i < n && c[i] != ':' && c[i] != '\n' && c[i] != '\r'; i++) {
        if (p->name_length < NAME_CAPACITY) p->name[p->name_length++] = c[i];
    }
    p->pos = i;
    if (i == n) return NULL; /* the name goes on in the next chunk */
    const cw_sse_event *e = begin_field(p);
    if (c[i] == ':') {
        p->pos = i + 1;
        p->state = S_SPACE;
        return e;
    }
    start_value(p); /* a line without a colon: the whole line is the name, the value is empty */
    const cw_sse_event *f = finish_field(p);
    consume_eol(p, i);
    return e ? e : f;
}

static const cw_sse_event *step_value(cw_sse *p, const uint8_t *c, size_t n) {
    size_t eol = find_eol(c, p->pos, n);
    int line_ends = eol < n;
    const cw_sse_event *e = take_value(p, c + p->pos, eol - p->pos, line_ends);
    if (!line_ends) {
        p->pos = n;
        return e;
    }
    const cw_sse_event *f = finish_field(p);
    consume_eol(p, eol);
    return e ? e : f;
}

static const cw_sse_event *step_comment(cw_sse *p, const uint8_t *c, size_t n) {
    size_t eol = find_eol(c, p->pos, n);
    if (eol < n) consume_eol(p, eol);
    else p->pos = n;
    return NULL;
}

static const cw_sse_event *step(cw_sse *p) {
    const uint8_t *c = p->chunk;
    size_t n = p->length;
    if (p->skip_lf) {
        p->skip_lf = 0;
        if (c[p->pos] == '\n') {
            p->pos++;
            p->line_start++;
            return NULL;
        }
    }
    switch (p->state) {
    case S_BOM: return step_bom(p, c);
    case S_LINE_START: return step_line_start(p, c);
    case S_NAME: return step_name(p, c, n);
    case S_SPACE:
        if (c[p->pos] == ' ') p->pos++;
        p->state = S_VALUE;
        start_value(p);
        return NULL;
    case S_VALUE: return step_value(p, c, n);
    default: return step_comment(p, c, n); /* S_COMMENT */
    }
}

const cw_sse_event *cw_sse_next(cw_sse *p) {
    p->can_recheck = 0;
    if (p->broken) return verdict(p, CW_SSE_OUT_OF_MEMORY);
    while (p->chunk != NULL && p->pos < p->length) {
        const cw_sse_event *e = step(p);
        if (e != NULL) return e;
    }
    end_chunk(p);
    if (p->broken) return verdict(p, CW_SSE_OUT_OF_MEMORY);
    return verdict(p, CW_SSE_NONE);
}

SMALL const cw_sse_state *cw_sse_state_of(cw_sse *p) {
    cw_sse_state *s = &p->state_out;
    uint64_t from = p->line_start > p->base ? p->line_start - p->base : 0;
    memset(s, 0, sizeof *s);
    s->bytes = p->base + p->pos;
    s->retry = p->retry;
    s->line = p->line;
    s->column = 1 + p->column_carry;
    if (p->chunk != NULL && p->state != S_BOM && from < p->pos)
        s->column += utf16_units(p->chunk + from, p->pos - (size_t)from);
    s->events = p->events;
    s->done = (uint32_t)p->done;
    s->pending = p->state == S_BOM ? p->bom_matched > 0
                                   : p->event_started || p->data_lines > 0 || p->state != S_LINE_START;
    /* An unfinished last line that is just "data" would, once ended, add an
     * empty data line (as "data:" already has): then the data is not [DONE]. */
    int unfinished_data_line = p->state == S_NAME && classify(p) == FIELD_DATA;
    if (!p->skipping && p->data_lines > 0 && !unfinished_data_line) { /* "data: [DONE]" without its blank line */
        const uint8_t *data = p->direct ? p->chunk + p->direct_start : p->data.items;
        size_t length = p->direct ? p->direct_length : p->data.count;
        s->pending_done = length == 6 && memcmp(data, "[DONE]", 6) == 0;
    }
    return s;
}

SMALL const cw_sse_state *cw_sse_end(cw_sse *p) {
    /* Bytes fed but not read are not part of the stream. */
    if (p->chunk != NULL) p->length = p->pos;
    end_chunk(p);
    return cw_sse_state_of(p);
}

SMALL const cw_result *cw_sse_recheck(cw_sse *p, uint32_t flags) {
    if (!p->can_recheck) return NULL;
    cw_options options = p->check;
    options.flags = flags;
    p->event.result = cw_check(p->context, p->event.data, p->event.data_length, &options);
    return p->event.result;
}
