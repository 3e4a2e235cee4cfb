// Issues: every field of the schema wrong in every way, generated from a
// table, and every issue code with its exact path, expected, received and
// position. Positions are computed from the test's own text (a '§' marks
// where an issue must point, or the value is located by construction), so
// no expected offset is copied from the core's output.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { validateCompletionResponse as validate, safeParseCompletionResponse as safeParse, parseCompletionResponse as parse } from '../../js/index.js';
import { ALL_CODES, FINISH_REASONS_EXPECTED, utf8, byteLength, locate, marked, pathToString, assertWellFormedIssues, assertPositionsMatchOffsets } from './helpers.js';

// ---- checking -------------------------------------------------------------

const seenCodes = new Set();

/**
 * Validates `input` (a string, or bytes) with `options`, checks what holds
 * for every issue list, that bytes and string give the same list and that
 * safeParse agrees, and returns the issues.
 */
function check(input, options = {}) {
  const issues = validate(input, options);
  for (const issue of issues) seenCodes.add(issue.code);
  assertWellFormedIssues(issues);
  assertPositionsMatchOffsets(input, issues);
  if (typeof input === 'string' && input.isWellFormed()) {
    assert.deepEqual(validate(utf8(input), options), issues, 'bytes and string give the same issues');
  }
  const safe = safeParse(input, options);
  assert.deepEqual(safe.success ? [] : safe.error.issues, issues, 'safeParse agrees');
  return issues;
}

/** The issue without its message (checked by assertWellFormedIssues), for deepEqual. */
function withoutMessage({ message, ...rest }) {
  return rest;
}

/** Expects exactly one issue, equal to `expected` (message aside). */
function expectOne(input, expected, options) {
  const issues = check(input, options);
  assert.equal(issues.length, 1, `one issue, got ${JSON.stringify(issues)}`);
  assert.deepEqual(withoutMessage(issues[0]), expected);
  return issues[0];
}

// ---- the document the table mutates -----------------------------------------

