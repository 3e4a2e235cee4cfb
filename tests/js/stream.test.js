// The streaming API (js/stream/ over src/sse.c): parseCompletionStream,
// collectCompletion and parseResponse on text/event-stream bodies.
//
// The oracle for every valid event is JSON.parse of its data (wire keys, no
// unknown fields), so expectations are computed from the input, not written
// down. Chunking must never change the result: the same stream is fed whole,
// byte by byte, and cut at every byte (and, as strings, at every UTF-16 index).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collectCompletion, CompletionApiError, CompletionValidationError, parseCompletionStream, parseResponse } from '../../js/index.js';
import { assertWellFormedIssue, utf8 } from './helpers.js';

// ---- building streams ----

const HEAD = { id: 'cmpl-7', object: 'completion', created: 1700000000, model: 'gpt-4o-mini' };
const event = (choices, extra = {}) => JSON.stringify({ ...HEAD, choices, ...extra });
const choice = (text, index = 0, finish_reason = null) => ({ text, index, finish_reason });
/** An SSE body with one event per data text, then [DONE] (unless done is false). */
const sse = (datas, { done = true, eol = '\n' } = {}) => datas.map((d) => `data: ${d}${eol}${eol}`).join('') + (done ? `data: [DONE]${eol}${eol}` : '');

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function* iterate(chunks) {
  for (const chunk of chunks) yield chunk;
}

/** A ReadableStream that hands out `chunks` one pull at a time and records what happened to it. */
function readable(chunks, record = {}) {
  let next = 0;
  record.pulls = 0;
  record.cancelled = false;
  return new ReadableStream(
    {
      pull(controller) {
        record.pulls++;
        if (next < chunks.length) controller.enqueue(chunks[next++]);
        else controller.close();
      },
      cancel(reason) {
        record.cancelled = true;
        record.reason = reason;
      },
    },
    { highWaterMark: 0 },
  );
}

/** bytes cut at the given ascending positions. */
function cut(bytes, cuts) {
  const out = [];
  let start = 0;
  for (const at of [...cuts, bytes.length]) {
    out.push(bytes.slice(start, at));
    start = at;
  }
  return out;
}

const expectedEvents = (datas) => datas.map((d) => JSON.parse(d));

// A short stream exercising what chunking can break: multi-byte UTF-8 (2, 3 and 4 bytes),
// escapes, two choices, CRLF line ends, a comment, a BOM, usage at the end.
const SHORT_DATAS = [
  event([choice('Hé'), choice('€', 1)]),
  event([choice(' 😀\n', 0, 'stop')]),
  event([choice('', 1, 'length')], { usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }),
];
const SHORT = `\uFEFF: keep-alive\r\n${sse(SHORT_DATAS, { eol: '\r\n' })}`;

