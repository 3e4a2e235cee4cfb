// Type tests of the subpaths, compiled by tests/js/types.test.js with
// tsc --strict --noEmit: the Standard Schema objects are what
// @standard-schema/spec's consumers take, and the stream parser's callbacks
// get the profile's event type.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { CompletionResponseCamel, OpenAICompletionResponse, OpenAICompletionStreamEvent } from 'completion-wasm';
import { completionResponseSchema, completionStreamEventSchema } from 'completion-wasm/standard-schema';
import { CompletionEventStream, createCompletionStreamParser } from 'completion-wasm/stream';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// biome-ignore lint/correctness/noUnusedVariables: T is there for its constraint: is<X>() compiles only when X is true.
const is = <T extends true>() => {};

// What a Standard Schema consumer (up-fetch, a form library) accepts, and what it infers.
const accept = <S extends StandardSchemaV1>(schema: S): StandardSchemaV1.InferOutput<S> => {
  const result = schema['~standard'].validate('{}');
  if (result instanceof Promise || result.issues) throw new Error('invalid');
  return result.value;
};
const openai = accept(completionResponseSchema({ profile: 'openai' }));
is<Equal<typeof openai, OpenAICompletionResponse>>();
const camel = accept(completionResponseSchema({ keys: 'camel' }));
is<Equal<typeof camel, CompletionResponseCamel>>();
const event = accept(completionStreamEventSchema({ profile: 'openai' }));
is<Equal<typeof event, OpenAICompletionStreamEvent>>();
// Our issues are Standard Schema issues.
const issues: ReadonlyArray<StandardSchemaV1.Issue> | undefined = (completionResponseSchema()['~standard'].validate('') as StandardSchemaV1.Result<unknown>).issues;
void issues;

// The parser's onEvent gets the profile's event.
const parser = createCompletionStreamParser({
  profile: 'openai',
  onEvent: (e) => is<Equal<typeof e, OpenAICompletionStreamEvent>>(),
  onError: (error) => void error.issues,
});
parser.feed(new Uint8Array());
parser.feed('data: [DONE]\n\n');
parser.end();
// @ts-expect-error: onEvent is required
createCompletionStreamParser({ profile: 'openai' });

// The TransformStream's readable side carries the profile's events.
declare const body: ReadableStream<Uint8Array>;
const events = body.pipeThrough(new CompletionEventStream({ profile: 'openai' }));
is<Equal<typeof events, ReadableStream<OpenAICompletionStreamEvent>>>();
createCompletionStreamParser({ keys: 'camel', onEvent: (e) => is<Equal<typeof e, import('completion-wasm').CompletionStreamEventCamel>>() });
createCompletionStreamParser({ maxEventBytes: 1024, onEvent: (e) => is<Equal<typeof e, import('completion-wasm').CompletionStreamEvent>>() });
