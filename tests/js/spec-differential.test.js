// Differential against Ajv: for profile r9s the contract's CompletionResponse
// and ChatCompletionResponse (../shared/spec/r9s-openapi.yaml), for profile
// openai the contracts' CreateCompletionResponse
// (../shared/spec/openai/openai-completions.yaml) and
// CreateChatCompletionResponse (openai-chat-completions.yaml; a union of tool
// calls is the contract's oneOf, our walker choosing by `type`),
// compiled with Ajv (JSON Schema 2020-12, which OpenAPI 3.1 uses), with the
// profile's documented decisions applied to a copy of the contract: every
// field with a `decision` in src/schema.yaml, in an object the response
// document reaches, gets the description's type and required-ness. (Only the
// response's objects: openai's stream objects reuse CreateCompletionResponse
// as their spec, and their decisions, usage and finish_reason null, must not
// widen the response.)
//
// Documents: DOCUMENTS per profile and body from a seeded PRNG (every run checks the
// same ones), built valid from the description (0-3 choices, optional fields
// present or not, nulls where allowed, random strings and numbers), then
// about half of them get one mutation (a required field dropped, a value of
// another type, a wrong literal or enum value, a fractional or unsafe
// integer, an unknown field, a wrong shape, a lone surrogate). Each is
// checked twice, as JSON.stringify writes it:
//   - with the default options (unknownKeys "strip") against the contract as published,
//     where additional properties are allowed: an unknown field is accepted by
//     both, the same verdict;
//   - unknownKeys "reject" against the same schema with additionalProperties
//     false on each object with properties: an unknown field is rejected by
//     both (free-form objects, such as r9s's logprobs, and records stay open).
// Our verdict (no issue) must be Ajv's (valid), but for the documented
// decisions to be stricter than JSON.parse + Ajv, each recognised from the
// document itself, never assumed:
//   - unsafe_integer: an integer beyond +-(2^53-1) (README, codes): Ajv sees
//     the rounded double, a whole number; we reject it. Recognised when every
//     issue is unsafe_integer and each issue's value is, after JSON.parse, a
//     number that is not a safe integer.
//   - lone surrogates: JSON.stringify writes a lone surrogate as a \ud800
//     escape, which JSON.parse keeps; we report invalid_json (README,
//     "Strictness and JSON edge cases"). Recognised when the one issue is
//     invalid_json and JSON.parse's result holds a string that is not well formed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

import { validateChatCompletion, validateCompletionResponse } from '../../js/index.js';
import { readDescription, isAny, reachableObjects, variantValue } from '../../src/generate.js';
import { repoRoot, requireShared, specSteps } from './helpers.js';
import { randomFrom } from '../soak.js'; // mulberry32: every run tests the same documents

const DOCUMENTS = 10_000;
const SEEDS = { r9s: 0x5eed9, openai: 0x5eeda1 };
/** The bodies compared, per document of a profile: the contract's schema, the validating function, another seed. */
const TARGETS = {
  response: { r9s: 'CompletionResponse', openai: 'CreateCompletionResponse', validate: validateCompletionResponse, seed: 0 },
  chatResponse: { r9s: 'ChatCompletionResponse', openai: 'CreateChatCompletionResponse', validate: validateChatCompletion, seed: 0xc4a7 },
};

const description = readDescription(readFileSync(path.join(repoRoot, 'src/schema.yaml'), 'utf8'));
const profiles = Object.fromEntries(description.profiles.map((profile) => [profile.name, profile]));

// ---- the contract, with the decisions, compiled ------------------------------------

const REF_PREFIX = '#/components/schemas/';
const pointerPart = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The schema node of the object at a spec location in `doc` (a copy we may
 * change), and its JSON pointer: "Schema", then ".property" and "[]" steps;
 * $ref followed, the non-null branch of an anyOf taken.
 */
