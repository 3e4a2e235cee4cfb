// completion-wasm/standard-schema: the response and the stream event as
// Standard Schema v1. validate is synchronous; the JSON text (string or
// bytes) takes the strict path, a parsed value is serialised first; issues
// carry Standard Schema's message and path, with our fields kept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCompletionResponse, validateCompletionResponse } from 'completion-wasm';
import { completionResponseSchema, completionStreamEventSchema } from 'completion-wasm/standard-schema';
import { assertWellFormedIssues, inputForms } from './helpers.js';

const VALID = JSON.stringify({ id: 'cmpl-1', object: 'completion', created: 1700000000, model: 'm', choices: [{ text: 'Hi', index: 0, finish_reason: 'stop' }] });
const validate = (schema, value) => schema['~standard'].validate(value);

describe('completionResponseSchema', () => {
  test('has the Standard Schema v1 props, and validate answers synchronously', () => {
    const props = completionResponseSchema()['~standard'];
    assert.equal(props.version, 1);
    assert.equal(props.vendor, 'completion-wasm');
    assert.equal(typeof props.validate, 'function');
    assert.ok(!(validate(completionResponseSchema(), VALID) instanceof Promise));
  });

  test('the text in any form, and the parsed value, give what parseCompletionResponse gives', () => {
    const schema = completionResponseSchema({ keys: 'camel' });
    const expected = parseCompletionResponse(VALID, { keys: 'camel' });
    for (const [form, input] of inputForms(VALID)) assert.deepEqual(validate(schema, input), { value: expected }, form);
    assert.deepEqual(validate(schema, JSON.parse(VALID)), { value: expected });
  });

  test("issues are ours: Standard Schema's message and path, with code, offset and the rest", () => {
    const bad = VALID.replace('"stop"', '"stopp"');
    const { issues } = validate(completionResponseSchema(), bad);
    assert.deepEqual(issues, validateCompletionResponse(bad));
    assertWellFormedIssues(issues);
    assert.deepEqual(issues[0].path, ['choices', 0, 'finish_reason']);
    assert.equal(typeof issues[0].message, 'string');
  });

  test('the options apply: profile, unknownKeys, openEnums', () => {
    const openai = VALID.replace('"object":"completion"', '"object":"text_completion"').replace('"choices":[{', '"choices":[{"logprobs":null,');
    assert.ok(openai !== VALID);
    assert.equal(validate(completionResponseSchema(), openai).issues[0].code, 'invalid_literal');
    assert.ok(validate(completionResponseSchema({ profile: 'openai' }), openai).value);
    const extra = VALID.replace('{', '{"extra":1,');
    assert.equal(validate(completionResponseSchema({ unknownKeys: 'reject' }), extra).issues[0].code, 'unknown_field');
    assert.equal(validate(completionResponseSchema({ unknownKeys: 'keep' }), extra).value.extra, 1);
    assert.equal(validate(completionResponseSchema({ openEnums: true }), VALID.replace('"stop"', '"eos"')).value.choices[0].finish_reason, 'eos');
  });

  test('what a parsed value cannot show: a duplicate key is seen only in the text', () => {
    const duplicated = VALID.replace('{', '{"id":"first",');
    assert.equal(validate(completionResponseSchema(), duplicated).issues[0].code, 'duplicate_key');
    assert.ok(validate(completionResponseSchema(), JSON.parse(duplicated)).value, 'JSON.parse kept the last id');
  });

  test('a value with no JSON text is an issue, not an exception', () => {
    const cyclic = JSON.parse(VALID);
    cyclic.self = cyclic;
    for (const value of [undefined, () => {}, Symbol('x'), { n: 1n }, cyclic]) {
      const result = validate(completionResponseSchema(), value);
      assert.equal(result.issues.length, 1, String(typeof value));
      assert.deepEqual(result.issues[0].path, []);
      assert.match(result.issues[0].message, /JSON/);
    }
    assert.equal(validate(completionResponseSchema(), null).issues[0].code, 'invalid_type');
  });

  test('bad options throw when the schema is made, not in validate', () => {
    assert.throws(() => completionResponseSchema({ profile: 'gpt' }), /profile/);
    assert.throws(() => completionResponseSchema({ maxDepth: 0 }), RangeError);
  });
});

describe('completionStreamEventSchema', () => {
  test("checks one event's data: a null finish_reason is fine in an event, not in a response", () => {
    const data = VALID.replace('"stop"', 'null');
    assert.equal(validate(completionResponseSchema(), data).issues[0].code, 'invalid_type');
    assert.equal(validate(completionStreamEventSchema(), data).value.choices[0].finish_reason, null);
  });

  test('the same check as parseCompletionStream makes of the event', () => {
    const data = VALID.replace('"stop"', '"stopp"');
    assert.deepEqual(
      validate(completionStreamEventSchema(), data).issues.map((i) => i.code),
      ['invalid_enum'],
    );
  });
});