// Non-ASCII early in the document, so byte offsets and UTF-16 columns differ
// for everything after it on the same line (compact layout).
const BASE = {
  id: 'cmpl-ü😀',
  object: 'completion',
  created: 1700000000,
  model: 'gpt-3.5-turbo-instruct ☕',
  choices: [
    { text: 'first', index: 0, logprobs: null, finish_reason: 'stop' },
    { text: 'second', index: 1, logprobs: { tokens: ['se', 'cond'], token_logprobs: [-0.5, -1] }, finish_reason: 'length' },
  ],
  usage: {
    prompt_tokens: 1,
    completion_tokens: 2,
    total_tokens: 3,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
};

const LAYOUTS = {
  compact: (value) => JSON.stringify(value),
  pretty: (value) => JSON.stringify(value, null, 2),
  'pretty CRLF': (value) => JSON.stringify(value, null, 2).replaceAll('\n', '\r\n'),
};

/** What each kind of field accepts (JSON type names) and says it expected. */
const KINDS = {
  string: { accepts: ['string'], expected: 'string' },
  integer: { accepts: ['number'], expected: 'integer' },
  literal: { accepts: ['string'], expected: '"completion"' },
  enum: { accepts: ['string'], expected: FINISH_REASONS_EXPECTED },
  array: { accepts: ['array'], expected: 'array' },
  object: { accepts: ['object'], expected: 'object' },
  objectOrNull: { accepts: ['object', 'null'], expected: 'object or null' },
};

/** Every field of the schema (and the document itself, and a choice). */
const FIELDS = [
  { path: [], kind: 'object' },
  { path: ['id'], kind: 'string', required: true },
  { path: ['object'], kind: 'literal', required: true },
  { path: ['created'], kind: 'integer', required: true },
  { path: ['model'], kind: 'string', required: true },
  { path: ['choices'], kind: 'array', required: true },
  { path: ['choices', 1], kind: 'object' },
  { path: ['choices', 1, 'text'], kind: 'string', required: true },
  { path: ['choices', 1, 'index'], kind: 'integer', required: true },
  { path: ['choices', 1, 'logprobs'], kind: 'objectOrNull', required: false },
  { path: ['choices', 1, 'finish_reason'], kind: 'enum', required: true },
  { path: ['usage'], kind: 'object', required: false },
  { path: ['usage', 'prompt_tokens'], kind: 'integer', required: true },
  { path: ['usage', 'completion_tokens'], kind: 'integer', required: true },
  { path: ['usage', 'total_tokens'], kind: 'integer', required: true },
  { path: ['usage', 'prompt_tokens_details'], kind: 'object', required: false },
  { path: ['usage', 'prompt_tokens_details', 'cached_tokens'], kind: 'integer', required: false },
  { path: ['usage', 'prompt_tokens_details', 'audio_tokens'], kind: 'integer', required: false },
  { path: ['usage', 'completion_tokens_details'], kind: 'object', required: false },
  { path: ['usage', 'completion_tokens_details', 'reasoning_tokens'], kind: 'integer', required: false },
  { path: ['usage', 'completion_tokens_details', 'audio_tokens'], kind: 'integer', required: false },
  { path: ['usage', 'completion_tokens_details', 'accepted_prediction_tokens'], kind: 'integer', required: false },
  { path: ['usage', 'completion_tokens_details', 'rejected_prediction_tokens'], kind: 'integer', required: false },
];

/** One or more JSON texts of each type, to put where a field of another type belongs. */
const SAMPLES = {
  string: ['"x"', '""', '"7"'],
  number: ['7', '-1.5', '1e400'],
  boolean: ['true', 'false'],
  null: ['null'],
  object: ['{}', '{"k": [1, {"id": 2}]}'],
  array: ['[]', '[1, "two", {"id": 3}]'],
};

const INTEGER_CASES = {
  valid: ['0', '-0', '0e-5', '42', '1.0', '1e2', '1E+2', '100e-2', '12.340e2', '0.0e5', '9007199254740991', '-9007199254740991', '9007199254740991.000', '90071992547409910e-1'],
  notInteger: ['1.5', '-0.5', '5e-1', '1e-400', '1e-1000000000000', '1e-4007652288', '1.0000000000000000001', '9007199254740991.5', '123456789012345678901234567890.5'],
  unsafe: [
    '9007199254740992',
    '-9007199254740992',
    '9007199254740993',
    '1e16',
    '1e400',
    '-1e400',
    '1.5e300',
    '0.1e1000000000000',
    '1e4007652288',
    '123456789012345678901234567890',
  ],
};
const UNSAFE_EXPECTED = 'integer within +-(2^53-1)';

const LITERAL_CASES = {
  valid: ['"completion"', '"compl\\u0065tion"', '"\\u0063ompletion"'],
  invalid: ['"Completion"', '"chat.completion"', '"text_completion"', '""', '"completion "', '"completion\\u0000"', '"cömpletion"'],
};
const ENUM_CASES = {
  valid: ['"stop"', '"length"', '"content_filter"', '"\\u0073top"', '"content\\u005ffilter"'],
  invalid: ['"STOP"', '"tool_calls"', '"eos"', '""', '"stop "', '"stop\\u0000"', '"lengthy"', '"☕"'],
};

// ---- rendering --------------------------------------------------------------

function getAt(value, path) {
  return path.reduce((node, segment) => node[segment], value);
}

const PLACEHOLDER = '\u0001placeholder\u0001';

/**
 * The document in `layout` with the value at `path` replaced by the JSON
 * text `raw`. Returns the text and the UTF-16 index where `raw` starts.
 */
function render(document, path, raw, layout) {
  if (path.length === 0) return { text: raw, index: 0 };
  const copy = structuredClone(document);
  getAt(copy, path.slice(0, -1))[path.at(-1)] = PLACEHOLDER;
  const serialized = LAYOUTS[layout](copy);
  const quoted = JSON.stringify(PLACEHOLDER);
  const index = serialized.indexOf(quoted);
  return { text: serialized.slice(0, index) + raw + serialized.slice(index + quoted.length), index };
}

/** The issue expected for the value that starts at `index` of `text`. */
function issueAt(text, index, code, path, expected, received) {
  const { offset, line, column } = locate(text, index);
  return { code, path, pathString: pathToString(path), expected, received, offset, line, column };
}

function jsonType(raw) {
  const value = JSON.parse(raw);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// ---- the table --------------------------------------------------------------

describe('every field wrong in every way', () => {
  test('the base document is valid in every layout', () => {
    for (const layout of Object.keys(LAYOUTS)) assert.deepEqual(check(LAYOUTS[layout](BASE)), [], layout);
  });

  for (const field of FIELDS) {
    const kind = KINDS[field.kind];
    const name = pathToString(field.path) || '(document)';

    test(`${name}: every JSON type it does not accept gives invalid_type`, () => {
      let cases = 0;
      for (const [type, raws] of Object.entries(SAMPLES)) {
        if (kind.accepts.includes(type)) continue;
        for (const raw of raws) {
          assert.equal(jsonType(raw), type);
          for (const layout of Object.keys(LAYOUTS)) {
            const { text, index } = render(BASE, field.path, raw, layout);
            expectOne(text, issueAt(text, index, 'invalid_type', field.path, kind.expected, type));
            cases++;
          }
        }
      }
      assert.ok(cases > 0);
    });

    if (field.required) {
      test(`${name}: missing gives missing_field at the enclosing object`, () => {
        const parentPath = field.path.slice(0, -1);
        const without = structuredClone(BASE);
        delete getAt(without, parentPath)[field.path.at(-1)];
        for (const layout of Object.keys(LAYOUTS)) {
          const parentRaw = LAYOUTS[layout](getAt(without, parentPath));
          const { text, index } = render(without, parentPath, parentRaw, layout);
          assert.equal(text[index], '{');
          expectOne(text, issueAt(text, index, 'missing_field', field.path, kind.expected, 'nothing'));
        }
      });
    } else if (field.path.length > 0 && typeof field.path.at(-1) === 'string') {
      test(`${name}: optional, so leaving it out is fine`, () => {
        const without = structuredClone(BASE);
        delete getAt(without, field.path.slice(0, -1))[field.path.at(-1)];
        assert.deepEqual(check(JSON.stringify(without)), []);
        assert.ok(!(field.path.at(-1) in getAt(parse(JSON.stringify(without)), field.path.slice(0, -1))));
      });
    }

    if (field.kind === 'integer') {
      test(`${name}: whole numbers pass, others give not_integer, beyond 2^53-1 unsafe_integer`, () => {
        for (const layout of Object.keys(LAYOUTS)) {
          for (const raw of INTEGER_CASES.valid) {
            const { text } = render(BASE, field.path, raw, layout);
            assert.deepEqual(check(text), [], raw);
            assert.ok(Object.is(getAt(parse(text), field.path), Number(raw)), raw);
          }
          for (const raw of INTEGER_CASES.notInteger) {
            const { text, index } = render(BASE, field.path, raw, layout);
            expectOne(text, issueAt(text, index, 'not_integer', field.path, 'integer', raw));
          }
          for (const raw of INTEGER_CASES.unsafe) {
            const { text, index } = render(BASE, field.path, raw, layout);
            expectOne(text, issueAt(text, index, 'unsafe_integer', field.path, UNSAFE_EXPECTED, raw));
          }
        }
      });
    }

    if (field.kind === 'literal' || field.kind === 'enum') {
      const cases = field.kind === 'literal' ? LITERAL_CASES : ENUM_CASES;
      const code = field.kind === 'literal' ? 'invalid_literal' : 'invalid_enum';
      test(`${name}: other strings give ${code}, received as the JSON-quoted value`, () => {
        for (const layout of Object.keys(LAYOUTS)) {
          for (const raw of cases.valid) {
            const { text } = render(BASE, field.path, raw, layout);
            assert.deepEqual(check(text), [], raw);
            assert.equal(getAt(parse(text), field.path), JSON.parse(raw), 'escapes are decoded before comparing');
          }
          for (const raw of cases.invalid) {
            const { text, index } = render(BASE, field.path, raw, layout);
            const received = JSON.stringify(JSON.parse(raw));
            expectOne(text, issueAt(text, index, code, field.path, kind.expected, received));
          }
        }
      });
    }
  }

  test('finish_reason with openEnums: any string passes, other types expect "string"', () => {
    const path = ['choices', 1, 'finish_reason'];
    for (const raw of [...ENUM_CASES.invalid, ...ENUM_CASES.valid]) {
      const { text } = render(BASE, path, raw, 'pretty');
      assert.deepEqual(check(text, { openEnums: true }), []);
      assert.equal(getAt(parse(text, { openEnums: true }), path), JSON.parse(raw));
    }
    for (const [type, raws] of Object.entries(SAMPLES)) {
      if (type === 'string') continue;
      for (const raw of raws) {
        const { text, index } = render(BASE, path, raw, 'compact');
        expectOne(text, issueAt(text, index, 'invalid_type', path, 'string', type), { openEnums: true });
      }
    }
  });

  test('all issues of a document are reported, in document order', () => {
    const document = structuredClone(BASE);
    document.id = 1;
    document.choices[0].finish_reason = 'nope';
    delete document.choices[1].text;
    document.usage.prompt_tokens_details.cached_tokens = 0.5;
    const text = JSON.stringify(document, null, 2);
    const issues = check(text);
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.pathString]),
      [
        ['invalid_type', 'id'],
        ['invalid_enum', 'choices[0].finish_reason'],
        ['missing_field', 'choices[1].text'],
        ['not_integer', 'usage.prompt_tokens_details.cached_tokens'],
      ],
    );
    const offsets = issues.map((issue) => issue.offset);
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
    );
  });

  test('an invalid choice does not hide issues in the next one', () => {
    const document = structuredClone(BASE);
    document.choices = [7, { index: 'x' }, null];
    const issues = check(JSON.stringify(document));
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.pathString, issue.expected, issue.received]),
      [
        ['invalid_type', 'choices[0]', 'object', 'number'],
        ['missing_field', 'choices[1].text', 'string', 'nothing'],
        ['missing_field', 'choices[1].finish_reason', FINISH_REASONS_EXPECTED, 'nothing'],
        ['invalid_type', 'choices[1].index', 'integer', 'string'],
        ['invalid_type', 'choices[2]', 'object', 'null'],
      ],
    );
  });

  test('pathString spelled out for the deepest paths', () => {
    const document = structuredClone(BASE);
    document.usage.prompt_tokens_details.cached_tokens = '1';
    document.choices[1].finish_reason = 1;
    const issues = check(JSON.stringify(document));
    assert.deepEqual(
      issues.map((issue) => [issue.path, issue.pathString]),
      [
        [['choices', 1, 'finish_reason'], 'choices[1].finish_reason'],
        [['usage', 'prompt_tokens_details', 'cached_tokens'], 'usage.prompt_tokens_details.cached_tokens'],
      ],
    );
  });
});

