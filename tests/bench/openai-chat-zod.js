// The incumbent for /chat/completions: TextDecoder + JSON.parse + a zod
// schema of OpenAI's chat contract (../shared/spec/openai/openai-chat-completions.yaml:
// CreateChatCompletionResponse and CreateChatCompletionStreamResponse), written
// as a careful user would write it with zod 4: required and nullable fields as
// the contract says, unknown keys stripped (zod's default), function and
// custom tool calls told apart by `type`. What chat-bench.js and the chat
// stream benchmark time us against.
import * as z from 'zod';

const integer = z.number().int();
const nullableString = z.string().nullable();

const TopLogprob = z.object({ token: z.string(), logprob: z.number(), bytes: z.array(integer).nullable() });
const TokenLogprob = TopLogprob.extend({ top_logprobs: z.array(TopLogprob) });
const Logprobs = z.object({ content: z.array(TokenLogprob).nullable(), refusal: z.array(TokenLogprob).nullable() }).nullable();

const FunctionCall = z.object({ name: z.string(), arguments: z.string() });
const ToolCall = z.discriminatedUnion('type', [
  z.object({ id: z.string(), type: z.literal('function'), function: FunctionCall }),
  z.object({ id: z.string(), type: z.literal('custom'), custom: z.object({ name: z.string(), input: z.string() }) }),
]);
const UrlCitation = z.object({
  type: z.literal('url_citation'),
  url_citation: z.object({ end_index: integer, start_index: integer, url: z.string(), title: z.string() }),
});
const Audio = z.object({ id: z.string(), expires_at: integer, data: z.string(), transcript: z.string() });

const Message = z.object({
  role: z.literal('assistant'),
  content: nullableString,
  refusal: nullableString,
  tool_calls: z.array(ToolCall).optional(),
  annotations: z.array(UrlCitation).optional(),
  audio: Audio.nullable().optional(),
  function_call: FunctionCall.optional(),
});

const FinishReason = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);
const ServiceTier = z.enum(['auto', 'default', 'flex', 'scale', 'priority', 'fast']).nullable();

const Usage = z.object({
  completion_tokens: integer,
  prompt_tokens: integer,
  total_tokens: integer,
  completion_tokens_details: z
    .object({ accepted_prediction_tokens: integer, audio_tokens: integer, reasoning_tokens: integer, rejected_prediction_tokens: integer })
    .partial()
    .optional(),
  prompt_tokens_details: z.object({ audio_tokens: integer, cached_tokens: integer }).partial().optional(),
});

export const ChatCompletion = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: integer,
  model: z.string(),
  choices: z.array(z.object({ index: integer, message: Message, finish_reason: FinishReason, logprobs: Logprobs })),
  usage: Usage.optional(),
  service_tier: ServiceTier.optional(),
  system_fingerprint: z.string().optional(),
});

const ToolCallChunk = z.object({
  index: integer,
  id: z.string().optional(),
  type: z.literal('function').optional(),
  function: z.object({ name: z.string(), arguments: z.string() }).partial().optional(),
});

export const ChatCompletionChunk = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: integer,
  model: z.string(),
  choices: z.array(
    z.object({
      index: integer,
      delta: z.object({
        role: z.enum(['developer', 'system', 'user', 'assistant', 'tool']).optional(),
        content: nullableString.optional(),
        refusal: nullableString.optional(),
        tool_calls: z.array(ToolCallChunk).optional(),
        function_call: z.object({ name: z.string(), arguments: z.string() }).partial().optional(),
      }),
      finish_reason: FinishReason.nullable(),
      logprobs: Logprobs.optional(),
    }),
  ),
  usage: Usage.nullable().optional(),
  service_tier: ServiceTier.optional(),
  system_fingerprint: z.string().optional(),
});

const decoder = new TextDecoder();

/** The incumbent's whole path for a body: bytes to a checked object, or a thrown ZodError. */
export function incumbentChatParse(bytes) {
  return ChatCompletion.parse(JSON.parse(decoder.decode(bytes)));
}
