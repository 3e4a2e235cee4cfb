// Drift check, field by field: every object of src/schema.yaml names (`spec`)
// where it sits in its profile's published contract (../shared/spec/, see its
// README). For each one this resolves that location in the contract (following
// $ref, allOf, anyOf/oneOf with {type: 'null'} as nullability, const, enum,
// required, items, additionalProperties) and compares
//   - the set of property names,
//   - each field's required-ness (optionalWith counts as a difference),
//   - each field's type: the JSON kinds it accepts (null included), its
//     literal or enum values, an array's item type, a record's value type,
//     and the object it refers to (by that object's spec location).
// A difference is allowed only where the field says why: `decision` in the
// profiles r9s and openai, `leniency` in openai-compatible (whose contract is
// OpenAI's). Conversely a field that says why must really differ: a stale
// decision fails too. Every mismatch of a profile is listed in one message.
//
// Each object is checked against the contract of every endpoint whose
// documents reach it (a profile's `contracts`: /completions and
// /chat/completions); an object no contract has (no `spec`) must say why
// itself (its own `decision` or `leniency`). A union of objects is the
// contract's oneOf of them.
//
// Also checked: the documents each profile names are the ones the contract's
// operation of their endpoint answers with, each spec is the location's canonical
// name (the schema a $ref names, else the inline path), and openai-compatible
// only widens: it accepts whatever the contract accepts, and whatever the
// openai profile accepts (the departures OpenAI's own servers make).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

import { readDescription, isAny, reachableObjects } from '../../src/generate.js';
import { repoRoot, requireShared, specSteps } from './helpers.js';

const description = readDescription(readFileSync(path.join(repoRoot, 'src/schema.yaml'), 'utf8'));
const profiles = Object.fromEntries(description.profiles.map((profile) => [profile.name, profile]));
const OPENAI_CONTRACT = 'openai/openai-completions.yaml';
const OPENAI_CHAT_CONTRACT = 'openai/openai-chat-completions.yaml';

const contracts = new Map();
function contractOf(file) {
  if (!contracts.has(file)) contracts.set(file, YAML.parse(readFileSync(requireShared(`spec/${file}`), 'utf8')));
  return contracts.get(file);
}

// ---- the contract's schemas, as the description's types -------------------------

const KINDS = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
const REF_PREFIX = '#/components/schemas/';

/**
 * A type both sides can be compared in: { kinds: Set of KINDS (integer
 * dropped when number is there), values (sorted strings, undefined: any
 * string), object (the spec location of a structured object), members (a
 * record's value type), items (an array's item type; undefined: any) }.
 */
const anyType = () => ({ kinds: new Set(KINDS.filter((k) => k !== 'integer')), values: undefined, object: undefined, members: undefined, items: undefined });

function schemaByRef(doc, ref) {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  const name = ref.slice(REF_PREFIX.length);
  const schema = doc.components?.schemas?.[name];
  if (!schema) throw new Error(`$ref ${ref} names no schema`);
  return { name, schema };
}

/** allOf merged into one schema (properties and required united; other keywords must agree). */
function mergeAllOf(doc, schema) {
  const { allOf, ...rest } = schema;
  let merged = rest;
  for (const part of allOf) {
    const resolved = part.$ref ? schemaByRef(doc, part.$ref).schema : part;
    const flat = resolved.allOf ? mergeAllOf(doc, resolved) : resolved;
    const next = { ...merged, ...flat };
    if (merged.properties || flat.properties) next.properties = { ...merged.properties, ...flat.properties };
    if (merged.required || flat.required) next.required = [...new Set([...(merged.required ?? []), ...(flat.required ?? [])])];
    for (const key of ['type', 'const', 'enum', 'items', 'additionalProperties']) {
      if (key in merged && key in flat && JSON.stringify(merged[key]) !== JSON.stringify(flat[key])) {
        throw new Error(`allOf parts disagree on ${key}: not supported by this check`);
      }
    }
    merged = next;
  }
  return merged;
}