function nodeAt(doc, spec) {
  const steps = specSteps(spec);
  let pointer = `/components/schemas/${pointerPart(steps[0])}`;
  let node = doc.components.schemas[steps[0]];
  const settle = () => {
    for (;;) {
      if (node?.$ref) {
        if (!node.$ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${node.$ref}`);
        const name = node.$ref.slice(REF_PREFIX.length);
        pointer = `/components/schemas/${pointerPart(name)}`;
        node = doc.components.schemas[name];
      } else if (node?.anyOf || node?.oneOf) {
        const keyword = node.anyOf ? 'anyOf' : 'oneOf';
        const index = node[keyword].findIndex((branch) => branch.type !== 'null');
        if (node[keyword].filter((branch) => branch.type !== 'null').length !== 1) throw new Error(`${spec}: cannot choose a branch of ${keyword}`);
        pointer += `/${keyword}/${index}`;
        node = node[keyword][index];
      } else if (node?.allOf) {
        throw new Error(`${spec}: allOf is not supported when applying decisions`);
      } else {
        return;
      }
    }
  };
  settle();
  for (const step of steps.slice(1)) {
    if (step === '[]') {
      pointer += '/items';
      node = node.items;
    } else {
      pointer += `/properties/${pointerPart(step)}`;
      node = node.properties?.[step];
    }
    if (node === undefined) throw new Error(`${spec}: no ${step} in the contract`);
    settle();
  }
  return { node, pointer };
}

/** A description type as a JSON Schema; objects as $refs to their spec location's node. */
function toJsonSchema(type, profile, doc, replacing) {
  if (isAny(type)) return {};
  const branches = [];
  for (const kind of ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']) {
    if (!type.accepts.has(kind)) continue;
    if (kind === 'string' && type.values) branches.push({ type: 'string', enum: type.values });
    else if (kind === 'array') branches.push({ type: 'array', items: type.items ? toJsonSchema(type.items, profile, doc, replacing) : {} });
    else if (kind === 'object' && (type.object || type.variants)) {
      const refs = (type.variants ?? [type.object]).map((name) => {
        const { node, pointer } = nodeAt(doc, profile.objects[name].spec);
        // An object inside the very field the decision replaces: a copy of it, which keeps its own refs.
        return pointer.startsWith(`${replacing}/`) ? structuredClone(node) : { $ref: `#${pointer}` };
      });
      branches.push(refs.length === 1 ? refs[0] : { oneOf: refs });
    } else if (kind === 'object' && type.members) branches.push({ type: 'object', additionalProperties: toJsonSchema(type.members, profile, doc, replacing) });
    else branches.push({ type: kind });
  }
  return branches.length === 1 ? branches[0] : { anyOf: branches };
}

/** The contract with the decisions of the document's objects applied: { doc, applied: ['Object.field', ...] }. */
function contractWithDecisions(profile, published, document) {
  const doc = structuredClone(published);
  const applied = [];
  for (const objectName of reachableObjects(profile, [document])) {
    const object = profile.objects[objectName];
    for (const field of object.fields.filter((f) => f.decision !== undefined)) {
      if (field.optionalWith) throw new Error(`${objectName}.${field.key}: optionalWith has no JSON Schema counterpart here`);
      const { node, pointer } = nodeAt(doc, object.spec);
      const at = `${pointer}/properties/${pointerPart(field.key)}`;
      node.properties = { ...node.properties, [field.key]: toJsonSchema(field.type, profile, doc, at) };
      const required = new Set(node.required ?? []);
      if (field.required) required.add(field.key);
      else required.delete(field.key);
      node.required = [...required];
      applied.push(`${objectName}.${field.key}`);
    }
  }
  return { doc, applied };
}

