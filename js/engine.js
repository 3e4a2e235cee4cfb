// engine.js: the interface between core.js and what it loads or binds apart
// (stream.js, and the subpaths completion-wasm/stream and /standard-schema,
// which get it as the entry's `internals`). A type only: nothing here runs.
export {};

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
