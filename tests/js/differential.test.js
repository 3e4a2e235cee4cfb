// Differential tests: the core against JSON.parse (the JSON stage) and against
// an independent reference of the schema written here, on every fuzz-corpus
// input (fixtures, examples, JSONTestSuite) and a few thousand deterministic
// mutations of them (bit flips, bytes that matter to JSON and UTF-8, tokens
// of the schema, truncations, deletions, duplicated slices).
//
// The JSON stage passed (no invalid_json, invalid_utf8 or too_deep) exactly
// when JSON.parse accepts the text TextDecoder (fatal) makes of the bytes,
// with maxDepth 1000, but for the documented decisions to be stricter:
//   - a leading BOM (TextDecoder strips it; we report invalid_json at 0);
//   - lone surrogate \u escapes (JSON.parse keeps them; invalid_json);
//   - nesting deeper than maxDepth (JSON.parse has no limit; too_deep).
// Each exception is recognised explicitly (BOM bytes, the parsed strings'
// well-formedness, the nesting depth computed from the text), never assumed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { validateCompletionResponse as validate, parseCompletionResponse as parse } from '../../js/index.js';
import { repoRoot, requireShared, fixturesDir, examplesDir, pathToString, assertWellFormedIssues } from './helpers.js';
import { randomFrom } from '../soak.js'; // mulberry32: every run tests the same inputs

const SUITE_DIR = requireShared('conformance/JSONTestSuite/test_parsing');
const JSON_STAGE = new Set(['invalid_json', 'invalid_utf8', 'too_deep']);
const MAX_DEPTH = 1000;
const MUTATIONS_PER_FIXTURE = 250; // fixtures and examples are CompletionResponses: schema bugs live there
const MUTATIONS_PER_SUITE_FILE = 3;

// ---- inputs -------------------------------------------------------------------

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

const readBytes = (file) => new Uint8Array(readFileSync(file));
const fixtureFiles = [...filesUnder(fixturesDir).filter((file) => file.endsWith('.json')), ...filesUnder(examplesDir).filter((file) => file.endsWith('.json'))];
const suiteFiles = filesUnder(SUITE_DIR);

const utf8 = (text) => new TextEncoder().encode(text);
/** Byte sequences a mutation inserts or swaps in: JSON syntax, schema values, UTF-8 edge cases. */
const TOKENS = [
  ...['"', '\\', '{', '}', '[', ']', ',', ':', '-', '0', '.', 'e', ' ', '\t', '\r\n', '\u0001', '\u001f'].map(utf8),
  ...['1.5', '1e400', '1e-400', '-0', '1.0', '1E2', '9007199254740991', '9007199254740992', 'true', 'null', '"x"'].map(utf8),
  ...['\\u0000', '\\ud800', '\\udc00', '\\ud83d\\ude00', '\\u00e9', '\\"', '\\/'].map(utf8),
  ...['"stop"', '"length"', '"stopp"', '"completion"', '"choices": []', '"id": "x", ', '"extra": {"a": 1}, ', '[[[[', ']]]]'].map(utf8),
  ...['"finish_reason"', '"usage"', '"logprobs"', '"__proto__"', 'é', '😀', '\u2028'].map(utf8),
  Uint8Array.of(0xef, 0xbb, 0xbf), // BOM
  Uint8Array.of(0xff),
  Uint8Array.of(0xc0, 0xaf),
  Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0xf4, 0x90, 0x80, 0x80),
  Uint8Array.of(0xe2, 0x82),
  Uint8Array.of(0x80),
  Uint8Array.of(0xc3),
];

function splice(bytes, start, deleteCount, insert = new Uint8Array(0)) {
  const out = new Uint8Array(bytes.length - deleteCount + insert.length);
  out.set(bytes.subarray(0, start));
  out.set(insert, start);
  out.set(bytes.subarray(start + deleteCount), start + insert.length);
  return out;
}

