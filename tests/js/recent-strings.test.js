// js/decode.js reuses short ASCII strings it built recently, by a slot chosen
// from their length and end bytes: strings that share a slot but differ
// inside, in turn, must each come out as they are in the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseCompletionResponse as parse, parseCompletionStream } from '../../js/index.js';

const response = (id, model, text) =>
  JSON.stringify({
    id,
    object: 'completion',
    created: 1,
    model,
    choices: [{ text, index: 0, finish_reason: 'stop' }],
  });

test('strings sharing a slot (same length and end bytes) are never confused', () => {
  const ids = ['a-1-z', 'a-2-z', 'a-1-z', 'aXYZz', 'a-2-z', 'a\u00e9-z'];
  for (let round = 0; round < 3; round++) {
    for (const id of ids) {
      for (const text of [id, `${id} `, '', 'a']) {
        const doc = response(id, id.toUpperCase(), text);
        assert.deepEqual(parse(doc), JSON.parse(doc));
      }
    }
  }
});

test('a stream whose repeated strings change mid-way', async () => {
  const docs = Array.from({ length: 40 }, (_, i) => {
    const doc = JSON.parse(response(`cmpl-${i < 20 ? 'aaaa' : 'abaa'}`, i % 3 ? 'gpt-x' : 'gpt-y', `t${i % 10}`));
    doc.choices[0].finish_reason = null;
    return doc;
  });
  async function* body() {
    for (const doc of docs) yield `data: ${JSON.stringify(doc)}\n\n`;
    yield 'data: [DONE]\n\n';
  }
  const got = [];
  for await (const event of parseCompletionStream(body())) got.push(event);
  assert.deepEqual(got, docs);
});
