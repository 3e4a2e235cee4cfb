// completion-wasm: strict validation of OpenAI-style /completions responses,
// a C core (cJSON) compiled to WebAssembly. Every function initialises the
// module lazily on first use; init()/initSync() exist for callers that want
// to supply the compiled module themselves or control when compiling happens.

// ---- generated: begin ----
// Generated from src/schema.yaml by src/generate.js (npm run generate): do not edit.

/** Stable issue codes of a document. Never renamed; new codes may be added. */
export type IssueCode =
  /** the input is not one JSON text that `JSON.parse` accepts */
  | "invalid_json"
  /** bytes that are not UTF-8, or a JS string with a lone surrogate */
  | "invalid_utf8"
  /** a value of the wrong JSON type */
  | "invalid_type"
  /** a required field is absent */
  | "missing_field"
  /** `object` is not the profile's (`"completion"` for r9s), or another fixed string is none of its values (a chat `role`; a tool call's `type`, which chooses its object: `expected` names every type) */
  | "invalid_literal"
  /** `finish_reason` is not one of the profile's finish reasons (r9s, openai: `stop`, `length`, `content_filter`; in a chat body also `tool_calls`, and under openai `function_call`) */
  | "invalid_enum"
  /** an integer field holds a number that is not whole (`1.5`, `1e-400`); `1.0` and `1e2` are whole */
  | "not_integer"
  /** an integer beyond ±(2^53−1), which a JS number cannot hold exactly */
  | "unsafe_integer"
  /** a key repeated in one object, anywhere in the document */
  | "duplicate_key"
  /** a field the schema does not name, with `unknownKeys: "reject"` */
  | "unknown_field"
  /** longer than `maxBytes` */
  | "too_large"
  /** nesting deeper than `maxDepth` */
  | "too_deep"
  /** the last entry when more than `maxIssues` issues were found */
  | "too_many_issues";

/** Issue codes of a stream itself, beside the core's IssueCode. */
export type StreamIssueCode =
  /** the body ended without the `data: [DONE]` event (or with it unfinished: no blank line after it) */
  | "truncated_stream"
  /** one event grew past `maxEventBytes`; the rest of it was skipped */
  | "event_too_large"
  /** a chat stream's choice or tool-call index that cannot be assembled: past 127 (the openai package's limit; never a sparse array) or below 0 */
  | "invalid_index";

/** The `code` of a CompletionWasmError: the WebAssembly core failed, not the input. */
export type CompletionWasmErrorCode =
  /** wasm memory could not grow; the instance was dropped and the next call starts a new one */
  | "out_of_memory"
  /** the module trapped; the instance was dropped and the next call starts a new one */
  | "trap"
  /** a stream outlived the instance it began on */
  | "instance_replaced"
  /** the runtime forbids compiling wasm from bytes; the message names the entry or header that fixes it */
  | "refused"
  /** init() got a non-2xx Response for the .wasm */
  | "fetch_failed";

/** The values of the `keys` option. */
export type KeysOption =
  /** keeps the JSON's names */
  | "wire"
  /** renames the profile's schema fields as the official r9s SDK does */
  | "camel";
/** Its default. */
export type DefaultKeysOption = "wire";

/** The values of the `unknownKeys` option. */
export type UnknownKeysOption =
  /** fields the schema does not name are dropped */
  | "strip"
  /** they are passed through */
  | "keep"
  /** they are reported as unknown_field */
  | "reject";
/** Its default. */
export type DefaultUnknownKeysOption = "strip";

/** The values of the `onInvalid` option. */
export type OnInvalidOption =
  /** an invalid event throws (streams) */
  | "throw"
  /** it goes to onInvalidEvent and reading goes on (streams) */
  | "skip";
/** Its default. */
export type DefaultOnInvalidOption = "throw";

/** The contract a document is checked against: see the README's profile table. */
export type Profile = "r9s" | "openai" | "openai-compatible";

/** The endpoints (src/schema.yaml): parseResponse and validatingFetch tell them by the URL; the first is the default. */
export type Endpoint = "completions" | "chat";

export type FinishReason = "stop" | "length" | "content_filter";
export type R9SChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter";
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

export interface CompletionChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs?: { [key: string]: unknown } | null;
  finish_reason: Reason;
}
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
export interface CompletionResponse<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionChoice<Reason>[];
  usage?: Usage;
}
export interface CompletionStreamChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs?: { [key: string]: unknown } | null;
  finish_reason?: Reason | null;
}
export interface CompletionStreamEvent<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionStreamChoice<Reason>[];
  system_fingerprint?: string;
  obfuscation?: string;
  usage?: Usage | null;
}
export interface R9SErrorBody {
  message: string;
  type: string;
  code?: string | null;
  param?: string;
}
export interface R9SError {
  error: R9SErrorBody;
  status?: number;
}
export interface ImageURL {
  url: string;
  detail?: "auto" | "low" | "high";
}
export interface MessageContent {
  type: "text" | "image_url";
  text?: string;
  image_url?: ImageURL;
}
export interface FunctionCall {
  name: string;
  arguments?: string;
}
export interface ToolCall {
  id: string;
  type: string;
  function: FunctionCall;
}
export interface Message {
  role: "system" | "user" | "assistant" | "tool";
  content?: string | MessageContent[] | null;
  name?: string;
  reasoning_content?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}