describe('parseCompletionStream', () => {
  test('yields each event as JSON.parse gives it, then stops at [DONE]', async () => {
    const events = await collect(parseCompletionStream(iterate([utf8(SHORT)])));
    assert.deepEqual(events, expectedEvents(SHORT_DATAS));
  });

  test('every cut of the bytes at one position, and byte by byte, gives the same events', async () => {
    const bytes = utf8(SHORT);
    const expected = expectedEvents(SHORT_DATAS);
    for (let at = 0; at <= bytes.length; at++) {
      assert.deepEqual(await collect(parseCompletionStream(iterate(cut(bytes, [at])))), expected, `cut at byte ${at}`);
    }
    const single = cut(
      bytes,
      Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
    );
    assert.deepEqual(await collect(parseCompletionStream(readable(single))), expected, 'one byte per chunk');
  });

  test('every cut at two positions of a shorter stream gives the same events', async () => {
    const datas = [event([choice('é😀')]), event([choice('!', 0, 'stop')])];
    const bytes = utf8(sse(datas, { eol: '\r\n' }));
    const expected = expectedEvents(datas);
    for (let i = 0; i <= bytes.length; i += 1) {
      for (let j = i; j <= bytes.length; j += 3) {
        assert.deepEqual(await collect(parseCompletionStream(iterate(cut(bytes, [i, j])))), expected, `cuts at ${i}, ${j}`);
      }
    }
  });

  test('string chunks cut at every UTF-16 index, surrogate pairs included, give the same events', async () => {
    const expected = expectedEvents(SHORT_DATAS);
    for (let at = 0; at <= SHORT.length; at++) {
      const events = await collect(parseCompletionStream(iterate([SHORT.slice(0, at), SHORT.slice(at)])));
      assert.deepEqual(events, expected, `cut at index ${at}`);
    }
  });

  test('sources: ReadableStream, async iterables of bytes or strings, Response, Node stream', async () => {
    const bytes = utf8(SHORT);
    const expected = expectedEvents(SHORT_DATAS);
    const { Readable } = await import('node:stream');
    const sources = {
      ReadableStream: readable([bytes]),
      'async iterable of bytes': iterate([bytes.subarray(0, 9), bytes.subarray(9)]),
      'async iterable of strings': iterate([SHORT]),
      'async iterable of ArrayBuffer': iterate([bytes.slice().buffer]),
      Response: new Response(bytes, { headers: { 'content-type': 'text/event-stream' } }),
      'Response without Content-Type': new Response(bytes),
      'Node Readable': Readable.from([Buffer.from(bytes)]),
    };
    for (const [name, source] of Object.entries(sources)) {
      assert.deepEqual(await collect(parseCompletionStream(source)), expected, name);
    }
  });

  test('camel keys and the options of the core apply to every event', async () => {
    const data = event([{ text: 'a', index: 0, finish_reason: null, extra: 1 }], { system_fingerprint: 'fp', obfuscation: 'xyz', vendor: { a: 1 } });
    const body = sse([data]);
    const [camel] = await collect(parseCompletionStream(iterate([body]), { keys: 'camel' }));
    assert.deepEqual(camel, { ...HEAD, choices: [{ text: 'a', index: 0, finishReason: null }], systemFingerprint: 'fp', obfuscation: 'xyz' });
    const [kept] = await collect(parseCompletionStream(iterate([body]), { unknownKeys: 'keep' }));
    assert.deepEqual(kept, JSON.parse(data));
    await assert.rejects(collect(parseCompletionStream(iterate([body]), { unknownKeys: 'reject' })), (error) => {
      assert.deepEqual(
        error.issues.map((i) => i.pathString),
        ['choices[0].extra', 'vendor'],
      );
      return true;
    });
    const open = sse([event([choice('a', 0, 'tool_calls')])]);
    await assert.rejects(collect(parseCompletionStream(iterate([open]))), /finish_reason/);
    const [opened] = await collect(parseCompletionStream(iterate([open]), { openEnums: true }));
    assert.equal(opened.choices[0].finish_reason, 'tool_calls');
  });

  test('stream choices: finish_reason may be absent or null, logprobs null or an object', async () => {
    const datas = [
      event([{ text: 'a', index: 0 }]),
      event([{ text: 'b', index: 0, logprobs: null, finish_reason: null }]),
      event([{ text: 'c', index: 0, logprobs: { tokens: ['c'], token_logprobs: [-0.5] }, finish_reason: 'stop' }]),
    ];
    assert.deepEqual(await collect(parseCompletionStream(iterate([sse(datas)]))), expectedEvents(datas));
  });
});