// ---- unknown_field and duplicate_key ----------------------------------------

describe('unknown_field (unknownKeys: "reject")', () => {
  const OBJECTS = [[], ['choices', 1], ['usage'], ['usage', 'prompt_tokens_details'], ['usage', 'completion_tokens_details']];
  // Names that need quoting in pathString, besides a plain one.
  const NAMES = ['extra', 'system_fingerprint', '$ref', 'some key', '1st', 'a-b', 'quote"back\\slash', 'new\nline', 'é'];

  for (const objectPath of OBJECTS) {
    test(`in ${pathToString(objectPath) || '(document)'}`, () => {
      for (const name of NAMES) {
        const document = structuredClone(BASE);
        getAt(document, objectPath)[name] = PLACEHOLDER;
        for (const layout of ['compact', 'pretty']) {
          // The issue points at the key, the quote just before the placeholder's ': '.
          const { text, index } = render(document, [...objectPath, name], '[1]', layout);
          const keyIndex = text.lastIndexOf(JSON.stringify(name), index);
          const path = [...objectPath, name];
          expectOne(text, issueAt(text, keyIndex, 'unknown_field', path, 'only the fields of the schema', JSON.stringify(name)), { unknownKeys: 'reject' });
          assert.deepEqual(check(text), [], 'strip accepts it');
          assert.deepEqual(check(text, { unknownKeys: 'keep' }), [], 'keep accepts it');
          assert.deepEqual(getAt(parse(text, { unknownKeys: 'keep' }), path), [1]);
        }
      }
    });
  }

  test('keys inside logprobs are never unknown', () => {
    const document = structuredClone(BASE);
    document.choices[1].logprobs = { anything: { goes: [1] }, 'some key': null };
    assert.deepEqual(check(JSON.stringify(document), { unknownKeys: 'reject' }), []);
  });

  test('pathString quotes keys that are not identifiers', () => {
    const text = JSON.stringify({ ...BASE, 'some key': 1, 'new\nline': 2, 'q"b\\': 3, $ok: 4, _ok1: 5, '1x': 6 });
    assert.deepEqual(
      check(text, { unknownKeys: 'reject' }).map((issue) => issue.pathString),
      ['["some key"]', '["new\\nline"]', '["q\\"b\\\\"]', '$ok', '_ok1', '["1x"]'],
    );
  });
});