export interface ChatCompletionChoice<Reason extends string = R9SChatFinishReason> {
  index: number;
  message: Message;
  finish_reason: Reason;
  logprobs?: { [key: string]: unknown } | null;
}
export interface ChatCompletion<Reason extends string = R9SChatFinishReason> {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: ChatCompletionChoice<Reason>[];
  usage?: Usage;
  system_fingerprint?: string | null;
}
export interface FunctionCallChunk {
  name?: string;
  arguments?: string;
}
export interface ToolCallChunk {
  index: number;
  id?: string;
  type?: string;
  function?: FunctionCallChunk;
}
export interface ChatCompletionStreamDelta {
  role?: "system" | "user" | "assistant";
  content?: string | null;
  tool_calls?: ToolCallChunk[];
  reasoning_content?: string;
}
export interface ChatCompletionStreamChoice<Reason extends string = R9SChatFinishReason> {
  index: number;
  delta: ChatCompletionStreamDelta;
  finish_reason?: Reason | null;
  logprobs?: { [key: string]: unknown } | null;
}
export interface ChatCompletionChunk<Reason extends string = R9SChatFinishReason> {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: ChatCompletionStreamChoice<Reason>[];
  system_fingerprint?: string;
  usage?: Usage | null;
  error?: { [key: string]: unknown };
}
export interface CompletionChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs?: { [key: string]: unknown } | null;
  finishReason: Reason;
}
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
export interface CompletionResponseCamel<Reason extends string = FinishReason> {
  id: string;
  object: "completion";
  created: number;
  model: string;
  choices: CompletionChoiceCamel<Reason>[];
  usage?: UsageCamel;
}
export interface CompletionStreamChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
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
export interface MessageContentCamel {
  type: "text" | "image_url";
  text?: string;
  imageUrl?: ImageURL;
}
export interface MessageCamel {
  role: "system" | "user" | "assistant" | "tool";
  content?: string | MessageContentCamel[] | null;
  name?: string;
  reasoningContent?: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
}
export interface ChatCompletionChoiceCamel<Reason extends string = R9SChatFinishReason> {
  index: number;
  message: MessageCamel;
  finishReason: Reason;
  logprobs?: { [key: string]: unknown } | null;
}
export interface ChatCompletionCamel<Reason extends string = R9SChatFinishReason> {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: ChatCompletionChoiceCamel<Reason>[];
  usage?: UsageCamel;
  systemFingerprint?: string | null;
}
export interface ChatCompletionStreamDeltaCamel {
  role?: "system" | "user" | "assistant";
  content?: string | null;
  toolCalls?: ToolCallChunk[];
  reasoningContent?: string;
}
export interface ChatCompletionStreamChoiceCamel<Reason extends string = R9SChatFinishReason> {
  index: number;
  delta: ChatCompletionStreamDeltaCamel;
  finishReason?: Reason | null;
  logprobs?: { [key: string]: unknown } | null;
}
export interface ChatCompletionChunkCamel<Reason extends string = R9SChatFinishReason> {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: ChatCompletionStreamChoiceCamel<Reason>[];
  systemFingerprint?: string;
  usage?: UsageCamel | null;
  error?: { [key: string]: unknown };
}
export interface OpenAILogprobs {
  text_offset?: number[];
  token_logprobs?: (number | null)[];
  tokens?: string[];
  top_logprobs?: (Record<string, number> | null)[];
}
export interface OpenAICompletionChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs: OpenAILogprobs | null;
  finish_reason: Reason;
}
export interface OpenAIPromptTokensDetails {
  audio_tokens?: number;
  cached_tokens?: number;
  text_tokens?: number;
  image_tokens?: number;
  cache_write_tokens?: number;
}
export interface OpenAICompletionTokensDetails {
  accepted_prediction_tokens?: number;
  audio_tokens?: number;
  reasoning_tokens?: number;
  text_tokens?: number;
  rejected_prediction_tokens?: number;
}
export interface OpenAICompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: OpenAIPromptTokensDetails;
  completion_tokens_details?: OpenAICompletionTokensDetails;
}
export interface OpenAICompletionResponse<Reason extends string = FinishReason> {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: OpenAICompletionChoice<Reason>[];
  system_fingerprint?: string;
  usage?: OpenAICompletionUsage;
}
export interface OpenAICompletionStreamChoice<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs: OpenAILogprobs | null;
  finish_reason: Reason | null;
}
export interface OpenAICompletionStreamEvent<Reason extends string = FinishReason> {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: OpenAICompletionStreamChoice<Reason>[];
  system_fingerprint?: string;
  usage?: OpenAICompletionUsage | null;
}
export interface OpenAIError {
  code: string | null;
  message: string;
  param: string | null;
  type: string;
}
export interface OpenAIErrorResponse {
  error: OpenAIError;
}
export interface OpenAIToolCallFunction {
  name: string;
  arguments: string;
}
export interface OpenAIChatCompletionMessageToolCall {
  id: string;
  type: "function";
  function: OpenAIToolCallFunction;
}
export interface OpenAICustomToolCallInput {
  name: string;
  input: string;
}
export interface OpenAIChatCompletionMessageCustomToolCall {
  id: string;
  type: "custom";
  custom: OpenAICustomToolCallInput;
}
export interface OpenAIUrlCitation {
  end_index: number;
  start_index: number;
  url: string;
  title: string;
}
export interface OpenAIChatCompletionAnnotation {
  type: "url_citation";
  url_citation: OpenAIUrlCitation;
}
export interface OpenAIChatCompletionAudio {
  id: string;
  expires_at: number;
  data: string;
  transcript: string;
}
export interface OpenAIMessageFunctionCall {
  arguments: string;
  name: string;
}
export interface OpenAIChatCompletionMessage {
  role: "assistant";
  content: string | null;
  refusal?: string | null;
  tool_calls?: (OpenAIChatCompletionMessageToolCall | OpenAIChatCompletionMessageCustomToolCall)[];
  annotations?: OpenAIChatCompletionAnnotation[];
  audio?: OpenAIChatCompletionAudio | null;
  function_call?: OpenAIMessageFunctionCall;
}
export interface OpenAITopLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
}
export interface OpenAIChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: OpenAITopLogprob[];
}
export interface OpenAIChatLogprobs {
  content: OpenAIChatCompletionTokenLogprob[] | null;
  refusal?: OpenAIChatCompletionTokenLogprob[] | null;
}
export interface OpenAIChatCompletionChoice<Reason extends string = ChatFinishReason> {
  index: number;
  message: OpenAIChatCompletionMessage;
  logprobs?: OpenAIChatLogprobs | null;
  finish_reason: Reason;
}
export interface OpenAIModerationResultBody {
  type: "moderation_result";
  model: string;
  flagged: boolean;
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
  category_applied_input_types: Record<string, ("text" | "image")[]>;
}
export interface OpenAIModerationResults {
  type: "moderation_results";
  model: string;
  results: OpenAIModerationResultBody[];
}
export interface OpenAIModerationError {
  type: "error";
  code: string;
  message: string;
}
export interface OpenAIChatCompletionModeration {
  input: OpenAIModerationResults | OpenAIModerationError;
  output: OpenAIModerationResults | OpenAIModerationError;
}
export interface OpenAIChatCompletion<Reason extends string = ChatFinishReason> {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: OpenAIChatCompletionChoice<Reason>[];
  service_tier?: "auto" | "default" | "flex" | "scale" | "priority" | "fast" | null;
  system_fingerprint?: string | null;
  usage?: OpenAICompletionUsage;
  metadata?: Record<string, string> | null;
  moderation?: OpenAIChatCompletionModeration | null;
}
export interface OpenAIToolCallChunk {
  index: number;
  id?: string;
  type?: "function";
  function?: FunctionCallChunk;
}
export interface OpenAIDeltaFunctionCall {
  arguments?: string;
  name?: string;
}
export interface OpenAIChatCompletionDelta {
  role?: "developer" | "system" | "user" | "assistant" | "tool";
  content?: string | null;
  refusal?: string | null;
  tool_calls?: OpenAIToolCallChunk[];
  function_call?: OpenAIDeltaFunctionCall;
}
export interface OpenAIChatChunkLogprobs {
  content: OpenAIChatCompletionTokenLogprob[] | null;
  refusal: OpenAIChatCompletionTokenLogprob[] | null;
}
export interface OpenAIChatCompletionStreamChoice<Reason extends string = ChatFinishReason> {
  index: number;
  delta: OpenAIChatCompletionDelta;
  logprobs?: OpenAIChatChunkLogprobs | null;
  finish_reason: Reason | null;
}
export interface OpenAIChatCompletionChunk<Reason extends string = ChatFinishReason> {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: OpenAIChatCompletionStreamChoice<Reason>[];
  service_tier?: "auto" | "default" | "flex" | "scale" | "priority" | "fast" | null;
  system_fingerprint?: string;
  usage?: OpenAICompletionUsage | null;
  obfuscation?: string;
  moderation?: OpenAIChatCompletionModeration | null;
  error?: { [key: string]: unknown };
}
export interface OpenAILogprobsCamel {
  textOffset?: number[];
  tokenLogprobs?: (number | null)[];
  tokens?: string[];
  topLogprobs?: (Record<string, number> | null)[];
}
export interface OpenAICompletionChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs: OpenAILogprobsCamel | null;
  finishReason: Reason;
}
export interface OpenAIPromptTokensDetailsCamel {
  audioTokens?: number;
  cachedTokens?: number;
  textTokens?: number;
  imageTokens?: number;
  cacheWriteTokens?: number;
}
export interface OpenAICompletionTokensDetailsCamel {
  acceptedPredictionTokens?: number;
  audioTokens?: number;
  reasoningTokens?: number;
  textTokens?: number;
  rejectedPredictionTokens?: number;
}
export interface OpenAICompletionUsageCamel {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  promptTokensDetails?: OpenAIPromptTokensDetailsCamel;
  completionTokensDetails?: OpenAICompletionTokensDetailsCamel;
}
export interface OpenAICompletionResponseCamel<Reason extends string = FinishReason> {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: OpenAICompletionChoiceCamel<Reason>[];
  systemFingerprint?: string;
  usage?: OpenAICompletionUsageCamel;
}
export interface OpenAICompletionStreamChoiceCamel<Reason extends string = FinishReason> {
  text: string;
  index: number;
  logprobs: OpenAILogprobsCamel | null;
  finishReason: Reason | null;
}
export interface OpenAICompletionStreamEventCamel<Reason extends string = FinishReason> {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: OpenAICompletionStreamChoiceCamel<Reason>[];
  systemFingerprint?: string;
  usage?: OpenAICompletionUsageCamel | null;
}
export interface OpenAIUrlCitationCamel {
  endIndex: number;
  startIndex: number;
  url: string;
  title: string;
}
export interface OpenAIChatCompletionAnnotationCamel {
  type: "url_citation";
  urlCitation: OpenAIUrlCitationCamel;
}
export interface OpenAIChatCompletionAudioCamel {
  id: string;
  expiresAt: number;
  data: string;
  transcript: string;
}
export interface OpenAIChatCompletionMessageCamel {
  role: "assistant";
  content: string | null;
  refusal?: string | null;
  toolCalls?: (OpenAIChatCompletionMessageToolCall | OpenAIChatCompletionMessageCustomToolCall)[];
  annotations?: OpenAIChatCompletionAnnotationCamel[];
  audio?: OpenAIChatCompletionAudioCamel | null;
  functionCall?: OpenAIMessageFunctionCall;
}
export interface OpenAIChatCompletionTokenLogprobCamel {
  token: string;
  logprob: number;
  bytes: number[] | null;
  topLogprobs: OpenAITopLogprob[];
}
export interface OpenAIChatLogprobsCamel {
  content: OpenAIChatCompletionTokenLogprobCamel[] | null;
  refusal?: OpenAIChatCompletionTokenLogprobCamel[] | null;
}
export interface OpenAIChatCompletionChoiceCamel<Reason extends string = ChatFinishReason> {
  index: number;
  message: OpenAIChatCompletionMessageCamel;
  logprobs?: OpenAIChatLogprobsCamel | null;
  finishReason: Reason;
}
export interface OpenAIModerationResultBodyCamel {
  type: "moderation_result";
  model: string;
  flagged: boolean;
  categories: Record<string, boolean>;
  categoryScores: Record<string, number>;
  categoryAppliedInputTypes: Record<string, ("text" | "image")[]>;
}
export interface OpenAIModerationResultsCamel {
  type: "moderation_results";
  model: string;
  results: OpenAIModerationResultBodyCamel[];
}
export interface OpenAIChatCompletionModerationCamel {
  input: OpenAIModerationResultsCamel | OpenAIModerationError;
  output: OpenAIModerationResultsCamel | OpenAIModerationError;
}
export interface OpenAIChatCompletionCamel<Reason extends string = ChatFinishReason> {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: OpenAIChatCompletionChoiceCamel<Reason>[];
  serviceTier?: "auto" | "default" | "flex" | "scale" | "priority" | "fast" | null;
  systemFingerprint?: string | null;
  usage?: OpenAICompletionUsageCamel;
  metadata?: Record<string, string> | null;
  moderation?: OpenAIChatCompletionModerationCamel | null;
}
export interface OpenAIChatCompletionDeltaCamel {
  role?: "developer" | "system" | "user" | "assistant" | "tool";
  content?: string | null;
  refusal?: string | null;
  toolCalls?: OpenAIToolCallChunk[];
  functionCall?: OpenAIDeltaFunctionCall;
}
export interface OpenAIChatChunkLogprobsCamel {
  content: OpenAIChatCompletionTokenLogprobCamel[] | null;
  refusal: OpenAIChatCompletionTokenLogprobCamel[] | null;
}
export interface OpenAIChatCompletionStreamChoiceCamel<Reason extends string = ChatFinishReason> {
  index: number;
  delta: OpenAIChatCompletionDeltaCamel;
  logprobs?: OpenAIChatChunkLogprobsCamel | null;
  finishReason: Reason | null;
}
export interface OpenAIChatCompletionChunkCamel<Reason extends string = ChatFinishReason> {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: OpenAIChatCompletionStreamChoiceCamel<Reason>[];
  serviceTier?: "auto" | "default" | "flex" | "scale" | "priority" | "fast" | null;
  systemFingerprint?: string;
  usage?: OpenAICompletionUsageCamel | null;
  obfuscation?: string;
  moderation?: OpenAIChatCompletionModerationCamel | null;
  error?: { [key: string]: unknown };
}
export interface CompatibleCompletionChoice {
  text: string;
  index: number;
  logprobs?: unknown;
  finish_reason: string | null;
}
export interface CompatibleCompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: OpenAIPromptTokensDetails | null;
  completion_tokens_details?: OpenAICompletionTokensDetails | null;
}
export interface CompatibleCompletionResponse {
  id: string;
  object: "text_completion" | "completion";
  created: number;
  model: string;
  choices: CompatibleCompletionChoice[];
  system_fingerprint?: string | null;
  usage?: CompatibleCompletionUsage | null;
}
export interface CompatibleCompletionStreamChoice {
  text: string;
  index: number;
  logprobs?: unknown;
  finish_reason?: string | null;
}
export interface CompatibleCompletionStreamEvent {
  id: string;
  object: "text_completion" | "completion";
  created: number;
  model: string;
  choices: CompatibleCompletionStreamChoice[];
  system_fingerprint?: string | null;
  usage?: CompatibleCompletionUsage | null;
}
export interface CompatibleError {
  code?: string | number | null;
  message: string;
  param?: string | null;
  type?: string | null;
}
export interface CompatibleErrorResponse {
  error: CompatibleError;
}
export interface CompatibleTextContentPart {
  type: "text";
  text: string;
}
export interface CompatibleImageUrl {
  url: string;
  detail?: string;
}
export interface CompatibleImageContentPart {
  type: "image_url";
  image_url: CompatibleImageUrl;
}
export interface CompatibleThinkingContentPart {
  type: "thinking";
  thinking: CompatibleTextContentPart[];
  closed?: boolean;
}
export interface CompatibleChatCompletionMessage {
  role: string;
  content?: string | (CompatibleTextContentPart | CompatibleImageContentPart | CompatibleThinkingContentPart)[] | null;
  refusal?: string | null;
  tool_calls?: (OpenAIChatCompletionMessageToolCall | OpenAIChatCompletionMessageCustomToolCall)[] | null;
  annotations?: OpenAIChatCompletionAnnotation[] | null;
  audio?: OpenAIChatCompletionAudio | null;
  function_call?: OpenAIMessageFunctionCall | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}
