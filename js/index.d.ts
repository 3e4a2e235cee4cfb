// completion-wasm: strict validation of OpenAI-style /completions responses,
// a C core (cJSON) compiled to WebAssembly. Every function initialises the
// module lazily on first use; init()/initSync() exist for callers that want
// to supply the compiled module themselves or control when compiling happens.

/** Stable issue codes. Never renamed; new codes may be added. */
export type IssueCode =
  | "invalid_json"
  | "invalid_utf8"
  | "invalid_type"
  | "missing_field"
  | "invalid_literal"
  | "invalid_enum"
  | "not_integer"
  | "unsafe_integer"
  | "duplicate_key"
  | "unknown_field"
  | "too_large"
  | "too_deep"
  /** Last entry when more than `maxIssues` problems were found. */
  | "too_many_issues";

/** Every IssueCode, for exhaustive handling. */
export declare const ISSUE_CODES: readonly IssueCode[];

export interface CompletionIssue {
  code: IssueCode;
  /** Path to the value, zod style: keys and numeric indices. `[]` is the whole document. */
  path: (string | number)[];
  /** The same path as text: `choices[2].finish_reason`; `""` for the whole document. */
  pathString: string;
  /** What the schema wanted there, e.g. `integer`, `"stop" | "length" | "content_filter"`. */
  expected: string;
  /** What was found, e.g. `string`, `1.5`, `"stopp"`, `end of input`. */
  received: string;
  /** One line a person can read. */
  message: string;
  /** Byte offset of the offending value (or byte) in the UTF-8 input. */
  offset: number;
  /** 1-based line of `offset`. */
  line: number;
  /** 1-based column of `offset`, counted in UTF-16 code units (like a JS string index). */
  column: number;
}

export declare class CompletionValidationError extends Error {
  readonly name: "CompletionValidationError";
  readonly issues: CompletionIssue[];
}

export type FinishReason = "stop" | "length" | "content_filter";

// ---- Wire key style (the JSON's own names; the default) ----

export interface PromptTokensDetails {
  cached_tokens?: number;
  audio_tokens?: number;
}
export interface CompletionTokensDetails {
  reasoning_tokens?: number;
  audio_tokens?: number;
  accepted_prediction_tokens?: number;
  rejected_prediction_tokens?: number;
}
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: PromptTokensDetails;
  completion_tokens_details?: CompletionTokensDetails;
}
export interface CompletionChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs?: { [key: string]: unknown } | null;
  finish_reason: Reason;
}
export interface CompletionResponse<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionChoice<Reason>[];
  usage?: Usage;
}

// ---- Camel key style (the shape of the official TypeScript SDK) ----

export interface PromptTokensDetailsCamel {
  cachedTokens?: number;
  audioTokens?: number;
}
export interface CompletionTokensDetailsCamel {
  reasoningTokens?: number;
  audioTokens?: number;
  acceptedPredictionTokens?: number;
  rejectedPredictionTokens?: number;
}
export interface UsageCamel {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  promptTokensDetails?: PromptTokensDetailsCamel;
  completionTokensDetails?: CompletionTokensDetailsCamel;
}
export interface CompletionChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
  /** Passed through as sent: its inner keys are not renamed. */
  logprobs?: { [key: string]: unknown } | null;
  finishReason: Reason;
}
export interface CompletionResponseCamel<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionChoiceCamel<Reason>[];
  usage?: UsageCamel;
}

// ---- Options ----

export interface ValidateOptions {
  /** `"strip"` (default) drops unknown fields, `"keep"` passes them through, `"reject"` reports `unknown_field`. */
  unknownKeys?: "strip" | "keep" | "reject";
  /** Accept any string as `finish_reason`, as the official SDK does. Default false. */
  openEnums?: boolean;
  /** Inputs longer than this many UTF-8 bytes give `too_large`. Default 64 MiB. */
  maxBytes?: number;
  /** Deeper nesting of arrays and objects gives `too_deep`. Default 64; 1 to 1000, else RangeError. */
  maxDepth?: number;
  /** At most this many issues are reported (then `too_many_issues`). Default 100. */
  maxIssues?: number;
}

