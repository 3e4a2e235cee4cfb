/* wasm_boundary.h: what the JS layer calls and reads, pinned. Generated from src/wasm_boundary.yaml by src/generate.js (npm run generate): do not edit. */
#ifndef COMPLETION_WASM_BOUNDARY_H
#define COMPLETION_WASM_BOUNDARY_H

#include <stddef.h>
#include <stdint.h>

#include "completion.h"
#include "sse.h"

/* The exported functions (src/exports.txt): a definition that strays from its prototype here does not compile. */
uint8_t *cw_wasm_input(size_t length);
const cw_result *cw_wasm_check(size_t length, size_t max_bytes, uint32_t max_depth, uint32_t max_issues, uint32_t flags);
const char *cw_key_name(uint32_t key);
cw_sse *cw_sse_wasm_new(size_t max_event_bytes, size_t max_bytes, uint32_t max_depth, uint32_t max_issues, uint32_t flags);
void cw_sse_wasm_free(cw_sse *parser);
uint8_t *cw_sse_wasm_buffer(cw_sse *parser, size_t length);
int cw_sse_wasm_feed(cw_sse *parser, size_t length);
const cw_sse_event *cw_sse_wasm_next(cw_sse *parser);
const cw_sse_state *cw_sse_wasm_end(cw_sse *parser);
const cw_result *cw_sse_wasm_recheck(cw_sse *parser, uint32_t flags);