export interface CompatibleChatCompletionChoice {
  index: number;
  message: CompatibleChatCompletionMessage;
  logprobs?: OpenAIChatLogprobs | null;
  finish_reason: string | null;
  content_filter_results?: { [key: string]: unknown };
}
export interface CompatibleChatCompletion {
  id: string;
  object: "chat.completion" | "text_completion";
  created: number;
  model: string;
  choices: CompatibleChatCompletionChoice[];
  service_tier?: string | null;
  system_fingerprint?: string | null;
  usage?: CompatibleCompletionUsage | null;
  metadata?: Record<string, string> | null;
  moderation?: OpenAIChatCompletionModeration | null;
  prompt_filter_results?: { [key: string]: unknown }[];
}
export interface CompatibleToolCallChunkFunction {
  name?: string | null;
  arguments?: string;
}
export interface CompatibleToolCallChunk {
  index?: number;
  id?: string;
  type?: "function";
  function?: CompatibleToolCallChunkFunction;
}
export interface CompatibleChatCompletionDelta {
  role?: string;
  content?: string | (CompatibleTextContentPart | CompatibleImageContentPart | CompatibleThinkingContentPart)[] | null;
  refusal?: string | null;
  tool_calls?: CompatibleToolCallChunk[] | null;
  function_call?: OpenAIDeltaFunctionCall;
  reasoning_content?: string | null;
  reasoning?: string | null;
}
export interface CompatibleChatCompletionStreamChoice {
  index: number;
  delta: CompatibleChatCompletionDelta;
  logprobs?: OpenAIChatChunkLogprobs | null;
  finish_reason: string | null;
  content_filter_results?: { [key: string]: unknown };
}
export interface CompatibleChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk" | "";
  created: number;
  model: string;
  choices: CompatibleChatCompletionStreamChoice[];
  service_tier?: string | null;
  system_fingerprint?: string | null;
  usage?: CompatibleCompletionUsage | null;
  obfuscation?: string;
  moderation?: OpenAIChatCompletionModeration | null;
  error?: { [key: string]: unknown };
  prompt_filter_results?: { [key: string]: unknown }[];
}
export interface CompatibleCompletionChoiceCamel {
  text: string;
  index: number;
  logprobs?: unknown;
  finishReason: string | null;
}
export interface CompatibleCompletionUsageCamel {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  promptTokensDetails?: OpenAIPromptTokensDetailsCamel | null;
  completionTokensDetails?: OpenAICompletionTokensDetailsCamel | null;
}
export interface CompatibleCompletionResponseCamel {
  id: string;
  object: "text_completion" | "completion";
  created: number;
  model: string;
  choices: CompatibleCompletionChoiceCamel[];
  systemFingerprint?: string | null;
  usage?: CompatibleCompletionUsageCamel | null;
}
export interface CompatibleCompletionStreamChoiceCamel {
  text: string;
  index: number;
  logprobs?: unknown;
  finishReason?: string | null;
}
export interface CompatibleCompletionStreamEventCamel {
  id: string;
  object: "text_completion" | "completion";
  created: number;
  model: string;
  choices: CompatibleCompletionStreamChoiceCamel[];
  systemFingerprint?: string | null;
  usage?: CompatibleCompletionUsageCamel | null;
}
export interface CompatibleImageContentPartCamel {
  type: "image_url";
  imageUrl: CompatibleImageUrl;
}
export interface CompatibleChatCompletionMessageCamel {
  role: string;
  content?: string | (CompatibleTextContentPart | CompatibleImageContentPartCamel | CompatibleThinkingContentPart)[] | null;
  refusal?: string | null;
  toolCalls?: (OpenAIChatCompletionMessageToolCall | OpenAIChatCompletionMessageCustomToolCall)[] | null;
  annotations?: OpenAIChatCompletionAnnotationCamel[] | null;
  audio?: OpenAIChatCompletionAudioCamel | null;
  functionCall?: OpenAIMessageFunctionCall | null;
  reasoningContent?: string | null;
  reasoning?: string | null;
}
export interface CompatibleChatCompletionChoiceCamel {
  index: number;
  message: CompatibleChatCompletionMessageCamel;
  logprobs?: OpenAIChatLogprobsCamel | null;
  finishReason: string | null;
  contentFilterResults?: { [key: string]: unknown };
}
export interface CompatibleChatCompletionCamel {
  id: string;
  object: "chat.completion" | "text_completion";
  created: number;
  model: string;
  choices: CompatibleChatCompletionChoiceCamel[];
  serviceTier?: string | null;
  systemFingerprint?: string | null;
  usage?: CompatibleCompletionUsageCamel | null;
  metadata?: Record<string, string> | null;
  moderation?: OpenAIChatCompletionModerationCamel | null;
  promptFilterResults?: { [key: string]: unknown }[];
}
export interface CompatibleChatCompletionDeltaCamel {
  role?: string;
  content?: string | (CompatibleTextContentPart | CompatibleImageContentPartCamel | CompatibleThinkingContentPart)[] | null;
  refusal?: string | null;
  toolCalls?: CompatibleToolCallChunk[] | null;
  functionCall?: OpenAIDeltaFunctionCall;
  reasoningContent?: string | null;
  reasoning?: string | null;
}
export interface CompatibleChatCompletionStreamChoiceCamel {
  index: number;
  delta: CompatibleChatCompletionDeltaCamel;
  logprobs?: OpenAIChatChunkLogprobsCamel | null;
  finishReason: string | null;
  contentFilterResults?: { [key: string]: unknown };
}
export interface CompatibleChatCompletionChunkCamel {
  id: string;
  object: "chat.completion.chunk" | "";
  created: number;
  model: string;
  choices: CompatibleChatCompletionStreamChoiceCamel[];
  serviceTier?: string | null;
  systemFingerprint?: string | null;
  usage?: CompatibleCompletionUsageCamel | null;
  obfuscation?: string;
  moderation?: OpenAIChatCompletionModerationCamel | null;
  error?: { [key: string]: unknown };
  promptFilterResults?: { [key: string]: unknown }[];
}