/** additionalProperties false on every object that lists properties (what unknownKeys "reject" means). */
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (schema.properties && schema.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function compile(profile, document = 'response') {
  const contract = profile.contracts[document];
  const target = TARGETS[document][profile.name];
  const published = YAML.parse(readFileSync(requireShared(`spec/${contract}`), 'utf8'));
  const { doc, applied } = contractWithDecisions(profile, published, document);
  // strict: false for the OpenAPI keywords Ajv does not know (x-*, example); formats (unixtime) are annotations.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const validators = {};
  for (const [mode, schemas] of [
    ['strip', doc.components.schemas],
    ['reject', closed(doc.components.schemas)],
  ]) {
    const id = `urn:completion-wasm:${profile.name}:${document}:${mode}`;
    ajv.addSchema({ $id: id, components: { schemas } });
    validators[mode] = ajv.getSchema(`${id}#/components/schemas/${target}`);
    assert.ok(validators[mode], `Ajv compiled ${target} of ${contract}`);
  }
  return { validators, applied };
}

// ---- documents ---------------------------------------------------------------------

const KINDS = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
const CHARACTERS = [...'abcxyzABC0129 -_.:/', '"', '\\', '\n', '\t', '\r', '\u0000', '\u001f', '\u007f', 'é', '€', '中', '😀', '\u2028', '\uffff'];
const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function generatorFor(profile, random, document) {
  const int = (n) => Math.floor(random() * n);
  const chance = (p) => random() < p;
  const pick = (list) => list[int(list.length)];
  const string = () => Array.from({ length: int(13) }, () => pick(CHARACTERS)).join('');
  const integer = () =>
    pick([
      () => int(100),
      () => int(1_000_000),
      () => int(2 ** 31),
      () => -int(1000),
      () => Number.MAX_SAFE_INTEGER - int(10),
      () => -Number.MAX_SAFE_INTEGER + int(10),
      () => 1_700_000_000 + int(100_000_000),
    ])();
  const number = () => pick([integer, () => random() * 100 - 50, () => -random() * 20, () => pick([1e-300, 1.5e300, 5e-324, 0.1, 2 ** 60, 1e21])])();
  const freeValue = (depth) => {
    const kinds = depth > 0 ? KINDS : KINDS.filter((k) => k !== 'array' && k !== 'object');
    return valueOfKind(pick(kinds), depth);
  };
  const freeObject = (depth) => Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['a', 'b', 'tokens', 'content', '__proto__x', string()]), freeValue(depth - 1)]));
  function valueOfKind(kind, depth = 2) {
    switch (kind) {
      case 'null':
        return null;
      case 'boolean':
        return chance(0.5);
      case 'integer':
        return integer();
      case 'number':
        return number();
      case 'string':
        return string();
      case 'array':
        return Array.from({ length: int(4) }, () => freeValue(depth - 1));
      default:
        return freeObject(depth);
    }
  }

  function value(type) {
    const kinds = [...type.accepts].filter((k) => k !== 'null');
    if (kinds.length === 0 || (type.accepts.has('null') && chance(0.2))) return null;
    const kind = pick(kinds);
    if (kind === 'string') return type.values ? pick(type.values) : string();
    if (kind === 'array') return Array.from({ length: int(4) }, () => (type.items ? value(type.items) : freeValue(2)));
    if (kind === 'object') {
      if (type.variants) return object(profile.objects[pick(type.variants)]);
      if (type.object) return object(profile.objects[type.object]);
      if (type.members) return Object.fromEntries(Array.from({ length: int(4) }, () => [string(), value(type.members)]));
      return freeObject(2);
    }
    return valueOfKind(kind);
  }

  function object(described) {
    const out = {};
    for (const field of described.fields) if (field.required || chance(0.5)) out[field.key] = value(field.type);
    return out;
  }

  /** Every place a described value sits: slots {holder, key, type} and objects {node, object}. */
  function places(box) {
    const slots = [];
    const objects = [];
    const visitObject = (node, described) => {
      objects.push({ node, object: described });
      for (const field of described.fields) if (Object.hasOwn(node, field.key)) visit(node, field.key, field.type);
    };
    const visit = (holder, key, type) => {
      slots.push({ holder, key, type });
      const current = holder[key];
      if (Array.isArray(current) && type.items) current.forEach((_, i) => visit(current, i, type.items));
      else if (isPlainObject(current) && type.object) visitObject(current, profile.objects[type.object]);
      else if (isPlainObject(current) && type.variants) {
        // The object its discriminator names, as the walker chooses it; none (mutated): no object to visit.
        const chosen = type.variants.find((name) => current[type.discriminator] === variantValue(profile.objects, name, type.discriminator));
        if (chosen) visitObject(current, profile.objects[chosen]);
      } else if (isPlainObject(current) && type.members) Object.keys(current).forEach((k) => visit(current, k, type.members));
    };
    const root = { accepts: new Set(['object']), object: profile.documents[document] };
    visit(box, 'doc', root);
    return { slots, objects };
  }

  const integerOnly = (type) => type.accepts.has('integer') && !type.accepts.has('number');
  const otherValues = ['completion', 'text_completion', 'chat.completion', '', 'STOP', 'stop ', 'eos_token', 'length\u0000', 'null'];

  /** Mutations by name: each returns false when the document has no place for it. */
  const MUTATIONS = {
    missing_field({ objects }) {
      const candidates = objects.flatMap(({ node, object: o }) => o.fields.filter((f) => f.required && Object.hasOwn(node, f.key)).map((f) => [node, f.key]));
      if (candidates.length === 0) return false;
      const [node, key] = pick(candidates);
      delete node[key];
      return true;
    },
    wrong_type({ slots }) {
      const { holder, key, type } = pick(slots);
      const kinds = KINDS.filter((k) => k !== 'integer' && !type.accepts.has(k));
      if (kinds.length === 0) return false;
      const kind = pick(kinds);
      // A number where only integers go: a fractional one, so that it really is another type.
      holder[key] = kind === 'number' && integerOnly(type) ? int(1000) + 0.25 : valueOfKind(kind);
      return true;
    },
    wrong_value({ slots }) {
      const candidates = slots.filter(({ type }) => type.values);
      if (candidates.length === 0) return false;
      const { holder, key, type } = pick(candidates);
      holder[key] = pick([...otherValues.filter((v) => !type.values.includes(v)), string()]);
      return true;
    },
    fractional({ slots }) {
      const candidates = slots.filter(({ type }) => integerOnly(type));
      if (candidates.length === 0) return false;
      const { holder, key } = pick(candidates);
      holder[key] = pick([int(1000) + 0.5, -int(1000) - 0.001, 1e-7, 2 ** 52 + 0.5]);
      return true;
    },
    unsafe_integer({ slots }) {
      const candidates = slots.filter(({ type }) => integerOnly(type));
      if (candidates.length === 0) return false;
      const { holder, key } = pick(candidates);
      holder[key] = pick([2 ** 53, -(2 ** 53), 2 ** 53 + 2 * (1 + int(1_000_000)), -(2 ** 60), 1e21, 1e300]);
      return true;
    },
    unknown_field({ objects }) {
      const { node, object: o } = pick(objects);
      const key = pick(['extra', 'Object', 'ID', 'choice', 'usage_', 'x-request-id', 'logprob', string()]);
      if (o.fields.some((f) => f.key === key) || Object.hasOwn(node, key)) return false;
      node[key] = freeValue(2);
      return true;
    },
    wrong_shape({ slots }) {
      const candidates = slots.filter(({ holder, key }) => holder[key] !== null && typeof holder[key] === 'object');
      if (candidates.length === 0) return false;
      const { holder, key } = pick(candidates);
      const current = holder[key];
      holder[key] = Array.isArray(current)
        ? pick([{ 0: current[0] ?? null }, [current], current.map((item) => [item]), current.map((item) => ({ value: item }))])
        : pick([[current], { [pick(['data', 'value', 'choices'])]: current }, Object.values(current)]);
      return true;
    },
    lone_surrogate({ slots }) {
      const candidates = slots.filter(({ holder, key, type }) => typeof holder[key] === 'string' && !type.values);
      if (candidates.length === 0) return false;
      const { holder, key } = pick(candidates);
      const text = holder[key];
      const at = int(text.length + 1);
      holder[key] = text.slice(0, at) + pick(['\ud800', '\udfff', '\udc00x']) + text.slice(at);
      return true;
    },
  };

  /** One document: { doc, mutation (undefined: valid as built) }. */
  return function next() {
    const box = { doc: object(profile.objects[profile.documents[document]]) };
    if (chance(0.5)) return { doc: box.doc, mutation: undefined };
    const names = Object.keys(MUTATIONS);
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = pick(names);
      if (MUTATIONS[name](places(box))) return { doc: box.doc, mutation: name };
    }
    throw new Error('no mutation applies to this document');
  };
}

