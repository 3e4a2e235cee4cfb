// The chat stream assembler (js/stream/assemble-chat.js) against the real
// openai package: the same chunks, as SSE bytes through an OpenAI client's
// chat.completions.stream() and its finalChatCompletion(), and as objects
// through ChatAssembly, must give the same chat.completion, field order
// included. The streams are generated (seeded, so a failure repeats: the seed
// is in the test's name) and, when present, the real ones of
// tests/fixtures/chat-servers/. Then the cases where the openai package
// throws, drops or invents, where the assembler reports an issue instead
// (or, under openai-compatible, applies its written-down leniency), and
// memory: many deltas cost a small multiple of the result.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import OpenAI from 'openai';
import { camelCase } from '../../js/decode.js';
import { ChatAssembly, MAX_INDEX } from '../../js/stream/assemble-chat.js';
import { ASSEMBLERS } from '../../js/stream/assemblers.js';
import { fixturesDir } from './helpers.js';

const encoder = new TextEncoder();
/** The chunks of an event stream whose events are `data: <json>` lines (those of tests/fixtures/chat-servers/). */
const chunksOf = (body) =>
  body
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:') && line.slice(5).trim() !== '[DONE]')
    .map((line) => JSON.parse(line.slice(5)));
const sseOf = (chunks) => chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('') + 'data: [DONE]\n\n';

/** What the openai package makes of an event stream: its finalChatCompletion(), or the error it throws. */
async function openaiFinal(body) {
  const client = new OpenAI({
    apiKey: 'test',
    baseURL: 'http://openai.invalid/v1',
    maxRetries: 0,
    fetch: async () => new Response(encoder.encode(body), { headers: { 'content-type': 'text/event-stream' } }),
  });
  const stream = client.chat.completions.stream({ model: 'm', messages: [] });
  stream.on('error', () => {}); // the error is finalChatCompletion()'s to throw
  return stream.finalChatCompletion();
}

/**
 * What the openai package adds that is no field of a chat.completion, and
 * what the assembler drops on purpose: its parse helper's `parsed: null` in
 * each message (ParsedChatCompletion), and `obfuscation`, per-event padding
 * (dropped from assembled completions too).
 */
function withoutHelperFields(completion) {
  const { obfuscation, ...rest } = completion;
  return { ...rest, choices: rest.choices.map((choice) => ({ ...choice, message: withoutKey(choice.message, 'parsed') })) };
}

const withoutKey = (object, key) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

function assemble(chunks, { profile = 'openai', keys = 'wire', maxIssues = 100 } = {}) {
  const assembly = new ChatAssembly({ profile, keys, maxIssues, flags: 0 });
  chunks.forEach((item, event) => assembly.add(item, event));
  return assembly.finish({ offset: 1000, line: 50, column: 1 });
}

/** Deep-equal and the same field order (JSON.stringify follows it). */
function assertSameDocument(ours, theirs, message) {
  assert.deepStrictEqual(ours, theirs, message);
  assert.equal(JSON.stringify(ours), JSON.stringify(theirs), `${message}: field order`);
}

/** Every key camelCased, as keys: "camel" renames the wire's snake_case. */
function camelKeys(value) {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [camelCase(key), camelKeys(inner)]));
}

// ---- generated streams ----

/** mulberry32: a small seeded generator, so that each stream can be made again from its seed. */
function randomOf(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  return { next, int, pick: (list) => list[int(0, list.length - 1)] };
}

const WORDS = ['Hello', ' world', ', ', 'naïve', ' café', ' 😀', ' "quoted"', '\n', ' {json}', ' 日本語', ' end.'];

/** A text cut into pieces of random lengths (by code point, so that no surrogate pair is split). */
function split(random, text) {
  const points = [...text];
  const pieces = [];
  for (let at = 0; at < points.length; ) {
    const length = random.int(1, 6);
    pieces.push(points.slice(at, at + length).join(''));
    at += length;
  }
  return pieces;
}

function tokenLogprobs(random, text) {
  return { token: text, logprob: -random.next(), bytes: [...encoder.encode(text)], top_logprobs: [] };
}

