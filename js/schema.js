// schema.js: the names and numbers the C core and the JS layer share. Generated from src/schema.yaml by src/generate.js (npm run generate): do not edit.

/** Issue codes by name, for the code that reports or reads them. */
export const CODE = Object.freeze({ INVALID_JSON: "invalid_json", INVALID_UTF8: "invalid_utf8", INVALID_TYPE: "invalid_type", MISSING_FIELD: "missing_field", INVALID_LITERAL: "invalid_literal", INVALID_ENUM: "invalid_enum", NOT_INTEGER: "not_integer", UNSAFE_INTEGER: "unsafe_integer", DUPLICATE_KEY: "duplicate_key", UNKNOWN_FIELD: "unknown_field", TOO_LARGE: "too_large", TOO_DEEP: "too_deep", TOO_MANY_ISSUES: "too_many_issues", TRUNCATED_STREAM: "truncated_stream", EVENT_TOO_LARGE: "event_too_large" });
/** Issue codes by number (cw_code); 0 is no code. */
export const CODE_NAMES = [undefined, CODE.INVALID_JSON, CODE.INVALID_UTF8, CODE.INVALID_TYPE, CODE.MISSING_FIELD, CODE.INVALID_LITERAL, CODE.INVALID_ENUM, CODE.NOT_INTEGER, CODE.UNSAFE_INTEGER, CODE.DUPLICATE_KEY, CODE.UNKNOWN_FIELD, CODE.TOO_LARGE, CODE.TOO_DEEP, CODE.TOO_MANY_ISSUES, CODE.TRUNCATED_STREAM, CODE.EVENT_TOO_LARGE];
/** The codes the stream layer reports about the stream itself (their positions are in the stream). */
export const STREAM_CODES = [CODE.TRUNCATED_STREAM, CODE.EVENT_TOO_LARGE];
/** What the CLI's report calls what is no issue (src/schema.yaml, cliCodes). */
export const CLI_CODE = Object.freeze({ ERROR_EVENT: "error_event" });
/** The codes of CompletionWasmError. */
export const WASM_ERROR = Object.freeze({ OUT_OF_MEMORY: "out_of_memory", TRAP: "trap", INSTANCE_REPLACED: "instance_replaced", REFUSED: "refused", FETCH_FAILED: "fetch_failed" });

/** The values of the options that take one of a few strings; the first is the default. */
export const KEYS = Object.freeze({ WIRE: "wire", CAMEL: "camel" });
export const UNKNOWN_KEYS = Object.freeze({ STRIP: "strip", KEEP: "keep", REJECT: "reject" });
export const ON_INVALID = Object.freeze({ THROW: "throw", SKIP: "skip" });

/** Bits of cw_options.flags. */
export const FLAGS = { UNKNOWN_KEEP: 1, UNKNOWN_REJECT: 2, OPEN_ENUMS: 4, WRITE_TAPE: 8 };
export const SCHEMA_SHIFT = 4;
export const PROFILE_SHIFT = 7;
/** The documents of a profile, by their number in the flags. */
export const DOCUMENT = { response: 0, streamEvent: 1, error: 2, anyError: 3, chatResponse: 4, chatChunk: 5 };
/** The endpoints (src/schema.yaml, endpoints): the path a request URL ends with, the numbers of its documents, the objects they carry; the first is the default. */
export const ENDPOINTS = Object.freeze({ "completions": { path: "/completions", response: 0, streamEvent: 1, objects: ["text_completion","completion"] }, "chat": { path: "/chat/completions", response: 4, streamEvent: 5, objects: ["chat.completion","chat.completion.chunk"] } });
/** The bits of the document number in the flags, in place. */
export const SCHEMA_MASK = 112;

/** The profiles, by their number in the flags; the first is the default. */
export const PROFILES = Object.freeze(["r9s","openai","openai-compatible"]);

export const DEFAULTS = Object.freeze({ maxBytes: 67108864, maxDepth: 64, maxIssues: 100, maxDepthLimit: 1000, maxEventBytes: 8388608 });

/** What assembling a stream into a response needs of each profile: the fields taken from the events beside choices and usage (in each key style), and what a choice without finish_reason lacks (null: nothing, the response allows null). */
export const ASSEMBLY = {
  "r9s": { head: {"wire":["id","object","created","model"],"camel":["id","object","created","model"]}, finishExpected: ["\"stop\" | \"length\" | \"content_filter\"","string"] },
  "openai": { head: {"wire":["id","object","created","model","system_fingerprint"],"camel":["id","object","created","model","systemFingerprint"]}, finishExpected: ["\"stop\" | \"length\" | \"content_filter\"","string"] },
  "openai-compatible": { head: {"wire":["id","object","created","model","system_fingerprint"],"camel":["id","object","created","model","systemFingerprint"]}, finishExpected: null },
};
