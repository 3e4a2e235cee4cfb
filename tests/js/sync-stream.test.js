// completion-wasm/stream: createCompletionStreamParser (eventsource-parser's
// synchronous feed/end/reset shape) and CompletionEventStream (a
// transform stream for pipeThrough). They must see exactly the events parseCompletionStream
// sees, on every real stream and at every chunking, and report invalid
// events, error events and a missing [DONE] as it does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CompletionApiError, CompletionValidationError, parseCompletionStream } from 'completion-wasm';
import { CompletionEventStream, createCompletionStreamParser } from 'completion-wasm/stream';
import { fixturesDir } from './helpers.js';

const HEAD = { id: 'cmpl-1', object: 'text_completion', created: 1700000000, model: 'm' };
const event = (text, finish_reason = null) => JSON.stringify({ ...HEAD, choices: [{ text, index: 0, logprobs: null, finish_reason }] });
const sse = (...datas) => datas.map((data) => `data: ${data}\n\n`).join('');
const VALID = sse(event('Hel'), event('lo', 'stop'), '[DONE]');
const OPENAI = { profile: 'openai' };

/** What parseCompletionStream gives for the stream: its events, and the error that ended it (or null). */
async function iteratorView(bytes, options) {
  const events = [];
  try {
    for await (const e of parseCompletionStream(new Response(bytes).body, { ...options, onInvalid: 'skip', onInvalidEvent: (error) => events.push(['error', error.message]) }))
      events.push(e);
  } catch (error) {
    events.push(['thrown', error.message]);
  }
  return events;
}

/** The same through the synchronous parser, fed in chunks of `size` bytes. */
function parserView(bytes, options, size) {
  const events = [];
  const parser = createCompletionStreamParser({ ...options, onEvent: (e) => events.push(e), onError: (error) => events.push(['error', error.message]) });
  for (let at = 0; at < bytes.length; at += size) parser.feed(bytes.subarray(at, at + size));
  parser.end();
  return events;
}

