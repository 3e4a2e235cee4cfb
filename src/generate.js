#!/usr/bin/env node
// Generates everything that names a field, an issue code, an option flag, a
// default or a profile from src/schema.yaml (read its header):
//   src/completion_names.h, src/schema_tables.c, js/schema.js, and the
//   "generated" regions of js/index.d.ts and README.md;
// and both sides of the wasm boundary from src/wasm_boundary.yaml (read its
// header): src/wasm_boundary.h, src/exports.txt, js/wasm-layout.js.
//
// Usage: node src/generate.js          write the files
//        node src/generate.js --check  exit 1, naming the files, when any differs
// Needs the npm dev dependencies (yaml); not ../shared, and not the build.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const notice = (description) => `Generated from ${description} by src/generate.js (npm run generate): do not edit.`;
const NOTICE = notice('src/schema.yaml');
const BOUNDARY_NOTICE = notice('src/wasm_boundary.yaml');

// ---- reading the description ----

/**
 * The description, with each profile's objects merged with those of the
 * profile it extends and every field's type parsed; see resolveType for the
 * shape of a type. Each profile gets `documents` (every document's object,
 * $anyError included), `contracts` (each document's contract file) and
 * `contract` (the /completions one).
 */
export function readDescription(text = readFileSync(path.join(root, 'src/schema.yaml'), 'utf8')) {
  const yaml = YAML.parse(text, { merge: true });
  const enums = yaml.enums;
  const documentNames = Object.keys(yaml.documents);
  const written = yaml.profiles;
  const profiles = Object.keys(written).map((name) => {
    const profile = mergedProfile(written, name);
    const objects = {};
    for (const [objectName, object] of Object.entries(profile.objects)) objects[objectName] = readObject(object, `${name} ${objectName}`);
    objects.$anyError = readObject({ fields: yaml.anyError }, `${name} $anyError`);
    const documents = { ...profile.documents, anyError: '$anyError' };
    const contracts = {};
    for (const document of documentNames) {
      if (!documents[document] || !objects[documents[document]]) throw new Error(`schema.yaml: profile ${name} names no object for the document ${document}`);
      const endpoint = yaml.documents[document].endpoint;
      if (endpoint !== undefined) contracts[document] = profile.contracts[yaml.endpoints[endpoint].path];
    }
    const resolved = { ...profile, name, objects, documents, contracts, contract: profile.contracts['/completions'] };
    for (const [objectName, object] of Object.entries(objects)) {
      for (const field of object.fields) {
        field.type = resolveType(parseType(field.typeText), enums, objects, `${name} ${objectName}.${field.key}`);
      }
    }
    for (const [objectName, object] of Object.entries(objects)) {
      for (const field of object.fields) settleVariants(field.type, objects, `${name} ${objectName}.${field.key}`);
    }
    return resolved;
  });
  for (const [name, document] of Object.entries(yaml.documents)) {
    if (document.endpoint !== undefined && !yaml.endpoints?.[document.endpoint]) throw new Error(`schema.yaml: documents: ${name} names no endpoint (${document.endpoint})`);
  }
  return { ...yaml, documentNames, profiles };
}

/**
 * A profile as written, or, when it `extends` another, that one's objects,
 * contracts and documents with its own laid over them: an object it names
 * again keeps the other's fields in their order, each field it names again
 * replaced where it stood (its `?` included), new fields after them.
 */
function mergedProfile(written, name, chain = []) {
  const profile = written[name];
  if (profile === undefined) throw new Error(`schema.yaml: ${chain.at(-1)} extends ${name}, which is no profile`);
  if (chain.includes(name)) throw new Error(`schema.yaml: profiles extend each other in a circle: ${[...chain, name].join(' -> ')}`);
  if (profile.extends === undefined) return profile;
  const base = mergedProfile(written, profile.extends, [...chain, name]);
  // Every field as the profile takes it from the other, marked so (a string is its type).
  const objects = {};
  for (const [objectName, object] of Object.entries(base.objects)) {
    const fields = Object.entries(object.fields).map(([key, value]) => [key, { inheritedFrom: profile.extends, ...(typeof value === 'string' ? { type: value } : value) }]);
    objects[objectName] = { ...object, inheritedFrom: profile.extends, fields: Object.fromEntries(fields) };
  }
  for (const [objectName, object] of Object.entries(profile.objects ?? {})) {
    const inherited = objects[objectName];
    if (inherited === undefined) {
      objects[objectName] = object;
      continue;
    }
    const fields = {};
    const bare = (key) => key.replace(/\?$/, '');
    const overrides = new Map(Object.entries(object.fields ?? {}).map(([key, value]) => [bare(key), [key, value]]));
    for (const [key, value] of Object.entries(inherited.fields)) {
      const [newKey, newValue] = overrides.get(bare(key)) ?? [key, value];
      fields[newKey] = newValue;
      overrides.delete(bare(key));
    }
    for (const [key, value] of overrides.values()) fields[key] = value;
    objects[objectName] = { ...inherited, ...object, inheritedFrom: undefined, fields };
  }
  return {
    ...profile,
    contracts: { ...base.contracts, ...profile.contracts },
    documents: { ...base.documents, ...profile.documents },
    objects,
  };
}

function readObject(object, where) {
  if (!object.fields || typeof object.fields !== 'object') throw new Error(`schema.yaml: ${where} has no fields`);
  return {
    ...object,
    fields: Object.entries(object.fields).map(([rawKey, value]) => {
      const optional = rawKey.endsWith('?');
      const detail = typeof value === 'string' ? { type: value } : value;
      return { key: optional ? rawKey.slice(0, -1) : rawKey, required: !optional, typeText: detail.type, ...detail, type: undefined };
    }),
  };
}

// Type expressions: union := postfix ('|' postfix)*; postfix := primary '[]'*;
// primary := '(' union ')' | "literal" | Record<string, union> | name.
function parseType(text) {
  const tokens = text.match(/"[^"]*"|Record<string,|[A-Za-z_][A-Za-z0-9_]*|\[\]|[|()>]/g);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected) => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`schema.yaml: expected ${expected} in "${text}", got ${token}`);
    return token;
  };
  function union() {
    const members = [postfix()];
    while (peek() === '|') {
      take();
      members.push(postfix());
    }
    return members.length === 1 ? members[0] : { union: members };
  }
  function postfix() {
    let node = primary();
    while (peek() === '[]') {
      take();
      node = { array: node };
    }
    return node;
  }
  function primary() {
    const token = take();
    if (token === '(') {
      const inner = union();
      take(')');
      return inner;
    }
    if (token === 'Record<string,') {
      const inner = union();
      take('>');
      return { record: inner };
    }
    if (token.startsWith('"')) return { literal: token.slice(1, -1) };
    return { name: token };
  }
  const node = union();
  if (at !== tokens.length) throw new Error(`schema.yaml: cannot read the type "${text}"`);
  return node;
}

const KINDS = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];