/**
 * One choice's deltas, in order: { delta, logprobs?, finish_reason? } pieces
 * of a message with content, a refusal, or parallel tool calls split across
 * deltas (several fragments of different calls sometimes in one delta).
 */
function choiceDeltas(random, withLogprobs) {
  const kind = random.pick(['content', 'content', 'refusal', 'tools', 'content+tools']);
  const first = { delta: { role: 'assistant', content: '' } };
  if (withLogprobs) first.logprobs = { content: [], refusal: null };
  const deltas = [first];
  const text = Array.from({ length: random.int(1, 12) }, () => random.pick(WORDS)).join('');
  if (kind === 'content' || kind === 'content+tools') {
    for (const piece of split(random, text)) {
      const step = { delta: { content: piece } };
      if (withLogprobs) step.logprobs = { content: [tokenLogprobs(random, piece)], refusal: null };
      deltas.push(step);
    }
  }
  if (kind === 'refusal') {
    for (const piece of split(random, `I can't help with that.${text}`)) {
      const step = { delta: { refusal: piece } };
      if (withLogprobs) step.logprobs = { content: null, refusal: [tokenLogprobs(random, piece)] };
      deltas.push(step);
    }
  }
  let finish = kind === 'refusal' ? 'stop' : random.pick(['stop', 'length', 'content_filter']);
  if (kind === 'tools' || kind === 'content+tools') {
    deltas.push(...toolCallDeltas(random));
    finish = 'tool_calls';
  }
  deltas.push({ delta: {}, finish_reason: finish });
  return deltas;
}

function toolCallDeltas(random) {
  const calls = Array.from({ length: random.int(1, 3) }, (_, index) => ({
    index,
    fragments: split(random, JSON.stringify({ city: random.pick(WORDS), n: random.int(0, 99), list: [random.pick(WORDS)] })),
  }));
  const deltas = calls.map(({ index }) => ({
    delta: { tool_calls: [{ index, id: `call_${index}_${random.int(0, 1e6)}`, type: 'function', function: { name: `tool_${index}`, arguments: '' } }] },
  }));
  // The calls' fragments interleaved: merging goes by index, not by arrival.
  const pending = calls.map((call) => ({ ...call, at: 0 }));
  while (pending.some((call) => call.at < call.fragments.length)) {
    const open = pending.filter((call) => call.at < call.fragments.length);
    const together = open.slice(0, random.int(1, open.length));
    deltas.push({ delta: { tool_calls: together.map((call) => ({ index: call.index, function: { arguments: call.fragments[call.at++] } })) } });
  }
  return deltas;
}

/** A whole chat stream from a seed: n choices interleaved, then maybe a usage-only last chunk with choices: []. */
function generatedStream(seed) {
  const random = randomOf(seed);
  const n = random.int(1, 3);
  const withLogprobs = random.next() < 0.5;
  const withUsage = random.next() < 0.5;
  const head = { id: `chatcmpl-${seed}`, object: 'chat.completion.chunk', created: 1_700_000_000 + seed, model: 'gpt-test' };
  if (random.next() < 0.5) head.service_tier = 'default';
  head.system_fingerprint = random.pick(['fp_abc', null]);
  const queues = Array.from({ length: n }, (_, index) => ({ index, deltas: choiceDeltas(random, withLogprobs) }));
  const chunks = [];
  while (queues.some((queue) => queue.deltas.length > 0)) {
    const open = queues.filter((queue) => queue.deltas.length > 0);
    const choices = open.slice(0, random.int(1, open.length)).map((queue) => {
      const { delta, logprobs = null, finish_reason = null } = queue.deltas.shift();
      return { index: queue.index, delta, logprobs, finish_reason };
    });
    chunks.push({ ...head, choices, ...(withUsage ? { usage: null } : {}) });
  }
  if (withUsage) chunks.push({ ...head, choices: [], usage: { prompt_tokens: 9, completion_tokens: chunks.length, total_tokens: 9 + chunks.length } });
  return chunks;
}