/* Where js/wasm-layout.js reads each field, in wasm32: a field moved, retyped or renamed in C fails here, by name. */
#ifdef __wasm32__
_Static_assert(sizeof(cw_result) == 36, "cw_result is not 36 bytes, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, valid) == 0, "cw_result.valid moved: src/wasm_boundary.yaml puts it at byte 0");
_Static_assert(_Generic(((cw_result *)0)->valid, uint32_t: 1, default: 0), "cw_result.valid is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, issue_count) == 4, "cw_result.issue_count moved: src/wasm_boundary.yaml puts it at byte 4");
_Static_assert(_Generic(((cw_result *)0)->issue_count, uint32_t: 1, default: 0), "cw_result.issue_count is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, issues) == 8, "cw_result.issues moved: src/wasm_boundary.yaml puts it at byte 8");
_Static_assert(_Generic(((cw_result *)0)->issues, const cw_issue *: 1, default: 0), "cw_result.issues is not const cw_issue *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, tape) == 12, "cw_result.tape moved: src/wasm_boundary.yaml puts it at byte 12");
_Static_assert(_Generic(((cw_result *)0)->tape, const uint32_t *: 1, default: 0), "cw_result.tape is not const uint32_t *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, tape_length) == 16, "cw_result.tape_length moved: src/wasm_boundary.yaml puts it at byte 16");
_Static_assert(_Generic(((cw_result *)0)->tape_length, uint32_t: 1, default: 0), "cw_result.tape_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, numbers) == 20, "cw_result.numbers moved: src/wasm_boundary.yaml puts it at byte 20");
_Static_assert(_Generic(((cw_result *)0)->numbers, const double *: 1, default: 0), "cw_result.numbers is not const double *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, number_count) == 24, "cw_result.number_count moved: src/wasm_boundary.yaml puts it at byte 24");
_Static_assert(_Generic(((cw_result *)0)->number_count, uint32_t: 1, default: 0), "cw_result.number_count is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, strings) == 28, "cw_result.strings moved: src/wasm_boundary.yaml puts it at byte 28");
_Static_assert(_Generic(((cw_result *)0)->strings, const char *: 1, default: 0), "cw_result.strings is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_result, issues_dropped) == 32, "cw_result.issues_dropped moved: src/wasm_boundary.yaml puts it at byte 32");
_Static_assert(_Generic(((cw_result *)0)->issues_dropped, uint32_t: 1, default: 0), "cw_result.issues_dropped is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(sizeof(cw_issue) == 44, "cw_issue is not 44 bytes, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, code) == 0, "cw_issue.code moved: src/wasm_boundary.yaml puts it at byte 0");
_Static_assert(_Generic(((cw_issue *)0)->code, uint32_t: 1, default: 0), "cw_issue.code is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, offset) == 4, "cw_issue.offset moved: src/wasm_boundary.yaml puts it at byte 4");
_Static_assert(_Generic(((cw_issue *)0)->offset, uint32_t: 1, default: 0), "cw_issue.offset is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, line) == 8, "cw_issue.line moved: src/wasm_boundary.yaml puts it at byte 8");
_Static_assert(_Generic(((cw_issue *)0)->line, uint32_t: 1, default: 0), "cw_issue.line is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, column) == 12, "cw_issue.column moved: src/wasm_boundary.yaml puts it at byte 12");
_Static_assert(_Generic(((cw_issue *)0)->column, uint32_t: 1, default: 0), "cw_issue.column is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, expected) == 16, "cw_issue.expected moved: src/wasm_boundary.yaml puts it at byte 16");
_Static_assert(_Generic(((cw_issue *)0)->expected, const char *: 1, default: 0), "cw_issue.expected is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, received) == 20, "cw_issue.received moved: src/wasm_boundary.yaml puts it at byte 20");
_Static_assert(_Generic(((cw_issue *)0)->received, const char *: 1, default: 0), "cw_issue.received is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, received_text) == 24, "cw_issue.received_text moved: src/wasm_boundary.yaml puts it at byte 24");
_Static_assert(_Generic(((cw_issue *)0)->received_text, const char *: 1, default: 0), "cw_issue.received_text is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, received_length) == 28, "cw_issue.received_length moved: src/wasm_boundary.yaml puts it at byte 28");
_Static_assert(_Generic(((cw_issue *)0)->received_length, uint32_t: 1, default: 0), "cw_issue.received_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, detail) == 32, "cw_issue.detail moved: src/wasm_boundary.yaml puts it at byte 32");
_Static_assert(_Generic(((cw_issue *)0)->detail, const char *: 1, default: 0), "cw_issue.detail is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, path_length) == 36, "cw_issue.path_length moved: src/wasm_boundary.yaml puts it at byte 36");
_Static_assert(_Generic(((cw_issue *)0)->path_length, uint32_t: 1, default: 0), "cw_issue.path_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_issue, path) == 40, "cw_issue.path moved: src/wasm_boundary.yaml puts it at byte 40");
_Static_assert(_Generic(((cw_issue *)0)->path, const cw_segment *: 1, default: 0), "cw_issue.path is not const cw_segment *, as src/wasm_boundary.yaml says");
_Static_assert(sizeof(cw_segment) == 16, "cw_segment is not 16 bytes, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_segment, kind) == 0, "cw_segment.kind moved: src/wasm_boundary.yaml puts it at byte 0");
_Static_assert(_Generic(((cw_segment *)0)->kind, uint32_t: 1, default: 0), "cw_segment.kind is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_segment, index) == 4, "cw_segment.index moved: src/wasm_boundary.yaml puts it at byte 4");
_Static_assert(_Generic(((cw_segment *)0)->index, uint32_t: 1, default: 0), "cw_segment.index is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_segment, key) == 8, "cw_segment.key moved: src/wasm_boundary.yaml puts it at byte 8");
_Static_assert(_Generic(((cw_segment *)0)->key, const char *: 1, default: 0), "cw_segment.key is not const char *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_segment, key_length) == 12, "cw_segment.key_length moved: src/wasm_boundary.yaml puts it at byte 12");
_Static_assert(_Generic(((cw_segment *)0)->key_length, uint32_t: 1, default: 0), "cw_segment.key_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(sizeof(cw_sse_event) == 64, "cw_sse_event is not 64 bytes, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, offset) == 0, "cw_sse_event.offset moved: src/wasm_boundary.yaml puts it at byte 0");
_Static_assert(_Generic(((cw_sse_event *)0)->offset, uint64_t: 1, default: 0), "cw_sse_event.offset is not uint64_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, data_offset) == 8, "cw_sse_event.data_offset moved: src/wasm_boundary.yaml puts it at byte 8");
_Static_assert(_Generic(((cw_sse_event *)0)->data_offset, uint64_t: 1, default: 0), "cw_sse_event.data_offset is not uint64_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, kind) == 16, "cw_sse_event.kind moved: src/wasm_boundary.yaml puts it at byte 16");
_Static_assert(_Generic(((cw_sse_event *)0)->kind, uint32_t: 1, default: 0), "cw_sse_event.kind is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, index) == 20, "cw_sse_event.index moved: src/wasm_boundary.yaml puts it at byte 20");
_Static_assert(_Generic(((cw_sse_event *)0)->index, uint32_t: 1, default: 0), "cw_sse_event.index is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, line) == 24, "cw_sse_event.line moved: src/wasm_boundary.yaml puts it at byte 24");
_Static_assert(_Generic(((cw_sse_event *)0)->line, uint32_t: 1, default: 0), "cw_sse_event.line is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, data_line) == 28, "cw_sse_event.data_line moved: src/wasm_boundary.yaml puts it at byte 28");
_Static_assert(_Generic(((cw_sse_event *)0)->data_line, uint32_t: 1, default: 0), "cw_sse_event.data_line is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, data_column) == 32, "cw_sse_event.data_column moved: src/wasm_boundary.yaml puts it at byte 32");
_Static_assert(_Generic(((cw_sse_event *)0)->data_column, uint32_t: 1, default: 0), "cw_sse_event.data_column is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, data_length) == 36, "cw_sse_event.data_length moved: src/wasm_boundary.yaml puts it at byte 36");
_Static_assert(_Generic(((cw_sse_event *)0)->data_length, uint32_t: 1, default: 0), "cw_sse_event.data_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, data) == 40, "cw_sse_event.data moved: src/wasm_boundary.yaml puts it at byte 40");
_Static_assert(_Generic(((cw_sse_event *)0)->data, const uint8_t *: 1, default: 0), "cw_sse_event.data is not const uint8_t *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, type) == 44, "cw_sse_event.type moved: src/wasm_boundary.yaml puts it at byte 44");
_Static_assert(_Generic(((cw_sse_event *)0)->type, const uint8_t *: 1, default: 0), "cw_sse_event.type is not const uint8_t *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, type_length) == 48, "cw_sse_event.type_length moved: src/wasm_boundary.yaml puts it at byte 48");
_Static_assert(_Generic(((cw_sse_event *)0)->type_length, uint32_t: 1, default: 0), "cw_sse_event.type_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, id) == 52, "cw_sse_event.id moved: src/wasm_boundary.yaml puts it at byte 52");
_Static_assert(_Generic(((cw_sse_event *)0)->id, const uint8_t *: 1, default: 0), "cw_sse_event.id is not const uint8_t *, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, id_length) == 56, "cw_sse_event.id_length moved: src/wasm_boundary.yaml puts it at byte 56");
_Static_assert(_Generic(((cw_sse_event *)0)->id_length, uint32_t: 1, default: 0), "cw_sse_event.id_length is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_event, result) == 60, "cw_sse_event.result moved: src/wasm_boundary.yaml puts it at byte 60");
_Static_assert(_Generic(((cw_sse_event *)0)->result, const cw_result *: 1, default: 0), "cw_sse_event.result is not const cw_result *, as src/wasm_boundary.yaml says");
_Static_assert(sizeof(cw_sse_state) == 40, "cw_sse_state is not 40 bytes, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, bytes) == 0, "cw_sse_state.bytes moved: src/wasm_boundary.yaml puts it at byte 0");
_Static_assert(_Generic(((cw_sse_state *)0)->bytes, uint64_t: 1, default: 0), "cw_sse_state.bytes is not uint64_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, retry) == 8, "cw_sse_state.retry moved: src/wasm_boundary.yaml puts it at byte 8");
_Static_assert(_Generic(((cw_sse_state *)0)->retry, int64_t: 1, default: 0), "cw_sse_state.retry is not int64_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, line) == 16, "cw_sse_state.line moved: src/wasm_boundary.yaml puts it at byte 16");
_Static_assert(_Generic(((cw_sse_state *)0)->line, uint32_t: 1, default: 0), "cw_sse_state.line is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, column) == 20, "cw_sse_state.column moved: src/wasm_boundary.yaml puts it at byte 20");
_Static_assert(_Generic(((cw_sse_state *)0)->column, uint32_t: 1, default: 0), "cw_sse_state.column is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, events) == 24, "cw_sse_state.events moved: src/wasm_boundary.yaml puts it at byte 24");
_Static_assert(_Generic(((cw_sse_state *)0)->events, uint32_t: 1, default: 0), "cw_sse_state.events is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, done) == 28, "cw_sse_state.done moved: src/wasm_boundary.yaml puts it at byte 28");
_Static_assert(_Generic(((cw_sse_state *)0)->done, uint32_t: 1, default: 0), "cw_sse_state.done is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, pending) == 32, "cw_sse_state.pending moved: src/wasm_boundary.yaml puts it at byte 32");
_Static_assert(_Generic(((cw_sse_state *)0)->pending, uint32_t: 1, default: 0), "cw_sse_state.pending is not uint32_t, as src/wasm_boundary.yaml says");
_Static_assert(offsetof(cw_sse_state, pending_done) == 36, "cw_sse_state.pending_done moved: src/wasm_boundary.yaml puts it at byte 36");
_Static_assert(_Generic(((cw_sse_state *)0)->pending_done, uint32_t: 1, default: 0), "cw_sse_state.pending_done is not uint32_t, as src/wasm_boundary.yaml says");
#endif

/* The values JS compares tape words, path segments and stream verdicts with. */
_Static_assert(CW_TAPE_OBJECT_BEGIN == 1, "CW_TAPE_OBJECT_BEGIN is not 1, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_OBJECT_END == 2, "CW_TAPE_OBJECT_END is not 2, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_ARRAY_BEGIN == 3, "CW_TAPE_ARRAY_BEGIN is not 3, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_ARRAY_END == 4, "CW_TAPE_ARRAY_END is not 4, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_KEY_KNOWN == 5, "CW_TAPE_KEY_KNOWN is not 5, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_KEY == 6, "CW_TAPE_KEY is not 6, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_STRING == 7, "CW_TAPE_STRING is not 7, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_NUMBER == 8, "CW_TAPE_NUMBER is not 8, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_TRUE == 9, "CW_TAPE_TRUE is not 9, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_FALSE == 10, "CW_TAPE_FALSE is not 10, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_NULL == 11, "CW_TAPE_NULL is not 11, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_NUMBER_TEXT == 12, "CW_TAPE_NUMBER_TEXT is not 12, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_ASCII == 0x100u, "CW_TAPE_ASCII is not 256, as src/wasm_boundary.yaml says");
_Static_assert(CW_TAPE_IN_STRINGS == 0x200u, "CW_TAPE_IN_STRINGS is not 512, as src/wasm_boundary.yaml says");
_Static_assert(CW_SEG_INDEX == 0, "CW_SEG_INDEX is not 0, as src/wasm_boundary.yaml says");
_Static_assert(CW_SEG_KEY == 1, "CW_SEG_KEY is not 1, as src/wasm_boundary.yaml says");
_Static_assert(CW_SSE_NONE == 0, "CW_SSE_NONE is not 0, as src/wasm_boundary.yaml says");
_Static_assert(CW_SSE_DATA == 1, "CW_SSE_DATA is not 1, as src/wasm_boundary.yaml says");
_Static_assert(CW_SSE_DONE == 2, "CW_SSE_DONE is not 2, as src/wasm_boundary.yaml says");
_Static_assert(CW_SSE_TOO_LARGE == 3, "CW_SSE_TOO_LARGE is not 3, as src/wasm_boundary.yaml says");
_Static_assert(CW_SSE_OUT_OF_MEMORY == 4, "CW_SSE_OUT_OF_MEMORY is not 4, as src/wasm_boundary.yaml says");

#endif /* COMPLETION_WASM_BOUNDARY_H */