/**
 * A type as the tables hold it: { accepts: Set of KINDS, values, valuesKind
 * ('literal' | 'enum'), enumName, object (an object's name; undefined: any
 * object), variants (instead of object: the names of two or more objects, told
 * apart by `discriminator`, a field each of them has as a required literal of
 * its own; settleVariants sets it), items (an array's item type; undefined:
 * any), members (a record's value type) }.
 */
function resolveType(node, enums, objects, where) {
  const type = {
    accepts: new Set(),
    values: undefined,
    valuesKind: undefined,
    enumName: undefined,
    object: undefined,
    variants: undefined,
    discriminator: undefined,
    items: undefined,
    members: undefined,
  };
  // What the walker keeps one of per type: a second one would be dropped without a word.
  const once = (key, value, what) => {
    if (type[key] !== undefined) throw new Error(`schema.yaml: ${where}: a union with ${what} twice cannot be told apart by the walker`);
    type[key] = value;
  };
  const add = (member) => {
    if (member.union) return member.union.forEach(add);
    if (member.literal !== undefined) {
      if (type.valuesKind === 'enum') throw new Error(`schema.yaml: ${where}: a union of an enum and a literal cannot be told apart by the walker`);
      type.accepts.add('string');
      type.values = [...(type.values ?? []), member.literal];
      type.valuesKind = 'literal';
    } else if (member.array) {
      type.accepts.add('array');
      once('items', resolveType(member.array, enums, objects, where), 'two array types (write (A | B)[])');
    } else if (member.record) {
      type.accepts.add('object');
      once('members', resolveType(member.record, enums, objects, where), 'a record');
    } else if (member.name === 'any') {
      KINDS.forEach((kind) => type.accepts.add(kind));
    } else if (KINDS.includes(member.name)) {
      type.accepts.add(member.name);
    } else if (enums[member.name]) {
      if (type.values !== undefined) throw new Error(`schema.yaml: ${where}: a union of ${member.name} and other string values cannot be told apart by the walker`);
      type.accepts.add('string');
      type.values = enums[member.name];
      type.valuesKind = 'enum';
      type.enumName = member.name;
    } else if (objects[member.name]) {
      type.accepts.add('object');
      type.variants = [...(type.variants ?? []), member.name];
    } else {
      throw new Error(`schema.yaml: ${where}: unknown type name ${member.name}`);
    }
  };
  add(node);
  if (type.variants?.length === 1) [type.object, type.variants] = [type.variants[0], undefined];
  const objectForms = [type.object ?? type.variants, type.members].filter((form) => form !== undefined).length;
  if (objectForms > 1 || (objectForms === 1 && node.union?.some((member) => member.name === 'object'))) {
    throw new Error(`schema.yaml: ${where}: a union of a named object with a record or any object cannot be told apart by the walker`);
  }
  if (type.accepts.has('number')) type.accepts.delete('integer'); // any number includes the whole ones
  return type;
}

/**
 * Sets each union of objects' discriminator (after every field is resolved):
 * the first field of the first variant that every variant has, required, as
 * one string literal, a different one in each. None: the walker could not
 * choose, so the description is refused.
 */
function settleVariants(type, objects, where) {
  if (type === undefined) return;
  settleVariants(type.items, objects, where);
  settleVariants(type.members, objects, where);
  if (type.variants === undefined || type.discriminator !== undefined) return;
  const literalOf = (objectName, key) => {
    const field = objects[objectName].fields.find((f) => f.key === key);
    const tag = field?.type;
    const isLiteral = field?.required && tag.valuesKind === 'literal' && tag.values.length === 1 && [...tag.accepts].every((kind) => kind === 'string');
    return isLiteral ? tag.values[0] : undefined;
  };
  for (const { key } of objects[type.variants[0]].fields) {
    const values = type.variants.map((name) => literalOf(name, key));
    if (values.every((value) => value !== undefined) && new Set(values).size === values.length) {
      type.discriminator = key;
      return;
    }
  }
  throw new Error(
    `schema.yaml: ${where}: the union ${type.variants.join(' | ')} cannot be told apart: no field is, in each of them, a required string literal of its own (such as type: '"function"')`,
  );
}

/** The literal of a union's discriminator in one of its objects. */
export function variantValue(objects, objectName, discriminator) {
  return objects[objectName].fields.find((f) => f.key === discriminator).type.values[0];
}

export const isAny = (type) => KINDS.every((kind) => kind === 'integer' || type.accepts.has(kind));

/** What an issue says the schema wanted, as the walker has always worded it. */
function expectedText(type, open = false) {
  const nullable = type.accepts.has('null');
  if (type.valuesKind && !(open && type.valuesKind === 'enum')) {
    return type.values.map((v) => JSON.stringify(v)).join(' | ') + (nullable ? ' | null' : '');
  }
  if (isAny(type)) return 'any JSON value';
  const order = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'];
  return order.filter((kind) => type.accepts.has(kind)).join(' or ');
}

export const camelCase = (name) => name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
const upperSnake = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
const snakeCase = (name) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The bits the document and the profile numbers take in cw_options.flags; refuses fields that overlap. */
function flagWidths({ flags, documentNames, profiles }) {
  const bitsFor = (count) => Math.max(1, Math.ceil(Math.log2(count)));
  const documentBits = bitsFor(documentNames.length);
  const profileBits = bitsFor(profiles.length);
  const optionBits = Object.entries(flags)
    .filter(([name]) => !name.endsWith('_shift'))
    .reduce((bits, [, value]) => bits | value, 0);
  if (optionBits >= 1 << flags.schema_shift) throw new Error(`schema.yaml: flags: the option bits reach schema_shift ${flags.schema_shift}`);
  if (flags.schema_shift + documentBits > flags.profile_shift) {
    throw new Error(
      `schema.yaml: flags: ${documentNames.length} documents need ${documentBits} bits from schema_shift ${flags.schema_shift}, past profile_shift ${flags.profile_shift}`,
    );
  }
  if (flags.profile_shift + profileBits > 32) throw new Error(`schema.yaml: flags: ${profiles.length} profiles do not fit 32 bits from profile_shift ${flags.profile_shift}`);
  return { documentBits, profileBits };
}

/** The names of the objects a profile's documents reach. */
export function reachableObjects(profile, documents) {
  const seen = new Set();
  const visit = (type) => {
    if (type === undefined) return;
    for (const name of type.variants ?? (type.object ? [type.object] : [])) visitObject(name);
    visit(type.items);
    visit(type.members);
  };
  const visitObject = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const field of profile.objects[name].fields) visit(field.type);
  };
  for (const document of documents) visitObject(profile.documents[document]);
  return seen;
}

/**
 * Every field name, in order of first appearance: the cw_key ids. The names
 * of the /completions documents come first, so that a new endpoint's names
 * leave their ids as they were.
 */
function keyNames(description) {
  const keys = [];
  const completions = description.documentNames.filter((name) => description.documents[name].endpoint !== 'chat');
  for (const pass of ['completions', 'all']) {
    for (const profile of description.profiles) {
      const reached = pass === 'all' ? undefined : reachableObjects(profile, completions);
      for (const [name, object] of Object.entries(profile.objects)) {
        if (reached && !reached.has(name)) continue;
        for (const field of object.fields) if (!keys.includes(field.key)) keys.push(field.key);
      }
    }
  }
  return keys;
}

