// OpenAI's stream_options.include_usage sends "usage": null in every event
// and the usage object in a last event with no choices; both must be accepted,
// and the assembled response must carry the real usage, never null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectCompletion, parseCompletionStream, validateCompletionResponse } from '../../js/index.js';

const base = { id: 'cmpl-1', object: 'completion', created: 1, model: 'm' };
const event = (data) => `data: ${JSON.stringify(data)}\n\n`;
const stream = (...events) =>
  new Response(events.map(event).join('') + 'data: [DONE]\n\n', {
    headers: { 'content-type': 'text/event-stream' },
  });
const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };

test('usage: null in stream events is accepted and the last usage is assembled', async () => {
  const response = await collectCompletion(
    stream(
      { ...base, choices: [{ text: 'Hel', index: 0, finish_reason: null }], usage: null },
      { ...base, choices: [{ text: 'lo', index: 0, finish_reason: 'stop' }], usage: null },
      { ...base, choices: [], usage },
    ),
  );
  assert.deepEqual(response.usage, usage);
  assert.equal(response.choices[0].text, 'Hello');
  assert.deepEqual(validateCompletionResponse(JSON.stringify(response)), []);
});

test('a stream whose usage is null throughout assembles a response without usage', async () => {
  const response = await collectCompletion(stream({ ...base, choices: [{ text: 'x', index: 0, finish_reason: 'stop' }], usage: null }));
  assert.equal('usage' in response, false);
});

test('usage of the wrong type in an event is invalid_type, expected object or null', async () => {
  await assert.rejects(
    async () => {
      for await (const _ of parseCompletionStream(stream({ ...base, choices: [], usage: 5 }))) {
        /* drain */
      }
    },
    (error) => error.issues[0].code === 'invalid_type' && error.issues[0].expected === 'object or null' && error.issues[0].pathString === 'usage',
  );
});

test('a whole CompletionResponse still requires usage to be an object when present', () => {
  const issues = validateCompletionResponse(JSON.stringify({ ...base, choices: [], usage: null }));
  assert.equal(issues[0].code, 'invalid_type');
  assert.equal(issues[0].expected, 'object');
});