describe('WHATWG event stream rules', () => {
  const done = event([choice('ok', 0, 'stop')]);
  const cases = {
    'LF': `data: ${done}\n\ndata: [DONE]\n\n`,
    'CR': `data: ${done}\r\rdata: [DONE]\r\r`,
    'CRLF': `data: ${done}\r\n\r\ndata: [DONE]\r\n\r\n`,
    'BOM': `\uFEFFdata: ${done}\n\ndata: [DONE]\n\n`,
    'no space after the colon': `data:${done}\n\ndata:[DONE]\n\n`,
    'comments and keep-alives': `: hi\n\n:\ndata: ${done}\n: inside\n\n: ping\n\ndata: [DONE]\n\n`,
    'event, id, retry and unknown fields': `event: completion\nid: 42\nretry: 3000\nfoo: bar\ndata: ${done}\n\ndata: [DONE]\n\n`,
    // JSON may have whitespace (the joining LF) between tokens: split after a comma.
    'data split over lines, joined with LF': `data: ${done.slice(0, done.indexOf(',') + 1)}\ndata: ${done.slice(done.indexOf(',') + 1)}\n\ndata: [DONE]\n\n`,
    'blank lines without data dispatch nothing': `\n\nevent: x\n\n\ndata: ${done}\n\n\n\ndata: [DONE]\n\n`,
  };
  for (const [name, body] of Object.entries(cases)) {
    test(name, async () => {
      const expected = [JSON.parse(done)];
      assert.deepEqual(await collect(parseCompletionStream(iterate([body]))), expected);
      const bytes = utf8(body);
      const single = cut(
        bytes,
        Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
      );
      assert.deepEqual(await collect(parseCompletionStream(iterate(single))), expected, 'one byte per chunk');
    });
  }

  test('a second BOM is not dropped: it makes the first line an unknown field', async () => {
    const body = `\uFEFF\uFEFFdata: ${done}\n\ndata: ${done}\n\ndata: [DONE]\n\n`;
    assert.equal((await collect(parseCompletionStream(iterate([body])))).length, 1);
  });

  test('field names are case-sensitive; a one-space-only rule: the second space is data', async () => {
    const body = `Data: ${done}\n\ndata:  ${done}\n\ndata: [DONE]\n\n`;
    const events = await collect(parseCompletionStream(iterate([body])));
    assert.deepEqual(events, [JSON.parse(done)]); // JSON allows the leading space
  });
});