describe('createCompletionStreamParser', () => {
  const serversDir = path.join(fixturesDir, 'servers');
  const streams = readdirSync(serversDir, { recursive: true }).filter((file) => file.endsWith('.sse'));

  test('sees what parseCompletionStream sees on every real stream, fed whole, in 64 KiB, 7-byte and 1-byte chunks', async () => {
    assert.ok(streams.length >= 8, `real streams in ${serversDir}`);
    for (const file of streams) {
      const bytes = new Uint8Array(readFileSync(path.join(serversDir, file)));
      const options = { profile: 'openai-compatible', keys: 'camel' };
      const expected = await iteratorView(bytes, options);
      assert.ok(expected.filter((e) => !Array.isArray(e)).length > 0, `${file} has valid events`);
      for (const size of [bytes.length, 65536, 7, 1]) assert.deepEqual(parserView(bytes, options, size), expected, `${file} in ${size}-byte chunks`);
    }
  });

  test('hands out each event inside feed(), before feed returns', () => {
    const seen = [];
    const parser = createCompletionStreamParser({ ...OPENAI, onEvent: (e, info) => seen.push([e.choices[0].text, info.index]) });
    parser.feed(sse(event('Hel')));
    assert.deepEqual(seen, [['Hel', 0]]);
    parser.feed(`data: ${event('lo', 'stop')}\n`);
    assert.equal(seen.length, 1, 'an event is not complete before its blank line');
    parser.feed('\n');
    assert.deepEqual(seen, [
      ['Hel', 0],
      ['lo', 1],
    ]);
  });

  test('text chunks may split a surrogate pair; a lone surrogate is invalid_utf8, not U+FFFD', () => {
    const texts = [];
    const errors = [];
    const parser = createCompletionStreamParser({ ...OPENAI, onEvent: (e) => texts.push(e.choices[0].text), onError: (error) => errors.push(error) });
    const stream = sse(event('a😀b'), event('xQy').replace('Q', '\uD800'), '[DONE]'); // JSON.stringify would escape it
    const cut = stream.indexOf('😀') + 1; // between the two halves of the pair
    parser.feed(stream.slice(0, cut));
    parser.feed(stream.slice(cut));
    parser.end();
    assert.deepEqual(texts, ['a😀b']);
    assert.equal(errors[0].issues[0].code, 'invalid_utf8');
  });

  test('onDone gets [DONE]; what follows it is not read, and end() then reports nothing', () => {
    const calls = [];
    const parser = createCompletionStreamParser({
      ...OPENAI,
      onEvent: () => calls.push('event'),
      onDone: (info) => calls.push(`done ${info.index}`),
      onError: (e) => calls.push(e),
    });
    parser.feed(VALID + sse(event('after')));
    parser.end();
    assert.deepEqual(calls, ['event', 'event', 'done 2']);
  });

  test('with onError, invalid events, error events and a missing [DONE] are reported and parsing goes on', () => {
    const calls = [];
    const parser = createCompletionStreamParser({
      ...OPENAI,
      onEvent: (e) => calls.push(e.choices[0].text),
      onError: (error) => calls.push(error),
    });
    parser.feed(sse(event('a'), '{"id": 1}', '{"error": {"message": "overloaded", "type": "server_error", "param": null, "code": null}}', event('b')));
    parser.end();
    assert.equal(calls[0], 'a');
    assert.ok(calls[1] instanceof CompletionValidationError && calls[1].event.index === 1, `${calls[1]}`);
    assert.ok(calls[2] instanceof CompletionApiError && calls[2].type === 'server_error', `${calls[2]}`);
    assert.equal(calls[3], 'b');
    assert.equal(calls[4].issues[0].code, 'truncated_stream');
    assert.equal(calls.length, 5);
  });

  test('without onError, feed throws the first invalid event and the parser refuses chunks until reset()', () => {
    const texts = [];
    const parser = createCompletionStreamParser({ ...OPENAI, onEvent: (e) => texts.push(e.choices[0].text) });
    assert.throws(
      () => parser.feed(sse(event('a'), '{"id": 1}', event('lost?'))),
      (error) => error instanceof CompletionValidationError && error.event.index === 1,
    );
    assert.deepEqual(texts, ['a']);
    // The event after the bad one was in the same chunk: refusing more chunks is what keeps that gap from passing unseen.
    assert.throws(
      () => parser.feed(sse(event('b'))),
      (error) => error.cause instanceof CompletionValidationError && /reset\(\)/.test(error.message),
    );
    parser.reset();
    parser.feed(VALID);
    assert.deepEqual(texts, ['a', 'Hel', 'lo']);
  });

  test('without onError, end() throws truncated_stream, and the parser is ready for another stream', () => {
    const texts = [];
    const parser = createCompletionStreamParser({ ...OPENAI, onEvent: (e) => texts.push(e.choices[0].text) });
    parser.feed(sse(event('a')));
    assert.throws(
      () => parser.end(),
      (error) => error.issues[0].code === 'truncated_stream',
    );
    parser.feed(VALID);
    parser.end();
    assert.deepEqual(texts, ['a', 'Hel', 'lo']);
  });

  test('an exception in a callback leaves feed, and stops the parser as an invalid event would', () => {
    const parser = createCompletionStreamParser({
      ...OPENAI,
      onEvent: () => {
        throw new Error('consumer failed');
      },
    });
    assert.throws(() => parser.feed(VALID), /consumer failed/);
    assert.throws(() => parser.feed(VALID), /stopped at an error/);
  });

  test('reset() forgets a half-read event', () => {
    const texts = [];
    const parser = createCompletionStreamParser({ ...OPENAI, onEvent: (e) => texts.push(e.choices[0].text) });
    parser.feed(`data: ${event('half')}`);
    parser.reset();
    parser.feed(VALID);
    assert.deepEqual(texts, ['Hel', 'lo']);
  });

  test("the methods work detached, as eventsource-parser's do", () => {
    const texts = [];
    const { feed, end } = createCompletionStreamParser({ ...OPENAI, onEvent: (e) => texts.push(e.choices[0].text) });
    feed(VALID);
    end();
    assert.deepEqual(texts, ['Hel', 'lo']);
  });

  test('misuse throws at the call: no onEvent, a callback that is no function, a bad option, a chunk of another type', () => {
    assert.throws(() => createCompletionStreamParser({}), /onEvent/);
    assert.throws(() => createCompletionStreamParser(), /onEvent/);
    assert.throws(() => createCompletionStreamParser({ onEvent() {}, onError: 'log' }), /onError must be a function/);
    assert.throws(() => createCompletionStreamParser({ onEvent() {}, profile: 'openai-ish' }), /profile/);
    assert.throws(() => createCompletionStreamParser({ onEvent() {} }).feed(42), TypeError);
  });
});