// ---- verdicts ------------------------------------------------------------------------

function valueAt(root, segments) {
  let value = root;
  for (const segment of segments) value = value?.[segment];
  return value;
}

function holdsLoneSurrogate(value) {
  if (typeof value === 'string') return !value.isWellFormed();
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, member]) => !key.isWellFormed() || holdsLoneSurrogate(member));
}

/** Which documented difference explains us rejecting what Ajv accepts, or undefined. */
function explain(issues, parsed) {
  if (
    issues.length > 0 &&
    issues.every((issue) => issue.code === 'unsafe_integer' && typeof valueAt(parsed, issue.path) === 'number' && !Number.isSafeInteger(valueAt(parsed, issue.path)))
  ) {
    return 'unsafe_integer';
  }
  if (issues.length === 1 && issues[0].code === 'invalid_json' && holdsLoneSurrogate(parsed)) return 'lone_surrogate';
  return undefined;
}

function run(profile, document) {
  const { validators, applied } = compile(profile, document);
  const { validate, seed } = TARGETS[document];
  const next = generatorFor(profile, randomFrom(SEEDS[profile.name] ^ seed), document);
  const counts = { documents: 0, mutated: 0, checks: 0, agreements: 0, bothAccept: 0, bothReject: 0, validAsBuiltRejected: 0 };
  const explained = { unsafe_integer: 0, lone_surrogate: 0 };
  const unknownFields = { acceptedByBothWithStrip: 0, rejectedByBothWithReject: 0 };
  const mutations = {};
  const unexplained = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const { doc, mutation } = next();
    counts.documents += 1;
    if (mutation) {
      counts.mutated += 1;
      mutations[mutation] = (mutations[mutation] ?? 0) + 1;
    }
    const text = JSON.stringify(doc);
    const parsed = JSON.parse(text);
    for (const mode of ['strip', 'reject']) {
      counts.checks += 1;
      const issues = validate(text, mode === 'strip' ? { profile: profile.name } : { profile: profile.name, unknownKeys: 'reject' });
      const ours = issues.length === 0;
      const theirs = validators[mode](parsed);
      if (!mutation && !ours) counts.validAsBuiltRejected += 1;
      if (ours === theirs) {
        counts.agreements += 1;
        counts[ours ? 'bothAccept' : 'bothReject'] += 1;
        if (mutation === 'unknown_field' && mode === 'strip' && ours) unknownFields.acceptedByBothWithStrip += 1;
        if (mutation === 'unknown_field' && mode === 'reject' && !ours) unknownFields.rejectedByBothWithReject += 1;
        continue;
      }
      const why = ours ? undefined : explain(issues, parsed);
      if (why) {
        explained[why] += 1;
        continue;
      }
      unexplained.push({
        document: i,
        mode,
        mutation: mutation ?? 'none',
        ours: ours ? 'accepts' : 'rejects',
        ajv: theirs ? 'accepts' : 'rejects',
        issues: issues.slice(0, 3).map((issue) => `${issue.code} at ${issue.pathString || '(root)'}`),
        ajvErrors: (validators[mode].errors ?? []).slice(0, 3).map((error) => `${error.instancePath || '(root)'} ${error.message}`),
        text: text.length > 400 ? `${text.slice(0, 400)}...` : text,
      });
    }
  }
  return { counts, explained, unknownFields, mutations, unexplained, applied };
}