/** A frozen object of names by their upper-snake spelling, for code that uses a name: { INVALID_JSON: "invalid_json" }. */
function namesObject(names) {
  return `Object.freeze({ ${names.map((name) => `${upperSnake(name)}: ${JSON.stringify(name)}`).join(', ')} })`;
}

/** A TypeScript union of string literals, each with its meaning as a doc comment. */
function unionOf(entries) {
  return entries.map(([name, { means }]) => `  /** ${means} */\n  | ${JSON.stringify(name)}`).join('\n');
}

/** Markdown to plain text for a C comment: no backticks. */
function plain(text) {
  return text.replaceAll('`', '');
}

// ---- C ----

function cString(text) {
  return text === undefined ? 'NULL' : JSON.stringify(text);
}

function generateHeader(description, keys) {
  const { codes, flags, defaults, profiles } = description;
  const lines = [
    `/* completion_names.h: the public names and numbers of completion.h. ${NOTICE} */`,
    '#ifndef COMPLETION_NAMES_H',
    '#define COMPLETION_NAMES_H',
    '',
    '/* Issue codes (src/schema.yaml says when each is reported). Values are stable: the JS layer and the tape depend on them. */',
    'typedef enum cw_code {',
    ...Object.entries(codes).map(
      ([name, code], i) => `    CW_${upperSnake(name)}${i === 0 ? ' = 1' : ''}, /* ${code.stream ? '(streams, reported by the JS layer) ' : ''}${plain(code.means)} */`,
    ),
    '} cw_code;',
    '',
    '/* Option flags (cw_options.flags). */',
    'enum {',
  ];
  for (const [name, value] of Object.entries(flags)) {
    if (!name.endsWith('_shift')) lines.push(`    CW_${upperSnake(name)} = 0x${value.toString(16)}u,`);
  }
  const { documentBits, profileBits } = flagWidths(description);
  lines.push(
    "    /* The document to check (a number of the flags' CW_SCHEMA_MASK bits; the response, 0, is the default). */",
    ...description.documentNames.map((name, i) => `    CW_SCHEMA_${upperSnake(snakeCase(name))} = ${i}u << ${flags.schema_shift}, /* ${description.documents[name].about} */`),
    `    CW_SCHEMA_MASK = ${(1 << documentBits) - 1}u << ${flags.schema_shift},`,
    '    /* The profile (0, r9s, is the default). */',
    ...profiles.map((profile, i) => `    CW_PROFILE_${upperSnake(profile.name)} = ${i}u << ${flags.profile_shift},`),
    `    CW_PROFILE_MASK = ${(1 << profileBits) - 1}u << ${flags.profile_shift}`,
    '};',
    `#define CW_SCHEMA_SHIFT ${flags.schema_shift}`,
    `#define CW_DOCUMENT_COUNT ${description.documentNames.length}`,
    `#define CW_PROFILE_SHIFT ${flags.profile_shift}`,
    `#define CW_PROFILE_COUNT ${profiles.length}`,
    '',
    `#define CW_DEFAULT_MAX_BYTES ((size_t)${defaults.max_bytes})`,
    `#define CW_DEFAULT_MAX_DEPTH ${defaults.max_depth}u`,
    `#define CW_DEFAULT_MAX_ISSUES ${defaults.max_issues}u`,
    `#define CW_MAX_DEPTH_LIMIT ${defaults.max_depth_limit}u /* cJSON's own nesting limit; larger max_depth is clamped */`,
    `#define CW_DEFAULT_MAX_EVENT_BYTES ((size_t)${defaults.max_event_bytes})`,
    '',
    "/* Field names of every profile's schemas, in the order of cw_key ids (see cw_key_name). */",
    'typedef enum cw_key {',
    ...keys.map((key, i) => `    CW_KEY_${upperSnake(key)}${i === 0 ? ' = 0' : ''},`),
    '    CW_KEY_COUNT',
    '} cw_key;',
    '',
    '#endif /* COMPLETION_NAMES_H */',
    '',
  );
  return lines.join('\n');
}

/**
 * The width in bits of every integer member of the tables' structs, read from
 * src/schema.h (the one place they are written): { 'cw_type.object': 8, ... },
 * and 'cw_field_set' for the walker's set of an object's fields.
 */
export function readTableWidths(header = readFileSync(path.join(root, 'src/schema.h'), 'utf8')) {
  const widths = {};
  for (const [, name, body] of header.matchAll(/struct (cw_\w+) \{([^}]*)\}/g)) {
    const code = body.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, bits, member] of code.matchAll(/\buint(8|16|32)_t\s+(\w+)\s*(?:\[\w+\])?\s*;/g)) widths[`${name}.${member}`] = Number(bits);
  }
  const set = header.match(/typedef uint(8|16|32|64)_t cw_field_set;/);
  if (!set) throw new Error('src/schema.h: no typedef of cw_field_set');
  widths.cw_field_set = Number(set[1]);
  return widths;
}