/** The type of a contract schema that sits at `location` (an inline path; a $ref moves it to the schema's name). */
function contractType(doc, schema, location) {
  if (schema === true || schema === undefined) return anyType();
  if (schema.$ref) {
    const { name, schema: target } = schemaByRef(doc, schema.$ref);
    return contractType(doc, target, name);
  }
  if (schema.allOf) {
    // allOf: [{$ref}] alone is the referenced schema, at its own name.
    if (schema.allOf.length === 1 && schema.allOf[0].$ref && Object.keys(schema).every((k) => k === 'allOf' || !isConstraint(k))) {
      return contractType(doc, schema.allOf[0], location);
    }
    return contractType(doc, mergeAllOf(doc, schema), location);
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return unite(branches.map((branch) => contractType(doc, branch, location)));

  let kinds = schema.type === undefined ? null : new Set([schema.type].flat());
  if (schema.nullable === true && kinds) kinds.add('null'); // OpenAPI 3.0 style
  let values;
  const constants = 'const' in schema ? [schema.const] : schema.enum;
  if (constants) {
    const ofKinds = new Set(constants.map(kindOf));
    kinds = kinds ? new Set([...kinds].filter((k) => ofKinds.has(k) || (k === 'number' && ofKinds.has('integer')))) : ofKinds;
    const strings = constants.filter((c) => typeof c === 'string');
    if (constants.some((c) => typeof c !== 'string' && c !== null)) throw new Error(`${location}: non-string constants ${JSON.stringify(constants)} are not supported`);
    if (strings.length > 0) values = [...strings].sort();
  }
  const type = kinds ? { ...anyType(), kinds } : anyType();
  type.values = values;
  if (type.kinds.has('number')) type.kinds.delete('integer');
  if (type.kinds.has('object')) {
    if (schema.properties || schema.required) type.object = location;
    else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      type.members = contractType(doc, schema.additionalProperties, `${location}{}`);
    }
  }
  if (type.kinds.has('array') && schema.items !== undefined) type.items = contractType(doc, schema.items, `${location}[]`);
  return type;
}

const isConstraint = (key) => !['description', 'title', 'example', 'examples', 'default', 'deprecated'].includes(key) && !key.startsWith('x-');

function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** The union of types (anyOf branches). */
function unite(types) {
  const out = { kinds: new Set(), values: [], object: undefined, members: undefined, items: undefined };
  let anyString = false;
  for (const type of types) {
    type.kinds.forEach((k) => out.kinds.add(k));
    if (type.kinds.has('string')) {
      if (type.values) out.values.push(...type.values);
      else anyString = true;
    }
    for (const key of ['object', 'members', 'items']) {
      if (type[key] === undefined) continue;
      if (key === 'object' && out.object !== undefined && out.object !== type.object) {
        out.object = [...new Set([...out.object.split(' | '), type.object])].sort().join(' | '); // a union of objects (oneOf)
        continue;
      }
      const same = key === 'object' ? out[key] === type[key] : out[key] !== undefined && render(out[key]) === render(type[key]);
      if (out[key] !== undefined && !same) throw new Error(`anyOf branches with two different ${key}: not supported by this check`);
      out[key] = type[key];
    }
  }
  out.values = anyString || out.values.length === 0 ? undefined : [...new Set(out.values)].sort();
  if (out.kinds.has('number')) out.kinds.delete('integer');
  return out;
}

/** A description type (see readDescription) in the same terms; objects are named by their spec. */
function descriptionType(profile, type) {
  if (isAny(type)) return anyType();
  const kinds = new Set(type.accepts);
  if (kinds.has('number')) kinds.delete('integer');
  return {
    kinds,
    values: type.values ? [...type.values].sort() : undefined,
    object: (type.variants ?? (type.object ? [type.object] : undefined))
      ?.map((name) => profile.objects[name].spec ?? `(${name}, which has no spec)`)
      .sort()
      .join(' | '),
    members: type.members ? descriptionType(profile, type.members) : undefined,
    items: type.items ? descriptionType(profile, type.items) : undefined,
  };
}

/** A canonical text of a type: equal texts, equal types. */
function render(type) {
  if (type === undefined) return 'any';
  const order = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'];
  if (order.every((k) => k === 'integer' || type.kinds.has(k)) && !type.values && !type.object && !type.members && !type.items) return 'any';
  return order
    .filter((k) => type.kinds.has(k))
    .map((kind) => {
      if (kind === 'string' && type.values) return type.values.map((v) => JSON.stringify(v)).join(' | ');
      if (kind === 'array') return `array<${render(type.items)}>`;
      if (kind === 'object' && type.object) return `object ${type.object}`;
      if (kind === 'object' && type.members) return `Record<string, ${render(type.members)}>`;
      return kind;
    })
    .join(' | ');
}

