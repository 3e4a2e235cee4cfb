// The profiles as a user meets them: the same documents, events and error
// envelopes under r9s, openai and openai-compatible, with the code and path
// each rejection gives. The tables behind them are tested against the
// published contracts in schema-spec.test.js and on real traffic in
// servers.test.js.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectCompletion, CompletionApiError, parseCompletionResponse, parseCompletionStream, parseResponse, PROFILES, validateCompletionResponse } from '../../js/index.js';
import { assertWellFormedIssues } from './helpers.js';

const HEAD = { id: 'cmpl-7', object: 'text_completion', created: 1700000000, model: 'gpt-3.5-turbo-instruct' };
const LOGPROBS = { tokens: ['Hi', '!'], token_logprobs: [null, -0.5], top_logprobs: [null, { '!': -0.5, '.': -1.25 }], text_offset: [0, 2] };
const body = (choice = {}, extra = {}) =>
  JSON.stringify({
    ...HEAD,
    choices: [{ text: 'Hi!', index: 0, logprobs: null, finish_reason: 'stop', ...choice }],
    ...extra,
  });
const issuesOf = (text, options) => {
  const issues = validateCompletionResponse(text, options);
  assertWellFormedIssues(issues);
  return issues.map((issue) => `${issue.code} ${issue.pathString}`);
};
/** The issues of `text` under r9s, openai and openai-compatible. */
const underEach = (text, options = {}) => PROFILES.map((profile) => issuesOf(text, { ...options, profile }));

describe('whole responses', () => {
  test("OpenAI's body: r9s names the profile to use; openai and openai-compatible accept it", () => {
    assert.deepEqual(underEach(body({}, { system_fingerprint: 'fp_1' })), [['invalid_literal object'], [], []]);
  });

  test("openai: logprobs is required, null or OpenAI's typed object (null first entries with echo)", () => {
    assert.deepEqual(underEach(body({ logprobs: LOGPROBS })), [['invalid_literal object'], [], []]);
    const { logprobs: _, ...noLogprobs } = JSON.parse(body()).choices[0];
    assert.deepEqual(underEach(JSON.stringify({ ...HEAD, choices: [noLogprobs] })), [['invalid_literal object'], ['missing_field choices[0].logprobs'], []]);
    const broken = { ...LOGPROBS, token_logprobs: [null, '-0.5'], text_offset: [0, 1.5], top_logprobs: [{ a: 'x' }] };
    assert.deepEqual(underEach(body({ logprobs: broken })), [
      ['invalid_literal object'],
      ['invalid_type choices[0].logprobs.token_logprobs[1]', 'invalid_type choices[0].logprobs.top_logprobs[0].a', 'not_integer choices[0].logprobs.text_offset[1]'],
      [],
    ]);
    // TGI's float array: any value under openai-compatible only.
    assert.deepEqual(underEach(body({ logprobs: [-0.1, -0.2] })), [['invalid_literal object', 'invalid_type choices[0].logprobs'], ['invalid_type choices[0].logprobs'], []]);
  });

  test('openai: typed logprobs come back whole; camel keys rename its fields but never the tokens of top_logprobs', () => {
    const text = body({ logprobs: LOGPROBS });
    assert.deepEqual(parseCompletionResponse(text, { profile: 'openai' }), JSON.parse(text));
    const camel = parseCompletionResponse(text, { profile: 'openai', keys: 'camel' });
    assert.deepEqual(camel.choices[0].logprobs, {
      tokens: ['Hi', '!'],
      tokenLogprobs: [null, -0.5],
      topLogprobs: [null, { '!': -0.5, '.': -1.25 }],
      textOffset: [0, 2],
    });
    assert.equal(camel.choices[0].finishReason, 'stop');
  });

  test("finish_reason: OpenAI's three values under openai (openEnums opens them), any string or null under openai-compatible", () => {
    assert.deepEqual(underEach(body({ finish_reason: 'eos_token' })).slice(1), [['invalid_enum choices[0].finish_reason'], []]);
    assert.deepEqual(issuesOf(body({ finish_reason: 'eos_token' }), { profile: 'openai', openEnums: true }), []);
    assert.deepEqual(underEach(body({ finish_reason: null })).slice(1), [['invalid_type choices[0].finish_reason'], []]);
    assert.deepEqual(underEach(body({ finish_reason: 7 })).slice(1), [['invalid_type choices[0].finish_reason'], ['invalid_type choices[0].finish_reason']]);
  });

  test('usage: null and null details only under openai-compatible; extra counters are unknown fields', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3, prompt_tokens_details: null, prompt_cache_hit_tokens: 1 };
    assert.deepEqual(underEach(body({}, { usage })).slice(1), [['invalid_type usage.prompt_tokens_details'], []]);
    assert.deepEqual(underEach(body({}, { usage: null })).slice(1), [['invalid_type usage'], []]);
    assert.deepEqual(issuesOf(body({}, { usage }), { profile: 'openai-compatible', unknownKeys: 'reject' }), ['unknown_field usage.prompt_cache_hit_tokens']);
    const kept = parseCompletionResponse(body({}, { usage }), { profile: 'openai-compatible', unknownKeys: 'keep' });
    assert.equal(kept.usage.prompt_cache_hit_tokens, 1);
  });

  test('openai-compatible still rejects what is really broken', () => {
    const compatible = { profile: 'openai-compatible' };
    assert.deepEqual(issuesOf(body({}, { id: 7 }), compatible), ['invalid_type id']);
    assert.deepEqual(issuesOf(body({}, { created: 2 ** 53 }), compatible), ['unsafe_integer created']);
    assert.deepEqual(issuesOf(body({ text: null }), compatible), ['invalid_type choices[0].text']);
    assert.deepEqual(issuesOf(body({ index: '0' }), compatible), ['invalid_type choices[0].index']);
    assert.deepEqual(issuesOf(body({}, { object: 'chat.completion' }), compatible), ['invalid_literal object']);
    assert.deepEqual(issuesOf(JSON.stringify({ ...HEAD, model: undefined, choices: [] }), compatible), ['missing_field model']);
    assert.ok(issuesOf('{"id":"a","id":"b"}', compatible).includes('duplicate_key id'));
    assert.deepEqual(issuesOf(new Uint8Array([0x7b, 0xff, 0x7d]), compatible), ['invalid_utf8 ']);
    assert.deepEqual(issuesOf(`${body()} x`, compatible), ['invalid_json ']);
  });

  test('a bad profile is a TypeError that names the option and the profiles', () => {
    assert.throws(() => validateCompletionResponse(body(), { profile: 'openai-ish' }), {
      name: 'TypeError',
      message: 'completion-wasm: profile must be "r9s" or "openai" or "openai-compatible", got "openai-ish"',
    });
  });
});

