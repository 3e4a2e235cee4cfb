// completion-wasm inside the clients people use for /chat/completions, from
// npm, against a mock /v1/chat/completions on 127.0.0.1: validatingFetch in
// the official `openai` package (chat.completions.create with and without
// stream, and chat.completions.stream()) and in the AI SDK's
// @ai-sdk/openai-compatible chat model (generateText with tools, streamText).
// Valid answers come through as the server sent them; an invalid body, an
// invalid chunk and an error event each end in our error, as the cause of the
// client's own. One fetch checks both endpoints: the URL says which.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { generateText, streamText, tool, jsonSchema } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { collectChatCompletion, CompletionApiError, CompletionValidationError, parseResponse, validatingFetch } from 'completion-wasm';
import { startMockServer } from './helpers.js';

const HEAD = { id: 'chatcmpl-1', object: 'chat.completion', created: 1700000000, model: 'mock-chat' };
const CHUNK = { ...HEAD, object: 'chat.completion.chunk' };
const USAGE = { prompt_tokens: 9, completion_tokens: 12, total_tokens: 21 };
const message = (content, extra = {}) => ({ role: 'assistant', content, refusal: null, ...extra });
const choice = (msg, finish_reason) => ({ index: 0, message: msg, logprobs: null, finish_reason });
const delta = (d, finish_reason = null) => ({ index: 0, delta: d, logprobs: null, finish_reason });
const sse = (events) => `${events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('')}data: [DONE]\n\n`;
const WEATHER = { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } };

/** What the mock answers, by a name in the last user message: [content type, body]. */
const ANSWERS = {
  valid: ['application/json', JSON.stringify({ ...HEAD, choices: [choice(message('Hello there.'), 'stop')], usage: USAGE })],
  'tool-call': ['application/json', JSON.stringify({ ...HEAD, choices: [choice(message(null, { tool_calls: [WEATHER] }), 'tool_calls')], usage: USAGE })],
  'bad-body': ['application/json', JSON.stringify({ ...HEAD, choices: [choice(message('Hello'), 'done')], usage: USAGE })],
  stream: [
    'text/event-stream',
    sse([
      { ...CHUNK, choices: [delta({ role: 'assistant', content: '', refusal: null })] },
      { ...CHUNK, choices: [delta({ content: 'Hel' })] },
      { ...CHUNK, choices: [delta({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '' } }] })] },
      { ...CHUNK, choices: [delta({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] })] },
      { ...CHUNK, choices: [delta({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] })] },
      { ...CHUNK, choices: [delta({ content: 'lo.' }, 'tool_calls')] },
      { ...CHUNK, choices: [], usage: USAGE },
    ]),
  ],
  'bad-chunk': [
    'text/event-stream',
    sse([
      { ...CHUNK, choices: [delta({ role: 'assistant', content: 'Hel' })] },
      { ...CHUNK, created: 'yesterday', choices: [delta({ content: 'lo.' }, 'stop')] },
    ]),
  ],
  'error-event': [
    'text/event-stream',
    sse([{ ...CHUNK, choices: [delta({ role: 'assistant', content: 'Hel' })] }, { error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } }]),
  ],
};

let server;
let baseURL;

before(async () => {
  // The answer is the one the last user message names.
  server = await startMockServer(({ messages = [] }) => {
    const last = JSON.stringify(messages.at(-1)?.content ?? '');
    return ANSWERS[Object.keys(ANSWERS).find((name) => last.includes(name)) ?? 'valid'];
  });
  baseURL = server.baseURL;
});
after(() => server.close());

const rootCause = (error) => (error?.cause ? rootCause(error.cause) : error);
const ask = (name) => [{ role: 'user', content: name }];