describe('duplicate_key', () => {
  test('at the top level: the second occurrence, with its path', () => {
    const { text, offset, line, column } = marked('{\n  "id": "a",\n  "object": "completion",\n  §"id": "b"\n}');
    const issues = check(text);
    const duplicate = issues.find((issue) => issue.code === 'duplicate_key');
    assert.deepEqual(withoutMessage(duplicate), {
      code: 'duplicate_key',
      path: ['id'],
      pathString: 'id',
      expected: 'a key not used before in this object',
      received: '"id"',
      offset,
      line,
      column,
    });
  });

  test('in a valid document, a duplicate is the only issue', () => {
    const text = JSON.stringify(BASE).replace('"model":', '"model":"first","model":');
    const issues = check(text);
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.pathString]),
      [['duplicate_key', 'model']],
    );
    assert.equal(issues[0].offset, byteLength(text.slice(0, text.lastIndexOf('"model":'))));
  });

  test('inside logprobs, at any depth', () => {
    const cases = [
      ['{"tokens": [], §"tokens": []}', ['choices', 1, 'logprobs', 'tokens']],
      ['{"top_logprobs": [{"a": 1}, {"b": 1, §"b": 2}]}', ['choices', 1, 'logprobs', 'top_logprobs', 1, 'b']],
      ['{"x": {"y": {"some key": 1, §"some key": 2}}}', ['choices', 1, 'logprobs', 'x', 'y', 'some key']],
      ['{"a\\u0000b": 1, "a\\u0000c": 2, §"a\\u0000b": 3}', ['choices', 1, 'logprobs', 'a\u0000b']],
      ['{"id": 1, §"\\u0069d": 2}', ['choices', 1, 'logprobs', 'id']],
    ];
    for (const [logprobs, path] of cases) {
      const placed = render(BASE, ['choices', 1, 'logprobs'], logprobs, 'pretty');
      const { text, offset, line, column } = marked(placed.text);
      expectOne(text, {
        code: 'duplicate_key',
        path,
        pathString: pathToString(path),
        expected: 'a key not used before in this object',
        received: JSON.stringify(path.at(-1)),
        offset,
        line,
        column,
      });
    }
  });

  test('keys that differ after a NUL are different keys', () => {
    const { text } = render(BASE, ['choices', 1, 'logprobs'], '{"a\\u0000b": 1, "a\\u0000c": 2}', 'compact');
    assert.deepEqual(check(text), []);
    assert.deepEqual(parse(text).choices[1].logprobs, { 'a\u0000b': 1, 'a\u0000c': 2 });
  });

  test('every repetition is reported, in strip, keep and reject modes, for known and unknown keys', () => {
    const text = JSON.stringify(BASE).replace('{', '{"x":1,"x":2,"x":3,"id":"a",');
    for (const unknownKeys of ['strip', 'keep']) {
      assert.deepEqual(
        check(text, { unknownKeys }).map((issue) => [issue.code, issue.pathString]),
        [
          ['duplicate_key', 'x'],
          ['duplicate_key', 'x'],
          ['duplicate_key', 'id'],
        ],
      );
    }
    assert.deepEqual(
      check(text, { unknownKeys: 'reject' })
        .map((issue) => issue.code)
        .sort(),
      ['duplicate_key', 'duplicate_key', 'duplicate_key', 'unknown_field', 'unknown_field', 'unknown_field'],
    );
  });

  test('an object with many keys finds its duplicates', () => {
    const members = Array.from({ length: 500 }, (_, i) => `"k${i}": ${i}`);
    members.push('"k250": 0', '"k7": 0');
    const { text } = render(BASE, ['choices', 0, 'logprobs'], `{${members.join(', ')}}`, 'compact');
    assert.deepEqual(
      check(text).map((issue) => issue.pathString),
      ['choices[0].logprobs.k250', 'choices[0].logprobs.k7'],
    );
  });
});