describe('assembled like the openai package', () => {
  const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

  test('the assembler is the table entry of the chat document', () => {
    assert.equal(ASSEMBLERS.chatStreamEvent.Assembler, ChatAssembly);
    assert.equal(ASSEMBLERS.chatStreamEvent.document, 'ChatCompletion');
  });

  for (const seed of SEEDS) {
    test(`generated stream, seed ${seed}`, async () => {
      const chunks = generatedStream(seed);
      const theirs = withoutHelperFields(await openaiFinal(sseOf(chunks)));
      for (const profile of ['openai', 'openai-compatible', 'r9s']) {
        const { value, issues } = assemble(chunks, { profile });
        assert.deepEqual(issues, [], profile);
        assertSameDocument(value, theirs, profile);
      }
      // keys: "camel" gives the same document with camelCase names.
      const camel = assemble(camelKeys(chunks), { keys: 'camel' });
      assert.deepEqual(camel.issues, []);
      assertSameDocument(camel.value, camelKeys(theirs), 'camel');
    });
  }

  test('the generated streams cover n > 1, parallel tool calls, refusals, logprobs and usage-only last chunks', () => {
    const all = SEEDS.map(generatedStream);
    const choicesOf = (chunks) => new Set(chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.index))).size;
    assert.ok(all.some((chunks) => choicesOf(chunks) > 1));
    assert.ok(all.some((chunks) => chunks.some((chunk) => chunk.choices.some((choice) => (choice.delta.tool_calls?.length ?? 0) > 1))));
    assert.ok(all.some((chunks) => chunks.some((chunk) => chunk.choices.some((choice) => choice.delta.refusal))));
    assert.ok(all.some((chunks) => chunks.some((chunk) => chunk.choices.some((choice) => choice.logprobs?.content?.length > 0))));
    assert.ok(all.some((chunks) => chunks.at(-1).choices.length === 0 && chunks.at(-1).usage));
  });

  const realDir = path.join(fixturesDir, 'chat-servers');
  const real = existsSync(realDir)
    ? readdirSync(realDir, { recursive: true })
        .filter((file) => file.endsWith('.sse') && !file.startsWith('errors'))
        .sort()
    : [];
  test('real chat streams are compared when tests/fixtures/chat-servers/ has them', (t) => {
    t.diagnostic(real.length === 0 ? 'no tests/fixtures/chat-servers/*.sse in this checkout' : `${real.length} real streams: ${real.join(', ')}`);
  });
  const TGI_NO_FINISH = 'tgi/3.1.2-tool-call-stream-no-finish.sse';
  test(`openai-compatible assembles ${TGI_NO_FINISH}, which never sends a finish_reason, when present`, { skip: !real.includes(TGI_NO_FINISH) }, () => {
    const chunks = chunksOf(readFileSync(path.join(realDir, TGI_NO_FINISH), 'utf8'));
    assert.equal(assemble(chunks).issues[0].pathString, 'choices[0].finish_reason');
    const { value, issues } = assemble(chunks, { profile: 'openai-compatible' });
    assert.deepEqual(issues, []);
    assert.equal(value.choices[0].finish_reason, null);
    assert.equal(value.choices[0].message.tool_calls[0].function.name, 'get_current_weather');
  });
  for (const file of real) {
    test(`real stream ${file}`, async (t) => {
      const body = readFileSync(path.join(realDir, file), 'utf8');
      const chunks = chunksOf(body);
      const theirs = await openaiFinal(body.endsWith('[DONE]\n\n') ? body : `${body.replace(/\n*$/, '\n\n')}data: [DONE]\n\n`).then(withoutHelperFields, (error) => error);
      const { value, issues } = assemble(chunks);
      if (theirs instanceof Error) {
        // Where the openai package throws, the openai profile reports why.
        assert.ok(issues.length > 0, `the openai package threw (${theirs.message.split('\n')[0]}); expected issues`);
        t.diagnostic(`the openai package throws "${theirs.message.split('\n')[0]}"; the issues: ${issues.map((issue) => issue.message).join('; ')}`);
        return;
      }
      assert.deepEqual(issues, []);
      assertSameDocument(value, theirs, file);
      t.diagnostic('the same document as the openai package');
    });
  }
});

// ---- where the openai package throws, drops or invents ----

const HEAD = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const chunk = (choices, extra = {}) => ({ ...HEAD, ...extra, choices });
const choice = (delta, finish_reason = null, index = 0) => ({ index, delta, logprobs: null, finish_reason });
const call = (fields) => ({ type: 'function', ...fields });