describe('the openai client with validatingFetch, on /chat/completions', () => {
  const client = () => new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0, fetch: validatingFetch({ profile: 'openai' }) });

  test('a valid chat completion comes through as the server sent it', async () => {
    const completion = await client().chat.completions.create({ model: 'mock-chat', messages: ask('valid') });
    assert.deepEqual(completion, JSON.parse(ANSWERS.valid[1]));
  });

  test('an invalid body rejects with our error as the cause', async () => {
    await assert.rejects(client().chat.completions.create({ model: 'mock-chat', messages: ask('bad-body') }), (error) => {
      const cause = rootCause(error);
      assert.ok(cause instanceof CompletionValidationError, `${error}`);
      assert.match(cause.message, /^Invalid ChatCompletion: /);
      assert.equal(cause.issues[0].pathString, 'choices[0].finish_reason');
      return true;
    });
  });

  test('a valid stream comes through chunk by chunk, tool-call arguments split across chunks', async () => {
    const chunks = [];
    for await (const chunk of await client().chat.completions.create({ model: 'mock-chat', messages: ask('stream'), stream: true })) chunks.push(chunk);
    assert.equal(chunks.length, 7);
    assert.deepEqual(chunks[6].usage, USAGE);
  });

  test('chat.completions.stream(): its finalChatCompletion() equals our collectChatCompletion of the same bytes', async () => {
    const runner = client().chat.completions.stream({ model: 'mock-chat', messages: ask('stream') });
    const theirs = await runner.finalChatCompletion();
    const ours = await collectChatCompletion(new Response(ANSWERS.stream[1]), { profile: 'openai' });
    // The openai package's parse helpers add `parsed: null` to each message (finalizeChatCompletion); the rest is equal.
    for (const c of theirs.choices) delete c.message.parsed;
    assert.deepEqual(ours, theirs);
    assert.deepEqual(ours.choices[0].message.tool_calls, [WEATHER]);
    assert.equal(ours.choices[0].message.content, 'Hello.');
  });

  for (const [name, check] of [
    [
      'bad-chunk',
      (cause) => {
        assert.ok(cause instanceof CompletionValidationError);
        assert.match(cause.message, /^Invalid ChatCompletionChunk \(event 1/);
        assert.equal(cause.issues[0].pathString, 'created');
      },
    ],
    [
      'error-event',
      (cause) => {
        assert.ok(cause instanceof CompletionApiError);
        assert.match(cause.message, /The server is overloaded/);
      },
    ],
  ]) {
    test(`a stream with ${name}: the chunks before it, then our error`, async () => {
      const contents = [];
      await assert.rejects(
        async () => {
          for await (const chunk of await client().chat.completions.create({ model: 'mock-chat', messages: ask(name), stream: true }))
            contents.push(chunk.choices[0]?.delta.content);
        },
        (error) => {
          check(rootCause(error));
          return true;
        },
      );
      assert.deepEqual(contents, ['Hel']);
    });
  }

  test('one validatingFetch checks both endpoints: the URL says which document', async () => {
    const checked = validatingFetch({ profile: 'openai' });
    const body = JSON.stringify({ messages: ask('valid') });
    const chat = await checked(`${baseURL}/chat/completions`, { method: 'POST', body });
    assert.equal(await chat.text(), ANSWERS.valid[1]);
    // The same chat body answered to a /completions request is no CompletionResponse.
    await assert.rejects(checked(`${baseURL}/completions`, { method: 'POST', body }), (error) => {
      assert.match(error.message, /^Invalid CompletionResponse: /);
      return true;
    });
  });

  test('parseResponse reads the endpoint from the Response URL, or from its endpoint option', async () => {
    const fetched = await fetch(`${baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify({ messages: ask('valid') }) });
    assert.deepEqual(await parseResponse(fetched, { profile: 'openai' }), JSON.parse(ANSWERS.valid[1]));
    const made = new Response(ANSWERS.valid[1], { headers: { 'content-type': 'application/json' } });
    assert.deepEqual(await parseResponse(made, { profile: 'openai', endpoint: 'chat' }), JSON.parse(ANSWERS.valid[1]));
  });
});

describe("the AI SDK's openai-compatible chat model with validatingFetch", () => {
  const provider = (profile = 'openai-compatible') => createOpenAICompatible({ name: 'mock', baseURL, apiKey: 'test', fetch: validatingFetch({ profile }) });
  const weather = tool({ description: 'the weather', inputSchema: jsonSchema({ type: 'object', properties: { city: { type: 'string' } } }) });

  test('generateText with tools gets the tool call', async () => {
    const { toolCalls, finishReason } = await generateText({ model: provider().chatModel('mock-chat'), prompt: 'tool-call', tools: { weather }, maxRetries: 0 });
    assert.equal(finishReason, 'tool-calls');
    assert.deepEqual(
      toolCalls.map((c) => [c.toolName, c.input]),
      [['weather', { city: 'Paris' }]],
    );
  });

  test('streamText gets the text of a valid stream', async () => {
    const result = streamText({ model: provider().chatModel('mock-chat'), prompt: 'stream', tools: { weather }, maxRetries: 0 });
    let text = '';
    for await (const part of result.textStream) text += part;
    assert.equal(text, 'Hello.');
  });

  test('generateText on an invalid body fails with our error as the cause', async () => {
    await assert.rejects(generateText({ model: provider('openai').chatModel('mock-chat'), prompt: 'bad-body', maxRetries: 0 }), (error) => {
      assert.ok(rootCause(error) instanceof CompletionValidationError, `${error} (cause: ${rootCause(error)})`);
      return true;
    });
  });

  test('streamText on a stream with an invalid chunk ends in our error', async () => {
    const result = streamText({ model: provider().chatModel('mock-chat'), prompt: 'bad-chunk', maxRetries: 0 });
    await assert.rejects(
      async () => {
        for await (const _part of result.textStream);
      },
      (error) => {
        const cause = rootCause(error);
        assert.ok(cause instanceof CompletionValidationError, `${error}`);
        assert.equal(cause.issues[0].pathString, 'created');
        return true;
      },
    );
  });
});