// ---- the JSON stage ---------------------------------------------------------

/** Expects one JSON-stage issue at the '§' of `textWithMark`. */
function expectJsonStage(textWithMark, code, options) {
  const { text, offset, line, column } = marked(textWithMark);
  const issues = check(text, options);
  assert.equal(issues.length, 1, `one issue for ${JSON.stringify(text)}: ${JSON.stringify(issues)}`);
  const { expected, received, ...rest } = withoutMessage(issues[0]);
  assert.deepEqual(rest, { code, path: [], pathString: '', offset, line, column }, JSON.stringify(text));
  assert.ok(expected.length > 0 && received.length > 0);
  return issues[0];
}

/** JSON.parse's position for an error, when its message gives one. */
function v8Position(text) {
  try {
    JSON.parse(text);
    return 'accepted';
  } catch (error) {
    const match = /at position (\d+)/.exec(error.message);
    return match ? Number(match[1]) : undefined;
  }
}

describe('invalid_json', () => {
  // Each case marks with '§' the byte where the text stops being JSON.
  const CASES = {
    'trailing garbage': '{"id": "a"} §x',
    'a second value': '{} §{}',
    'an extra bracket': '{"id": "a"}§}',
    'NaN': '{"created": §NaN}',
    'Infinity': '{"created": §Infinity}',
    '-Infinity': '{"created": -§Infinity}',
    'leading zero': '{"created": 0§1}',
    'negative leading zero': '{"created": -0§1}',
    'plus sign': '{"created": §+1}',
    'hex': '{"created": 0§x10}',
    'no digits after the point': '{"created": 1.§}',
    'no digits before the point': '{"created": §.5}',
    'no exponent digits': '{"created": 1e§}',
    'no exponent digits after the sign': '{"created": 1e+§}',
    'a lone minus': '{"created": -§}',
    'raw newline in a string': '{"id": "a§\nb"}',
    'raw tab in a string': '{"id": "a§\tb"}',
    'raw NUL in a string': '{"id": "§\u0000"}',
    'raw U+001F in a string': '{"id": "ab§\u001f"}',
    'raw newline in a key': '{"i§\nd": 1}',
    'bad escape \\x': '{"id": "\\§x41"}',
    'bad escape \\a': '{"id": "\\§a"}',
    'bad escape \\U': '{"id": "\\§U0041"}',
    "bad escape \\'": '{"id": "\\§\'"}',
    'short \\u escape': '{"id": "\\u12§"}',
    'non-hex \\u escape': '{"id": "\\u00§g0"}',
    'escape cut by the end of input': '{"id": "\\§',
    'lone high surrogate escape': '{"id": "a§\\ud800"}',
    'lone low surrogate escape': '{"id": "§\\udc00"}',
    'high surrogate escape then a letter': '{"id": "§\\uD800\\u0041"}',
    'two high surrogate escapes': '{"id": "§\\ud83d\\ud83d"}',
    'inverted surrogate escapes': '{"id": "§\\ude00\\ud83d"}',
    'lone surrogate escape in a key': '{"§\\ud800": 1}',
    'byte order mark': '§\uFEFF{"id": "a"}',
    'byte order mark after whitespace': ' §\uFEFF{}',
    'byte order mark inside': '{"id": §\uFEFF"a"}',
    'empty input': '§',
    'whitespace only': ' \n\t\r\n §',
    'unterminated string': '{"id": "abc§',
    'unclosed object': '{"id": "abc"§',
    'unclosed array': '{"choices": [§',
    'single quotes': "{§'id': 'a'}",
    'unquoted key': '{§id: "a"}',
    'trailing comma in an object': '{"id": "a",§}',
    'trailing comma in an array': '{"choices": [1,§]}',
    'missing colon': '{"id" §"a"}',
    'missing comma': '{"id": "a" §"model": "b"}',
    'block comment': '{§/* c */"id": "a"}',
    'line comment': '{"id": "a"} §// c',
    'misspelt null': '{"logprobs": nul§}',
    'capitalised true': '{"a": §True}',
    'wrong letter in true': '{"a": t§Rue}',
    'form feed as whitespace': '{§\f"id": "a"}',
    'vertical tab as whitespace': '{§\v"id": "a"}',
    'no-break space as whitespace': '{§\u00a0"id": "a"}',
    'line separator as whitespace': '{§\u2028"id": "a"}',
    'raw non-ASCII outside a string': '{"id": §é}',
  };

  for (const [name, textWithMark] of Object.entries(CASES)) {
    test(name, () => {
      const issue = expectJsonStage(textWithMark, 'invalid_json');
      const { text, offset } = marked(textWithMark);
      if (offset === byteLength(text)) assert.equal(issue.received, 'end of input');
      // Where JSON.parse states a position (ASCII inputs: UTF-16 index = byte offset), it is ours.
      const position = /^[\x00-\x7f]*$/.test(text) ? v8Position(text) : undefined;
      if (typeof position === 'number') assert.equal(offset, position, 'JSON.parse agrees on the position');
    });
  }

  test('the decided exceptions JSON.parse accepts: lone surrogate escapes (and a BOM once a decoder strips it)', () => {
    assert.equal(v8Position('{"id": "\\ud800"}'), 'accepted');
    assert.equal(v8Position(new TextDecoder().decode(utf8('\uFEFF{}'))), 'accepted');
  });

  test('a multi-line input reports the line and the UTF-16 column', () => {
    // ö is 2 bytes and 1 unit, 😀 4 bytes and 2 units, ☕ 3 bytes and 1 unit: 5 more bytes than units.
    const text = '{\n  "id": "cmpl-1",\n  "model": "mödel 😀 ☕", "created": 01\n}';
    const issue = check(text)[0];
    const index = text.indexOf('01') + 1;
    assert.equal(issue.code, 'invalid_json');
    assert.equal(issue.offset, index + 5);
    assert.equal(issue.line, 3);
    assert.equal(issue.column, index - text.lastIndexOf('\n', index));
    assert.deepEqual([issue.offset, issue.line, issue.column], [62, 3, 38]);
  });
});