describe('invalid events', () => {
  const good = (text) => event([choice(text)]);
  const body = sse([good('a'), event([choice('b', 0, 'stopp')]), '{"id": 1', good('c'), event([{ text: 1 }])]);

  test('throw CompletionValidationError carrying the event ordinal and position, after the events before it', async () => {
    const seen = [];
    await assert.rejects(
      async () => {
        for await (const e of parseCompletionStream(iterate([body]))) seen.push(e.choices[0].text);
      },
      (error) => {
        assert.ok(error instanceof CompletionValidationError);
        assert.equal(error.name, 'CompletionValidationError');
        assert.equal(error.event.index, 1);
        const offset = body.indexOf('data: ', body.indexOf('\n\n'));
        assert.deepEqual(error.event, {
          index: 1,
          offset,
          line: 3,
          dataOffset: offset + 6,
          dataLine: 3,
          dataColumn: 7,
        });
        assert.deepEqual(
          error.issues.map((i) => [i.code, i.pathString]),
          [['invalid_enum', 'choices[0].finish_reason']],
        );
        error.issues.forEach(assertWellFormedIssue);
        // Issue positions are in the event's data, as the core reports them for a document.
        const data = event([choice('b', 0, 'stopp')]);
        assert.equal(error.issues[0].offset, utf8(data.slice(0, data.indexOf('"stopp"'))).length);
        assert.match(error.message, /^Invalid CompletionStreamEvent \(event 1, line 3 of the stream\): choices\[0\]\.finish_reason/);
        return true;
      },
    );
    assert.deepEqual(seen, ['a']);
  });

  test('onInvalid "skip" reports them to onInvalidEvent and goes on', async () => {
    const errors = [];
    const events = await collect(parseCompletionStream(iterate([body]), { onInvalid: 'skip', onInvalidEvent: (e) => errors.push(e) }));
    assert.deepEqual(
      events.map((e) => e.choices[0].text),
      ['a', 'c'],
    );
    assert.deepEqual(
      errors.map((e) => [e.event.index, e.issues[0].code]),
      [
        [1, 'invalid_enum'],
        [2, 'invalid_json'],
        [4, 'missing_field'],
      ],
    );
    assert.ok(errors.every((e) => e instanceof CompletionValidationError));
    // without a callback they are skipped silently
    assert.equal((await collect(parseCompletionStream(iterate([body]), { onInvalid: 'skip' }))).length, 2);
  });

  test('invalid UTF-8 in data is invalid_utf8, not replaced; an unpaired surrogate in a string chunk too', async () => {
    const bytes = utf8(sse([good('xy')]));
    const at = bytes.indexOf(0x78); // 'x'
    bytes[at] = 0xff;
    await assert.rejects(collect(parseCompletionStream(iterate([bytes]))), (e) => e.issues[0].code === 'invalid_utf8');
    const lone = sse([good('x')]).replace('"x"', '"\uD800"');
    await assert.rejects(collect(parseCompletionStream(iterate([lone]))), (e) => e.issues[0].code === 'invalid_utf8');
    // A lone high surrogate at the very end of a string chunk, with no pair after it.
    const tail = `data: ${good('x')}\n\n\uD83D`;
    await assert.rejects(collect(parseCompletionStream(iterate([tail]))), (e) => e.issues[0].code === 'truncated_stream');
  });

  test('an event larger than maxEventBytes: event_too_large at its start, the rest skipped', async () => {
    const big = good('x'.repeat(5000));
    const stream = sse([good('a'), big, good('b')]);
    await assert.rejects(collect(parseCompletionStream(iterate([stream]), { maxEventBytes: 1000 })), (error) => {
      assert.equal(error.issues.length, 1);
      const [issue] = error.issues;
      assertWellFormedIssue({ ...issue, code: 'invalid_type' }); // the shape, for a code the core does not have
      assert.equal(issue.code, 'event_too_large');
      assert.equal(issue.offset, stream.indexOf(big) - 6);
      assert.equal(issue.line, 3);
      assert.equal(error.event.index, 1);
      return true;
    });
    const errors = [];
    const events = await collect(parseCompletionStream(iterate([stream]), { maxEventBytes: 1000, onInvalid: 'skip', onInvalidEvent: (e) => errors.push(e) }));
    assert.deepEqual(
      events.map((e) => e.choices[0].text),
      ['a', 'b'],
    );
    assert.deepEqual(
      errors.map((e) => e.issues[0].code),
      ['event_too_large'],
    );
    // exactly at the limit is fine
    assert.equal((await collect(parseCompletionStream(iterate([stream]), { maxEventBytes: big.length }))).length, 3);
  });

  test('an error envelope sent as an event is a CompletionApiError with the typed R9SError', async () => {
    const envelope = JSON.stringify({ error: { message: 'The server is overloaded', type: 'server_error', code: null } });
    const stream = sse([good('a'), envelope]);
    const seen = [];
    await assert.rejects(
      async () => {
        for await (const e of parseCompletionStream(new Response(stream, { status: 200 }))) seen.push(e);
      },
      (error) => {
        assert.ok(error instanceof CompletionApiError);
        assert.equal(error.status, 200);
        assert.deepEqual(error.body, JSON.parse(envelope));
        assert.equal(error.event.index, 1);
        assert.match(error.message, /The server is overloaded/);
        return true;
      },
    );
    assert.equal(seen.length, 1);
  });
});