/** One random edit of bytes. */
function mutateOnce(bytes, random) {
  const at = Math.floor(random() * (bytes.length + 1));
  const token = TOKENS[Math.floor(random() * TOKENS.length)];
  const span = 1 + Math.floor(random() * 8);
  switch (Math.floor(random() * 7)) {
    case 0: {
      // flip a bit
      if (at >= bytes.length) return bytes;
      const out = bytes.slice();
      out[at] ^= 1 << Math.floor(random() * 8);
      return out;
    }
    case 1:
      return splice(bytes, at, 0, token); // insert a token
    case 2:
      return splice(bytes, at, Math.min(span, bytes.length - at), token); // swap bytes for a token
    case 3:
      return bytes.subarray(0, at); // truncate
    case 4:
      return splice(bytes, at, Math.min(span, bytes.length - at)); // delete
    case 5: {
      // repeat a slice elsewhere (repeats members: duplicate keys, extra elements)
      const from = Math.floor(random() * (bytes.length + 1));
      const slice = bytes.slice(from, Math.min(bytes.length, from + span * 8));
      return splice(bytes, at, 0, slice);
    }
    default: {
      // replace a byte with one that matters to JSON or UTF-8
      if (at >= bytes.length) return bytes;
      const out = bytes.slice();
      out[at] = token[0];
      return out;
    }
  }
}

// Edits of the parsed document, so that most mutations stay JSON and exercise the schema.
const NUMBER_MARK = '\u0001number:'; // a string JSON.stringify writes as "\u0001number:…", replaced by the number text
const VALUES = [
  null,
  true,
  false,
  0,
  7,
  -3,
  'x',
  '',
  'stop',
  'length',
  'content_filter',
  'stopp',
  'completion',
  'é😀\u0000',
  [],
  {},
  [{}],
  { a: 1 },
  { text: 'hi', index: 0, finish_reason: 'stop' },
  { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
  ...['1.5', '1.0', '1E2', '-0', '1e400', '1e-400', '9007199254740991', '-9007199254740992', '0.1e1', '2.50e1'].map((text) => NUMBER_MARK + text),
];
const KEYS = [
  'id',
  'object',
  'created',
  'model',
  'choices',
  'usage',
  'text',
  'index',
  'logprobs',
  'finish_reason',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'prompt_tokens_details',
  'completion_tokens_details',
  'cached_tokens',
  'audio_tokens',
  'reasoning_tokens',
  'accepted_prediction_tokens',
  'rejected_prediction_tokens',
  'extra',
  '__proto__',
  'some key',
  'é',
];

const pickFrom = (list, random) => list[Math.floor(random() * list.length)];

/** Every place a value sits in the document: [container, key or index]. */
function slots(value) {
  const out = [];
  const stack = [value];
  while (stack.length > 0) {
    const container = stack.pop();
    if (container === null || typeof container !== 'object') continue;
    for (const key of Object.keys(container)) {
      out.push([container, Array.isArray(container) ? Number(key) : key]);
      stack.push(container[key]);
    }
  }
  return out;
}

function setOwn(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One edit of a parsed document: replace, delete or add a value. */
function editDocument(document, random) {
  const places = slots(document);
  const containers = [document, ...places.map(([container, key]) => container[key])].filter((value) => value !== null && typeof value === 'object');
  const newValue = () => structuredClone(pickFrom(VALUES, random));
  const choice = random();
  if (choice < 0.5 && places.length > 0) {
    const [container, key] = pickFrom(places, random);
    container[key] = newValue();
  } else if (choice < 0.75 && places.length > 0) {
    const [container, key] = pickFrom(places, random);
    if (Array.isArray(container)) container.splice(key, 1);
    else delete container[key];
  } else {
    const container = pickFrom(containers, random);
    if (Array.isArray(container)) container.push(newValue());
    else setOwn(container, pickFrom(KEYS, random), newValue());
  }
}

/** Adds `"key": value,` right after a random '{' (outside strings): a repeated key when the object has it. */
function insertMember(text, random) {
  const braces = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (inString) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') inString = false;
    } else if (text[i] === '"') inString = true;
    else if (text[i] === '{') braces.push(i);
  }
  if (braces.length === 0) return text;
  const at = pickFrom(braces, random) + 1;
  const empty = /^\s*}/.test(text.slice(at));
  const member = `${JSON.stringify(pickFrom(KEYS, random))}: ${JSON.stringify(pickFrom(VALUES, random))}${empty ? '' : ','}`;
  return text.slice(0, at) + member + text.slice(at);
}

