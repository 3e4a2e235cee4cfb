// Type tests of the chat APIs (js/index.d.ts and the subpaths' .d.ts),
// compiled by tests/js/types.test.js with tsc --strict --noEmit: each line
// says what a user of /chat/completions gets, and each @ts-expect-error is a
// mistake the types must catch.
import {
  collectChatCompletion,
  parseChatCompletionStream,
  parseResponse,
  type Endpoint,
  type OpenAIChatCompletion,
  type OpenAIChatCompletionChunk,
  type OpenAIChatCompletionCamel,
} from 'completion-wasm';
import { chatCompletionChunkSchema, chatCompletionSchema } from 'completion-wasm/standard-schema';
import { ChatCompletionEventStream, createChatCompletionStreamParser } from 'completion-wasm/stream';
import type { StandardSchemaV1 } from '@standard-schema/spec';

declare const response: Response;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// biome-ignore lint/correctness/noUnusedVariables: T is there for its constraint: is<X>() compiles only when X is true.
const is = <T extends true>() => {};

export async function streams() {
  for await (const chunk of parseChatCompletionStream(response, { profile: 'openai' })) {
    is<Equal<typeof chunk, OpenAIChatCompletionChunk>>();
    chunk.choices[0]?.delta.tool_calls?.[0]?.index;
  }
  const whole = await collectChatCompletion(response, { profile: 'openai' });
  is<Equal<typeof whole, OpenAIChatCompletion>>();
  const camel = await collectChatCompletion(response, { profile: 'openai', keys: 'camel' });
  is<Equal<typeof camel, OpenAIChatCompletionCamel>>();
  const read = await parseResponse(response, { profile: 'openai', endpoint: 'chat' });
  is<Equal<typeof read, OpenAIChatCompletion>>();
  // @ts-expect-error: no such endpoint
  await parseResponse(response, { endpoint: 'embeddings' });
  is<Equal<Endpoint, 'completions' | 'chat'>>();
}

export function subpaths() {
  createChatCompletionStreamParser({
    profile: 'openai',
    onEvent: (chunk) => {
      is<Equal<typeof chunk, OpenAIChatCompletionChunk>>();
    },
  });
  const pair = new ChatCompletionEventStream({ profile: 'openai' });
  const reader = pair.readable.getReader();
  is<Equal<Awaited<ReturnType<typeof reader.read>>['value'], OpenAIChatCompletionChunk | undefined>>();
  const schema = chatCompletionSchema({ profile: 'openai' });
  is<Equal<StandardSchemaV1.InferOutput<typeof schema>, OpenAIChatCompletion>>();
  const chunkSchema = chatCompletionChunkSchema({ profile: 'openai' });
  is<Equal<StandardSchemaV1.InferOutput<typeof chunkSchema>, OpenAIChatCompletionChunk>>();
}
