// A short soak (the long one is `npm run soak`, tests/soak.js) and the limits
// that tests/js/issues.test.js and api.test.js do not already cover: huge
// nesting, huge strings, huge arrays, inputs over maxBytes (never copied into
// wasm memory), and documents with far more issues than maxIssues.
// Not here: a Content-Length that lies about a 1 GB body (the stream reader's
// business), and maxIssues' marker itself (issues.test.js, api.test.js).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { runSoak, openApi } from '../soak.js';

const MB = 1024 * 1024;

/** Runs fn, returns [its result, milliseconds]. */
function timed(fn) {
  const start = performance.now();
  const result = fn();
  return [result, Math.round(performance.now() - start)];
}

const HEAD = '{"id":"cmpl-1","object":"completion","created":1677652288,"model":"m","choices":[';
const TAIL = '],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}';
const oneChoice = (text) => `${HEAD}{"text":${text},"index":0,"logprobs":null,"finish_reason":"stop"}${TAIL}`;

test('a short soak: 20,000 mixed calls on one instance', async (t) => {
  const report = await runSoak({ calls: 20_000, hugeEvery: 5_000, seed: 7 });
  assert.deepEqual(report.problems, []);
  assert.ok(report.end.wasmBytes <= report.afterWarmup.wasmBytes, 'wasm memory did not grow after the first 1000 calls');
  assert.equal(report.sameInFresh, 1000, 'the last 1000 calls give the same in a fresh instance');
  assert.ok(report.hugeCalls >= 6 && report.valid > 5000 && report.calls - report.valid > 5000);
  t.diagnostic(`${report.calls} calls in ${report.seconds.toFixed(1)} s; wasm memory ${report.afterWarmup.wasmBytes} -> ${report.end.wasmBytes} bytes`);
});