/** The openai package's verdict on chunks: its error's message, or null when it assembles them. */
const openaiThrows = (chunks) =>
  openaiFinal(sseOf(chunks)).then(
    () => null,
    (error) => error.message.split('\n')[0],
  );

describe('edge cases: an issue with the event and the path, where the openai package throws or guesses', () => {
  test('a tool-call delta without index: the openai package drops the call; openai reports it, openai-compatible takes it as the next call', async () => {
    // As Ollama (ollama/ollama#7881) sends them: each call whole, in a chunk of its own, without index.
    const chunks = [
      chunk([choice({ role: 'assistant', tool_calls: [call({ id: 'a', function: { name: 'f', arguments: '{"x":1}' } })] })]),
      chunk([choice({ tool_calls: [call({ id: 'b', function: { name: 'g', arguments: '{}' } })] })]),
      chunk([choice({}, 'tool_calls')]),
    ];
    const theirs = withoutHelperFields(await openaiFinal(sseOf(chunks)));
    assert.deepEqual(theirs.choices[0].message.tool_calls, [], 'the openai package keeps no call');
    const strict = assemble(chunks);
    assert.deepEqual(
      strict.issues.map(({ code, pathString, event }) => ({ code, pathString, event })),
      [
        { code: 'missing_field', pathString: 'choices[0].delta.tool_calls[0].index', event: 0 },
        { code: 'missing_field', pathString: 'choices[0].delta.tool_calls[0].index', event: 1 },
      ],
    );
    assert.match(strict.issues[1].message, /^choices\[0\]\.delta\.tool_calls\[0\]\.index of event 1: expected an integer from 0 to 127, got nothing/);
    assert.deepEqual([strict.issues[0].offset, strict.issues[0].line], [1000, 50], 'positioned where the stream ended');
    const lenient = assemble(chunks, { profile: 'openai-compatible' });
    assert.deepEqual(lenient.issues, []);
    assert.deepEqual(lenient.value.choices[0].message.tool_calls, [
      { id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } },
      { id: 'b', type: 'function', function: { name: 'g', arguments: '{}' } },
    ]);
  });

  test('openai-compatible: a delta without index and without id continues the last call (Gemini, openai/openai-python#2806)', () => {
    const chunks = [
      chunk([choice({ role: 'assistant', tool_calls: [call({ id: 'a', function: { name: 'f', arguments: '{"x":' } })] })]),
      chunk([choice({ tool_calls: [{ function: { arguments: '1}' } }] })]),
      chunk([choice({}, 'tool_calls')]),
    ];
    const { value, issues } = assemble(chunks, { profile: 'openai-compatible' });
    assert.deepEqual(issues, []);
    assert.deepEqual(value.choices[0].message.tool_calls, [{ id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }]);
  });

  test(`a tool-call or choice index above ${MAX_INDEX}: the openai package throws; here an issue, and no sparse array`, async () => {
    const tool = [
      chunk([choice({ role: 'assistant', tool_calls: [call({ index: MAX_INDEX + 1, id: 'a', function: { name: 'f', arguments: '{}' } })] })]),
      chunk([choice({}, 'tool_calls')]),
    ];
    assert.match(await openaiThrows(tool), /Cannot read properties of undefined/);
    const wide = [chunk([choice({ role: 'assistant', content: 'x' }, 'stop', 4_000_000_000)])];
    assert.match(await openaiThrows(wide), /Cannot read properties of undefined/);
    for (const profile of ['openai', 'openai-compatible']) {
      const ofTool = assemble(tool, { profile });
      assert.deepEqual(
        ofTool.issues.map(({ code, pathString, event, received }) => ({ code, pathString, event, received })),
        [{ code: 'too_large', pathString: 'choices[0].delta.tool_calls[0].index', event: 0, received: '128' }],
      );
      assert.deepEqual(ofTool.value.choices[0].message.tool_calls, []);
      const ofChoice = assemble(wide, { profile });
      assert.deepEqual(
        ofChoice.issues.map(({ code, pathString, event }) => ({ code, pathString, event })),
        [{ code: 'too_large', pathString: 'choices[0].index', event: 0 }],
      );
      assert.deepEqual(ofChoice.value.choices, []);
    }
    const negative = [chunk([choice({ role: 'assistant', tool_calls: [call({ index: -1, id: 'a', function: { name: 'f', arguments: '{}' } })] })])];
    assert.deepEqual(assemble(negative).issues.map(({ code, pathString }) => ({ code, pathString }))[0], {
      code: 'invalid_type',
      pathString: 'choices[0].delta.tool_calls[0].index',
    });
  });

  test('an index that skips one: the openai package throws (a hole); here the missing ones are issues', async () => {
    const chunks = [chunk([choice({ role: 'assistant', tool_calls: [call({ index: 2, id: 'a', function: { name: 'f', arguments: '{}' } })] }, 'tool_calls', 1)])];
    assert.match(await openaiThrows(chunks), /Cannot read properties of undefined/);
    const { issues } = assemble(chunks, { profile: 'openai-compatible' });
    assert.deepEqual(
      issues.map(({ code, pathString }) => ({ code, pathString })),
      [
        { code: 'missing_field', pathString: 'choices[0]' },
        { code: 'missing_field', pathString: 'choices[1].message.tool_calls[0]' },
        { code: 'missing_field', pathString: 'choices[1].message.tool_calls[1]' },
      ],
    );
  });

  test('a stream without chunks: the openai package throws; here the response fields are missing', async () => {
    assert.equal(await openaiThrows([]), 'request ended without sending any chunks');
    const { value, issues } = assemble([]);
    assert.equal(value, undefined);
    assert.deepEqual(
      issues.map(({ code, pathString }) => ({ code, pathString })),
      ['id', 'created', 'model'].map((pathString) => ({ code: 'missing_field', pathString })),
    );
  });

  test('a choice without finish_reason: the openai package throws; openai reports it, openai-compatible gives null', async () => {
    const chunks = [chunk([choice({ role: 'assistant', content: 'Hi' })])];
    assert.equal(await openaiThrows(chunks), 'missing finish_reason for choice 0');
    const strict = assemble(chunks);
    assert.deepEqual(
      strict.issues.map(({ code, pathString }) => ({ code, pathString })),
      [{ code: 'missing_field', pathString: 'choices[0].finish_reason' }],
    );
    const lenient = assemble(chunks, { profile: 'openai-compatible' });
    assert.deepEqual(lenient.issues, []);
    assert.equal(lenient.value.choices[0].finish_reason, null);
    const camel = assemble(camelKeys(chunks), { keys: 'camel' });
    assert.equal(camel.issues[0].pathString, 'choices[0].finishReason');
  });

  test('a choice without role: the openai package throws; here an issue', async () => {
    const chunks = [chunk([choice({ content: 'Hi' }, 'stop')])];
    assert.equal(await openaiThrows(chunks), 'missing role for choice 0');
    assert.deepEqual(
      assemble(chunks, { profile: 'openai-compatible' }).issues.map(({ pathString }) => pathString),
      ['choices[0].message.role'],
    );
  });

  test('a tool call without id: the openai package makes one up (call_ and a UUID); here an issue, as no server gave it', async () => {
    const chunks = [chunk([choice({ role: 'assistant', tool_calls: [call({ index: 0, function: { name: 'f', arguments: '{}' } })] })]), chunk([choice({}, 'tool_calls')])];
    const theirs = await openaiFinal(sseOf(chunks));
    assert.match(theirs.choices[0].message.tool_calls[0].id, /^call_[0-9a-f-]{36}$/);
    assert.deepEqual(
      assemble(chunks).issues.map(({ pathString }) => pathString),
      ['choices[0].message.tool_calls[0].id'],
    );
  });

  test('a tool call without type or without function: the openai package throws; here issues', async () => {
    const untyped = [chunk([choice({ role: 'assistant', tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] })]), chunk([choice({}, 'tool_calls')])];
    assert.equal(await openaiThrows(untyped), 'tool call snapshot missing `type`');
    assert.deepEqual(
      assemble(untyped).issues.map(({ pathString }) => pathString),
      ['choices[0].message.tool_calls[0].type'],
    );
    const nameless = [chunk([choice({ role: 'assistant', tool_calls: [call({ index: 0, id: 'a' })] })]), chunk([choice({}, 'tool_calls')])];
    assert.match(await openaiThrows(nameless), /Cannot read properties of undefined/);
    assert.deepEqual(
      assemble(nameless).issues.map(({ pathString }) => pathString),
      ['choices[0].message.tool_calls[0].function.name', 'choices[0].message.tool_calls[0].function.arguments'],
    );
  });

  test("a choice's first chunk with logprobs: the openai package counts its entries twice, the assembler once", async () => {
    const token = (text) => ({ token: text, logprob: -1, bytes: [...encoder.encode(text)], top_logprobs: [] });
    const chunks = [
      chunk([{ ...choice({ role: 'assistant', content: 'a' }), logprobs: { content: [token('a')], refusal: null } }]),
      chunk([{ ...choice({ content: 'b' }, 'stop'), logprobs: { content: [token('b')], refusal: null } }]),
    ];
    const theirs = await openaiFinal(sseOf(chunks));
    assert.deepEqual(
      theirs.choices[0].logprobs.content.map((entry) => entry.token),
      ['a', 'a', 'b'],
    );
    const { value } = assemble(chunks);
    assert.deepEqual(
      value.choices[0].logprobs.content.map((entry) => entry.token),
      ['a', 'b'],
    );
    assert.deepEqual(chunks[0].choices[0].logprobs.content.length, 1, "the chunk's own list is left alone");
  });

  test('the response fields: last value wins from chunks with an id, as in the openai package', async () => {
    const chunks = [
      chunk([choice({ role: 'assistant', content: 'a' })], { system_fingerprint: 'fp_1', usage: null }),
      chunk([choice({ content: 'b' }, 'stop')], { id: 'chatcmpl-2', system_fingerprint: 'fp_2' }),
      chunk([], { id: '', model: 'ignored: no id', usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } }),
    ];
    const theirs = withoutHelperFields(await openaiFinal(sseOf(chunks)));
    const { value, issues } = assemble(chunks);
    assert.deepEqual(issues, []);
    assertSameDocument(value, theirs, 'last value wins');
    assert.equal(value.id, 'chatcmpl-2');
    assert.equal(value.usage, null, "the usage of a chunk without id is not taken, as the openai package doesn't");
  });

  test('issues stop at maxIssues', () => {
    const chunks = Array.from({ length: 10 }, () => chunk([choice({ role: 'assistant', tool_calls: [call({ id: 'a', function: { name: 'f', arguments: '' } })] })]));
    assert.equal(assemble(chunks, { maxIssues: 3 }).issues.length, 3);
  });
});