// ---- streams ----

const event = (choices, extra = {}) => JSON.stringify({ ...HEAD, choices, ...extra });
const sse = (datas, done = true) => datas.map((d) => `data: ${d}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
async function* chunks(...parts) {
  for (const part of parts) yield part;
}
async function events(text, options) {
  const out = [];
  for await (const e of parseCompletionStream(chunks(text), options)) out.push(e);
  return out;
}

describe('streams', () => {
  const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };

  test("OpenAI's stream with include_usage: finish_reason null, usage null, then a usage-only event with choices []", async () => {
    const stream = sse([
      event([{ text: 'Hi', index: 0, logprobs: null, finish_reason: null }], { usage: null }),
      event([{ text: '!', index: 0, logprobs: null, finish_reason: 'stop' }], { usage: null }),
      event([], { usage }),
    ]);
    for (const profile of ['openai', 'openai-compatible']) {
      assert.equal((await events(stream, { profile })).length, 3);
      const response = await collectCompletion(chunks(stream), { profile });
      assert.deepEqual(response, { ...HEAD, choices: [{ text: 'Hi!', index: 0, logprobs: null, finish_reason: 'stop' }], usage });
    }
  });

  test('a usage-only event may leave choices out under openai-compatible only, and only with usage', async () => {
    const stream = sse([event([{ text: 'Hi', index: 0, logprobs: null, finish_reason: 'stop' }]), JSON.stringify({ ...HEAD, usage })]);
    const response = await collectCompletion(chunks(stream), { profile: 'openai-compatible' });
    assert.deepEqual(response, { ...HEAD, choices: [{ text: 'Hi', index: 0, logprobs: null, finish_reason: 'stop' }], usage });
    await assert.rejects(
      collectCompletion(chunks(stream), { profile: 'openai' }),
      (error) => error.issues[0].code === 'missing_field' && error.issues[0].pathString === 'choices' && error.event.index === 1,
    );
    const neither = sse([JSON.stringify({ ...HEAD, usage: null })]);
    await assert.rejects(
      collectCompletion(chunks(neither), { profile: 'openai-compatible' }),
      (error) => error.issues[0].code === 'missing_field' && error.issues[0].pathString === 'choices',
    );
  });

  test('openai-compatible: a choice that never got a finish_reason is null in the response (TGI sends "" on every event)', async () => {
    const stream = sse([event([{ text: 'a', index: 0, finish_reason: '' }]), event([{ text: 'b', index: 0, finish_reason: null }])]);
    const response = await collectCompletion(chunks(stream), { profile: 'openai-compatible' });
    assert.equal(response.choices[0].finish_reason, '');
    const none = sse([event([{ text: 'a', index: 0 }])]);
    assert.equal((await collectCompletion(chunks(none), { profile: 'openai-compatible' })).choices[0].finish_reason, null);
    await assert.rejects(
      collectCompletion(chunks(sse([event([{ text: 'a', index: 0, logprobs: null, finish_reason: null }])])), { profile: 'openai' }),
      (error) => error.issues[0].code === 'missing_field' && error.issues[0].pathString === 'choices[0].finish_reason',
    );
  });

  test("system_fingerprint is part of openai's assembled response", async () => {
    const stream = sse([event([{ text: 'a', index: 0, logprobs: null, finish_reason: 'stop' }], { system_fingerprint: 'fp_9' })]);
    const response = await collectCompletion(chunks(stream), { profile: 'openai', keys: 'camel' });
    assert.equal(response.systemFingerprint, 'fp_9');
  });
});

describe('errors sent by the server', () => {
  const openaiError = { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } };

  test("OpenAI's error event inside a stream is a CompletionApiError under every profile", async () => {
    for (const [profile, issues] of [
      ['r9s', ['invalid_type error.param']],
      ['openai', []],
      ['openai-compatible', []],
    ]) {
      const object = profile === 'r9s' ? 'completion' : 'text_completion';
      const stream = sse([event([{ text: 'Hi', index: 0, logprobs: null, finish_reason: null }], { object }), JSON.stringify(openaiError)]);
      const seen = [];
      await assert.rejects(
        async () => {
          for await (const e of parseCompletionStream(chunks(stream), { profile })) seen.push(e);
        },
        (error) => {
          assert.ok(error instanceof CompletionApiError, `${profile}: ${error}`);
          assert.equal(error.message, 'The stream sent an error (event 1): The server had an error while processing your request. (server_error)');
          assert.deepEqual(error.body, openaiError);
          assert.deepEqual([error.type, error.code, error.param], ['server_error', null, null]);
          assert.deepEqual(
            error.issues.map((i) => `${i.code} ${i.pathString}`),
            issues,
            profile,
          );
          assert.equal(error.event.index, 1);
          return true;
        },
      );
      assert.equal(seen.length, 1);
    }
  });

  test("an error envelope of any shape is still the server's error; anything else is an invalid event", async () => {
    const odd = { error: { message: 'overloaded', code: 529, detail: 'x' } };
    await assert.rejects(collectCompletion(chunks(sse([JSON.stringify(odd)])), { profile: 'openai' }), (error) => {
      assert.ok(error instanceof CompletionApiError);
      assert.equal(error.code, 529);
      assert.deepEqual(error.body, odd);
      assert.deepEqual(error.issues.map((i) => `${i.code} ${i.pathString}`).sort(), ['invalid_type error.code', 'missing_field error.param', 'missing_field error.type']);
      return true;
    });
    await assert.rejects(
      collectCompletion(chunks(sse(['{"error":"overloaded"}'])), { profile: 'openai' }),
      (error) => !(error instanceof CompletionApiError) && error.issues.some((i) => i.code === 'missing_field' && i.pathString === 'id'),
    );
  });

  test('a 200 body that is an error envelope is a CompletionApiError from parseResponse', async () => {
    const response = new Response(JSON.stringify(openaiError), { status: 200, headers: { 'content-type': 'application/json' } });
    await assert.rejects(parseResponse(response, { profile: 'openai' }), (error) => {
      assert.ok(error instanceof CompletionApiError);
      assert.equal(error.status, 200);
      assert.equal(error.type, 'server_error');
      assert.deepEqual(error.issues, []);
      return true;
    });
  });
});