/** The typed documents of each profile in each key style; with `Open` true, finish_reason may hold any string (openEnums). */
export interface ProfileTypes<Open extends boolean = false> {
  "r9s": {
    wire: {
      response: CompletionResponse<Open extends true ? string : FinishReason>;
      streamEvent: CompletionStreamEvent<Open extends true ? string : FinishReason>;
      error: R9SError;
      chatResponse: ChatCompletion<Open extends true ? string : R9SChatFinishReason>;
      chatChunk: ChatCompletionChunk<Open extends true ? string : R9SChatFinishReason>;
    };
    camel: {
      response: CompletionResponseCamel<Open extends true ? string : FinishReason>;
      streamEvent: CompletionStreamEventCamel<Open extends true ? string : FinishReason>;
      error: R9SError;
      chatResponse: ChatCompletionCamel<Open extends true ? string : R9SChatFinishReason>;
      chatChunk: ChatCompletionChunkCamel<Open extends true ? string : R9SChatFinishReason>;
    };
  };
  "openai": {
    wire: {
      response: OpenAICompletionResponse<Open extends true ? string : FinishReason>;
      streamEvent: OpenAICompletionStreamEvent<Open extends true ? string : FinishReason>;
      error: OpenAIErrorResponse;
      chatResponse: OpenAIChatCompletion<Open extends true ? string : ChatFinishReason>;
      chatChunk: OpenAIChatCompletionChunk<Open extends true ? string : ChatFinishReason>;
    };
    camel: {
      response: OpenAICompletionResponseCamel<Open extends true ? string : FinishReason>;
      streamEvent: OpenAICompletionStreamEventCamel<Open extends true ? string : FinishReason>;
      error: OpenAIErrorResponse;
      chatResponse: OpenAIChatCompletionCamel<Open extends true ? string : ChatFinishReason>;
      chatChunk: OpenAIChatCompletionChunkCamel<Open extends true ? string : ChatFinishReason>;
    };
  };
  "openai-compatible": {
    wire: {
      response: CompatibleCompletionResponse;
      streamEvent: CompatibleCompletionStreamEvent;
      error: CompatibleErrorResponse;
      chatResponse: CompatibleChatCompletion;
      chatChunk: CompatibleChatCompletionChunk;
    };
    camel: {
      response: CompatibleCompletionResponseCamel;
      streamEvent: CompatibleCompletionStreamEventCamel;
      error: CompatibleErrorResponse;
      chatResponse: CompatibleChatCompletionCamel;
      chatChunk: CompatibleChatCompletionChunkCamel;
    };
  };
}
// ---- generated: end ----

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