describe('limits', () => {
  const core = openApi('limits');

  test('1,000,000 "[" is too_deep at once, as a string and as bytes', async (t) => {
    const { api } = await core;
    const text = '['.repeat(1_000_000);
    for (const input of [text, new TextEncoder().encode(text)]) {
      // No recursion: 1,000,000 levels would overflow the wasm stack and trap.
      const [issues, ms] = timed(() => api.validateCompletionResponse(input));
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.offset]),
        [['too_deep', 64]],
      );
      const [capped] = api.validateCompletionResponse(input, { maxDepth: 1000 });
      assert.deepEqual([capped.code, capped.offset], ['too_deep', 1000]);
      t.diagnostic(`${typeof input === 'string' ? 'string' : 'bytes'}: ${ms} ms`);
    }
    // Objects nest the same way.
    const [issue] = api.validateCompletionResponse('{"a":'.repeat(1_000_000));
    assert.deepEqual([issue.code, issue.offset], ['too_deep', 64 * 5]);
  });

  for (const [name, character, escaped] of [
    ['ASCII', 'a', 'a'],
    ['two-byte UTF-8', 'é', 'é'],
    ['escapes', '\n', '\\n'],
  ]) {
    test(`a 50 MB string in text (${name}) parses to the same string`, async (t) => {
      const { api } = await core;
      const bytesPerCharacter = new TextEncoder().encode(escaped).length;
      const count = Math.floor(50_000_000 / bytesPerCharacter);
      const json = oneChoice(`"${escaped.repeat(count)}"`);
      const [parsed, ms] = timed(() => api.parseCompletionResponse(json));
      assert.equal(parsed.choices[0].text.length, count);
      assert.ok(parsed.choices[0].text === character.repeat(count), 'the text comes back unchanged');
      const [issues, validateMs] = timed(() => api.validateCompletionResponse(new TextEncoder().encode(json)));
      assert.deepEqual(issues, []);
      t.diagnostic(`${(Buffer.byteLength(json) / MB).toFixed(0)} MB of JSON: parse ${ms} ms, validate (bytes) ${validateMs} ms`);
    });
  }

  test('a choices array of 1,000,000 elements is valid and parses', async (t) => {
    const { api } = await core;
    const choices = Array.from({ length: 1_000_000 }, (_, index) => `{"text":"","index":${index},"finish_reason":"stop"}`);
    const json = `${HEAD}${choices.join(',')}${TAIL}`;
    const [issues, validateMs] = timed(() => api.validateCompletionResponse(json));
    assert.deepEqual(issues, []);
    const [parsed, parseMs] = timed(() => api.parseCompletionResponse(json));
    assert.equal(parsed.choices.length, 1_000_000);
    assert.deepEqual(parsed.choices[999_999], { text: '', index: 999_999, finish_reason: 'stop' });
    // A bad last element is still found, with its index in the path.
    const broken = json.replace(/"stop"}\]/, '"halt"}]');
    const [issue] = api.validateCompletionResponse(broken);
    assert.equal(issue.pathString, 'choices[999999].finish_reason');
    t.diagnostic(`${(Buffer.byteLength(json) / MB).toFixed(0)} MB: validate ${validateMs} ms, parse ${parseMs} ms`);
  });

  test('an input over maxBytes is too_large without being copied into wasm memory', async (t) => {
    const { api, memoryBytes } = await core;
    const before = memoryBytes();
    const bytes = new Uint8Array(256 * MB); // zeros: not JSON, but too_large comes first
    for (const input of [bytes, bytes.buffer, new DataView(bytes.buffer)]) {
      const [issues, ms] = timed(() => api.validateCompletionResponse(input, { maxBytes: 1024 }));
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.offset]),
        [['too_large', 0]],
      );
      assert.equal(memoryBytes(), before, 'the bytes were not copied into wasm memory');
      t.diagnostic(`256 MB as ${Object.prototype.toString.call(input)}: ${ms} ms`);
    }
    // The default limit (64 MiB) works the same way.
    assert.deepEqual(
      api.validateCompletionResponse(bytes).map((issue) => issue.code),
      ['too_large'],
    );
    // A string is not encoded either (its UTF-8 length is counted, in JS, for the message).
    const text = 'x'.repeat(100 * MB);
    const [issues, stringMs] = timed(() => api.validateCompletionResponse(text, { maxBytes: 1024 }));
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.offset]),
      [['too_large', 0]],
    );
    assert.equal(memoryBytes(), before, 'wasm memory did not grow');
    t.diagnostic(`wasm memory stayed at ${before} bytes; a 100 MB string took ${stringMs} ms`);
  });

  test('200,000 issues: maxIssues bounds the list, and the work stays linear', async (t) => {
    const { api } = await core;
    const choices = Array.from({ length: 200_000 }, (_, index) => `{"text":"","index":${index},"finish_reason":"halt"}`);
    const [issues, ms] = timed(() => api.validateCompletionResponse(`${HEAD}${choices.join(',')}${TAIL}`));
    assert.equal(issues.length, 101);
    assert.equal(issues[99].pathString, 'choices[99].finish_reason');
    assert.equal(issues[100].code, 'too_many_issues');
    // 200,000 repeats of one key: sorted, not compared pairwise.
    const keys = `{${Array.from({ length: 200_000 }, (_, i) => `"k":${i}`).join(',')}}`;
    const duplicated = oneChoice('""').replace('"logprobs":null', `"logprobs":${keys}`);
    const [duplicates, duplicatesMs] = timed(() => api.validateCompletionResponse(duplicated, { maxIssues: 1000 }));
    assert.equal(duplicates.length, 1001);
    assert.ok(duplicates.slice(0, 1000).every((issue) => issue.code === 'duplicate_key' && issue.pathString === 'choices[0].logprobs.k'));
    // A guard against quadratic work, not a timing target: both take a few
    // hundred ms at most here, and comparing 200,000 keys pairwise would take minutes.
    assert.ok(ms < 5000 && duplicatesMs < 5000, `${ms} ms, ${duplicatesMs} ms`);
    t.diagnostic(`200,000 bad choices: ${ms} ms; 200,000 repeated keys: ${duplicatesMs} ms`);
  });
});
