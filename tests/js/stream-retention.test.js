// The stream keeps no event alive once it was handed out: a long stream read
// one event per chunk (a live stream) or many per chunk must not hold its
// past events, whose objects would otherwise pile up and slow every garbage
// collection down (time and memory growing with the stream's length).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { parseCompletionStream } from '../../js/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const event = (i) =>
  `data: ${JSON.stringify({
    id: 'cmpl-1',
    object: 'completion',
    created: 1,
    model: 'm',
    choices: [{ text: `t${i}`, index: 0, finish_reason: null }],
  })}\n\n`;

async function firstEventCollected(chunks) {
  let first = null;
  let count = 0;
  for await (const value of parseCompletionStream(chunks())) {
    if (count++ === 0) first = new WeakRef(value);
    if (count === 2000) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      return first.deref() === undefined;
    }
  }
  throw new Error('the stream ended early');
}

test('one event per chunk: events already handed out are not kept', async () => {
  async function* chunks() {
    for (let i = 0; ; i++) yield event(i);
  }
  assert.equal(await firstEventCollected(chunks), true);
});

test('many events per chunk: events already handed out are not kept', async () => {
  async function* chunks() {
    for (let i = 0; ; i += 100) yield Array.from({ length: 100 }, (_, k) => event(i + k)).join('');
  }
  assert.equal(await firstEventCollected(chunks), true);
});