/** A mutation of a document JSON.parse accepted: edits, then written out, maybe with a repeated member. */
function mutateDocument(document, random) {
  const copy = structuredClone(document);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) editDocument(copy, random);
  let text = JSON.stringify(copy, null, random() < 0.5 ? 0 : 2);
  if (random() < 0.3) text = insertMember(text, random);
  text = text.replace(/"\\u0001number:([^"]*)"/g, '$1');
  return utf8(text);
}

/** count mutations of bytes: edits of the document when it is JSON (half of them), else edits of the bytes. */
function mutations(bytes, count, seed) {
  const random = randomFrom(seed);
  let document;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    document = undefined;
  }
  const out = [];
  for (let i = 0; i < count; i++) {
    if (document !== undefined && typeof document === 'object' && random() < 0.5) {
      out.push(mutateDocument(document, random));
      continue;
    }
    let mutated = bytes;
    const edits = 1 + Math.floor(random() * 2);
    for (let e = 0; e < edits; e++) mutated = mutateOnce(mutated, random);
    out.push(mutated);
  }
  return out;
}

/** Every input with a name for failure messages. Deep nesting either side of maxDepth is added by hand. */
function allInputs() {
  const inputs = [];
  const add = (name, file, count, seed) => {
    const bytes = readBytes(file);
    inputs.push({ name, bytes });
    mutations(bytes, count, seed).forEach((mutated, i) => inputs.push({ name: `${name} mutation ${i}`, bytes: mutated }));
  };
  fixtureFiles.forEach((file, i) => add(path.relative(repoRoot, file), file, MUTATIONS_PER_FIXTURE, 1000 + i));
  suiteFiles.forEach((file, i) => add(path.basename(file), file, MUTATIONS_PER_SUITE_FILE, 5000 + i));
  for (const depth of [MAX_DEPTH, MAX_DEPTH + 1, 5000]) {
    inputs.push({ name: `${depth} nested arrays`, bytes: utf8(`${'['.repeat(depth)}${']'.repeat(depth)}`) });
    const logprobs = `{"deep": ${'['.repeat(depth - 4)}${']'.repeat(depth - 4)}}`;
    const response = `{"id":"a","object":"completion","created":1,"model":"m","choices":[{"text":"","index":0,"finish_reason":"stop","logprobs":${logprobs}}]}`;
    inputs.push({ name: `a response ${depth} deep`, bytes: utf8(response) });
  }
  return inputs;
}

// ---- what JSON.parse and the core say about one input --------------------------

const fatal = new TextDecoder('utf-8', { fatal: true }); // strips a leading BOM, as Response.json() does
const fatalKeepBOM = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryDecode(decoder, bytes) {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function tryJsonParse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Deepest nesting of arrays and objects in JSON text (strings skipped), without recursion. */
function nestingDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/**
 * Whether JSON text (that JSON.parse accepted) has a string or key with a lone
 * surrogate: only \u escapes can make one. Read from the text, because
 * JSON.parse keeps only the last of repeated keys and may drop the one that has it.
 */
function hasLoneSurrogate(text) {
  for (const token of text.match(/"(?:[^"\\]|\\.)*"/g) ?? []) {
    if (token.includes('\\u') && !JSON.parse(token).isWellFormed()) return true;
  }
  return false;
}