describe('invalid_utf8', () => {
  const prefix = '{\n  "model": "mödel 😀",\n  "id": "ab';
  const suffix = 'cd",\n  "object": "completion"\n}';

  /** prefix + bytes + suffix as one byte array. */
  function withBytes(bytes, after = suffix) {
    return Uint8Array.from([...utf8(prefix), ...bytes, ...utf8(after)]);
  }

  const BAD_SEQUENCES = {
    'byte 0xFF': [0xff],
    'byte 0xFE': [0xfe],
    'byte 0xF5 (no code point)': [0xf5, 0x80, 0x80, 0x80],
    'lone continuation byte': [0x80],
    'overlong NUL C0 80': [0xc0, 0x80],
    'overlong C1 BF': [0xc1, 0xbf],
    'overlong 3 bytes E0 80 AF': [0xe0, 0x80, 0xaf],
    'overlong 4 bytes F0 80 80 AF': [0xf0, 0x80, 0x80, 0xaf],
    'surrogate ED A0 80': [0xed, 0xa0, 0x80],
    'surrogate ED BF BF': [0xed, 0xbf, 0xbf],
    'beyond U+10FFFF F4 90 80 80': [0xf4, 0x90, 0x80, 0x80],
    'truncated 3-byte sequence': [0xe2, 0x82],
    'truncated 4-byte sequence': [0xf0, 0x9f, 0x98],
    'lead byte followed by ASCII': [0xc3, 0x41],
    'Latin-1 é': [0xe9],
  };

  for (const [name, bytes] of Object.entries(BAD_SEQUENCES)) {
    test(`${name} in a string`, () => {
      const input = withBytes(bytes);
      const { offset, line, column } = locate(prefix, prefix.length);
      const issues = check(input);
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.path, issue.offset, issue.line, issue.column]),
        [['invalid_utf8', [], offset, line, column]],
      );
      assert.equal(offset, byteLength(prefix));
      assert.deepEqual([line, column], [3, 12]); // '  "id": "ab' is 11 units
    });
  }

  test('a sequence cut short by the end of input', () => {
    const input = Uint8Array.from([...utf8('{"id": "ab'), 0xf0, 0x9f]);
    assert.deepEqual(
      check(input).map((issue) => [issue.code, issue.offset]),
      [['invalid_utf8', 10]],
    );
  });

  test('in a key and outside strings', () => {
    for (const [before, bad, after] of [
      ['{"', [0xff], '": 1}'],
      ['{', [0xff], '}'],
      ['', [0xc0, 0x80], '{}'],
      ['{"id": 1', [0x80], '}'],
      ['{"id": 1} ', [0xfe], ''],
    ]) {
      const input = Uint8Array.from([...utf8(before), ...bad, ...utf8(after)]);
      assert.deepEqual(
        check(input).map((issue) => [issue.code, issue.offset]),
        [['invalid_utf8', byteLength(before)]],
        JSON.stringify(before),
      );
    }
  });

  test('the first problem wins: invalid UTF-8 after a syntax error is not reached', () => {
    const input = Uint8Array.from([...utf8('{"id": 01, "x": "'), 0xff, ...utf8('"}')]);
    assert.deepEqual(
      check(input).map((issue) => [issue.code, issue.offset]),
      [['invalid_json', 8]],
    );
  });

  const LONE_SURROGATES = {
    'lone high surrogate': '\uD800',
    'lone low surrogate': '\uDC00',
    'inverted pair': '\uDE00\uD83D',
    'high surrogate then a letter': '\uD83Dx',
  };
  for (const [name, units] of Object.entries(LONE_SURROGATES)) {
    test(`a JS string with a ${name}`, () => {
      const text = `${prefix}${units}${suffix}`;
      assert.ok(!text.isWellFormed());
      const { offset, line, column } = locate(prefix, prefix.length);
      const issues = check(text);
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.path, issue.offset, issue.line, issue.column]),
        [['invalid_utf8', [], offset, line, column]],
      );
    });
  }

  test('a JS string ending in a high surrogate', () => {
    const text = '{"id": "a\uD83D';
    assert.deepEqual(
      check(text).map((issue) => [issue.code, issue.offset]),
      [['invalid_utf8', 9]],
    );
  });

  test('a well-formed surrogate pair is fine, as a string and as bytes', () => {
    const text = JSON.stringify({ ...BASE, id: '\uD83D\uDE00' });
    assert.deepEqual(check(text), []);
    assert.equal(parse(utf8(text)).id, '😀');
  });
});