/**
 * A failure of the WebAssembly core, not of the input. `"out_of_memory"` and
 * `"trap"`: the instance was dropped and the next call starts a new one;
 * `"instance_replaced"`: a stream outlived the instance it began on;
 * `"refused"`: the runtime forbids compiling wasm from bytes (the message
 * names the entry or header that fixes it); `"fetch_failed"`: init() got a
 * non-2xx Response for the .wasm.
 */
export declare class CompletionWasmError extends Error {
  readonly name: "CompletionWasmError";
  readonly code: CompletionWasmErrorCode;
}

// ---- Options ----

export interface ValidateOptions {
  /** The contract to check against (see the README's profile table). Default `"r9s"`. */
  profile?: Profile;
  /** What happens to fields the schema does not name: see UnknownKeysOption. */
  unknownKeys?: UnknownKeysOption;
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
  /** The key style of the typed object: see KeysOption. */
  keys?: KeysOption;
}

type Open<O> = O extends { openEnums: true } ? true : false;
type ProfileOf<O> = O extends { profile: infer P extends Profile } ? P : "r9s";
type KeysOf<O> = O extends { keys: infer K extends KeysOption } ? K : DefaultKeysOption;
type Typed<O, Document extends keyof ProfileTypes["r9s"]["wire"]> = ProfileTypes<Open<O>>[ProfileOf<O>][KeysOf<O>][Document];