describe('CompletionEventStream', () => {
  const source = (chunks) =>
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
  const read = async (stream) => {
    const out = [];
    for await (const e of stream) out.push(e.choices[0].text);
    return out;
  };

  test('bytes or text in, typed events out, at any chunking', async () => {
    const bytes = new TextEncoder().encode(VALID);
    assert.deepEqual(await read(source([bytes]).pipeThrough(new CompletionEventStream(OPENAI))), ['Hel', 'lo']);
    assert.deepEqual(await read(source([...bytes].map((b) => Uint8Array.of(b))).pipeThrough(new CompletionEventStream(OPENAI))), ['Hel', 'lo']);
    assert.deepEqual(await read(source([...VALID]).pipeThrough(new CompletionEventStream(OPENAI))), ['Hel', 'lo']);
  });

  test('the stream ends at [DONE], cancelling what the source still had', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      pull(controller) {
        controller.enqueue(VALID);
      },
      cancel() {
        cancelled = true;
      },
    });
    assert.deepEqual(await read(body.pipeThrough(new CompletionEventStream(OPENAI))), ['Hel', 'lo']);
    assert.ok(cancelled);
  });

  test('an invalid event errors the stream after the events before it; with onInvalid "skip" it is reported and skipped', async () => {
    const broken = sse(event('a'), '{"id": 1}', event('b'), '[DONE]');
    const texts = [];
    await assert.rejects(
      async () => {
        for await (const e of source([broken]).pipeThrough(new CompletionEventStream(OPENAI))) texts.push(e.choices[0].text);
      },
      (error) => error instanceof CompletionValidationError && error.event.index === 1,
    );
    assert.deepEqual(texts, ['a']);
    const skipped = [];
    const seen = [];
    const stream = new CompletionEventStream({ ...OPENAI, onInvalid: 'skip', onInvalidEvent: (error) => skipped.push(error), onEvent: (_e, info) => seen.push(info.index) });
    assert.deepEqual(await read(source([broken]).pipeThrough(stream)), ['a', 'b']);
    assert.equal(skipped.length, 1);
    assert.deepEqual(seen, [0, 2]);
  });

  test('a reader slower than the source still gets every event before the error (a TransformStream would drop them)', async () => {
    const chunk = sse(event('a'), event('b'), event('c'), '{"id": 1}');
    const reader = source([chunk]).pipeThrough(new CompletionEventStream(OPENAI)).getReader();
    const texts = [];
    await assert.rejects(
      async () => {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 5)); // the pipe has long written the chunk
          const { done, value } = await reader.read();
          if (done) break;
          texts.push(value.choices[0].text);
        }
      },
      (error) => error instanceof CompletionValidationError && error.event.index === 3,
    );
    assert.deepEqual(texts, ['a', 'b', 'c']);
  });

  test('an invalid event cancels the source: nothing after it is read', async () => {
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulls++;
        controller.enqueue(pulls === 1 ? sse(event('a'), '{"id": 1}') : sse(event('more')));
      },
      cancel() {
        cancelled = true;
      },
    });
    await assert.rejects(read(body.pipeThrough(new CompletionEventStream(OPENAI))), (error) => error instanceof CompletionValidationError);
    assert.ok(cancelled, 'the source was cancelled');
    assert.ok(pulls < 5, `the source was read ${pulls} times`);
  });

  test('cancelling the reader cancels the source', async () => {
    let cancelled;
    const body = new ReadableStream({
      pull(controller) {
        controller.enqueue(sse(event('again')));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reader = body.pipeThrough(new CompletionEventStream(OPENAI)).getReader();
    assert.equal((await reader.read()).value.choices[0].text, 'again');
    await reader.cancel('enough');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(cancelled, 'enough');
  });

  test('a missing [DONE] errors the stream with truncated_stream', async () => {
    await assert.rejects(read(source([sse(event('a'))]).pipeThrough(new CompletionEventStream(OPENAI))), (error) => error.issues[0].code === 'truncated_stream');
  });

  test('bad options throw at construction', () => {
    assert.throws(() => new CompletionEventStream({ maxEventBytes: 0 }), RangeError);
  });
});