describe('the end of the stream', () => {
  const data = event([choice('a', 0, 'stop')]);

  test('no [DONE]: truncated_stream after every event was yielded, at the end of the stream', async () => {
    const body = sse([data], { done: false });
    const seen = [];
    await assert.rejects(
      async () => {
        for await (const e of parseCompletionStream(iterate([body]))) seen.push(e);
      },
      (error) => {
        assert.ok(error instanceof CompletionValidationError);
        assert.deepEqual(
          error.issues.map((i) => i.code),
          ['truncated_stream'],
        );
        const [issue] = error.issues;
        assertWellFormedIssue({ ...issue, code: 'invalid_type' });
        assert.deepEqual([issue.offset, issue.line, issue.column], [utf8(body).length, 3, 1]);
        assert.equal(issue.received, 'the end of the stream');
        assert.match(error.message, /ended after 1 event without the \[DONE\] event/);
        return true;
      },
    );
    assert.equal(seen.length, 1);
  });

  test('a cut-off event, and [DONE] without its blank line, are both truncated and say so', async () => {
    await assert.rejects(collect(parseCompletionStream(iterate([`data: ${data}\n\ndata: {"id"`]))), (error) => {
      assert.equal(error.issues[0].received, 'the end of the stream inside an event');
      assert.deepEqual([error.issues[0].line, error.issues[0].column], [3, 12]);
      return true;
    });
    await assert.rejects(collect(parseCompletionStream(iterate([`data: ${data}\n\ndata: [DONE]\n`]))), (error) => {
      assert.match(error.issues[0].received, /^data: \[DONE\] without the blank line/);
      return true;
    });
    // A last line cut to just "data" is a data line too (found by fuzz_sse): the [DONE] event did not stand alone.
    await assert.rejects(collect(parseCompletionStream(iterate([`data: ${data}\n\ndata: [DONE]\ndata`]))), (error) => {
      assert.equal(error.issues[0].received, 'the end of the stream inside an event');
      return true;
    });
  });

  test('with onInvalid "skip", truncation goes to the callback; an empty body is truncated too', async () => {
    const errors = [];
    const events = await collect(parseCompletionStream(iterate([sse([data], { done: false })]), { onInvalid: 'skip', onInvalidEvent: (e) => errors.push(e) }));
    assert.equal(events.length, 1);
    assert.deepEqual(
      errors.map((e) => e.issues[0].code),
      ['truncated_stream'],
    );
    await assert.rejects(collect(parseCompletionStream(iterate([]))), /ended after 0 events/);
    await assert.rejects(collect(parseCompletionStream(new Response(null))), /ended after 0 events/);
  });

  test('bytes after [DONE] are not read: the source is cancelled', async () => {
    const record = {};
    const chunks = [utf8(sse([data])), utf8('data: {"never": "read"}\n\n'), utf8('more')];
    const events = await collect(parseCompletionStream(readable(chunks, record)));
    assert.equal(events.length, 1);
    assert.equal(record.cancelled, true);
    assert.equal(record.pulls, 1);
  });
});

describe('cancellation', () => {
  const datas = Array.from({ length: 5 }, (_, i) => event([choice(`t${i}`)]));
  const chunks = datas.map((d) => utf8(`data: ${d}\n\n`));

  test('a consumer that stops cancels the ReadableStream', async () => {
    const record = {};
    for await (const e of parseCompletionStream(readable(chunks, record))) {
      assert.equal(e.choices[0].text, 't0');
      break;
    }
    assert.equal(record.cancelled, true);
    assert.ok(record.pulls < chunks.length, `${record.pulls} pulls`);
  });

  test('return() on the generator cancels a Response body; an async iterator gets return()', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(chunks[0]);
        controller.enqueue(chunks[1]);
      },
      cancel() {
        cancelled = true;
      },
    });
    const stream = parseCompletionStream(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    assert.equal((await stream.next()).value.choices[0].text, 't0');
    await stream.return();
    assert.equal(cancelled, true);

    let returned = false;
    const iterator = {
      i: 0,
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        return this.i < chunks.length ? { done: false, value: chunks[this.i++] } : { done: true };
      },
      async return() {
        returned = true;
        return { done: true };
      },
    };
    const generator = parseCompletionStream(iterator);
    await generator.next();
    await generator.return();
    assert.equal(returned, true);
  });

  test('an invalid event cancels the source too', async () => {
    const record = {};
    await assert.rejects(collect(parseCompletionStream(readable([utf8('data: {}\n\n'), ...chunks], record))));
    assert.equal(record.cancelled, true);
  });
});