/** Whether `wide` accepts every value `narrow` accepts (objects by location: their fields are checked as objects). */
function covers(wide, narrow) {
  if (wide === undefined) return true;
  if (narrow === undefined) return render(wide) === 'any';
  for (const kind of narrow.kinds) {
    if (!(wide.kinds.has(kind) || (kind === 'integer' && wide.kinds.has('number')))) return false;
  }
  if (narrow.kinds.has('string') && wide.values && !narrow.values?.every((v) => wide.values.includes(v))) return false;
  if (narrow.kinds.has('array') && !covers(wide.items, narrow.items)) return false;
  if (narrow.kinds.has('object')) {
    if (wide.object && wide.object !== narrow.object) return false;
    if (wide.members && !(narrow.members && covers(wide.members, narrow.members))) return false;
  }
  return true;
}

/**
 * The structured object at a spec location ("Schema", then ".property" or
 * "[]" steps): { schema (merged, with properties and required), location
 * (canonical: a $ref's name, else the inline path) } or a thrown Error.
 */
function objectAt(doc, spec) {
  const [name, ...steps] = specSteps(spec);
  const root = doc.components?.schemas?.[name];
  if (!root) throw new Error(`components.schemas has no ${name}`);
  let current = { schema: root, location: name };
  for (const step of steps) {
    const object = structured(doc, current);
    if (step === '[]') {
      if (object.schema.items === undefined) throw new Error(`${object.location} is not an array with items`);
      current = { schema: object.schema.items, location: `${object.location}[]` };
    } else {
      if (!object.schema.properties?.[step]) throw new Error(`${object.location} has no property ${step}`);
      current = { schema: object.schema.properties[step], location: `${object.location}.${step}` };
    }
  }
  const object = structured(doc, current);
  if (!object.schema.properties && !object.schema.required) throw new Error(`${spec} is not an object with properties`);
  return object;
}

/** A schema with $ref, allOf and the non-null branch of anyOf/oneOf resolved, and where it sits. */
function structured(doc, { schema, location }) {
  if (schema.$ref) {
    const { name, schema: target } = schemaByRef(doc, schema.$ref);
    return structured(doc, { schema: target, location: name });
  }
  if (schema.allOf) {
    if (schema.allOf.length === 1 && schema.allOf[0].$ref) return structured(doc, { schema: schema.allOf[0], location });
    return structured(doc, { schema: mergeAllOf(doc, schema), location });
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== 'null');
    if (nonNull.length !== 1) throw new Error(`${location}: ${nonNull.length} non-null branches, cannot choose one`);
    return structured(doc, { schema: nonNull[0], location });
  }
  return { schema, location };
}

// ---- comparing -----------------------------------------------------------------

const requiredness = (field) => (field.optionalWith ? `required unless ${field.optionalWith} is there` : field.required ? 'required' : 'optional');

/** The fields of the contract object at a spec location: Map key -> { required, type }. */
function contractFields(doc, spec) {
  const { schema, location } = objectAt(doc, spec);
  const required = new Set(schema.required ?? []);
  const fields = new Map();
  for (const key of new Set([...Object.keys(schema.properties ?? {}), ...required])) {
    fields.set(key, { required: required.has(key), type: contractType(doc, schema.properties?.[key], `${location}.${key}`) });
  }
  return { location, fields, additionalProperties: schema.additionalProperties };
}

/** The contract files each object of a profile is checked against: those of the endpoints whose documents reach it. */
function contractsOfObjects(profile) {
  const out = new Map();
  for (const [document, file] of Object.entries(profile.contracts)) {
    for (const name of reachableObjects(profile, [document])) out.set(name, new Set([...(out.get(name) ?? []), file]));
  }
  return out;
}