const startsWithBOM = (bytes) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Everything the tests below compare, computed once per input. */
function analyse({ name, bytes }) {
  const issues = validate(bytes, { maxDepth: MAX_DEPTH });
  const text = tryDecode(fatal, bytes);
  const parsed = text === undefined ? { ok: false } : tryJsonParse(text);
  return {
    name,
    bytes,
    issues,
    coreAccepts: !issues.some((issue) => JSON_STAGE.has(issue.code)),
    text,
    parsed,
    exception: text === undefined ? undefined : expectedException(bytes, text, parsed),
  };
}

/** Which documented difference from JSON.parse applies, if any. */
function expectedException(bytes, text, parsed) {
  if (startsWithBOM(bytes)) return 'bom';
  if (parsed.ok && hasLoneSurrogate(text)) return 'lone surrogate';
  if (parsed.ok && nestingDepth(text) > MAX_DEPTH) return 'too deep';
  return undefined;
}

const inputs = allInputs();
const analysed = inputs.map(analyse);

function show(bytes) {
  const text = Buffer.from(bytes).toString('latin1');
  return JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
}

function assertNoMismatches(mismatches, what) {
  assert.equal(mismatches.length, 0, `${mismatches.length} ${what}, e.g.:\n${mismatches.slice(0, 8).join('\n')}`);
}

// ---- the JSON stage against JSON.parse -----------------------------------------------