describe('collectCompletion', () => {
  test("joins each index's texts in order, keeps each choice's last finish_reason, and the usage", async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11, completion_tokens_details: { reasoning_tokens: 2 } };
    const datas = [
      event([choice('Hel', 1), choice('Wor', 0)]),
      event([choice('lo', 1, null)]),
      event([choice('ld', 0, 'length'), choice('!', 1, 'stop')]),
      event([choice('', 2, 'content_filter')]),
      event([], { usage }),
    ];
    const response = await collectCompletion(iterate([sse(datas)]));
    assert.deepEqual(response, {
      ...HEAD,
      choices: [
        { text: 'World', index: 0, finish_reason: 'length' },
        { text: 'Hello!', index: 1, finish_reason: 'stop' },
        { text: '', index: 2, finish_reason: 'content_filter' },
      ],
      usage,
    });
    const camel = await collectCompletion(iterate([sse(datas)]), { keys: 'camel' });
    assert.equal(camel.choices[1].finishReason, 'stop');
    assert.deepEqual(camel.usage, { promptTokens: 5, completionTokens: 6, totalTokens: 11, completionTokensDetails: { reasoningTokens: 2 } });
  });

  test("the same response whatever the chunking, and equal to the stream's pieces put together", async () => {
    const bytes = utf8(SHORT);
    const expected = await collectCompletion(iterate([bytes]));
    assert.deepEqual(
      expected.choices.map((c) => c.text),
      ['Hé 😀\n', '€'],
    );
    assert.deepEqual(
      expected.choices.map((c) => c.finish_reason),
      ['stop', 'length'],
    );
    for (let at = 0; at <= bytes.length; at += 1) {
      assert.deepEqual(await collectCompletion(iterate(cut(bytes, [at]))), expected, `cut at ${at}`);
    }
  });

  test('logprobs arrays are joined; unknown fields and system_fingerprint kept only with unknownKeys "keep"', async () => {
    const datas = [
      event([{ text: 'a', index: 0, logprobs: { tokens: ['a'], token_logprobs: [-1], text_offset: [0] }, vendor: 1 }], { system_fingerprint: 'fp1', obfuscation: 'x' }),
      event([{ text: 'b', index: 0, logprobs: { tokens: ['b'], token_logprobs: [-2], text_offset: [1] }, finish_reason: 'stop', vendor: 2 }], {
        system_fingerprint: 'fp2',
        region: 'eu',
      }),
    ];
    const stripped = await collectCompletion(iterate([sse(datas)]));
    assert.deepEqual(stripped.choices, [{ text: 'ab', index: 0, logprobs: { tokens: ['a', 'b'], token_logprobs: [-1, -2], text_offset: [0, 1] }, finish_reason: 'stop' }]);
    assert.equal('system_fingerprint' in stripped, false);
    const kept = await collectCompletion(iterate([sse(datas)]), { unknownKeys: 'keep' });
    assert.equal(kept.choices[0].vendor, 2);
    assert.equal(kept.system_fingerprint, 'fp2');
    assert.equal(kept.region, 'eu');
    assert.equal('obfuscation' in kept, false);
  });

  test('a choice that never got a finish_reason: missing_field at choices[i].finish_reason', async () => {
    const body = sse([event([choice('a'), choice('b', 1, 'stop')])]);
    await assert.rejects(collectCompletion(iterate([body])), (error) => {
      assert.ok(error instanceof CompletionValidationError);
      assert.deepEqual(
        error.issues.map((i) => [i.code, i.pathString]),
        [['missing_field', 'choices[0].finish_reason']],
      );
      error.issues.forEach(assertWellFormedIssue);
      return true;
    });
    await assert.rejects(collectCompletion(iterate(['data: [DONE]\n\n'])), (error) => {
      assert.deepEqual(
        error.issues.map((i) => i.pathString),
        ['id', 'object', 'created', 'model'],
      );
      return true;
    });
  });

  test('truncated streams and invalid events are errors here too', async () => {
    await assert.rejects(collectCompletion(iterate([sse([event([choice('a', 0, 'stop')])], { done: false })])), /truncated|without the \[DONE\]/);
    await assert.rejects(collectCompletion(iterate([sse(['{}'])])), (e) => e.event.index === 0);
  });
});