/** src/schema_tables.c: each distinct type, object, value and text once, in arrays indexed by small numbers. */
function generateTables(description, keys, widths) {
  /** A number for a struct member, refused with a message naming where it comes from when the member's width cannot hold it. */
  const fit = (member, value, where) => {
    const bits = widths[member];
    if (bits === undefined) throw new Error(`src/schema.h: no integer member ${member}`);
    if (value >= 2 ** bits) throw new Error(`schema.yaml: ${where}: ${member} (uint${bits}_t in src/schema.h) cannot hold ${value}: widen it there`);
    return value;
  };
  const initialiser = (members) =>
    `{${Object.entries(members)
      .filter(([, value]) => value !== 0)
      .map(([member, value]) => `.${member} = ${value}`)
      .join(', ')}}`;
  const texts = ['']; // cw_texts: offset 0 is the empty text
  const textOffsets = new Map([['', 0]]);
  let textLength = 1;
  const text = (value, where, member) => {
    if (value === undefined) return 0;
    if (!textOffsets.has(value)) {
      textOffsets.set(value, textLength);
      texts.push(value);
      textLength += Buffer.byteLength(value) + 1;
    }
    return fit(member, textOffsets.get(value), where);
  };
  const ref = (value, where) => initialiser({ text: text(value, where, 'cw_text_ref.text'), length: fit('cw_text_ref.length', Buffer.byteLength(value), where) });
  const keyEntries = keys.map((key) => ref(key, `the field name ${key}`));
  const values = [];
  const types = [];
  const typeIndex = new Map();
  const extras = [];
  const extraIndex = new Map();
  const objects = [];
  const objectIndex = new Map();
  const fields = [];

  const firstValue = (list) => {
    for (let i = 0; i + list.length <= values.length; i++) if (list.every((v, j) => values[i + j] === v)) return i;
    values.push(...list);
    return values.length - list.length;
  };

  function typeRef(type, profile, where, hint) {
    let object = 0;
    let discriminator = 0;
    if (type.variants) {
      const tags = type.variants.map((name) => variantValue(profile.objects, name, type.discriminator));
      const tagType = { accepts: new Set(['string']), values: tags, valuesKind: 'literal' };
      discriminator = 1 + typeRef(tagType, profile, `${where} (${type.discriminator})`);
      object = 1 + variantsRef(type, profile, where);
    } else if (type.object) object = 1 + objectRef(profile.objects[type.object], profile, `${profile.name} ${type.object}`);
    else if (type.members) object = 1 + mapRef(type.members, profile, `${where}{}`);
    const items = type.items ? 1 + typeRef(type.items, profile, `${where}[]`) : 0;
    const [hintValue, hintText] = hint ? Object.entries(hint)[0] : [];
    const accepts = isAny(type)
      ? 'ACCEPT_ANY'
      : KINDS.filter((k) => type.accepts.has(k))
          .map((k) => `ACCEPT_${k.toUpperCase()}`)
          .join(' | ');
    const values = {
      value_count: fit('cw_type.value_count', type.values?.length ?? 0, where),
      first_value: fit('cw_type.first_value', type.values ? firstValue(type.values) : 0, where),
    };
    const expected = text(expectedText(type), where, 'cw_type.expected');
    const extra = extraRef(
      {
        discriminator: fit('cw_type_extra.discriminator', discriminator, where),
        expected_open: type.valuesKind === 'enum' ? text(expectedText(type, true), where, 'cw_type_extra.expected_open') : 0,
        hint_value: hint ? fit('cw_type_extra.hint_value', firstValue([hintValue]), where) : 0,
        hint: text(hintText, where, 'cw_type_extra.hint'),
      },
      where,
    );
    const body = initialiser({
      accepts,
      values_kind: type.valuesKind ? `VALUES_${type.valuesKind.toUpperCase()}` : 0,
      ...values,
      object: fit('cw_type.object', object, where),
      items: fit('cw_type.items', items, where),
      extra,
      expected,
    });
    if (!typeIndex.has(body)) {
      typeIndex.set(body, types.length);
      types.push(`${body}, /* ${types.length}: ${expectedText(type)}${type.variants ? ` (${type.variants.join(' | ')})` : ''} */`);
    }
    return typeIndex.get(body);
  }

  /** 1 + the index of a type's entry in cw_type_extras, or 0 when it needs none. */
  function extraRef(members, where) {
    if (Object.values(members).every((value) => value === 0)) return 0;
    const body = initialiser(members);
    if (!extraIndex.has(body)) {
      extraIndex.set(body, extras.length);
      extras.push(body);
    }
    return fit('cw_type.extra', 1 + extraIndex.get(body), where);
  }

  function mapRef(memberType, profile, where) {
    return objectBody([], 1 + typeRef(memberType, profile, where), 'a map', where);
  }

  /** An object's field entries, the discriminator first when it is a union's variant. */
  function fieldEntries(object, profile, where, first) {
    const ordered = first === undefined ? object.fields : [...object.fields.filter((f) => f.key === first), ...object.fields.filter((f) => f.key !== first)];
    if (ordered.length > widths.cw_field_set) {
      throw new Error(`schema.yaml: ${where} has ${ordered.length} fields; the walker's cw_field_set (uint${widths.cw_field_set}_t in src/schema.h) holds ${widths.cw_field_set}`);
    }
    return ordered.map((field) => {
      const at = `${where}.${field.key}`;
      const sibling = field.optionalWith === undefined ? -1 : ordered.findIndex((f) => f.key === field.optionalWith);
      if (field.optionalWith !== undefined && sibling < 0) throw new Error(`schema.yaml: ${at}: optionalWith names no sibling: ${field.optionalWith}`);
      if (field.optionalWith !== undefined && !field.required) throw new Error(`schema.yaml: ${at}: optionalWith on an optional field says nothing`);
      return initialiser({
        key: `CW_KEY_${upperSnake(field.key)}`,
        required: fit('cw_field.required', field.required ? 1 + (sibling + 1) : 0, at),
        type: fit('cw_field.type', typeRef(field.type, profile, at, field.hint), at),
      });
    });
  }

  function objectRef(object, profile, where) {
    const about = object.fields.map((f) => f.key).join(', ');
    return objectBody(fieldEntries(object, profile, where), 0, about, where);
  }

  /** The variants of a union, consecutive in cw_objects (the walker takes the i-th for the i-th literal of the discriminator). */
  function variantsRef(type, profile, where) {
    const entries = type.variants.map((name) => fieldEntries(profile.objects[name], profile, `${profile.name} ${name}`, type.discriminator));
    const signature = `variants|${entries.map((list) => list.join(',')).join('|')}`;
    if (!objectIndex.has(signature)) {
      const firstFields = entries.map((list) => {
        const same = objectIndex.get(`${list.join(',')}|0`);
        return same === undefined ? objectFields(list, where) : objects[same].firstField;
      });
      objectIndex.set(signature, objects.length);
      entries.forEach((list, i) => objects.push({ firstField: firstFields[i], count: list.length, members: 0, about: `${type.variants[i]}, variant ${i} of ${where}` }));
    }
    return objectIndex.get(signature);
  }

  function objectFields(entries, where) {
    const first = fit('cw_object_schema.first_field', fields.length, where);
    fields.push(...entries);
    return first;
  }

  function objectBody(entries, members, about, where) {
    const signature = `${entries.join(',')}|${members}`;
    if (!objectIndex.has(signature)) {
      const firstField = objectFields(entries, where);
      objectIndex.set(signature, objects.length);
      objects.push({ firstField, count: fit('cw_object_schema.count', entries.length, where), members: fit('cw_object_schema.members', members, where), about });
    }
    return objectIndex.get(signature);
  }

  const profiles = description.profiles.map((profile) => {
    const documents = description.documentNames.map((document) => {
      const where = `${profile.name} ${document}`;
      return fit('cw_profile_documents.object', objectRef(profile.objects[profile.documents[document]], profile, where), where);
    });
    return `    {.object = {${documents.join(', ')}}}, /* ${profile.name}: ${description.documentNames.join(', ')} */`;
  });
  const valueEntries = values.map((v) => `${ref(v, `the value "${v}"`)}, /* ${v} */`); // before cw_texts is written: they add to it
  const objectEntries = objects.map((o, i) => `${initialiser({ first_field: o.firstField, count: o.count, members: o.members })}, /* ${i}: ${o.about} */`);
  const list = (items) => `\n    ${items.join('\n    ')}\n`;
  return [
    `/* schema_tables.c: the schemas of every profile, as the walker reads them. ${NOTICE} */`,
    '#include "schema.h"',
    '',
    `const char cw_texts[] =${texts.map((t) => `\n    ${cString(t)} "\\0"`).join('')};`,
    '',
    `const struct cw_text_ref cw_key_names[CW_KEY_COUNT] = {${list(keyEntries.map((e, i) => `${e}, /* ${keys[i]} */`))}};`,
    '',
    `const char *const cw_code_names[] = {"unknown", ${Object.keys(description.codes).map(cString).join(', ')}};`,
    `const unsigned cw_code_count = ${Object.keys(description.codes).length + 1};`,
    '',
    `const struct cw_text_ref cw_values[] = {${list(valueEntries)}};`,
    '',
    `const cw_type cw_types[] = {${list(types)}};`,
    '',
    `const cw_type_extra cw_type_extras[] = {${list(extras.map((e) => `${e},`))}};`,
    '',
    `const cw_field cw_fields[] = {${list(fields.map((f) => `${f},`))}};`,
    '',
    `const cw_object_schema cw_objects[] = {${list(objectEntries)}};`,
    '',
    `const struct cw_profile_documents cw_profiles[CW_PROFILE_COUNT] = {\n${profiles.join('\n')}\n};`,
    '',
  ].join('\n');
}