describe('the JSON stage against JSON.parse', () => {
  test('the inputs: every fixture, example and JSONTestSuite file, and thousands of mutations', (t) => {
    assert.ok(fixtureFiles.length >= 15, `${fixtureFiles.length} fixtures and examples`);
    assert.ok(suiteFiles.length >= 300, `${suiteFiles.length} JSONTestSuite files`);
    assert.ok(inputs.length > 5000, `${inputs.length} inputs`);
    // The mutations reach both verdicts, and both schema outcomes, in good numbers.
    const accepted = analysed.filter((a) => a.coreAccepts);
    assert.ok(accepted.length > 1000 && analysed.length - accepted.length > 1000, `${accepted.length} accepted`);
    const valid = accepted.filter((a) => a.issues.length === 0).length;
    assert.ok(valid > 300, 'many mutations stay valid responses');
    t.diagnostic(`${inputs.length} inputs: ${accepted.length} pass the JSON stage, ${valid} are valid responses`);
  });

  test('every issue list is well formed', () => {
    for (const a of analysed) assertWellFormedIssues(a.issues);
  });

  test('the JSON stage passes exactly when JSON.parse accepts, but for the documented exceptions', () => {
    const mismatches = [];
    const exceptionsSeen = { bom: 0, 'lone surrogate': 0, 'too deep': 0, 'not UTF-8': 0 };
    for (const a of analysed) {
      const first = a.issues[0];
      if (a.text === undefined) {
        // Not UTF-8: JSON.parse never sees it; the core rejects at the first problem, which may be syntax.
        exceptionsSeen['not UTF-8'] += 1;
        if (a.coreAccepts) mismatches.push(`${a.name}: accepted bytes that are not UTF-8: ${show(a.bytes)}`);
      } else if (a.exception === 'bom') {
        exceptionsSeen.bom += 1;
        if (a.coreAccepts || first.code !== 'invalid_json' || first.offset !== 0) {
          mismatches.push(`${a.name}: a leading BOM must be invalid_json at 0, got ${first?.code}@${first?.offset}`);
        }
      } else if (a.exception === 'lone surrogate') {
        exceptionsSeen['lone surrogate'] += 1;
        if (a.coreAccepts || first.code !== 'invalid_json') mismatches.push(`${a.name}: lone surrogate escape not invalid_json: ${show(a.bytes)}`);
      } else if (a.exception === 'too deep') {
        exceptionsSeen['too deep'] += 1;
        if (a.coreAccepts || first.code !== 'too_deep') mismatches.push(`${a.name}: deeper than ${MAX_DEPTH} but not too_deep`);
      } else if (a.coreAccepts !== a.parsed.ok) {
        mismatches.push(
          `${a.name}: core ${a.coreAccepts ? 'accepts' : `rejects (${first.code}@${first.offset})`}, JSON.parse ${a.parsed.ok ? 'accepts' : 'rejects'}: ${show(a.bytes)}`,
        );
      }
    }
    assertNoMismatches(mismatches, 'verdicts differ from JSON.parse');
    for (const [kind, count] of Object.entries(exceptionsSeen)) assert.ok(count > 0, `the inputs include a case of ${kind}`);
  });

  test('bytes that are not UTF-8, with no syntax error before the bad byte, are invalid_utf8', () => {
    // TextDecoder (fatal) with stream: true accepts a prefix only when it is UTF-8 so far.
    let checked = 0;
    for (const a of analysed) {
      if (a.text !== undefined || a.coreAccepts) continue;
      const [issue] = a.issues;
      const prefixIsUtf8 = tryDecode(fatalKeepBOM, a.bytes.subarray(0, issue.offset)) !== undefined;
      assert.ok(prefixIsUtf8, `${a.name}: the bytes before offset ${issue.offset} are UTF-8`);
      if (issue.code === 'invalid_utf8') {
        assert.equal(
          tryDecode(fatalKeepBOM, a.bytes.subarray(issue.offset, issue.offset + 4)),
          undefined,
          `${a.name}: invalid_utf8 at ${issue.offset} points at bytes that are not UTF-8`,
        );
        checked += 1;
      }
    }
    assert.ok(checked > 100, `${checked} invalid_utf8 issues checked`);
  });

  test('where JSON.parse names a position in ASCII text, it is the offset (earlier only at a lone surrogate escape)', () => {
    const mismatches = [];
    let compared = 0;
    for (const a of analysed) {
      if (a.coreAccepts || a.parsed.ok || a.text === undefined || a.bytes.some((byte) => byte >= 0x80)) continue;
      const [issue] = a.issues;
      const position = /at position (\d+)/.exec(a.parsed.error.message)?.[1];
      if (issue.code !== 'invalid_json' || position === undefined) continue;
      compared += 1;
      const surrogate = /surrogate/.test(issue.expected);
      if (surrogate ? issue.offset > Number(position) : issue.offset !== Number(position)) {
        mismatches.push(`${a.name}: offset ${issue.offset}, JSON.parse says ${position} (${a.parsed.error.message}): ${show(a.bytes)}`);
      }
    }
    assert.ok(compared > 1000, `${compared} positions compared`);
    assertNoMismatches(mismatches, 'offsets differ from JSON.parse');
  });

  test('a string and its UTF-8 bytes give the same issues', () => {
    let compared = 0;
    for (const a of analysed) {
      const text = tryDecode(fatalKeepBOM, a.bytes); // keeps a BOM, so both hold the same text
      if (text === undefined) continue;
      compared += 1;
      assert.deepEqual(validate(text, { maxDepth: MAX_DEPTH }), a.issues, a.name);
    }
    assert.ok(compared > 4000);
  });
});

// ---- string scanning at every alignment ---------------------------------------------

