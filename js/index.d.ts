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