// ---- JS ----

function generateJs(description) {
  const { codes, flags, defaults, profiles } = description;
  const flagEntries = Object.entries(flags)
    .filter(([name]) => !name.endsWith('_shift'))
    .map(([name, value]) => `${upperSnake(name)}: ${value}`);
  const jsDefaults = Object.entries(defaults).map(([name, value]) => `${camelCase(name)}: ${value}`);
  const assembly = profiles.map((profile) => {
    const response = profile.objects[profile.documents.response];
    const choice = profile.objects[response.fields.find((f) => f.key === 'choices').type.items.object];
    const finish = choice.fields.find((f) => f.key === 'finish_reason').type;
    const head = response.fields.filter((f) => !['choices', 'usage'].includes(f.key)).map((f) => f.key);
    // A choice that never got a finish_reason is missing one, unless the profile's response allows null.
    const finishExpected = finish.accepts.has('null') ? null : [expectedText(finish), expectedText(finish, true)];
    const names = { wire: head, camel: head.map(camelCase) };
    return `  ${JSON.stringify(profile.name)}: { head: ${JSON.stringify(names)}, finishExpected: ${JSON.stringify(finishExpected)} },`;
  });
  return [
    `// schema.js: the names and numbers the C core and the JS layer share. ${NOTICE}`,
    '',
    '/** Issue codes by name, for the code that reports or reads them. */',
    `export const CODE = ${namesObject(Object.keys(codes))};`,
    '/** Issue codes by number (cw_code); 0 is no code. */',
    `export const CODE_NAMES = [undefined, ${Object.keys(codes)
      .map((c) => `CODE.${upperSnake(c)}`)
      .join(', ')}];`,
    '/** The codes the stream layer reports about the stream itself (their positions are in the stream). */',
    `export const STREAM_CODES = [${Object.keys(codes)
      .filter((c) => codes[c].stream)
      .map((c) => `CODE.${upperSnake(c)}`)
      .join(', ')}];`,
    "/** What the CLI's report calls what is no issue (src/schema.yaml, cliCodes). */",
    `export const CLI_CODE = ${namesObject(Object.keys(description.cliCodes))};`,
    '/** The codes of CompletionWasmError. */',
    `export const WASM_ERROR = ${namesObject(Object.keys(description.wasmErrors))};`,
    '',
    '/** The values of the options that take one of a few strings; the first is the default. */',
    ...Object.entries(description.choices).map(([option, values]) => `export const ${upperSnake(option)} = ${namesObject(Object.keys(values))};`),
    '',
    '/** Bits of cw_options.flags. */',
    `export const FLAGS = { ${flagEntries.join(', ')} };`,
    `export const SCHEMA_SHIFT = ${flags.schema_shift};`,
    `export const PROFILE_SHIFT = ${flags.profile_shift};`,
    `/** The documents of a profile, by their number in the flags. */`,
    `export const DOCUMENT = { ${description.documentNames.map((d, i) => `${d}: ${i}`).join(', ')} };`,
    '/** The endpoints (src/schema.yaml, endpoints): the path a request URL ends with, the numbers of its documents, the objects they carry; the first is the default. */',
    `export const ENDPOINTS = Object.freeze({ ${Object.entries(description.endpoints)
      .map(([name, e]) => {
        const documentIn = (role) => description.documentNames.findIndex((d) => description.documents[d].endpoint === name && description.documents[d].role === role);
        return `${JSON.stringify(name)}: { path: ${JSON.stringify(e.path)}, response: ${documentIn('response')}, streamEvent: ${documentIn('streamEvent')}, objects: ${JSON.stringify(e.objects)} }`;
      })
      .join(', ')} });`,
    '/** The bits of the document number in the flags, in place. */',
    `export const SCHEMA_MASK = ${((1 << flagWidths(description).documentBits) - 1) << flags.schema_shift};`,
    '',
    '/** The profiles, by their number in the flags; the first is the default. */',
    `export const PROFILES = Object.freeze(${JSON.stringify(profiles.map((p) => p.name))});`,
    '',
    `export const DEFAULTS = Object.freeze({ ${jsDefaults.join(', ')} });`,
    '',
    '/** What assembling a stream into a response needs of each profile: the fields taken from the events beside choices and usage (in each key style), and what a choice without finish_reason lacks (null: nothing, the response allows null). */',
    `export const ASSEMBLY = {\n${assembly.join('\n')}\n};`,
    '',
  ].join('\n');
}

// ---- TypeScript ----

/** Whether a TypeScript type's text is a union at its top level (then `[]` needs parentheses around it). */
function isUnionText(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if ('<({['.includes(text[i])) depth++;
    else if ('>)}]'.includes(text[i])) depth--;
    else if (text[i] === '|' && depth === 0) return true;
  }
  return false;
}