describe('string scanning at every alignment', () => {
  // The wasm build scans string bodies 16 bytes at a time (SIMD) and cJSON's
  // copy loop 16 or 8 at a time; native builds (and so the C fuzzer) never run
  // the SIMD code. Each special sequence goes at every offset of a plain run,
  // in a key and in a value, and the verdict and value must be JSON.parse's.
  const SPECIALS = {
    'escaped quote': utf8('\\"'),
    'escaped backslash': utf8('\\\\'),
    'escape \\n': utf8('\\n'),
    'escape \\u00e9': utf8('\\u00e9'),
    'surrogate pair escape': utf8('\\ud83d\\ude00'),
    'é': utf8('é'),
    '😀': utf8('😀'),
    DEL: Uint8Array.of(0x7f),
    'raw control U+0001': Uint8Array.of(0x01),
    'raw tab': Uint8Array.of(0x09),
    'byte 0xFF': Uint8Array.of(0xff),
    'cut 3-byte sequence': Uint8Array.of(0xe2, 0x82),
    'lone surrogate escape': utf8('\\udc00'),
  };

  for (const [name, special] of Object.entries(SPECIALS)) {
    test(name, () => {
      let compared = 0;
      for (let at = 0; at <= 40; at++) {
        const body = new Uint8Array(48 + special.length);
        body.fill(0x61); // 'a'
        body.set(special, at);
        for (const [before, after] of [
          ['{"', '": 1}'],
          ['{"id": "', '"}'],
        ]) {
          const bytes = new Uint8Array([...utf8(before), ...body, ...utf8(after)]);
          const issues = validate(bytes, { maxDepth: MAX_DEPTH });
          const coreAccepts = !issues.some((issue) => JSON_STAGE.has(issue.code));
          const text = tryDecode(fatal, bytes);
          const parsed = text === undefined ? { ok: false } : tryJsonParse(text);
          const stricter = parsed.ok && hasLoneSurrogate(text);
          assert.equal(coreAccepts, parsed.ok && !stricter, `${name} at ${at} in ${before}`);
          if (!coreAccepts) assert.equal(issues[0].offset, before.length + at, `${name} at ${at}: the issue is at it`);
          else {
            // The decoded key or value, through the tape (unknown keys kept), is JSON.parse's.
            const response = `{"id": "x", "object": "completion", "created": 1, "model": "m", "choices": [], "extra": ${text}}`;
            assert.deepEqual(parse(response, { unknownKeys: 'keep' }).extra, parsed.value, `${name} at ${at}`);
          }
          compared += 1;
        }
      }
      assert.equal(compared, 82);
    });
  }
});

// ---- the schema against a reference written from the contract ----------------

/**
 * A tree of JSON text that JSON.parse accepted, keeping what JSON.parse loses:
 * repeated keys (members in order) and each number's source text.
 */
function parseTree(text) {
  const WS = /[ \t\n\r]*/y;
  const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  let i = 0;
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const token = (regex) => {
    regex.lastIndex = i;
    const match = regex.exec(text);
    assert.ok(match, `reference parser: token at ${i}`);
    i = regex.lastIndex;
    return match[0];
  };
  function value() {
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      const members = [];
      skip();
      if (text[i] === '}') {
        i++;
        return { type: 'object', members };
      }
      for (;;) {
        skip();
        const key = JSON.parse(token(STRING));
        skip();
        i++; // ':'
        members.push([key, value()]);
        skip();
        if (text[i++] === '}') return { type: 'object', members };
      }
    }
    if (c === '[') {
      i++;
      const items = [];
      skip();
      if (text[i] === ']') {
        i++;
        return { type: 'array', items };
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[i++] === ']') return { type: 'array', items };
      }
    }
    if (c === '"') return { type: 'string', value: JSON.parse(token(STRING)) };
    if (c === 't') {
      i += 4;
      return { type: 'boolean' };
    }
    if (c === 'f') {
      i += 5;
      return { type: 'boolean' };
    }
    if (c === 'n') {
      i += 4;
      return { type: 'null' };
    }
    return { type: 'number', text: token(NUMBER) };
  }
  return value();
}