export interface ParseOptions extends ValidateOptions {
  /** `"wire"` (default) keeps the JSON's names; `"camel"` gives the official SDK's shape. */
  keys?: "wire" | "camel";
}

type Open<O> = O extends { openEnums: true } ? string : FinishReason;
export type ParsedResponse<O extends ParseOptions | undefined> =
  O extends { keys: "camel" } ? CompletionResponseCamel<Open<O>> : CompletionResponse<Open<O>>;

export type CompletionInput = string | Uint8Array | ArrayBuffer | DataView;

export type SafeParseResult<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; error: CompletionValidationError; data?: undefined };

/** Returns the typed object, or throws CompletionValidationError. */
export declare function parseCompletionResponse<O extends ParseOptions | undefined = undefined>(
  input: CompletionInput,
  options?: O,
): ParsedResponse<O>;

/** Never throws for invalid input; `{ success, data | error }` as zod and valibot do. */
export declare function safeParseCompletionResponse<O extends ParseOptions | undefined = undefined>(
  input: CompletionInput,
  options?: O,
): SafeParseResult<ParsedResponse<O>>;

/** Issues only, no objects built: `[]` means valid. The fast path for proxies that forward the bytes. */
export declare function validateCompletionResponse(
  input: CompletionInput,
  options?: ValidateOptions,
): CompletionIssue[];

/** What init()/initSync() accept: a compiled module, the .wasm bytes, or (async only) a Response or URL. */
export type WasmSource = WebAssembly.Module | BufferSource;
export type AsyncWasmSource =
  | WasmSource
  | Response
  | URL
  | string
  | PromiseLike<WebAssembly.Module | BufferSource | Response | URL | string>;

/** Compiles and instantiates the module once; later and concurrent calls share the same promise. */
export declare function init(source?: AsyncWasmSource): Promise<void>;
/** Synchronous variant; a no-op once initialised. */
export declare function initSync(source?: WasmSource): void;

// ---- Streams (text/event-stream): parseCompletionStream, collectCompletion, parseResponse ----

/** Issue codes of a stream itself, beside the core's IssueCode. */
export type StreamIssueCode =
  /** The body ended without the `data: [DONE]` event (or with it unfinished: no blank line after it). */
  | "truncated_stream"
  /** An event grew past `maxEventBytes`; the rest of it was skipped. */
  | "event_too_large";

/**
 * An issue of a stream. For the core's codes, offset/line/column are in the
 * event's data (as for a whole document) and the error's `event` says where
 * the event is; for StreamIssueCode, and for fields an assembled response
 * lacks, they are in the stream.
 */
export interface StreamIssue extends Omit<CompletionIssue, "code"> {
  code: IssueCode | StreamIssueCode;
}

/** Where an event sits in the stream. Offsets are UTF-8 byte offsets from the stream's first byte (a BOM included). */
export interface StreamEventInfo {
  /** 0-based ordinal among the stream's events (invalid ones and [DONE] count). */
  index: number;
  /** The first byte of the event's first field line. */
  offset: number;
  /** 1-based line of `offset` (LF, CR and CRLF each end a line). */
  line: number;
  /** The first byte of the first `data` line's value (after `data:` and its space). */
  dataOffset: number;
  dataLine: number;
  /** 1-based column of `dataOffset` on `dataLine`. */
  dataColumn: number;
}

/**
 * What a stream function throws for an invalid event (with `event`), a
 * truncated stream, or an assembled response that lacks a field. At run time
 * it is a CompletionValidationError.
 */
export type CompletionStreamValidationError = Omit<CompletionValidationError, "issues"> & {
  readonly issues: StreamIssue[];
  /** The event that failed; absent for stream-level issues. */
  readonly event?: StreamEventInfo;
};