function generateTypes(description) {
  const { codes, profiles } = description;
  const out = [];
  const emitted = new Map(); // signature -> interface name
  const objectsOf = (type) => type.variants ?? (type.object ? [type.object] : []);

  /**
   * The enum an object's types mention, if any (then its interface takes a
   * Reason parameter, that enum by default, any string with openEnums).
   */
  function reasonOf(profile, objectName, seen = new Set()) {
    if (seen.has(objectName)) return undefined;
    seen.add(objectName);
    const found = new Set();
    const check = (type) => {
      if (type === undefined) return;
      if (type.valuesKind === 'enum') found.add(type.enumName);
      for (const name of objectsOf(type)) {
        const inner = reasonOf(profile, name, seen);
        if (inner) found.add(inner);
      }
      check(type.items);
      check(type.members);
    };
    for (const field of profile.objects[objectName].fields) check(field.type);
    if (found.size > 1) throw new Error(`schema.yaml: ${profile.name} ${objectName} mentions two enums (${[...found].join(', ')}): its type has one Reason parameter`);
    return [...found][0];
  }

  function tsType(type, profile, style) {
    if (isAny(type)) return 'unknown';
    const parts = [];
    if (type.accepts.has('string')) {
      parts.push(type.valuesKind === 'enum' ? 'Reason' : type.values ? type.values.map((v) => JSON.stringify(v)).join(' | ') : 'string');
    }
    if (type.accepts.has('integer') || type.accepts.has('number')) parts.push('number');
    if (type.accepts.has('boolean')) parts.push('boolean');
    if (type.accepts.has('array')) {
      const item = type.items ? tsType(type.items, profile, style) : 'unknown';
      parts.push(isUnionText(item) ? `(${item})[]` : `${item}[]`);
    }
    if (type.accepts.has('object')) {
      if (objectsOf(type).length > 0) parts.push(...objectsOf(type).map((name) => interfaceRef(profile, name, style, 'Reason')));
      else if (type.members) parts.push(`Record<string, ${tsType(type.members, profile, style)}>`);
      else parts.push('{ [key: string]: unknown }');
    }
    if (type.accepts.has('null')) parts.push('null');
    return parts.join(' | ');
  }

  /** An interface's name, with its Reason argument (`reason`) when it takes one. */
  function interfaceRef(profile, objectName, style, reason) {
    const name = interfaceName(profile, objectName, style);
    return reasonOf(profile, objectName) ? `${name}<${reason}>` : name;
  }

  function interfaceName(profile, objectName, style) {
    const object = profile.objects[objectName];
    const reason = reasonOf(profile, objectName);
    const params = reason ? `<Reason extends string = ${reason}>` : '';
    const members = object.fields.map((field) => {
      const key = style === 'camel' ? camelCase(field.key) : field.key;
      return `  ${key}${field.required ? '' : '?'}: ${tsType(field.type, profile, style)};`;
    });
    const body = `{\n${members.join('\n')}\n}`;
    const signature = `${params}${body}`;
    if (!emitted.has(signature)) {
      const name = `${profile.typePrefix}${objectName}${style === 'camel' ? 'Camel' : ''}`;
      emitted.set(signature, name);
      out.push(`export interface ${name}${params} ${body}`);
    }
    return emitted.get(signature);
  }

  const typedDocuments = description.documentNames.filter((document) => document !== 'anyError');
  const table = profiles.map((profile) => {
    const styles = ['wire', 'camel'].map((style) => {
      const documents = typedDocuments.map((document) => {
        const reason = reasonOf(profile, profile.documents[document]);
        return `${document}: ${interfaceRef(profile, profile.documents[document], style, `Open extends true ? string : ${reason}`)}`;
      });
      return `    ${style}: {\n${documents.map((line) => `      ${line};`).join('\n')}\n    };`;
    });
    return `  ${JSON.stringify(profile.name)}: {\n${styles.join('\n')}\n  };`;
  });
  return [
    `// ${NOTICE}`,
    '',
    '/** Stable issue codes of a document. Never renamed; new codes may be added. */',
    `export type IssueCode =\n${unionOf(Object.entries(codes).filter(([, code]) => !code.stream))};`,
    '',
    "/** Issue codes of a stream itself, beside the core's IssueCode. */",
    `export type StreamIssueCode =\n${unionOf(Object.entries(codes).filter(([, code]) => code.stream))};`,
    '',
    '/** The `code` of a CompletionWasmError: the WebAssembly core failed, not the input. */',
    `export type CompletionWasmErrorCode =\n${unionOf(Object.entries(description.wasmErrors).map(([name, means]) => [name, { means }]))};`,
    '',
    Object.entries(description.choices)
      .map(([option, values]) => {
        const name = `${option[0].toUpperCase()}${option.slice(1)}Option`;
        const union = unionOf(Object.entries(values).map(([value, means]) => [value, { means }]));
        return `/** The values of the \`${option}\` option. */\nexport type ${name} =\n${union};\n/** Its default. */\nexport type Default${name} = ${JSON.stringify(Object.keys(values)[0])};`;
      })
      .join('\n\n'),
    '',
    "/** The contract a document is checked against: see the README's profile table. */",
    `export type Profile = ${profiles.map((p) => JSON.stringify(p.name)).join(' | ')};`,
    '',
    '/** The endpoints (src/schema.yaml): parseResponse and validatingFetch tell them by the URL; the first is the default. */',
    `export type Endpoint = ${Object.keys(description.endpoints)
      .map((name) => JSON.stringify(name))
      .join(' | ')};`,
    '',
    ...Object.entries(description.enums).map(([name, values]) => `export type ${name} = ${values.map((v) => JSON.stringify(v)).join(' | ')};`),
    '',
    ...out,
    '',
    '/** The typed documents of each profile in each key style; with `Open` true, finish_reason may hold any string (openEnums). */',
    `export interface ProfileTypes<Open extends boolean = false> {\n${table.join('\n')}\n}`,
  ].join('\n');
}

// ---- the README's profile table ----

/** Rows of field paths and their type in each profile, for the response, then a stream event where it differs. */
function generateProfileTable(description) {
  const { profiles } = description;
  const label = { response: 'response', streamEvent: 'stream event', error: 'error body', chatResponse: 'chat response', chatChunk: 'chat chunk' };
  const sameAs = { streamEvent: 'response', chatChunk: 'chatResponse' }; // a row of these only where it differs
  const rows = []; // { document, path, cells: { profile: text } }, a field's row after its parent's and its older siblings'
  const notes = [];
  function walk(profile, document, objectName, prefix, seenNotes, expanded = new Set([objectName])) {
    for (const field of profile.objects[objectName].fields) {
      const path = `${prefix}${field.key}`;
      let text = typeText(field.type);
      if (!field.required) text += field.optionalWith ? ` (may be missing when ${field.optionalWith} is sent)` : ', optional';
      let row = rows.find((r) => r.document === document && r.path === path);
      if (row === undefined) {
        row = { document, path, cells: {} };
        // After the parent's row and what is under it (a union's objects each under their [key=value]).
        const parent = prefix.replace(/(\[[^\]]*\])?\.$/, '');
        const under = (other) => other === parent || other.startsWith(`${parent}.`) || other.startsWith(`${parent}[`);
        let at = rows.length;
        for (let i = rows.length - 1; i >= 0; i--) {
          if (rows[i].document === document && (parent === '' || under(rows[i].path))) {
            at = i + 1;
            break;
          }
        }
        rows.splice(at, 0, row);
      }
      row.cells[profile.name] = text;
      for (const kind of ['decision', 'leniency']) {
        if (field[kind] && !seenNotes.has(field[kind])) {
          seenNotes.add(field[kind]);
          notes.push(`- \`${profile.name}\`, ${label[document]} \`${path}\`: ${field[kind]}`);
        }
      }
      // Into the object, or each object of a union (its path naming the discriminator's value).
      const holder = field.type.object || field.type.variants ? field.type : field.type.items;
      const step = holder === field.type ? '' : '[]';
      for (const inner of holder?.variants ?? (holder?.object ? [holder.object] : [])) {
        if (expanded.has(inner)) continue; // its fields are listed once per document, where it first comes
        expanded.add(inner);
        const chosen = holder.variants ? `[${holder.discriminator}=${variantValue(profile.objects, inner, holder.discriminator)}]` : step;
        walk(profile, document, inner, `${path}${chosen}.`, seenNotes, expanded);
      }
    }
  }
  function typeText(type) {
    if (isAny(type)) return 'any';
    const parts = [];
    if (type.valuesKind === 'enum') parts.push(type.enumName);
    else if (type.values) parts.push(type.values.map((v) => `"${v}"`).join(' | '));
    else if (type.accepts.has('string')) parts.push('string');
    if (type.accepts.has('integer')) parts.push('integer');
    if (type.accepts.has('number')) parts.push('number');
    if (type.accepts.has('boolean')) parts.push('boolean');
    if (type.accepts.has('array')) {
      const item = type.items ? (type.items.object ?? typeText(type.items)) : 'any';
      parts.push(item.includes(' | ') ? `(${item})[]` : `${item}[]`);
    }
    if (type.accepts.has('object')) parts.push(type.object ?? type.variants?.join(' | ') ?? (type.members ? `Record<string, ${typeText(type.members)}>` : 'object'));
    if (type.accepts.has('null')) parts.push('null');
    return parts.join(' | ');
  }
  for (const profile of profiles) {
    const seenNotes = new Set();
    for (const document of Object.keys(label)) walk(profile, document, profile.documents[document], '', seenNotes);
  }
  const names = profiles.map((p) => p.name);
  const cell = (row, name) => (row.cells[name] ?? '—').replace(/\|/g, '\\|');
  const lines = [`| document | field | ${names.map((n) => `\`${n}\``).join(' | ')} |`, `| --- | --- | ${names.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    if (sameAs[row.document]) {
      const same = rows.find((r) => r.document === sameAs[row.document] && r.path === row.path);
      if (same && names.every((n) => cell(same, n) === cell(row, n))) continue;
    }
    lines.push(`| ${label[row.document]} | \`${row.path}\` | ${names.map((n) => cell(row, n)).join(' | ')} |`);
  }
  return [...lines, '', 'Where a profile departs from its published contract, and why (from `src/schema.yaml`):', '', ...notes].join('\n');
}