describe('parseResponse', () => {
  const json = JSON.stringify({ ...HEAD, choices: [{ text: 'hi', index: 0, logprobs: null, finish_reason: 'stop' }] });

  test('JSON or SSE by Content-Type, one CompletionResponse either way', async () => {
    const fromJson = await parseResponse(new Response(json, { headers: { 'content-type': 'application/json' } }));
    assert.deepEqual(fromJson, JSON.parse(json));
    const stream = sse([event([choice('h')]), event([choice('i', 0, 'stop')])]);
    const fromSse = await parseResponse(new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }));
    assert.deepEqual(fromSse, { ...HEAD, choices: [{ text: 'hi', index: 0, finish_reason: 'stop' }] });
    const camel = await parseResponse(new Response(json, { headers: { 'content-type': 'application/json' } }), { keys: 'camel' });
    assert.equal(camel.choices[0].finishReason, 'stop');
    await assert.rejects(parseResponse(new Response('{"id":1}', { headers: { 'content-type': 'application/json' } })), CompletionValidationError);
  });

  test('a JSON body past maxBytes is too_large without being read whole', async () => {
    const record = {};
    const big = readable([utf8(json.slice(0, 50)), utf8(json.slice(50)), utf8('x'.repeat(1000))], record);
    await assert.rejects(parseResponse(new Response(big), { maxBytes: 40 }), (e) => e.issues[0].code === 'too_large');
  });

  test('non-2xx: CompletionApiError with the HTTP status and the typed R9SError', async () => {
    const body = { error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limit_exceeded', param: 'model', extra: 1 }, status: 429 };
    const response = new Response(JSON.stringify(body), { status: 429, statusText: 'Too Many Requests', headers: { 'content-type': 'application/json' } });
    await assert.rejects(parseResponse(response), (error) => {
      assert.ok(error instanceof CompletionApiError);
      assert.equal(error.name, 'CompletionApiError');
      assert.equal(error.status, 429);
      assert.deepEqual(error.body, { error: { message: 'Rate limit reached', type: 'rate_limit_error', code: 'rate_limit_exceeded', param: 'model' }, status: 429 });
      assert.deepEqual(error.issues, []);
      assert.equal(error.message, 'HTTP 429 Too Many Requests: Rate limit reached (rate_limit_error)');
      return true;
    });
    // parseCompletionStream and collectCompletion on a Response do the same
    const again = () => new Response(JSON.stringify(body), { status: 500 });
    await assert.rejects(collect(parseCompletionStream(again())), (e) => e instanceof CompletionApiError && e.status === 500);
    await assert.rejects(collectCompletion(again()), (e) => e instanceof CompletionApiError && e.body.error.type === 'rate_limit_error');
  });

  test('non-2xx with a body that is not an R9SError: the issues say why', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } });
    await assert.rejects(parseResponse(response), (error) => {
      assert.ok(error instanceof CompletionApiError);
      assert.equal(error.status, 502);
      assert.equal(error.body, undefined);
      assert.deepEqual(
        error.issues.map((i) => i.code),
        ['invalid_json'],
      );
      assert.match(error.message, /^HTTP 502 Bad Gateway; the body is not an error envelope: /);
      return true;
    });
    const partial = new Response('{"error":{"message":"m"}}', { status: 400 });
    await assert.rejects(parseResponse(partial), (error) => error.issues[0].code === 'missing_field' && error.issues[0].pathString === 'error.type');
  });
});