/** The type parse returns for these options: the profile's response, in the key style, with an open finish_reason under openEnums. */
export type ParsedResponse<O extends ParseOptions | undefined> = Typed<O, "response">;

/** The same for a /chat/completions body: the profile's `ChatCompletion`. */
export type ParsedChatCompletion<O extends ParseOptions | undefined> = Typed<O, "chatResponse">;

/** One chunk of a /chat/completions stream, as typed for these options: the profile's `ChatCompletionChunk`. */
export type ParsedChatCompletionChunk<O extends ParseOptions | undefined> = Typed<O, "chatChunk">;

/** The profiles, in the order of their numbers; the first is the default. */
export declare const PROFILES: readonly Profile[];

/** The defaults of the options, and the largest maxDepth. */
export declare const DEFAULTS: {
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly maxIssues: number;
  readonly maxDepthLimit: number;
  readonly maxEventBytes: number;
};

export type CompletionInput = string | Uint8Array | ArrayBuffer | DataView;

export type SafeParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; error: CompletionValidationError; data?: undefined };

/** Returns the typed object, or throws CompletionValidationError. */
export declare function parseCompletionResponse<O extends ParseOptions | undefined = undefined>(input: CompletionInput, options?: O): ParsedResponse<O>;

/** Never throws for invalid input; `{ success, data | error }` as zod and valibot do. */
export declare function safeParseCompletionResponse<O extends ParseOptions | undefined = undefined>(input: CompletionInput, options?: O): SafeParseResult<ParsedResponse<O>>;