describe('line and column', () => {
  test('LF, CRLF and lone CR all end a line; columns count UTF-16 code units', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const lines = ['{', '  "id": 1,', '  "model": "😀😀", "created": "x",', '  "object": "completion"', '}'];
      const text = lines.join(newline);
      const issues = check(text);
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.pathString, issue.line, issue.column]),
        [
          ['missing_field', 'choices', 1, 1],
          ['invalid_type', 'id', 2, 9],
          // '  "model": "😀😀", "created": ' is 2 + 9 + 1 + 4 (two surrogate pairs) + 1 + 2 + 11 = 30 units.
          ['invalid_type', 'created', 3, 31],
        ],
        JSON.stringify(newline),
      );
      assert.equal(issues[2].offset, byteLength(text.slice(0, text.indexOf('"x"'))));
    }
  });

  test('a value at the very start and at the end of a long line', () => {
    const text = `{"id": "${'é'.repeat(1000)}", "created": true}`;
    const issues = check(text);
    const created = issues.find((issue) => issue.pathString === 'created');
    // '{"id": "' is 8 units, then 1000 × é (2 bytes, 1 unit each), then '", "created": ' is 14 units.
    assert.deepEqual([created.offset, created.line, created.column], [8 + 2000 + 14, 1, 8 + 1000 + 14 + 1]);
    const root = check('7')[0];
    assert.deepEqual([root.code, root.offset, root.line, root.column], ['invalid_type', 0, 1, 1]);
  });
});