// ---- memory ----

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function heapAfterCollection() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('10 MB of arguments in 2 million deltas: held in memory within twice the result, and copied once more to join', () => {
  const DELTAS = 2_000_000;
  const PIECE = 5;
  const total = DELTAS * PIECE;
  const assembly = new ChatAssembly({ profile: 'openai', keys: 'wire', maxIssues: 100, flags: 0 });
  assembly.add(chunk([choice({ role: 'assistant', tool_calls: [call({ index: 0, id: 'a', function: { name: 'f', arguments: '' } })] })]), 0);
  const before = heapAfterCollection();
  for (let i = 1; i <= DELTAS; i++) {
    // A new string per delta, as the decoder makes them (a 5-char slice is a copy in V8, not a view).
    const piece = String.fromCharCode(97 + (i % 26)).repeat(PIECE - 1) + String.fromCharCode(48 + (i % 10));
    assembly.add(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, logprobs: null, finish_reason: null }]), i);
  }
  const held = heapAfterCollection() - before;
  assembly.add(chunk([choice({}, 'tool_calls')]), DELTAS + 1);
  const { value, issues } = assembly.finish();
  assert.deepEqual(issues, []);
  const args = value.choices[0].message.tool_calls[0].function.arguments;
  assert.equal(args.length, total);
  assert.equal(args.slice(0, 10), 'bbbb1cccc2');
  // One string per delta (2 million of about 24 B, plus the array's 16 MB) would be 60 MB and more; ropes as many.
  assert.ok(held < 2 * total, `held ${(held / 1e6).toFixed(1)} MB while assembling ${total / 1e6} MB of arguments`);
});
