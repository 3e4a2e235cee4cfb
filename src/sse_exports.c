/*
 * sse_exports.c: the stream parser's functions for the JS layer (listed in
 * exports.txt), with scalar arguments so that JS never writes a struct.
 * Each stream has its own parser (and cw_context), so several streams can be
 * read at once by one instance. A chunk is: cw_sse_wasm_buffer(p, n) ->
 * write n bytes there -> cw_sse_wasm_feed(p, n) -> cw_sse_wasm_next(p) until
 * it returns an event of kind CW_SSE_NONE, reading each event before the
 * next call.
 */
#include <stddef.h>
#include <stdint.h>

#include "sse.h"
/* The exports' prototypes, and the layouts JS reads pinned (src/wasm_boundary.yaml). */
#include "wasm_boundary.h"

/* A parser whose events are checked with these cw_check options; NULL when out of memory. */
cw_sse *cw_sse_wasm_new(size_t max_event_bytes, size_t max_bytes, uint32_t max_depth, uint32_t max_issues,
                        uint32_t flags) {
    cw_sse_options options = {max_event_bytes, {max_bytes, max_depth, max_issues, flags}};
    return cw_sse_new(&options);
}

void cw_sse_wasm_free(cw_sse *parser) { cw_sse_free(parser); }

/* Where to write the next chunk of `length` bytes; NULL when memory cannot grow. */
uint8_t *cw_sse_wasm_buffer(cw_sse *parser, size_t length) { return cw_sse_buffer(parser, length); }

/* Feeds the first `length` bytes of the buffer; -1 if the last chunk is not used up. */
int cw_sse_wasm_feed(cw_sse *parser, size_t length) {
    uint8_t *bytes = cw_sse_buffer(parser, 0); /* the same buffer, not reallocated: length 0 fits */
    return bytes == NULL ? -1 : cw_sse_feed(parser, bytes, length);
}

const cw_sse_event *cw_sse_wasm_next(cw_sse *parser) { return cw_sse_next(parser); }

const cw_sse_state *cw_sse_wasm_end(cw_sse *parser) { return cw_sse_end(parser); }

const cw_result *cw_sse_wasm_recheck(cw_sse *parser, uint32_t flags) { return cw_sse_recheck(parser, flags); }