// ---- limits -----------------------------------------------------------------

describe('too_large, too_deep, too_many_issues', () => {
  test('too_large: alone, at the start, whatever the input holds', () => {
    for (const input of ['{"id": 1}', '\u00ff\u00ff\u00ff', utf8('[[[[[['), Uint8Array.of(0xff, 0xff, 0xff, 0xff)]) {
      const issues = check(input, { maxBytes: 3 });
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.path, issue.pathString, issue.offset, issue.line, issue.column]),
        [['too_large', [], '', 0, 1, 1]],
      );
    }
  });

  test('too_deep: at the bracket that opens one level too many', () => {
    expectJsonStage('[[[§[]]]]', 'too_deep', { maxDepth: 3 });
    expectJsonStage('{"a": {"b": §{}}}', 'too_deep', { maxDepth: 2 });
    expectJsonStage('{\n  "choices": [\n    {"logprobs": {"é": §[]}}\n  ]\n}', 'too_deep', { maxDepth: 4 });
    assert.ok(!check('{"a": {"b": {}}}', { maxDepth: 3 }).some((issue) => issue.code === 'too_deep'));
  });

  test('too_deep: default 64', () => {
    expectJsonStage(`${'['.repeat(64)}§[${']'.repeat(65)}`, 'too_deep');
    assert.equal(check(`${'['.repeat(64)}${']'.repeat(64)}`)[0].code, 'invalid_type');
  });

  test('too_deep: maxDepth is at most 1000', () => {
    expectJsonStage(`${'['.repeat(1000)}§[${']'.repeat(1001)}`, 'too_deep', { maxDepth: 1000 });
    assert.equal(check(`${'['.repeat(1000)}${']'.repeat(1000)}`, { maxDepth: 1000 })[0].code, 'invalid_type');
    // A larger maxDepth is a usage error, not a silently lower limit.
    for (const maxDepth of [1001, 100000]) assert.throws(() => validate('{}', { maxDepth }), RangeError);
  });

  test('too_deep comes before a syntax error further on', () => {
    expectJsonStage('[[§[ x', 'too_deep', { maxDepth: 2 });
    expectJsonStage('[[ §x [[[', 'invalid_json', { maxDepth: 2 });
  });

  test('too_many_issues: maxIssues issues, then one marker with path []', () => {
    const document = structuredClone(BASE);
    document.id = 1;
    document.model = 2;
    document.created = 'x';
    document.choices[0].text = 3;
    const text = JSON.stringify(document, null, 2);
    const all = check(text);
    assert.equal(all.length, 4);
    for (const maxIssues of [1, 2, 3]) {
      const issues = check(text, { maxIssues });
      assert.equal(issues.length, maxIssues + 1);
      assert.deepEqual(issues.slice(0, maxIssues), all.slice(0, maxIssues));
      const marker = issues.at(-1);
      assert.deepEqual([marker.code, marker.path, marker.pathString], ['too_many_issues', [], '']);
      assert.ok(marker.expected.length > 0 && marker.received.length > 0);
    }
    assert.deepEqual(check(text, { maxIssues: 4 }), all);
  });
});

describe('coverage', () => {
  test('every issue code was produced by the tests above', () => {
    assert.deepEqual([...seenCodes].sort(), [...ALL_CODES].sort());
  });
});
