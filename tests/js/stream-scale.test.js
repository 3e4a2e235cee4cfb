// The streaming parser at scale: a 100 MB stream read through
// parseCompletionStream with flat memory (the wasm memory does not grow with
// the stream's length: the parser keeps one event at a time). Its time is
// reported; that time grows linearly is the stream benchmark's check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCompletionStream, validateCompletionResponse } from '../../js/index.js';

const encoder = new TextEncoder();
const MB = 1024 * 1024;

/** One period of the stream: `count` events whose texts are about `textBytes` long. */
function period(count, textBytes) {
  let text = '';
  for (let i = 0; i < count; i++) {
    const data = JSON.stringify({
      id: 'cmpl-scale',
      object: 'completion',
      created: 1700000000,
      model: 'gpt-4o-mini',
      choices: [{ text: `${i}:${'é'.repeat(textBytes / 4)}${'a'.repeat(textBytes / 2)}`, index: i % 3, finish_reason: null }],
    });
    text += `data: ${data}\n\n`;
  }
  return encoder.encode(text);
}

/**
 * A pull stream of `total` bytes: the period repeated (in chunks of an odd
 * size, so that events are cut everywhere), then [DONE]. Nothing is made
 * before it is pulled.
 */
function generated(pattern, total, chunkBytes) {
  let sent = 0;
  let doneSent = false;
  return new ReadableStream(
    {
      pull(controller) {
        if (sent >= total) {
          if (!doneSent) controller.enqueue(encoder.encode('data: [DONE]\n\n'));
          doneSent = true;
          controller.close();
          return;
        }
        const chunk = new Uint8Array(Math.min(chunkBytes, total - sent));
        for (let filled = 0; filled < chunk.length; ) {
          const at = (sent + filled) % pattern.length;
          const piece = pattern.subarray(at, Math.min(pattern.length, at + chunk.length - filled));
          chunk.set(piece, filled);
          filled += piece.length;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}

async function readAll(pattern, total, chunkBytes) {
  const start = performance.now();
  let events = 0;
  let textLength = 0;
  for await (const event of parseCompletionStream(generated(pattern, total, chunkBytes))) {
    events++;
    textLength += event.choices[0].text.length;
  }
  return { events, textLength, ms: performance.now() - start };
}

test('a 100 MB stream: every event read, wasm memory flat', async (t) => {
  validateCompletionResponse('{}'); // the instance exists before the first measurement
  const pattern = period(100, 1024); // ~110 KB a period; each event ~1.1 KB
  const eventsPerPeriod = 100;
  const periods = Math.floor((100 * MB) / pattern.length);
  const total = periods * pattern.length; // whole periods: the stream ends at an event boundary

  // A warm-up tenth, then the whole stream.
  const tenth = await readAll(pattern, Math.floor(periods / 10) * pattern.length, 65537);
  const before = process.memoryUsage().external;
  const whole = await readAll(pattern, total, 65537);
  const grown = process.memoryUsage().external - before;

  assert.equal(whole.events, periods * eventsPerPeriod);
  assert.equal(tenth.events, Math.floor(periods / 10) * eventsPerPeriod);
  // Memory that is not freed (wasm memory never shrinks) grew by far less than the stream.
  assert.ok(grown < 16 * MB, `external memory grew by ${(grown / MB).toFixed(1)} MB reading ${(total / MB).toFixed(0)} MB`);
  // The time is reported, not asserted: timing belongs to the benchmarks
  // (tests/bench/stream-bench.js checks that time grows linearly).
  const ratio = whole.ms / tenth.ms;
  const seconds = whole.ms / 1000;
  t.diagnostic(
    `100 MB: ${whole.events} events in ${seconds.toFixed(2)} s (${(total / MB / seconds).toFixed(0)} MB/s), ` +
      `10x/1x time ${ratio.toFixed(1)}, external memory +${(grown / MB).toFixed(2)} MB`,
  );
});

test('one chunk of 20 MB is read in slices: wasm memory does not grow by the chunk', async () => {
  const pattern = period(100, 1024);
  const chunk = new Uint8Array(20 * pattern.length * 9);
  for (let at = 0; at < chunk.length; at += pattern.length) chunk.set(pattern, at);
  const before = process.memoryUsage().external;
  let events = 0;
  async function* source() {
    yield chunk;
    yield 'data: [DONE]\n\n';
  }
  for await (const event of parseCompletionStream(source())) events += event.object === 'completion';
  const grown = process.memoryUsage().external - before;
  assert.equal(events, 20 * 9 * 100);
  assert.ok(grown < 8 * MB, `external memory grew by ${(grown / MB).toFixed(1)} MB for a ${(chunk.length / MB).toFixed(0)} MB chunk`);
});