describe('misuse', () => {
  test('bad options and sources throw at once, before any reading', () => {
    const body = iterate(['data: [DONE]\n\n']);
    assert.throws(() => parseCompletionStream(body, { onInvalid: 'ignore' }), TypeError);
    assert.throws(() => parseCompletionStream(body, { onInvalidEvent: 'log' }), TypeError);
    assert.throws(() => parseCompletionStream(body, { maxEventBytes: 0 }), RangeError);
    assert.throws(() => parseCompletionStream(body, { keys: 'snake' }), TypeError);
    assert.throws(() => parseCompletionStream('data: [DONE]\n\n'), /ReadableStream/);
    assert.throws(() => parseCompletionStream(utf8('data: [DONE]\n\n')), /ReadableStream/);
    assert.throws(() => parseCompletionStream(new Response('{}', { headers: { 'content-type': 'application/json' } })), /parseResponse/);
  });

  test('chunks that are neither bytes nor strings are a TypeError', async () => {
    await assert.rejects(collect(parseCompletionStream(iterate([42]))), TypeError);
  });
});

describe('several streams at once', () => {
  test('interleaved reads of two streams on one instance do not disturb each other', async () => {
    const a = sse(Array.from({ length: 50 }, (_, i) => event([choice(`a${i}`)])));
    const b = sse(Array.from({ length: 50 }, (_, i) => event([choice(`b${i}é`, 1)])));
    const small = (text) =>
      cut(
        utf8(text),
        Array.from({ length: Math.floor(utf8(text).length / 37) }, (_, i) => (i + 1) * 37),
      );
    const sa = parseCompletionStream(iterate(small(a)));
    const sb = parseCompletionStream(iterate(small(b)));
    const got = { a: [], b: [] };
    for (;;) {
      const [ra, rb] = await Promise.all([sa.next(), sb.next()]);
      if (!ra.done) got.a.push(ra.value.choices[0].text);
      if (!rb.done) got.b.push(rb.value.choices[0].text);
      if (ra.done && rb.done) break;
    }
    assert.deepEqual(
      got.a,
      Array.from({ length: 50 }, (_, i) => `a${i}`),
    );
    assert.deepEqual(
      got.b,
      Array.from({ length: 50 }, (_, i) => `b${i}é`),
    );
  });
});

describe('calls made before earlier ones settle', () => {
  // An async generator queues next()/return() calls and settles them in order;
  // the stream's iterator is written by hand, so it must do the same.
  const texts = Array.from({ length: 6 }, (_, i) => `t${i}`);
  const body = sse(texts.map((t) => event([choice(t)])));

  for (const [name, chunks] of [
    ['one chunk', () => [utf8(body)]],
    [
      'a byte per chunk',
      () =>
        cut(
          utf8(body),
          Array.from({ length: utf8(body).length - 1 }, (_, i) => i + 1),
        ),
    ],
  ]) {
    test(`${name}: next() called 8 times at once gives the events in order, then done`, async () => {
      const stream = parseCompletionStream(iterate(chunks()));
      const results = await Promise.all(Array.from({ length: 8 }, () => stream.next()));
      assert.deepEqual(
        results.map((r) => (r.done ? 'done' : r.value.choices[0].text)),
        [...texts, 'done', 'done'],
      );
    });

    test(`${name}: return() queued behind next() calls settles after them and cancels the source`, async () => {
      const record = {};
      const stream = parseCompletionStream(readable(chunks(), record));
      const [first, second, stopped, after] = await Promise.all([stream.next(), stream.next(), stream.return('x'), stream.next()]);
      assert.deepEqual([first.value.choices[0].text, second.value.choices[0].text], ['t0', 't1']);
      assert.deepEqual(stopped, { value: 'x', done: true });
      assert.deepEqual(after, { value: undefined, done: true });
      assert.equal(record.cancelled, true);
    });
  }
});
