// completion-wasm inside the clients people use, from npm, against a mock
// /v1/completions on 127.0.0.1: validatingFetch in the official `openai`
// package and in the AI SDK (`ai` with `@ai-sdk/openai-compatible`); the
// Standard Schema in `up-fetch`; CompletionEventStream on fetch's body.
// Valid answers come through unchanged; an invalid body, an invalid event,
// an error event and a cut stream each end in the error a user would want.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { generateText, streamText } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { isResponseValidationError, up } from 'up-fetch';
import { CompletionApiError, CompletionValidationError, validatingFetch } from 'completion-wasm';
import { completionResponseSchema } from 'completion-wasm/standard-schema';
import { CompletionEventStream } from 'completion-wasm/stream';
import { startMockServer } from './helpers.js';

const HEAD = { id: 'cmpl-1', object: 'text_completion', created: 1700000000, model: 'mock-instruct' };
const choice = (text, finish_reason = null) => ({ text, index: 0, logprobs: null, finish_reason });
const USAGE = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
const sse = (events, done = true) => events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');

/** What the mock answers, by the name in the request's prompt: [content type, body]. */
const ANSWERS = {
  valid: ['application/json', JSON.stringify({ ...HEAD, choices: [choice('Hello there.', 'stop')], usage: USAGE })],
  'bad-body': ['application/json', JSON.stringify({ ...HEAD, choices: [choice('Hello', 'done')], usage: USAGE })],
  stream: [
    'text/event-stream',
    sse([
      { ...HEAD, choices: [choice('Hel')] },
      { ...HEAD, choices: [choice('lo.', 'stop')] },
      { ...HEAD, choices: [], usage: USAGE },
    ]),
  ],
  'bad-event': [
    'text/event-stream',
    sse([
      { ...HEAD, choices: [choice('Hel')] },
      { ...HEAD, created: 'yesterday', choices: [choice('lo.', 'stop')] },
    ]),
  ],
  'error-event': [
    'text/event-stream',
    sse([{ ...HEAD, choices: [choice('Hel')] }, { error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } }]),
  ],
  cut: [
    'text/event-stream',
    sse(
      [
        { ...HEAD, choices: [choice('Hel')] },
        { ...HEAD, choices: [choice('lo.', 'stop')] },
      ],
      false,
    ),
  ],
};

let server;
let baseURL;

before(async () => {
  // The AI SDK wraps the prompt in its own template: the answer is the one the prompt names.
  server = await startMockServer(({ prompt }) => ANSWERS[Object.keys(ANSWERS).find((name) => String(prompt).includes(name)) ?? 'valid']);
  baseURL = server.baseURL;
});
after(() => server.close());

const rootCause = (error) => (error?.cause ? rootCause(error.cause) : error);

describe('the openai client with validatingFetch', () => {
  const client = () => new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0, fetch: validatingFetch({ profile: 'openai' }) });

  test('a valid completion comes through as the server sent it', async () => {
    const completion = await client().completions.create({ model: 'mock-instruct', prompt: 'valid' });
    assert.deepEqual(completion, JSON.parse(ANSWERS.valid[1]));
  });

  test('a valid stream comes through event by event', async () => {
    const events = [];
    for await (const event of await client().completions.create({ model: 'mock-instruct', prompt: 'stream', stream: true })) events.push(event);
    assert.deepEqual(
      events.map((e) => e.choices.map((c) => c.text).join('')),
      ['Hel', 'lo.', ''],
    );
    assert.deepEqual(events[2].usage, USAGE);
  });

  test('an invalid body rejects with the issue', async () => {
    await assert.rejects(client().completions.create({ model: 'mock-instruct', prompt: 'bad-body' }), (error) => {
      const cause = rootCause(error);
      assert.ok(cause instanceof CompletionValidationError, `${error}`);
      assert.equal(cause.issues[0].code, 'invalid_enum');
      assert.equal(cause.issues[0].pathString, 'choices[0].finish_reason');
      return true;
    });
  });

  for (const [prompt, check] of [
    ['bad-event', (cause) => cause instanceof CompletionValidationError && cause.event.index === 1 && cause.issues[0].pathString === 'created'],
    ['error-event', (cause) => cause instanceof CompletionApiError && cause.type === 'server_error' && /The server is overloaded/.test(cause.message)],
    ['cut', (cause) => cause instanceof CompletionValidationError && cause.issues[0].code === 'truncated_stream'],
  ]) {
    test(`a stream with ${prompt}: the events before it, then the error`, async () => {
      const texts = [];
      await assert.rejects(
        async () => {
          for await (const event of await client().completions.create({ model: 'mock-instruct', prompt, stream: true })) {
            texts.push(event.choices[0]?.text);
          }
        },
        (error) => {
          assert.ok(check(rootCause(error)), `${error} (cause: ${rootCause(error)})`);
          return true;
        },
      );
      assert.equal(texts[0], 'Hel');
    });
  }

  test('other requests pass untouched', async () => {
    const checked = validatingFetch({ profile: 'openai' });
    const response = await checked(`${baseURL}/embeddings`, { method: 'POST', body: JSON.stringify({ prompt: 'bad-body' }) });
    assert.equal(await response.text(), ANSWERS['bad-body'][1]);
  });

  test('onInvalid reports instead of rejecting, and the bytes still come through', async () => {
    const reported = [];
    const openai = new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0, fetch: validatingFetch({ profile: 'openai', onInvalid: (error) => reported.push(error) }) });
    const completion = await openai.completions.create({ model: 'mock-instruct', prompt: 'bad-body' });
    assert.equal(completion.choices[0].finish_reason, 'done');
    const texts = [];
    for await (const event of await openai.completions.create({ model: 'mock-instruct', prompt: 'cut', stream: true })) texts.push(event.choices[0].text);
    assert.deepEqual(texts, ['Hel', 'lo.']);
    assert.deepEqual(
      reported.map((e) => e.issues[0].code),
      ['invalid_enum', 'truncated_stream'],
    );
  });
});