/** Every mismatch between a profile and its contracts, as lines, and the spec locations checked. */
function compareProfile(profile, contractOf) {
  const mismatches = [];
  const checked = [];
  const says = profile.name === 'openai-compatible' ? 'leniency' : 'decision';
  const other = says === 'decision' ? 'leniency' : 'decision';
  const contracts = contractsOfObjects(profile);
  for (const [objectName, object] of Object.entries(profile.objects)) {
    if (objectName.startsWith('$')) continue; // $anyError: any body whose "error" is an object, in no contract
    const where = `${profile.name} ${objectName}`;
    if (!object.spec) {
      // An object of a departure: it says why itself, as the field that brings it in does.
      if (object[says] === undefined && !(object.inheritedFrom && object.decision)) mismatches.push(`${where}: has no spec, and no ${says} says why`);
      continue;
    }
    // An object taken unchanged from the profile extended, which none of this profile's documents
    // reaches (its fields replaced it), is still checked where that profile's documents reach it.
    const files = contracts.get(objectName) ?? (object.inheritedFrom ? contractsOfObjects(profiles[object.inheritedFrom]).get(objectName) : undefined);
    if (!files) mismatches.push(`${where}: no document of ${profile.name} reaches it`);
    for (const file of files ?? []) compareObject(profile, object, where, file, contractOf(file), { says, other, mismatches, checked });
  }
  return { mismatches, checked };
}

function compareObject(profile, object, where, file, doc, { says, other, mismatches, checked }) {
  let contract;
  try {
    contract = contractFields(doc, object.spec);
  } catch (error) {
    mismatches.push(`${where} (spec ${object.spec}): not found in ${file}: ${error.message}`);
    return;
  }
  checked.push(object.spec);
  if (contract.location !== object.spec) mismatches.push(`${where}: spec ${object.spec} is the schema ${file} names ${contract.location}`);
  if (contract.additionalProperties !== undefined && contract.additionalProperties !== true) {
    mismatches.push(`${where} (spec ${object.spec}): the contract sets additionalProperties ${JSON.stringify(contract.additionalProperties)}, which the description cannot say`);
  }
  for (const field of object.fields) {
    const at = `${where}.${field.key} (spec ${object.spec})`;
    const differences = [];
    const theirs = contract.fields.get(field.key);
    const ours = descriptionType(profile, field.type);
    if (!theirs) {
      differences.push(`not in the contract (description: ${requiredness(field)} ${render(ours)})`);
    } else {
      const contractRequiredness = theirs.required ? 'required' : 'optional';
      if (requiredness(field) !== contractRequiredness) differences.push(`description ${requiredness(field)}, contract ${contractRequiredness}`);
      if (render(ours) !== render(theirs.type)) differences.push(`description type ${render(ours)}, contract ${render(theirs.type)}`);
    }
    // A field a profile takes unchanged from the one it extends keeps that one's word for why.
    const why = field.inheritedFrom ? (field.decision ?? field.leniency) : field[says];
    if (field[other] !== undefined && !field.inheritedFrom) mismatches.push(`${at}: carries ${other}, but profile ${profile.name} says why with ${says}`);
    if (differences.length > 0 && why === undefined) {
      mismatches.push(`${at}: ${differences.join('; ')}, and no ${says} explains it`);
    }
    if (differences.length === 0 && why !== undefined) {
      mismatches.push(`${at}: stale ${says}, the field matches the contract (${requiredness(field)} ${render(ours)}): "${why}"`);
    }
  }
  const named = new Set(object.fields.map((field) => field.key));
  for (const [key, theirs] of contract.fields) {
    if (!named.has(key)) {
      mismatches.push(`${where}.${key} (spec ${object.spec}): in the contract (${theirs.required ? 'required' : 'optional'} ${render(theirs.type)}), missing from the description`);
    }
  }
}

/** The schema location a media type's schema names, for a document of a profile. */
function answeredWith(doc, schema, location) {
  return structured(doc, { schema, location }).location;
}

/** The documents of each endpoint: the body, the stream's event (or chunk), and the error body. */
const ENDPOINTS = {
  '/completions': { response: 'response', event: 'streamEvent', error: 'error' },
  '/chat/completions': { response: 'chatResponse', event: 'chatChunk', error: 'error' },
};

function documentMismatches(profile) {
  const out = [];
  for (const [endpoint, documents] of Object.entries(ENDPOINTS)) out.push(...endpointMismatches(profile, endpoint, documents));
  return out;
}

