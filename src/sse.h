/*
 * sse.h: an incremental parser for text/event-stream bodies (the WHATWG
 * "event stream interpretation", html.spec.whatwg.org/#event-stream-interpretation)
 * that checks each event's data with cw_check as a CompletionStreamEvent.
 *
 * Usage: cw_sse_new, then for each chunk of the body cw_sse_feed followed by
 * cw_sse_next until it returns an event of kind CW_SSE_NONE (the chunk is used
 * up); cw_sse_end when the body ends. Chunks may be split anywhere: inside a
 * field name, a CRLF, a multi-byte UTF-8 character or `[DONE]`.
 *
 * Framing follows WHATWG: lines end at LF, CR or CRLF; one leading UTF-8 BOM
 * is skipped; lines starting with ':' are comments; "field: value" and
 * "field:value" are the same (one space after the colon is dropped); a line
 * without a colon is a field with an empty value; data lines are joined with
 * LF; event sets the type, id the last event ID (unless it contains NUL),
 * retry the reconnection time (ASCII digits only); unknown fields are
 * ignored; a blank line dispatches the event if it has data; an event not
 * finished by a blank line when the body ends is discarded. Two deliberate
 * differences: data is handed to cw_check as bytes, so invalid UTF-8 in data
 * is reported (invalid_utf8) instead of being replaced by U+FFFD; and events
 * are dispatched whatever their type.
 *
 * Cost: one pass over each byte (the line-end search is 16 bytes a step with
 * wasm SIMD); an event's data is copied only when it spans chunks or has
 * several data lines, otherwise cw_check reads it where it lies in the chunk.
 * Memory: the parser keeps at most one event (bounded by max_event_bytes,
 * whose overflow is reported as CW_SSE_TOO_LARGE) plus cw_check's own memory
 * for one event, whatever the stream's length.
 *
 * Offsets are counted in bytes of the stream from its first byte (a BOM
 * included), in 64 bits; lines are 1-based and count LF, CR and CRLF once.
 */
#ifndef COMPLETION_SSE_H
#define COMPLETION_SSE_H

#include <stddef.h>
#include <stdint.h>

#include "completion.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CW_SSE_DEFAULT_MAX_EVENT_BYTES CW_DEFAULT_MAX_EVENT_BYTES /* src/schema.yaml */

typedef struct cw_sse_options {
    /* Largest event accepted, counting its data (with the LFs that join data
     * lines), its event type and a pending id value. 0: the default. */
    size_t max_event_bytes;
    /* Options for cw_check on each event's data. The document is
     * CW_SCHEMA_STREAM_EVENT (a /completions stream), or CW_SCHEMA_CHAT_CHUNK
     * when given here (a /chat/completions stream); any other CW_SCHEMA_ flag
     * given here is replaced by CW_SCHEMA_STREAM_EVENT. */
    cw_options check;
} cw_sse_options;

typedef enum cw_sse_kind {
    CW_SSE_NONE = 0,         /* no event: the chunk is used up, feed the next one */
    CW_SSE_DATA = 1,         /* an event whose data was checked: see result */
    CW_SSE_DONE = 2,         /* an event whose data is exactly [DONE]: the end of the completion */
    CW_SSE_TOO_LARGE = 3,    /* the event grew past max_event_bytes; the rest of it is skipped */
    CW_SSE_OUT_OF_MEMORY = 4 /* the parser is unusable from now on */
} cw_sse_kind;

/* One verdict; valid until the next call on the parser. */
typedef struct cw_sse_event {
    uint64_t offset;      /* first byte of the event's first field line */
    uint64_t data_offset; /* first byte of the first data line's value (after "data:" and the space) */
    uint32_t kind;        /* cw_sse_kind */
    uint32_t index;       /* 0-based ordinal among the stream's events (DONE and TOO_LARGE count) */
    uint32_t line;        /* line of offset */
    uint32_t data_line;   /* line of data_offset */
    uint32_t data_column; /* 1-based column of data_offset ("data:" is ASCII: bytes = UTF-16 units) */
    uint32_t data_length;
    const uint8_t *data; /* the data, lines joined with LF (not for TOO_LARGE) */
    const uint8_t *type; /* the event field's value; type_length 0 means "message" */
    uint32_t type_length;
    const uint8_t *id; /* the last event ID at dispatch (persists across events) */
    uint32_t id_length;
    const cw_result *result; /* CW_SSE_DATA: cw_check's verdict on data; tape strings point into data */
} cw_sse_event;

/* Where the stream stands; see cw_sse_end. */
typedef struct cw_sse_state {
    uint64_t bytes;        /* bytes fed so far */
    int64_t retry;         /* last valid retry value in ms (saturates at 2^53-1); -1 when none */
    uint32_t line;         /* line of the next byte */
    uint32_t column;       /* its 1-based column in UTF-16 code units (exact at chunk boundaries) */
    uint32_t events;       /* events dispatched or reported so far */
    uint32_t done;         /* 1 once a [DONE] event was dispatched */
    uint32_t pending;      /* 1 when the stream stops inside an event or a line (not blank-line ended) */
    uint32_t pending_done; /* 1 when that unfinished event's data is [DONE] (it lacks its blank line) */
} cw_sse_state;

typedef struct cw_sse cw_sse;

/* A new parser (options may be NULL for the defaults), or NULL when out of memory. */
cw_sse *cw_sse_new(const cw_sse_options *options);
void cw_sse_free(cw_sse *parser);

/* Forgets the stream (a new one starts with the next feed); keeps the memory. */
void cw_sse_reset(cw_sse *parser);

/*
 * Hands over the next `length` bytes of the stream. They are read in place,
 * so they must stay unchanged until cw_sse_next returns CW_SSE_NONE. Returns
 * 0, or -1 when the previous chunk is not used up yet (nothing is taken).
 */
int cw_sse_feed(cw_sse *parser, const uint8_t *bytes, size_t length);

/*
 * Reads on in the current chunk up to the next event and returns its verdict,
 * or an event of kind CW_SSE_NONE once the chunk is used up. Never NULL.
 */
const cw_sse_event *cw_sse_next(cw_sse *parser);

/* The stream has ended: the state it ended in. An unfinished event is discarded. */
const cw_sse_state *cw_sse_end(cw_sse *parser);

/* The state so far, without ending the stream. */
const cw_sse_state *cw_sse_state_of(cw_sse *parser);

/*
 * Checks the data of the event cw_sse_next returned last again, with `flags`
 * (e.g. CW_SCHEMA_ERROR to see whether a rejected event is an error
 * envelope). The event's own result is replaced. NULL when out of memory or
 * when the last verdict had no data.
 */
const cw_result *cw_sse_recheck(cw_sse *parser, uint32_t flags);

/*
 * A buffer of `length` bytes owned by the parser, for callers (the wasm
 * exports) that must copy each chunk somewhere before feeding it. NULL when
 * out of memory or while the previous chunk is not used up.
 */
uint8_t *cw_sse_buffer(cw_sse *parser, size_t length);

#ifdef __cplusplus
}
#endif

#endif /* COMPLETION_SSE_H */
