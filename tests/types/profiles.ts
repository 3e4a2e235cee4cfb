// Type tests of js/index.d.ts, compiled by tests/js/types.test.js with
// tsc --strict --noEmit: each line says what a user of a profile gets, and
// each @ts-expect-error is a mistake the types must catch.
import {
  parseCompletionResponse,
  parseCompletionStream,
  safeParseCompletionResponse,
  validatingFetch,
  parseChatCompletion,
  safeParseChatCompletion,
  validateChatCompletion,
  type ChatCompletion,
  type ChatCompletionChunkCamel,
  type CompletionIssue,
  type OpenAIChatCompletion,
  type OpenAIChatCompletionChunk,
  type CompletionResponse,
  type OpenAICompletionResponse,
  type Profile,
  PROFILES,
  DEFAULTS,
} from '../../js/index.js';

declare const bytes: Uint8Array;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// biome-ignore lint/correctness/noUnusedVariables: T is there for its constraint: is<X>() compiles only when X is true.
const is = <T extends true>() => {};

// The default profile is r9s.
const r9s = parseCompletionResponse(bytes);
is<Equal<typeof r9s, CompletionResponse>>();
is<Equal<typeof r9s.object, 'completion'>>();
is<Equal<(typeof r9s.choices)[0]['finish_reason'], 'stop' | 'length' | 'content_filter'>>();

// openai: OpenAI's object, required and typed logprobs, system_fingerprint.
const openai = parseCompletionResponse(bytes, { profile: 'openai' });
is<Equal<typeof openai, OpenAICompletionResponse>>();
is<Equal<typeof openai.object, 'text_completion'>>();
const logprobs = openai.choices[0].logprobs;
if (logprobs !== null) {
  is<Equal<typeof logprobs.token_logprobs, (number | null)[] | undefined>>();
  is<Equal<typeof logprobs.top_logprobs, (Record<string, number> | null)[] | undefined>>();
}
is<Equal<typeof openai.system_fingerprint, string | undefined>>();
// @ts-expect-error: r9s has no system_fingerprint on a response
r9s.system_fingerprint;

// openai in camel keys renames the typed logprobs' fields too.
const camel = parseCompletionResponse(bytes, { profile: 'openai', keys: 'camel' });
is<Equal<typeof camel.systemFingerprint, string | undefined>>();
const camelLogprobs = camel.choices[0].logprobs;
if (camelLogprobs !== null) is<Equal<typeof camelLogprobs.textOffset, number[] | undefined>>();

// openai-compatible: any finish_reason string or null, usage may be null, logprobs anything.
const compatible = parseCompletionResponse(bytes, { profile: 'openai-compatible' });
is<Equal<(typeof compatible.choices)[0]['finish_reason'], string | null>>();
is<Equal<typeof compatible.object, 'text_completion' | 'completion'>>();
is<Equal<(typeof compatible.choices)[0]['logprobs'], unknown>>();
is<Equal<typeof compatible.usage, NonNullable<typeof compatible.usage> | null | undefined>>();

// openEnums opens the enum in every profile that has one.
const open = parseCompletionResponse(bytes, { profile: 'openai', openEnums: true });
is<Equal<(typeof open.choices)[0]['finish_reason'], string>>();

// Stream events follow the profile too.
async function events() {
  for await (const event of parseCompletionStream(new Response(''), { profile: 'openai' })) {
    is<Equal<typeof event.object, 'text_completion'>>();
    is<Equal<(typeof event.choices)[0]['finish_reason'], 'stop' | 'length' | 'content_filter' | null>>();
  }
}
void events;

const result = safeParseCompletionResponse(bytes, { profile: 'openai-compatible' });
if (result.success) is<Equal<typeof result.data.object, 'text_completion' | 'completion'>>();

const profiles: readonly Profile[] = PROFILES;
const maxBytes: number = DEFAULTS.maxBytes;
void profiles;
void maxBytes;

// @ts-expect-error: not a profile
parseCompletionResponse(bytes, { profile: 'openai-ish' });

// validatingFetch is a fetch, for the clients that take one.
const checkedFetch: typeof fetch = validatingFetch({ profile: 'openai', onInvalid: (error) => void error.issues });
void checkedFetch;
// @ts-expect-error: keys shape objects, and validatingFetch hands on the server's bytes
validatingFetch({ keys: 'camel' });

// /chat/completions bodies follow the profile the same way.
const chat = parseChatCompletion(bytes);
is<Equal<typeof chat, ChatCompletion>>();
is<Equal<typeof chat.object, 'chat.completion'>>();
is<Equal<(typeof chat.choices)[0]['finish_reason'], 'stop' | 'length' | 'tool_calls' | 'content_filter'>>();
const openaiChat = parseChatCompletion(bytes, { profile: 'openai' });
is<Equal<typeof openaiChat, OpenAIChatCompletion>>();
is<Equal<(typeof openaiChat.choices)[0]['finish_reason'], 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call'>>();
const message = openaiChat.choices[0].message;
is<Equal<typeof message.content, string | null>>();
for (const call of message.tool_calls ?? []) {
  // The union is told apart by type, as OpenAI's SDK types it.
  if (call.type === 'function') is<Equal<typeof call.function.arguments, string>>();
  else is<Equal<typeof call.custom.input, string>>();
}
const openChat = parseChatCompletion(bytes, { profile: 'openai', openEnums: true, keys: 'camel' });
is<Equal<(typeof openChat.choices)[0]['finishReason'], string>>();
is<Equal<(typeof openChat.choices)[0]['message']['content'], string | null>>();
const compatibleChat = safeParseChatCompletion(bytes, { profile: 'openai-compatible' });
if (compatibleChat.success) {
  is<Equal<(typeof compatibleChat.data.choices)[0]['finish_reason'], string | null>>();
  is<Equal<(typeof compatibleChat.data.choices)[0]['message']['reasoning_content'], string | null | undefined>>();
}
declare const chunk: OpenAIChatCompletionChunk;
is<Equal<(typeof chunk.choices)[0]['finish_reason'], 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | null>>();
is<Equal<typeof chunk.usage, NonNullable<typeof chunk.usage> | null | undefined>>();
declare const r9sChunk: ChatCompletionChunkCamel;
is<Equal<typeof r9sChunk.object, 'chat.completion.chunk'>>();
const chatIssues: CompletionIssue[] = validateChatCompletion(bytes, { profile: 'r9s' });
void chatIssues;
// @ts-expect-error: validateChatCompletion builds no objects, so it takes no keys
validateChatCompletion(bytes, { keys: 'camel' });