// ---- the README's issue-code table ----

function generateCodeTable({ codes }) {
  const rows = Object.entries(codes).map(([name, code]) => {
    const when = `${code.stream ? '(streams) ' : ''}${code.means}${code.alone ? ' (alone in the list)' : ''}`;
    return `| \`${name}\` | ${when} | ${code.received} |`;
  });
  return ['| code | when | example `received` |', '| --- | --- | --- |', ...rows].join('\n');
}

// ---- the wasm boundary (src/wasm_boundary.yaml) ----

/** A C type as written in a declaration, spaced one way: "const char *". */
export const cType = (text) =>
  text
    .replace(/\s*\*\s*/g, ' *')
    .replace(/\s+/g, ' ')
    .trim();

// Size (and alignment) in wasm32 of the C types the boundary carries; a pointer is 4 bytes.
const WASM32_SIZES = { int: 4, int32_t: 4, uint32_t: 4, size_t: 4, int64_t: 8, uint64_t: 8, double: 8 };

function wasm32Size(type, where) {
  const size = type.endsWith('*') ? 4 : WASM32_SIZES[type];
  if (size === undefined) throw new Error(`wasm_boundary.yaml: ${where}: no wasm32 size for the C type "${type}" (add it to WASM32_SIZES)`);
  return size;
}

const alignUp = (offset, alignment) => Math.ceil(offset / alignment) * alignment;

/** A struct with its wasm32 layout: { name, header, js, size, fields: [{ name, type, offset, read, js }] }. */
function layOut(name, struct) {
  const unread = struct.unread ?? {};
  for (const field of Object.keys(unread)) if (!(field in struct.fields)) throw new Error(`wasm_boundary.yaml: ${name}.unread names no field: ${field}`);
  let end = 0;
  let alignment = 1;
  const fields = Object.entries(struct.fields).map(([field, typeText]) => {
    const type = cType(typeText);
    const size = wasm32Size(type, `${name}.${field}`);
    const offset = alignUp(end, size);
    end = offset + size;
    alignment = Math.max(alignment, size);
    return { name: field, type, offset, read: !(field in unread), js: camelCase(field) };
  });
  return { name, header: struct.header, js: struct.js, size: alignUp(end, alignment), fields };
}

/** A declaration of `name` as `type`: "const char *key", "uint32_t flags". */
const declare = (type, name) => (type.endsWith('*') ? `${type}${name}` : `${type} ${name}`);

/** "const char *cw_key_name(uint32_t key)" as { name, returns, params: [{ type, name }], text (the prototype respaced) }. */
function readPrototype(prototype) {
  const [, returnText, name, list] = /^(.+?)\b(\w+)\((.*)\)$/.exec(prototype.trim()) ?? [];
  if (!name) throw new Error(`wasm_boundary.yaml: cannot read the prototype "${prototype}"`);
  const returns = cType(returnText);
  const params = list.split(',').map((param) => {
    const [, type, paramName] = /^(.+?)\s*\b(\w+)$/.exec(param.trim()) ?? [];
    if (!type) throw new Error(`wasm_boundary.yaml: ${name}: cannot read the parameter "${param}"`);
    return { type: cType(type), name: paramName };
  });
  // JS passes and receives numbers: a 64-bit value would cross as a BigInt.
  for (const type of [...(returns === 'void' ? [] : [returns]), ...params.map((p) => p.type)]) {
    if (wasm32Size(type, name) !== 4) throw new Error(`wasm_boundary.yaml: ${name}: ${type} is not 32 bits; exports take and return 32-bit values only`);
  }
  return { name, returns, params, text: `${declare(returns, name)}(${params.map((p) => declare(p.type, p.name)).join(', ')})` };
}

/** An enum as { name, header, prefix, values: [{ name, value, about }] }. */
function readEnum(name, header, prefix, values) {
  return {
    name,
    header,
    prefix,
    values: Object.entries(values).map(([valueName, [value, about]]) => {
      if (!/^[A-Z][A-Z0-9_]*$/.test(valueName)) throw new Error(`wasm_boundary.yaml: ${name}: "${valueName}" is no C name (quote TRUE, FALSE and NULL)`);
      return { name: valueName, value, about };
    }),
  };
}

/** The boundary description: { largestSize, exports, structs, tape: { header, opBits }, enums (the tape's ops and bits first) }. */
export function readBoundary(text = readFileSync(path.join(root, 'src/wasm_boundary.yaml'), 'utf8')) {
  const yaml = YAML.parse(text);
  const { tape } = yaml;
  const ops = readEnum('cw_tape_op', tape.header, 'TAPE_', tape.ops);
  const stringBits = readEnum('operand bits of KEY and STRING words', tape.header, 'TAPE_', tape.string_bits);
  const opLimit = 2 ** tape.op_bits;
  for (const op of ops.values) if (op.value >= opLimit) throw new Error(`wasm_boundary.yaml: tape op ${op.name} does not fit in ${tape.op_bits} bits`);
  for (const bit of stringBits.values) if (bit.value < opLimit) throw new Error(`wasm_boundary.yaml: tape bit ${bit.name} is not above the op's ${tape.op_bits} bits`);
  return {
    largestSize: yaml.largest_size,
    exports: yaml.exports.map(readPrototype),
    structs: Object.entries(yaml.structs).map(([name, struct]) => layOut(name, struct)),
    tape: { header: tape.header, opBits: tape.op_bits },
    enums: [ops, stringBits, ...Object.entries(yaml.enums).map(([name, e]) => readEnum(name, e.header, e.prefix, e.values))],
  };
}