/** 'integer', 'not_integer' or 'unsafe_integer' for a number's source text, in exact decimal arithmetic. */
function integerKind(numberText) {
  const [, _sign, whole, fraction = '', exponent = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(numberText);
  let digits = (whole + fraction).replace(/^0+/, '');
  let scale = BigInt(exponent) - BigInt(fraction.length); // value = digits * 10^scale
  if (digits === '') return 'integer'; // zero, whatever the exponent
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  scale += BigInt(trailing);
  if (scale < 0n) return 'not_integer';
  if (BigInt(digits.length) + scale > 16n) return 'unsafe_integer'; // at least 10^16
  const magnitude = BigInt(digits) * 10n ** scale;
  return magnitude <= 9007199254740991n ? 'integer' : 'unsafe_integer';
}
// sign does not matter: the safe range is symmetric.

const FINISH_REASONS = ['stop', 'length', 'content_filter'];
const INTEGER = { kind: 'integer' };
const STRING_FIELD = { kind: 'string' };
const SCHEMA = {
  response: {
    id: { ...STRING_FIELD, required: true },
    object: { kind: 'literal', value: 'completion', required: true },
    created: { ...INTEGER, required: true },
    model: { ...STRING_FIELD, required: true },
    choices: { kind: 'choices', required: true },
    usage: { kind: 'object', schema: 'usage' },
  },
  choice: {
    text: { ...STRING_FIELD, required: true },
    index: { ...INTEGER, required: true },
    logprobs: { kind: 'logprobs' },
    finish_reason: { kind: 'enum', required: true },
  },
  usage: {
    prompt_tokens: { ...INTEGER, required: true },
    completion_tokens: { ...INTEGER, required: true },
    total_tokens: { ...INTEGER, required: true },
    prompt_tokens_details: { kind: 'object', schema: 'promptDetails' },
    completion_tokens_details: { kind: 'object', schema: 'completionDetails' },
  },
  promptDetails: { cached_tokens: INTEGER, audio_tokens: INTEGER },
  completionDetails: {
    reasoning_tokens: INTEGER,
    audio_tokens: INTEGER,
    accepted_prediction_tokens: INTEGER,
    rejected_prediction_tokens: INTEGER,
  },
};

/**
 * The issues the contract (helper-context, js/index.d.ts) asks for, as
 * "code pathString" strings: written from the rules, not from the core.
 */
function referenceIssues(tree, { unknownKeys = 'strip', openEnums = false } = {}) {
  const issues = [];
  const report = (code, at) => issues.push(`${code} ${pathToString(at)}`);
  const own = (name, schema) => Object.hasOwn(schema, name);

  /** Duplicate keys anywhere below (and in) node. */
  function duplicates(node, at) {
    if (node.type === 'array') node.items.forEach((item, index) => duplicates(item, [...at, index]));
    if (node.type !== 'object') return;
    const seen = new Set();
    for (const [key, child] of node.members) {
      if (seen.has(key)) report('duplicate_key', [...at, key]);
      seen.add(key);
      duplicates(child, [...at, key]);
    }
  }

  function field(node, rule, at) {
    const wrongType = () => {
      report('invalid_type', at);
      duplicates(node, at);
    };
    switch (rule.kind) {
      case 'string':
        if (node.type !== 'string') wrongType();
        break;
      case 'integer':
        if (node.type !== 'number') wrongType();
        else if (integerKind(node.text) !== 'integer') report(integerKind(node.text), at);
        break;
      case 'literal':
        if (node.type !== 'string') wrongType();
        else if (node.value !== rule.value) report('invalid_literal', at);
        break;
      case 'enum':
        if (node.type !== 'string') wrongType();
        else if (!openEnums && !FINISH_REASONS.includes(node.value)) report('invalid_enum', at);
        break;
      case 'logprobs':
        if (node.type === 'object' || node.type === 'null') duplicates(node, at);
        else wrongType();
        break;
      case 'choices':
        if (node.type !== 'array') wrongType();
        else node.items.forEach((item, index) => object(item, SCHEMA.choice, [...at, index]));
        break;
      default:
        object(node, SCHEMA[rule.schema], at);
    }
  }

  function object(node, schema, at) {
    if (node.type !== 'object') {
      report('invalid_type', at);
      duplicates(node, at);
      return;
    }
    const seen = new Set();
    for (const [key, child] of node.members) {
      const childPath = [...at, key];
      const repeated = seen.has(key);
      seen.add(key);
      if (repeated) report('duplicate_key', childPath);
      if (!own(key, schema)) {
        if (unknownKeys === 'reject') report('unknown_field', childPath); // every occurrence is unknown
        duplicates(child, childPath);
      } else if (repeated) {
        duplicates(child, childPath); // only the first occurrence is checked against the schema
      } else {
        field(child, schema[key], childPath);
      }
    }
    for (const [key, rule] of Object.entries(schema)) {
      if (rule.required && !seen.has(key)) report('missing_field', [...at, key]);
    }
  }

  object(tree, SCHEMA.response, []);
  return issues.sort();
}

describe('the schema against a reference of the contract', () => {
  const schemaInputs = analysed.filter((a) => a.coreAccepts && a.parsed.ok && a.exception === undefined);

  test("the reference's integer rule: whole numbers within ±(2^53-1)", () => {
    const cases = {
      '1': 'integer',
      '-0': 'integer',
      '1.0': 'integer',
      '1e2': 'integer',
      '100e-2': 'integer',
      '0e-999': 'integer',
      '1.5': 'not_integer',
      '1e-400': 'not_integer',
      '10e-2': 'not_integer',
      '9007199254740991': 'integer',
      '-9007199254740991': 'integer',
      '9007199254740992': 'unsafe_integer',
      '1e400': 'unsafe_integer',
      '90071992547409910e-1': 'integer',
      '9007199254740991.5': 'not_integer',
    };
    for (const [text, kind] of Object.entries(cases)) assert.equal(integerKind(text), kind, text);
  });

  for (const options of [{}, { unknownKeys: 'reject' }, { unknownKeys: 'keep', openEnums: true }]) {
    test(`every issue and no other, as code and path (${JSON.stringify(options)})`, () => {
      const mismatches = [];
      const codes = new Set();
      for (const a of schemaInputs) {
        const core = validate(a.bytes, { ...options, maxDepth: MAX_DEPTH, maxIssues: 1e6 });
        core.forEach((issue) => codes.add(issue.code));
        const ours = core.map((issue) => `${issue.code} ${issue.pathString}`).sort();
        const expected = referenceIssues(parseTree(a.text), options);
        if (JSON.stringify(ours) !== JSON.stringify(expected)) {
          mismatches.push(`${a.name}: core ${JSON.stringify(ours)}, reference ${JSON.stringify(expected)}: ${show(a.bytes)}`);
        }
      }
      assert.ok(schemaInputs.length > 1000, `${schemaInputs.length} inputs`);
      assertNoMismatches(mismatches, 'issue lists differ from the reference');
      // The mutations reach every schema code the options allow.
      const expectedCodes = ['invalid_type', 'missing_field', 'invalid_literal', 'not_integer', 'unsafe_integer', 'duplicate_key'];
      if (!options.openEnums) expectedCodes.push('invalid_enum');
      if (options.unknownKeys === 'reject') expectedCodes.push('unknown_field');
      for (const code of expectedCodes) assert.ok(codes.has(code), `some input gives ${code}`);
    });
  }
});

// ---- accepted responses round-trip ----------------------------------------------

describe('what the core accepts', () => {
  const valid = analysed.filter((a) => a.issues.length === 0);

  test('round-trips: parse, JSON.stringify, parse again gives the same object', () => {
    assert.ok(valid.length > 300, `${valid.length} valid responses`);
    for (const a of valid) {
      const value = parse(a.bytes, { maxDepth: MAX_DEPTH });
      const text = JSON.stringify(value);
      const again = parse(text, { maxDepth: MAX_DEPTH });
      assert.equal(JSON.stringify(again), text, a.name);
      // JSON.stringify writes -0 as 0, so the second parse is compared with JSON.parse of the same text.
      assert.deepEqual(again, JSON.parse(text), a.name);
    }
  });

  test('with unknownKeys "keep", parse gives exactly what JSON.parse gives', () => {
    for (const a of valid) {
      assert.deepEqual(parse(a.bytes, { maxDepth: MAX_DEPTH, unknownKeys: 'keep' }), a.parsed.value, a.name);
    }
  });
});