describe('the AI SDK with validatingFetch', () => {
  const model = () =>
    createOpenAICompatible({
      name: 'mock',
      baseURL,
      apiKey: 'test',
      fetch: validatingFetch({ profile: 'openai-compatible' }),
    }).completionModel('mock-instruct');

  test('generateText gets the text of a valid completion', async () => {
    const { text, finishReason } = await generateText({ model: model(), prompt: 'valid', maxRetries: 0 });
    assert.equal(text, 'Hello there.');
    assert.equal(finishReason, 'stop');
  });

  test('streamText gets the text of a valid stream', async () => {
    const result = streamText({ model: model(), prompt: 'stream', maxRetries: 0 });
    let text = '';
    for await (const part of result.textStream) text += part;
    assert.equal(text, 'Hello.');
  });

  test('generateText on an invalid body fails with the issue', async () => {
    // openai-compatible accepts any finish_reason: make the body broken for it too.
    const broken = createOpenAICompatible({ name: 'mock', baseURL, apiKey: 'test', fetch: validatingFetch({ profile: 'openai' }) });
    await assert.rejects(generateText({ model: broken.completionModel('m'), prompt: 'bad-body', maxRetries: 0 }), (error) => {
      assert.ok(rootCause(error) instanceof CompletionValidationError, `${error} (cause: ${rootCause(error)})`);
      return true;
    });
  });

  test('streamText on a stream with an invalid event ends in the issue', async () => {
    const result = streamText({ model: model(), prompt: 'bad-event', maxRetries: 0 });
    let text = '';
    // The AI SDK ends the text stream with its APICallError "Failed to process successful response", whose cause is ours.
    await assert.rejects(
      async () => {
        for await (const part of result.textStream) text += part;
      },
      (error) => {
        const cause = rootCause(error);
        assert.ok(cause instanceof CompletionValidationError, `${error}`);
        assert.equal(cause.issues[0].pathString, 'created');
        return true;
      },
    );
    // The events before the bad one were handed to the SDK; an errored stream drops what its pipes still held.
    assert.ok(text === '' || text === 'Hel', text);
  });
});

describe('up-fetch with completionResponseSchema (Standard Schema)', () => {
  const upfetch = up(fetch, () => ({ baseUrl: baseURL, method: 'POST' }));

  test('a valid completion comes back typed, in the key style asked for', async () => {
    const completion = await upfetch('/completions', {
      body: { model: 'mock-instruct', prompt: 'valid' },
      schema: completionResponseSchema({ profile: 'openai', keys: 'camel' }),
    });
    assert.equal(completion.choices[0].finishReason, 'stop');
    assert.equal(completion.usage.totalTokens, 7);
  });

  test("an invalid body rejects with up-fetch's ResponseValidationError, holding our issues", async () => {
    await assert.rejects(
      upfetch('/completions', {
        body: { model: 'mock-instruct', prompt: 'bad-body' },
        schema: completionResponseSchema({ profile: 'openai' }),
      }),
      (error) => {
        assert.ok(isResponseValidationError(error), `${error}`);
        assert.equal(error.issues[0].code, 'invalid_enum');
        assert.deepEqual(error.issues[0].path, ['choices', 0, 'finish_reason']);
        return true;
      },
    );
  });

  test('given the text (parseResponse), the check is the strict one, with byte offsets', async () => {
    const bad = ANSWERS['bad-body'][1];
    await assert.rejects(
      upfetch('/completions', {
        body: { model: 'mock-instruct', prompt: 'bad-body' },
        parseResponse: (response) => response.text(),
        schema: completionResponseSchema({ profile: 'openai' }),
      }),
      (error) => {
        assert.ok(isResponseValidationError(error), `${error}`);
        assert.equal(error.issues[0].offset, Buffer.byteLength(bad.slice(0, bad.indexOf('"done"'))));
        return true;
      },
    );
  });
});

describe('fetch with CompletionEventStream (TransformStream)', () => {
  const post = (prompt) => fetch(`${baseURL}/completions`, { method: 'POST', body: JSON.stringify({ model: 'mock-instruct', prompt, stream: true }) });

  test('a valid stream becomes typed events, ending at [DONE]', async () => {
    const response = await post('stream');
    const texts = [];
    for await (const event of response.body.pipeThrough(new CompletionEventStream({ profile: 'openai' }))) texts.push(event.choices[0]?.text ?? '');
    assert.deepEqual(texts, ['Hel', 'lo.', '']);
  });

  for (const [prompt, check] of [
    ['bad-event', (error) => error instanceof CompletionValidationError && error.event.index === 1 && error.issues[0].pathString === 'created'],
    ['error-event', (error) => error instanceof CompletionApiError && error.type === 'server_error'],
    ['cut', (error) => error instanceof CompletionValidationError && error.issues[0].code === 'truncated_stream'],
  ]) {
    test(`a stream with ${prompt}: the events before it, then the stream errors`, async () => {
      const response = await post(prompt);
      const texts = [];
      await assert.rejects(
        async () => {
          for await (const event of response.body.pipeThrough(new CompletionEventStream({ profile: 'openai' }))) texts.push(event.choices[0].text);
        },
        (error) => {
          assert.ok(check(error), `${error}`);
          return true;
        },
      );
      assert.equal(texts[0], 'Hel');
    });
  }
});