const hex = (value) => `0x${value.toString(16)}`;

/** src/wasm_boundary.h: the exports' prototypes, and the layouts and values JS relies on as static asserts. */
function generateBoundaryHeader(boundary) {
  const { exports, structs, enums } = boundary;
  const lines = [
    `/* wasm_boundary.h: what the JS layer calls and reads, pinned. ${BOUNDARY_NOTICE} */`,
    '#ifndef COMPLETION_WASM_BOUNDARY_H',
    '#define COMPLETION_WASM_BOUNDARY_H',
    '',
    '#include <stddef.h>',
    '#include <stdint.h>',
    '',
    '#include "completion.h"',
    '#include "sse.h"',
    '',
    '/* The exported functions (src/exports.txt): a definition that strays from its prototype here does not compile. */',
    ...exports.map((e) => `${e.text};`),
    '',
    '/* Where js/wasm-layout.js reads each field, in wasm32: a field moved, retyped or renamed in C fails here, by name. */',
    '#ifdef __wasm32__',
  ];
  for (const struct of structs) {
    lines.push(`_Static_assert(sizeof(${struct.name}) == ${struct.size}, "${struct.name} is not ${struct.size} bytes, as src/wasm_boundary.yaml says");`);
    for (const field of struct.fields) {
      const at = `${struct.name}.${field.name}`;
      lines.push(
        `_Static_assert(offsetof(${struct.name}, ${field.name}) == ${field.offset}, "${at} moved: src/wasm_boundary.yaml puts it at byte ${field.offset}");`,
        `_Static_assert(_Generic(((${struct.name} *)0)->${field.name}, ${field.type}: 1, default: 0), "${at} is not ${field.type}, as src/wasm_boundary.yaml says");`,
      );
    }
  }
  lines.push('#endif', '', '/* The values JS compares tape words, path segments and stream verdicts with. */');
  for (const { values, prefix } of enums) {
    for (const { name, value } of values) {
      const c = `CW_${prefix}${name}`;
      lines.push(`_Static_assert(${c} == ${value >= 256 ? `${hex(value)}u` : value}, "${c} is not ${value}, as src/wasm_boundary.yaml says");`);
    }
  }
  lines.push('', '#endif /* COMPLETION_WASM_BOUNDARY_H */', '');
  return lines.join('\n');
}

/** src/exports.txt: the linker's list of exports (one name a line: Emscripten's format leaves no room for a notice). */
function generateExportList(boundary) {
  return boundary.exports.map((e) => `_${e.name}\n`).join('');
}

/**
 * js/wasm-layout.js: the word indices and values js/decode.js, js/stream.js and js/core.js read wasm memory with.
 * The numbers come before the structs' objects: esbuild inlines a module's number constants into the bundle only
 * up to its first object literal, and the tape reader compares each word with them.
 */
function generateLayoutJs(boundary) {
  const { largestSize, structs, tape, enums } = boundary;
  const lines = [
    `// wasm-layout.js: where the JS layer finds what the C core leaves in wasm memory. ${BOUNDARY_NOTICE}`,
    '',
    '/** The largest byte count an option may name: size_t is 32 bits in wasm32. */',
    `export const LARGEST_WASM_SIZE = ${hex(largestSize)};`,
    '',
    `// ---- the tape (${tape.header}): the op in the low ${tape.opBits} bits of each word, an operand above them ----`,
    '',
    `export const TAPE_OP_MASK = ${hex(2 ** tape.opBits - 1)};`,
    `export const TAPE_OPERAND_SHIFT = ${tape.opBits};`,
  ];
  for (const { name, header, prefix, values } of enums) {
    lines.push('', `// ${name} (${header})`);
    for (const value of values) lines.push(`/** ${value.about} */`, `export const ${prefix}${value.name} = ${value.value >= 256 ? hex(value.value) : value.value};`);
  }
  lines.push('', '// ---- structs: their size in 32-bit words, and the word index of each field JS reads (its byte offset / 4) ----', '');
  for (const struct of structs) lines.push(`export const ${struct.js}_WORDS = ${struct.size / 4};`);
  for (const struct of structs) {
    const read = struct.fields.filter((f) => f.read);
    for (const field of read) if (field.offset % 4 !== 0) throw new Error(`wasm_boundary.yaml: ${struct.name}.${field.name} is not at a word boundary`);
    lines.push('', `/** ${struct.name} (${struct.header}). */`, `export const ${struct.js} = { ${read.map((f) => `${f.js}: ${f.offset / 4}`).join(', ')} };`);
  }
  lines.push('');
  return lines.join('\n');
}

// ---- writing ----

function replaceRegion(text, begin, end, body, file) {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end, start + 1);
  if (start < 0 || stop < start) throw new Error(`${file}: the markers ${begin} ... ${end} are missing`);
  return `${text.slice(0, start + begin.length)}\n${body}\n${text.slice(stop)}`;
}

/** Every generated file: { relative path: full text }. */
export function generate(description = readDescription(), widths = readTableWidths(), boundary = readBoundary()) {
  const keys = keyNames(description);
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  return {
    'src/completion_names.h': generateHeader(description, keys),
    'src/schema_tables.c': generateTables(description, keys, widths),
    'js/schema.js': generateJs(description),
    'js/index.d.ts': replaceRegion(read('js/index.d.ts'), '// ---- generated: begin ----', '// ---- generated: end ----', generateTypes(description), 'js/index.d.ts'),
    'README.md': [
      ['<!-- generated: profiles -->', generateProfileTable(description)],
      ['<!-- generated: codes -->', generateCodeTable(description)],
    ].reduce((text, [begin, body]) => replaceRegion(text, begin, '<!-- generated: end -->', body, 'README.md'), read('README.md')),
    'src/wasm_boundary.h': generateBoundaryHeader(boundary),
    'src/exports.txt': generateExportList(boundary),
    'js/wasm-layout.js': generateLayoutJs(boundary),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = generate();
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    let current = null;
    try {
      current = readFileSync(full, 'utf8');
    } catch {}
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(full, text);
  }
  if (check && stale.length > 0) {
    console.error(`generate: these files differ from what src/schema.yaml and src/wasm_boundary.yaml make (run npm run generate): ${stale.join(', ')}`);
    process.exit(1);
  }
  if (!check) console.log(stale.length ? `generate: wrote ${stale.join(', ')}` : 'generate: everything was up to date');
}