function endpointMismatches(profile, endpoint, documents) {
  const file = profile.contracts[documents.response];
  const doc = contractOf(file);
  const operation = doc.paths?.[endpoint]?.post;
  if (!operation) return [`${file} has no post ${endpoint}`];
  const out = [];
  const specOf = (document) => profile.objects[profile.documents[document]].spec;
  const answers = (status) => {
    let response = operation.responses[status];
    if (response.$ref) response = doc.components.responses[response.$ref.split('/').pop()];
    return response.content ?? {};
  };
  const ok = answers('200');
  if (!ok['application/json']) return [`${profile.name}: ${file} has no 200 application/json answer for ${endpoint}`];
  const json = answeredWith(doc, ok['application/json'].schema, '(200 application/json)');
  if (json !== specOf(documents.response))
    out.push(`${profile.name} ${documents.response}: spec ${specOf(documents.response)}, ${endpoint} answers 200 application/json with ${json}`);
  // Events: the data of a text/event-stream answer (r9s wraps it as {data}; OpenAI's chat names the
  // chunk itself); OpenAI's /completions has none and says a streamed response shares the
  // non-streamed shape, so there the event is the response's schema.
  const stream = ok['text/event-stream'];
  let event = json;
  if (stream) {
    const wrapper = structured(doc, { schema: stream.schema, location: '(event)' });
    event = wrapper.schema.properties?.data ? answeredWith(doc, wrapper.schema.properties.data, '(event data)') : wrapper.location;
  }
  if (event !== specOf(documents.event)) out.push(`${profile.name} ${documents.event}: spec ${specOf(documents.event)}, the events of ${endpoint} are ${event}`);
  for (const status of Object.keys(operation.responses).filter((s) => !s.startsWith('2'))) {
    const body = answers(status)['application/json'];
    if (!body) {
      out.push(`${profile.name} error: status ${status} of ${endpoint} has no application/json body`);
      continue;
    }
    // An error schema may be allOf [$ref the common error, a narrower status]: any part naming the error spec counts.
    const parts = body.schema.$ref ? [schemaByRef(doc, body.schema.$ref).schema] : [body.schema];
    const names = new Set([answeredWith(doc, body.schema, `(${status})`)]);
    for (const part of parts) for (const sub of part.allOf ?? []) if (sub.$ref) names.add(schemaByRef(doc, sub.$ref).name);
    if (!names.has(specOf(documents.error)))
      out.push(`${profile.name} error: spec ${specOf(documents.error)}, status ${status} of ${endpoint} answers with ${[...names].join(', ')}`);
  }
  return out;
}

// ---- the tests -----------------------------------------------------------------