/** Issues only, no objects built: `[]` means valid. The fast path for proxies that forward the bytes. */
export declare function validateCompletionResponse(input: CompletionInput, options?: ValidateOptions): CompletionIssue[];

/** A /chat/completions body (`chat.completion`): the typed object, or throws CompletionValidationError ("Invalid ChatCompletion: ..."). */
export declare function parseChatCompletion<O extends ParseOptions | undefined = undefined>(input: CompletionInput, options?: O): ParsedChatCompletion<O>;

/** A /chat/completions body: `{ success, data | error }`, never throwing for invalid input. */
export declare function safeParseChatCompletion<O extends ParseOptions | undefined = undefined>(input: CompletionInput, options?: O): SafeParseResult<ParsedChatCompletion<O>>;

/** A /chat/completions body: the issues only, `[]` when valid. */
export declare function validateChatCompletion(input: CompletionInput, options?: ValidateOptions): CompletionIssue[];

/** What init()/initSync() accept: a compiled module, the .wasm bytes, or (async only) a Response or URL. */
export type WasmSource = WebAssembly.Module | BufferSource;
export type AsyncWasmSource = WasmSource | Response | URL | string | PromiseLike<WebAssembly.Module | BufferSource | Response | URL | string>;

/** Compiles and instantiates the module once; later and concurrent calls share the same promise. */
export declare function init(source?: AsyncWasmSource): Promise<void>;
/** Synchronous variant; a no-op once initialised. */
export declare function initSync(source?: WasmSource): void;

// ---- Streams (text/event-stream): parseCompletionStream, collectCompletion, parseResponse ----

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

/**
 * A non-2xx response (`status`), or an error a server sent inside a stream
 * (`event` set) or as a body. `body` is the profile's typed error (R9SError,
 * or OpenAI's ErrorResponse) when the body is one, with `issues` empty; a body
 * whose `error` member is an object but breaks the profile's error schema is
 * still an API error: `body` is that object as sent and `issues` say how it
 * departs. Otherwise `body` is undefined and `issues` say why. `type`, `code`
 * and `param` are the server's, as in the openai client's APIError.
 */