/** `finish_reason` of a stream choice: absent or null until the choice ends. */
export interface CompletionStreamChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs?: { [key: string]: unknown } | null;
  finish_reason?: Reason | null;
}
/** The data of one event of a `/completions` stream (`stream: true`). */
export interface CompletionStreamEvent<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionStreamChoice<Reason>[];
  system_fingerprint?: string;
  obfuscation?: string;
  /** Sent by some servers in a last event; with `stream_options.include_usage`, `null` in the events before it. */
  usage?: Usage | null;
}
export interface CompletionStreamChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
  /** Passed through as sent: its inner keys are not renamed. */
  logprobs?: { [key: string]: unknown } | null;
  finishReason?: Reason | null;
}
export interface CompletionStreamEventCamel<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionStreamChoiceCamel<Reason>[];
  systemFingerprint?: string;
  obfuscation?: string;
  usage?: UsageCamel | null;
}

/** The error body of a non-2xx answer (the same in both key styles). */
export interface R9SError {
  error: {
    message: string;
    type: string;
    code?: string | null;
    param?: string;
  };
  status?: number;
}

/**
 * A non-2xx response (`status`), or an error envelope a server sent as an
 * event (`event` set). `body` is the typed R9SError when the body is one
 * (read with unknown fields dropped, or kept with unknownKeys "keep");
 * otherwise undefined, and `issues` say why.
 */
export declare class CompletionApiError extends Error {
  readonly name: "CompletionApiError";
  /** The HTTP status; undefined when the stream did not come from a Response. */
  readonly status: number | undefined;
  readonly body: R9SError | undefined;
  readonly issues: CompletionIssue[];
  readonly event?: StreamEventInfo;
}

export interface StreamOptions extends ParseOptions {
  /** `"throw"` (default): an invalid event throws. `"skip"`: it goes to onInvalidEvent and reading goes on. */
  onInvalid?: "throw" | "skip";
  /** Largest event (its data, event type and id) accepted; larger gives `event_too_large`. Default 8 MiB. */
  maxEventBytes?: number;
}

/**
 * The callbacks of StreamOptions, apart so that TypeScript can still infer
 * the key style from the options when a callback is written inline.
 */
export interface StreamCallbacks {
  /** With `onInvalid: "skip"`: each invalid event, error event or truncation, as the error it would have thrown. */
  onInvalidEvent?: (error: CompletionStreamValidationError | CompletionApiError) => void;
  /** Each valid event as it is read, with where it is in the stream. */
  onEvent?: (event: CompletionStreamEvent<string> | CompletionStreamEventCamel<string>, info: StreamEventInfo) => void;
}

export type ParsedStreamEvent<O extends ParseOptions | undefined> =
  O extends { keys: "camel" } ? CompletionStreamEventCamel<Open<O>> : CompletionStreamEvent<Open<O>>;

/** A `text/event-stream` body: a fetch Response, its body, or chunks (bytes or text) from anywhere. */
export type CompletionStreamSource =
  | Response
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | ArrayBuffer | string>;

/**
 * Yields each event of the stream, validated as a CompletionStreamEvent, and
 * finishes at `data: [DONE]` (cancelling the rest of the body). Throws for an
 * invalid event (unless `onInvalid: "skip"`), for a body that ends without
 * [DONE] (`truncated_stream`), and, for a Response with a non-2xx status,
 * CompletionApiError. Stopping the iteration cancels the source's reader.
 * Bad options or a source of another type throw at once.
 */
export declare function parseCompletionStream<O extends StreamOptions = {}>(
  source: CompletionStreamSource,
  options?: O & StreamCallbacks,
): AsyncGenerator<ParsedStreamEvent<O>, void, undefined>;

/**
 * Reads the whole stream into one CompletionResponse: each choice's texts
 * joined in order, its last non-null finish_reason, logprobs arrays joined,
 * the last usage sent, the first event's id/created/model. Throws as
 * parseCompletionStream does, and with `missing_field` when a choice never
 * got a finish_reason.
 */
export declare function collectCompletion<O extends StreamOptions = {}>(
  source: CompletionStreamSource,
  options?: O & StreamCallbacks,
): Promise<ParsedResponse<O>>;

/**
 * A fetch Response from `/completions`, streamed or not: `text/event-stream`
 * is collected as collectCompletion does, anything else is read as JSON.
 * Non-2xx statuses throw CompletionApiError with the status and the typed R9SError.
 */
export declare function parseResponse<O extends StreamOptions = {}>(
  response: Response,
  options?: O & StreamCallbacks,
): Promise<ParsedResponse<O>>;
