// boundary.js: everything that crosses the wasm boundary, in one place: the
// names and numbers generated from src/schema.yaml (codes, flags, profiles,
// documents, defaults: js/schema.js), and the wasm32 layouts of the structs
// the JS side reads (src/wasm_exports.c and src/sse_exports.c pin their sizes
// with static asserts). core.js, decode.js and the streaming engine (stream/) read them from here;
// the bundler inlines what each bundle uses.
export { ASSEMBLY, CODE_NAMES, DEFAULTS, DOCUMENT, FLAGS, PROFILE_SHIFT, PROFILES, SCHEMA_SHIFT } from "./schema.js";

/** size_t is 32 bits in wasm32: the largest size an option may name. */
export const LARGEST_WASM_SIZE = 0xfffffffe;

// ---- whole documents: cw_result and cw_issue (src/completion.h), in 32-bit words ----

export const RESULT = { valid: 0, issueCount: 1, issues: 2, tape: 3, tapeLength: 4, numbers: 5, strings: 7, dropped: 8 };
export const ISSUE = { code: 0, offset: 1, line: 2, column: 3, expected: 4, received: 5, text: 6, textLength: 7, detail: 8, pathLength: 9, path: 10, words: 11 };
/** Words per path segment of an issue. */
export const SEGMENT_WORDS = 4;

// ---- streams: cw_sse_kind, cw_sse_event and cw_sse_state (src/sse.h), in 32-bit words ----

export const KIND = { NONE: 0, DATA: 1, DONE: 2, TOO_LARGE: 3, OUT_OF_MEMORY: 4 };
export const EVENT = { offset: 0, dataOffset: 2, kind: 4, index: 5, line: 6, dataLine: 7, dataColumn: 8, dataLength: 9, data: 10, result: 15 };
export const STATE = { bytes: 0, line: 4, column: 5, events: 6, done: 7, pending: 8, pendingDone: 9 };

/**
 * What core.js hands the lazily loaded streaming engine (stream/bind.js) and the
 * subpaths (as the entry's `internals`): the instance of one package entry,
 * the decoders and the error classes, so that they carry no second copy of
 * them and all APIs share one instance.
 * @typedef {object} Engine
 * @property {<T>(callback: (instance: object) => T, ifLive?: boolean) => T} use
 *   Runs callback on the live instance (made first if needed; with ifLive,
 *   skipped when there is none); drops the instance when the callback traps.
 * @property {(input: any, settings: object, buildValue: boolean) => {valid: boolean, value?: any, issues: object[]}} check
 *   Checks one whole document with settings as readStreamOptions returns them.
 * @property {(options: object | undefined, writeTape: boolean) => object} readOptions
 *   The options of a whole-document call, checked (misuse throws), as settings.
 * @property {(options: object | undefined) => object} readStreamOptions
 *   The stream functions' options, checked (misuse throws), as settings.
 * @property {typeof import("./decode.js").readTape} readTape
 * @property {typeof import("./decode.js").readIssues} readIssues
 * @property {(module: typeof import("./stream/bind.js")) => ReturnType<typeof import("./stream/bind.js").bindStream>} streamsOf
 *   The streaming engine bound to this instance, once: from stream/bind.js as whoever needed it first loaded it.
 * @property {typeof import("./core.js").CompletionValidationError} CompletionValidationError
 * @property {typeof import("./core.js").CompletionApiError} CompletionApiError
 * @property {typeof import("./core.js").CompletionWasmError} CompletionWasmError
 */