export declare class CompletionApiError extends Error {
  readonly name: "CompletionApiError";
  /** The HTTP status; undefined when the stream did not come from a Response. */
  readonly status: number | undefined;
  readonly body: ProfileTypes[Profile]["wire"]["error"] | { error: { [key: string]: unknown }; [key: string]: unknown } | undefined;
  readonly issues: CompletionIssue[];
  readonly event?: StreamEventInfo;
  /** The server's error type, code and param, when it sent them. */
  readonly type: unknown;
  readonly code: unknown;
  readonly param: unknown;
}

export interface StreamOptions extends ParseOptions {
  /** What an invalid event does: see OnInvalidOption. */
  onInvalid?: OnInvalidOption;
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
  onEvent?: (event: ProfileTypes<true>[Profile][KeysOption]["streamEvent"], info: StreamEventInfo) => void;
}

export type ParsedStreamEvent<O extends ParseOptions | undefined> = Typed<O, "streamEvent">;

/** A /chat/completions chunk (`chat.completion.chunk`) as the options type it. */
export type ParsedChatStreamChunk<O extends ParseOptions | undefined> = Typed<O, "chatChunk">;

/** The error body of the profile: R9SError, or OpenAI's ErrorResponse. */
export type ParsedError<O extends ParseOptions | undefined> = Typed<O, "error">;

/** A `text/event-stream` body: a fetch Response, its body, or chunks (bytes or text) from anywhere. */
export type CompletionStreamSource = Response | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | ArrayBuffer | string>;

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
export declare function collectCompletion<O extends StreamOptions = {}>(source: CompletionStreamSource, options?: O & StreamCallbacks): Promise<ParsedResponse<O>>;

/**
 * Yields each chunk of a /chat/completions stream, validated as a
 * ChatCompletionChunk; otherwise as parseCompletionStream. A chunk whose data
 * carries an `error` member is the server's error (CompletionApiError), as
 * the openai package reads it.
 */
export declare function parseChatCompletionStream<O extends StreamOptions = {}>(
  source: CompletionStreamSource,
  options?: O & StreamCallbacks,
): AsyncGenerator<ParsedChatStreamChunk<O>, void, undefined>;

/**
 * Reads a whole /chat/completions stream into one ChatCompletion, assembled
 * as the openai package's ChatCompletionStream.finalChatCompletion() does:
 * content and refusal appended, tool calls merged by index (arguments
 * appended), logprobs appended, the last non-null finish_reason, the usage of
 * the usage-only chunk. Where the openai package throws or builds a broken
 * document (no index, an index past 127, no chunks, no finish_reason), an
 * issue (`missing_field`, `invalid_index`) with the event's number, unless
 * the profile forgives it (openai-compatible: see the README).
 */
export declare function collectChatCompletion<O extends StreamOptions = {}>(source: CompletionStreamSource, options?: O & StreamCallbacks): Promise<ParsedChatCompletion<O>>;

/**
 * A fetch Response from `/completions` or `/chat/completions` (its URL says
 * which, or `endpoint`; /completions when neither does), streamed or not:
 * `text/event-stream` is collected as collectCompletion or
 * collectChatCompletion does, anything else is read as JSON.
 * Non-2xx statuses throw CompletionApiError with the status and the typed R9SError.
 * The type follows `endpoint` (a URL is not seen by types): pass `endpoint: "chat"` to get a ChatCompletion's.
 */
export declare function parseResponse<O extends StreamOptions & { endpoint?: Endpoint } = {}>(
  response: Response,
  options?: O & StreamCallbacks,
): Promise<O extends { endpoint: "chat" } ? ParsedChatCompletion<O> : ParsedResponse<O>>;

// ---- validatingFetch: for the openai client, the AI SDK, any code that takes a fetch ----

export interface ValidatingFetchOptions extends Omit<StreamOptions, "keys" | "onInvalid"> {
  /**
   * Report instead of reject: each invalid body, invalid event, error event or
   * missing [DONE] goes here, and the response comes through as the server sent it.
   * Without it, a JSON body's fetch rejects and a stream errors at that event.
   */
  onInvalid?: (error: CompletionStreamValidationError | CompletionApiError, response: Response) => void;
}

/**
 * A fetch that checks what `/completions` and `/chat/completions` answer
 * (the request URL's path says which) with 2xx on its way to the caller, who gets exactly the bytes the server
 * sent: a JSON body is checked before the Response is returned (invalid: the
 * promise rejects with CompletionValidationError, or CompletionApiError for an
 * error envelope); an event stream is checked event by event as the caller
 * reads it (an invalid event, an error event or a missing [DONE] errors the
 * body there, after the events before it). Other requests and non-2xx
 * answers pass untouched. `new OpenAI({ fetch: validatingFetch({ profile: "openai" }) })`.
 */
export declare function validatingFetch(
  options?: ValidatingFetchOptions,
  fetchImpl?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
