// wasm-layout.js: where the JS layer finds what the C core leaves in wasm memory. Generated from src/wasm_boundary.yaml by src/generate.js (npm run generate): do not edit.

/** The largest byte count an option may name: size_t is 32 bits in wasm32. */
export const LARGEST_WASM_SIZE = 0xfffffffe;

// ---- the tape (src/completion.h): the op in the low 8 bits of each word, an operand above them ----

export const TAPE_OP_MASK = 0xff;
export const TAPE_OPERAND_SHIFT = 8;

// cw_tape_op (src/completion.h)
/** an object: its members follow, each a key word and a value, up to OBJECT_END */
export const TAPE_OBJECT_BEGIN = 1;
/** the end of the innermost open object */
export const TAPE_OBJECT_END = 2;
/** an array: its items follow, up to ARRAY_END */
export const TAPE_ARRAY_BEGIN = 3;
/** the end of the innermost open array */
export const TAPE_ARRAY_END = 4;
/** a schema field's name: the operand is its cw_key id (the reader picks the name style) */
export const TAPE_KEY_KNOWN = 5;
/** any other member name, verbatim: two words follow, offset and length */
export const TAPE_KEY = 6;
/** a string: two words follow, offset and length */
export const TAPE_STRING = 7;
/** a number: the next value of cw_result.numbers */
export const TAPE_NUMBER = 8;
/** the value true */
export const TAPE_TRUE = 9;
/** the value false */
export const TAPE_FALSE = 10;
/** the value null */
export const TAPE_NULL = 11;
/** a number a double holds only after rounding: two words follow, offset and length of its source text in the input */
export const TAPE_NUMBER_TEXT = 12;

// operand bits of KEY and STRING words (src/completion.h)
/** every byte of the string is below 0x80 */
export const TAPE_ASCII = 0x100;
/** the offset is into cw_result.strings (the string had escapes), not into the input */
export const TAPE_IN_STRINGS = 0x200;

// cw_segment_kind (src/completion.h)
/** an array index (cw_segment.index) */
export const SEG_INDEX = 0;
/** a member name (cw_segment.key, key_length bytes of UTF-8) */
export const SEG_KEY = 1;

// cw_sse_kind (src/sse.h)
/** no event: the chunk is used up */
export const SSE_NONE = 0;
/** an event whose data was checked (cw_sse_event.result) */
export const SSE_DATA = 1;
/** an event whose data is exactly [DONE] */
export const SSE_DONE = 2;
/** an event larger than max_event_bytes */
export const SSE_TOO_LARGE = 3;
/** the parser is unusable from now on */
export const SSE_OUT_OF_MEMORY = 4;

// ---- structs: their size in 32-bit words, and the word index of each field JS reads (its byte offset / 4) ----

export const RESULT_WORDS = 9;
export const ISSUE_WORDS = 11;
export const SEGMENT_WORDS = 4;
export const EVENT_WORDS = 16;
export const STATE_WORDS = 10;

/** cw_result (src/completion.h). */
export const RESULT = { valid: 0, issueCount: 1, issues: 2, tape: 3, numbers: 5, strings: 7, issuesDropped: 8 };

/** cw_issue (src/completion.h). */
export const ISSUE = { code: 0, offset: 1, line: 2, column: 3, expected: 4, received: 5, receivedText: 6, receivedLength: 7, detail: 8, pathLength: 9, path: 10 };

/** cw_segment (src/completion.h). */
export const SEGMENT = { kind: 0, index: 1, key: 2, keyLength: 3 };

/** cw_sse_event (src/sse.h). */
export const EVENT = { offset: 0, dataOffset: 2, kind: 4, index: 5, line: 6, dataLine: 7, dataColumn: 8, dataLength: 9, data: 10, result: 15 };

/** cw_sse_state (src/sse.h). */
export const STATE = { bytes: 0, line: 4, column: 5, events: 6, done: 7, pending: 8, pendingDone: 9 };
