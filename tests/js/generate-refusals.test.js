// What src/generate.js refuses: a description the tables of src/schema.h
// cannot hold, or one the walker could not read back, is an error naming the
// profile, object and field, never a table that drops part of it. Each case is
// the real src/schema.yaml (or src/schema.h) with one thing changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { generate, readDescription, readTableWidths } from '../../src/generate.js';
import { repoRoot } from './helpers.js';

const yamlText = readFileSync(path.join(repoRoot, 'src/schema.yaml'), 'utf8');
const headerText = readFileSync(path.join(repoRoot, 'src/schema.h'), 'utf8');

/** The description with `change(yaml)` applied to its parsed form. */
function changed(change) {
  const yaml = YAML.parse(yamlText, { merge: true });
  change(yaml);
  return YAML.stringify(yaml);
}

const generateFrom = (text, header = headerText) => generate(readDescription(text), readTableWidths(header));

test('the real description generates, with the widths read from src/schema.h', () => {
  const widths = readTableWidths(headerText);
  assert.equal(widths.cw_field_set, 32);
  assert.equal(widths['cw_type.object'], 8);
  assert.equal(widths['cw_object_schema.first_field'], 16);
  assert.equal(widths['cw_profile_documents.object'], 8);
  assert.ok(generateFrom(yamlText)['src/schema_tables.c'].includes('cw_type_extras'));
});

test('an object with more fields than cw_field_set has bits is refused, naming it', () => {
  const text = changed((yaml) => {
    const fields = yaml.profiles.openai.objects.ChatCompletionAudio.fields;
    for (let i = 0; i < 30; i++) fields[`extra_${i}?`] = 'string';
  });
  assert.throws(() => generateFrom(text), /openai ChatCompletionAudio has 34 fields; the walker's cw_field_set \(uint32_t in src\/schema\.h\) holds 32/);
});

test('an index past the width of its member in src/schema.h is refused, naming the member and where', () => {
  // The tables hold more than 255 fields: a uint8_t first_field cannot point past them.
  const narrow = headerText.replace('uint16_t first_field;', 'uint8_t first_field;');
  assert.notEqual(narrow, headerText);
  assert.throws(() => generateFrom(yamlText, narrow), /schema\.yaml: .+: cw_object_schema\.first_field \(uint8_t in src\/schema\.h\) cannot hold \d+: widen it there/);
  // And a width that holds the numbers is accepted: widening is all it takes.
  const wide = headerText.replace('uint8_t object;', 'uint16_t object;');
  assert.doesNotThrow(() => generateFrom(yamlText, wide));
});

test('a union of objects with no field to tell them apart is refused, naming the field', () => {
  const text = changed((yaml) => {
    // ToolCallFunction has no literal field: with a function call, nothing says which object a value is.
    yaml.profiles.openai.objects.ChatCompletionMessage.fields['tool_calls?'] = '(ChatCompletionMessageToolCall | ToolCallFunction)[]';
  });
  assert.throws(() => generateFrom(text), /openai ChatCompletionMessage\.tool_calls: the union ChatCompletionMessageToolCall \| ToolCallFunction cannot be told apart/);
  const same = changed((yaml) => {
    // Two objects whose type is the same literal: the walker could not choose either.
    yaml.profiles.openai.objects.ChatCompletionMessageCustomToolCall.fields.type = '"function"';
  });
  assert.throws(() => generateFrom(same), /ChatCompletionMessageToolCall \| ChatCompletionMessageCustomToolCall cannot be told apart/);
});

test('unions the walker would read as one of their members are refused', () => {
  const cases = [
    ['(string[] | integer[])', /two array types/],
    ['Record<string, number> | Record<string, string>', /a record twice/],
    ['ChatCompletionAudio | Record<string, number>', /a named object with a record or any object/],
    ['ChatCompletionAudio | object', /a named object with a record or any object/],
    ['ChatFinishReason | "other"', /a union of an enum and a literal/],
  ];
  for (const [type, message] of cases) {
    const text = changed((yaml) => {
      yaml.profiles.openai.objects.ChatCompletion.fields['metadata?'] = type;
    });
    assert.throws(
      () => generateFrom(text),
      (error) => message.test(error.message) && error.message.includes('openai ChatCompletion.metadata'),
      type,
    );
  }
});

test('document numbers that reach the profile bits are refused', () => {
  const text = changed((yaml) => {
    yaml.flags.profile_shift = 6; // six documents need three bits from bit 4
  });
  assert.throws(() => generateFrom(text), /flags: 6 documents need 3 bits from schema_shift 4, past profile_shift 6/);
});

test('a profile that extends another takes its objects, and replaces only the fields it names', () => {
  const { profiles } = readDescription(yamlText);
  const [openai, compatible] = ['openai', 'openai-compatible'].map((name) => profiles.find((p) => p.name === name));
  const keys = (profile, object) => profile.objects[object].fields.map((f) => f.key);
  // The extended profile's fields in their order, its own new ones after them.
  for (const object of Object.keys(openai.objects)) {
    if (!object.startsWith('$')) assert.deepEqual(keys(compatible, object).slice(0, keys(openai, object).length), keys(openai, object), object);
  }
  assert.deepEqual(keys(compatible, 'ChatCompletion').slice(keys(openai, 'ChatCompletion').length), ['prompt_filter_results']);
  const field = (profile, object, key) => profile.objects[object].fields.find((f) => f.key === key);
  assert.equal(field(compatible, 'Error', 'code').required, false, 'a `?` of its own replaces the required field');
  assert.equal(field(compatible, 'Error', 'message').inheritedFrom, 'openai');
  assert.equal(field(compatible, 'ChatCompletionMessage', 'role').inheritedFrom, undefined);
  assert.throws(() => readDescription(changed((yaml) => (yaml.profiles.openai.extends = 'openai-compatible'))), /extend each other in a circle/);
});