describe('src/schema.yaml against the published contracts', () => {
  for (const profile of description.profiles) {
    const files = [...new Set(Object.values(profile.contracts))].join(' and ');
    test(`profile ${profile.name}: every field matches ${files}, or says why not (${profile.name === 'openai-compatible' ? 'leniency' : 'decision'})`, (t) => {
      const { mismatches, checked } = compareProfile(profile, contractOf);
      mismatches.push(...documentMismatches(profile));
      assert.deepEqual(mismatches, [], `profile ${profile.name} differs from ${files}:\n  ${mismatches.join('\n  ')}`);
      t.diagnostic(`${profile.name}: ${checked.length} objects checked: ${checked.join(', ')}`);
    });
  }

  test('the error bodies are among the objects checked', () => {
    const expected = { r9s: ['R9SError', 'R9SError.error'], openai: ['ErrorResponse', 'Error'], 'openai-compatible': ['ErrorResponse', 'Error'] };
    for (const [name, specs] of Object.entries(expected)) {
      const { checked } = compareProfile(profiles[name], contractOf);
      for (const spec of specs) assert.ok(checked.includes(spec), `${name} checks ${spec}`);
    }
  });

  test("openai and openai-compatible name OpenAI's contract, r9s the r9s one, and each is there", () => {
    assert.equal(profiles.r9s.contract, 'r9s-openapi.yaml');
    assert.equal(profiles.openai.contract, OPENAI_CONTRACT);
    assert.equal(profiles['openai-compatible'].contract, OPENAI_CONTRACT);
    assert.deepEqual(profiles.openai.contracts.chatResponse, OPENAI_CHAT_CONTRACT);
    assert.deepEqual(profiles['openai-compatible'].contracts.chatChunk, OPENAI_CHAT_CONTRACT);
    assert.deepEqual(profiles.r9s.contracts.chatResponse, 'r9s-openapi.yaml');
    for (const profile of description.profiles) for (const file of Object.values(profile.contracts)) requireShared(`spec/${file}`);
  });

  test('the chat documents are among the objects checked, each against the chat contract', () => {
    const expected = {
      r9s: ['ChatCompletionResponse', 'ChatCompletionStreamEvent', 'Message', 'ToolCall', 'ChatCompletionStreamDelta'],
      openai: [
        'CreateChatCompletionResponse',
        'CreateChatCompletionStreamResponse',
        'ChatCompletionMessageToolCall',
        'ChatCompletionMessageCustomToolCall',
        'ChatCompletionMessageToolCallChunk',
        'ModerationResultBody',
      ],
    };
    expected['openai-compatible'] = expected.openai;
    for (const [name, specs] of Object.entries(expected)) {
      const { checked } = compareProfile(profiles[name], contractOf);
      for (const spec of specs) assert.ok(checked.includes(spec), `${name} checks ${spec}`);
    }
  });

  test('openai-compatible only widens: it accepts all the contract and the openai profile accept', () => {
    const compatible = profiles['openai-compatible'];
    const contracts = contractsOfObjects(compatible);
    const openai = profiles.openai;
    const problems = [];
    const widens = (theirName, theirFields, object, objectName) => {
      const ours = new Map(object.fields.map((field) => [field.key, field]));
      for (const [key, theirs] of theirFields) {
        const at = `openai-compatible ${objectName}.${key}`;
        const field = ours.get(key);
        if (!field) {
          problems.push(`${at}: missing, ${theirName} has it`);
          continue;
        }
        if (field.required && !field.optionalWith && !theirs.required) problems.push(`${at}: required, optional in ${theirName}`);
        if (field.optionalWith && !theirs.required) problems.push(`${at}: ${requiredness(field)}, optional in ${theirName}`);
        const type = descriptionType(compatible, field.type);
        if (!covers(type, theirs.type)) problems.push(`${at}: ${render(type)} does not accept all of ${theirName}'s ${render(theirs.type)}`);
      }
    };
    for (const [objectName, object] of Object.entries(compatible.objects)) {
      if (objectName.startsWith('$') || object.spec === undefined) continue; // no spec: an object only a leniency brings in
      for (const file of contracts.get(objectName) ?? []) widens(`the contract ${file}`, contractFields(contractOf(file), object.spec).fields, object, objectName);
      const counterpart = openai.objects[objectName];
      assert.ok(counterpart, `openai has an object ${objectName} too`);
      assert.equal(counterpart.spec, object.spec, `${objectName}: the same spec in openai and openai-compatible`);
      const fields = new Map(counterpart.fields.map((field) => [field.key, { required: field.required && !field.optionalWith, type: descriptionType(openai, field.type) }]));
      widens('the openai profile', fields, object, objectName);
    }
    assert.deepEqual(problems, [], `openai-compatible is narrower than what it extends:\n  ${problems.join('\n  ')}`);
  });

  test('the comparison itself notices a drift', () => {
    // A copy of the description with one field changed and one decision made stale: both must be reported.
    const text = readFileSync(path.join(repoRoot, 'src/schema.yaml'), 'utf8')
      .replace(/(\n {6}CompletionChoice:\n {8}spec: CompletionChoice\n {8}fields:\n {10}text: string\n {10}index:) integer/, '$1 number')
      .replace(/(\n {10}token_logprobs\?:\n {12}type:) \(number \| null\)\[\]/, '$1 number[]');
    const drifted = readDescription(text).profiles;
    const r9s = compareProfile(
      drifted.find((p) => p.name === 'r9s'),
      contractOf,
    ).mismatches;
    assert.ok(
      r9s.some((line) => line.startsWith('r9s CompletionChoice.index') && line.includes('no decision')),
      r9s.join('\n'),
    );
    const openai = compareProfile(
      drifted.find((p) => p.name === 'openai'),
      contractOf,
    ).mismatches;
    assert.ok(
      openai.some((line) => line.startsWith('openai Logprobs.token_logprobs') && line.includes('stale decision')),
      openai.join('\n'),
    );
  });
});