// ---- the tests -------------------------------------------------------------------------

describe('our verdict against Ajv on the published contract, with the documented decisions', () => {
  for (const [name, document] of [
    ['r9s', 'response'],
    ['openai', 'response'],
    ['r9s', 'chatResponse'],
    ['openai', 'chatResponse'],
  ]) {
    test(`profile ${name}: ${DOCUMENTS} ${document} documents against ${TARGETS[document][name]}`, (t) => {
      const profile = profiles[name];
      const started = performance.now();
      const { counts, explained, unknownFields, mutations, unexplained, applied } = run(profile, document);
      t.diagnostic(`${name}: decisions applied to the contract: ${applied.length ? applied.join(', ') : "none (no decision on the response's fields)"}`);
      t.diagnostic(
        `${name}: ${counts.documents} documents (${counts.mutated} mutated: ${Object.entries(mutations)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
      );
      t.diagnostic(`${name}: ${counts.checks} checks (strip and reject), ${counts.agreements} agreements (${counts.bothAccept} both accept, ${counts.bothReject} both reject)`);
      t.diagnostic(
        `${name}: explained differences: unsafe_integer ${explained.unsafe_integer}, lone surrogate ${explained.lone_surrogate}; ` +
          `unknown fields: accepted by both with strip ${unknownFields.acceptedByBothWithStrip}, rejected by both with reject ${unknownFields.rejectedByBothWithReject}; ` +
          `unexplained ${unexplained.length}; ${Math.round(performance.now() - started)} ms`,
      );

      assert.deepEqual(unexplained.slice(0, 10), [], `${unexplained.length} unexplained disagreements with Ajv (first 10 shown)`);
      assert.equal(counts.agreements + explained.unsafe_integer + explained.lone_surrogate, counts.checks);
      assert.equal(counts.validAsBuiltRejected, 0, 'documents built valid from the description are valid');
      for (const [kind, count] of Object.entries({ ...explained, ...unknownFields })) assert.ok(count > 0, `the difference "${kind}" occurred at least once`);
      for (const name of ['missing_field', 'wrong_type', 'wrong_value', 'fractional', 'unsafe_integer', 'unknown_field', 'wrong_shape', 'lone_surrogate']) {
        assert.ok(mutations[name] > 0, `the mutation ${name} was made`);
      }
      assert.ok(counts.bothReject > counts.mutated, 'most mutated documents are invalid (each is checked in two modes)');
    });
  }

  test('the decisions change what the openai contract accepts, as documented', () => {
    // The fields that say `decision` on the openai response: token_logprobs and top_logprobs may hold null items.
    const { validators, applied } = compile(profiles.openai);
    assert.deepEqual(applied.sort(), ['Logprobs.token_logprobs', 'Logprobs.top_logprobs']);
    const doc = {
      id: 'cmpl-1',
      object: 'text_completion',
      created: 1,
      model: 'm',
      choices: [
        { text: 'a', index: 0, finish_reason: 'stop', logprobs: { tokens: ['a', 'b'], token_logprobs: [null, -0.5], top_logprobs: [null, { b: -0.5 }], text_offset: [0, 1] } },
      ],
    };
    assert.equal(validators.strip(doc), true);
    assert.deepEqual(validateCompletionResponse(JSON.stringify(doc), { profile: 'openai' }), []);
    const published = YAML.parse(readFileSync(requireShared('spec/openai/openai-completions.yaml'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'urn:completion-wasm:openai:published', components: published.components });
    assert.equal(ajv.getSchema('urn:completion-wasm:openai:published#/components/schemas/CreateCompletionResponse')(doc), false, 'the published contract alone rejects null items');
  });

  test("the chat decisions change what OpenAI's chat contract accepts, as documented", () => {
    // OpenAI's own 2023 body and published examples: no refusal, no logprobs, system_fingerprint null.
    const { validators, applied } = compile(profiles.openai, 'chatResponse');
    assert.deepEqual(applied.sort(), ['ChatCompletion.system_fingerprint', 'ChatCompletionChoice.logprobs', 'ChatCompletionMessage.refusal', 'ChatLogprobs.refusal']);
    const doc = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      system_fingerprint: null,
      choices: [
        { index: 0, message: { role: 'assistant', content: 'a' }, finish_reason: 'stop' },
        { index: 1, message: { role: 'assistant', content: 'b', refusal: null }, logprobs: { content: [] }, finish_reason: 'stop' },
      ],
    };
    assert.equal(validators.strip(doc), true);
    assert.deepEqual(validateChatCompletion(JSON.stringify(doc), { profile: 'openai' }), []);
    const published = YAML.parse(readFileSync(requireShared('spec/openai/openai-chat-completions.yaml'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'urn:completion-wasm:openai-chat:published', components: published.components });
    const contract = ajv.getSchema('urn:completion-wasm:openai-chat:published#/components/schemas/CreateChatCompletionResponse');
    assert.equal(contract(doc), false, 'the published contract alone rejects them');
    assert.ok(contract.errors.some((error) => error.params?.missingProperty === 'refusal' || error.params?.missingProperty === 'logprobs'));
  });
});
