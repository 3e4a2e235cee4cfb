// The shared vectors every runtime runs, and what a person expects of each.
// Inputs come from tests/fixtures where a fixture exists, the rest are
// written here. Each case carries hand-written expectations (issue codes and
// paths, sometimes line and column, or "valid"); the full results are
// computed once in Node from the packed package (tests/runtimes/reference.js),
// checked against these expectations, and then every other runtime must
// produce exactly the same results.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

const TEXT_FORMS = {
  validate: ['string', 'Uint8Array', 'ArrayBuffer', 'DataView'],
  safeParse: ['string', 'Uint8Array'],
  parse: ['string'],
};
const BYTE_FORMS = {
  validate: ['Uint8Array', 'ArrayBuffer', 'DataView'],
  safeParse: ['Uint8Array'],
  parse: ['Uint8Array'],
};
const STRING_ONLY = { validate: ['string'], safeParse: ['string'], parse: ['string'] };

const fixtureNames = (subdir) =>
  readdirSync(path.join(fixturesDir, subdir))
    .filter((name) => name.endsWith('.json'))
    .sort();
const fixtureBytes = (relative) => readFileSync(path.join(fixturesDir, relative));
const isUtf8 = (bytes) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A case from a file: text when it is UTF-8, otherwise bytes only. */
function fromFixture(relative, extra) {
  const bytes = fixtureBytes(relative);
  const input = isUtf8(bytes) ? { text: bytes.toString('utf8'), calls: TEXT_FORMS } : { base64: bytes.toString('base64'), calls: BYTE_FORMS };
  return { ...input, ...extra };
}

const issues = (...list) => list.map(([code, pathString, line, column]) => ({ code, pathString, line, column }));

const MINIMAL = '{"id":"x","object":"completion","created":1,"model":"m","choices":[]}';
const choiceWithLogprobs = (logprobs) =>
  `{"id":"x","object":"completion","created":1,"model":"m","choices":[{"text":"t","index":0,"finish_reason":"stop","logprobs":${logprobs}}]}`;

// CRLF line ends and characters of 2, 3 and 4 UTF-8 bytes (the last one two
// UTF-16 units) before the issues: line and column must come out the same in
// every runtime. Positions counted by hand: line 4 column 14 is the 1.5;
// line 6 column 60 is the "stopp" (ü is one unit, 😀 two).
const POSITIONS_TEXT = [
  '{',
  '  "id": "é€😀",',
  '  "object": "completion",',
  '  "created": 1.5,',
  '  "model": "m",',
  '  "choices": [{"text": "ü😀", "index": 0, "finish_reason": "stopp"}]',
  '}',
].join('\r\n');

/** Hand-written cases beyond the fixtures: every option and every issue code. */
function writtenCases() {
  const unknownFields = fixtureBytes('valid/unknown-fields.json').toString('utf8');
  const missingFields = fixtureBytes('invalid/missing-fields.json').toString('utf8');
  const badFinish = fixtureBytes('invalid/bad-finish-reason.json').toString('utf8');
  return [
    {
      name: 'positions: CRLF and multi-byte text',
      text: POSITIONS_TEXT,
      calls: TEXT_FORMS,
      expect: issues(['not_integer', 'created', 4, 14], ['invalid_enum', 'choices[0].finish_reason', 6, 60]),
    },
    {
      name: 'unknownKeys reject: unknown_field',
      text: unknownFields,
      options: { unknownKeys: 'reject' },
      calls: TEXT_FORMS,
      expect: issues(
        ['unknown_field', 'system_fingerprint'],
        ['unknown_field', 'choices[0].stop_reason'],
        ['unknown_field', 'usage.estimated_cost'],
        ['unknown_field', 'usage.prompt_tokens_details.image_tokens'],
        ['unknown_field', 'usage.completion_tokens_details.thinking'],
        ['unknown_field', 'x_provider'],
      ),
    },
    {
      name: 'unknownKeys keep, camel keys',
      text: unknownFields,
      options: { unknownKeys: 'keep', keys: 'camel' },
      calls: TEXT_FORMS,
      expect: 'valid',
    },
    {
      name: 'maxIssues 2: too_many_issues',
      text: missingFields,
      options: { maxIssues: 2 },
      calls: TEXT_FORMS,
      expect: issues(['missing_field', 'object'], ['missing_field', 'model'], ['too_many_issues', '']),
    },
    {
      name: 'maxBytes: too_large',
      text: MINIMAL,
      options: { maxBytes: 16 },
      calls: TEXT_FORMS,
      expect: issues(['too_large', '']),
    },
    {
      name: 'maxDepth: too_deep',
      text: choiceWithLogprobs('{"a":[[[1]]]}'),
      options: { maxDepth: 4 },
      calls: TEXT_FORMS,
      expect: issues(['too_deep', '']),
    },
    {
      name: 'openEnums: any string finish_reason',
      text: badFinish,
      options: { openEnums: true },
      calls: TEXT_FORMS,
      expect: issues(['invalid_type', 'choices[2].finish_reason']),
    },
    {
      name: 'leading BOM: invalid_json',
      text: `\uFEFF${MINIMAL}`,
      calls: TEXT_FORMS,
      expect: issues(['invalid_json', '', 1, 1]),
    },
    {
      name: 'lone surrogate escape: invalid_json',
      text: MINIMAL.replace('"id":"x"', '"id":"\\ud800"'),
      calls: TEXT_FORMS,
      expect: issues(['invalid_json', '']),
    },
    {
      name: 'lone surrogate in a JS string: invalid_utf8',
      text: MINIMAL.replace('"id":"x"', '"id":"\uD800"'),
      calls: STRING_ONLY,
      expect: issues(['invalid_utf8', '', 1, 8]),
    },
    {
      name: '__proto__ inside logprobs stays an own key',
      text: choiceWithLogprobs('{"__proto__":{"polluted":true},"tokens":["t"]}'),
      options: { unknownKeys: 'keep' },
      calls: TEXT_FORMS,
      expect: 'valid',
      sameAsJsonParse: true,
    },
    {
      name: 'empty input: invalid_json',
      text: '',
      calls: TEXT_FORMS,
      expect: issues(['invalid_json', '', 1, 1]),
    },
  ];
}

/**
 * Every case: { name, text | base64, options?, calls, expect, sameAsJsonParse? }.
 * expect is 'valid' or the issues in order ({code, pathString, line?, column?}).
 */
export function buildCases() {
  const expected = JSON.parse(fixtureBytes('expected-issues.json').toString('utf8'));
  const cases = [];
  for (const name of fixtureNames('valid')) {
    cases.push(fromFixture(`valid/${name}`, { name: `valid/${name}`, expect: 'valid' }));
    // Kept unknown fields and wire keys: exactly what JSON.parse gives.
    cases.push(
      fromFixture(`valid/${name}`, {
        name: `valid/${name} keep`,
        options: { unknownKeys: 'keep' },
        expect: 'valid',
        sameAsJsonParse: true,
      }),
    );
  }
  for (const name of ['multi-choice-logprobs.json', 'usage-details.json']) {
    cases.push(fromFixture(`valid/${name}`, { name: `valid/${name} camel`, options: { keys: 'camel' }, expect: 'valid' }));
  }
  for (const name of fixtureNames('invalid')) {
    cases.push(fromFixture(`invalid/${name}`, { name: `invalid/${name}`, expect: expected[name] }));
  }
  // Real bodies under the profiles (tests/fixtures/servers/, with their sources).
  const server = (file, profile, expect, extra = {}) =>
    cases.push(fromFixture(`servers/${file}`, { name: `servers/${file} (${profile})`, options: { profile, ...extra }, expect }));
  server('openai/text-davinci-003.json', 'r9s', issues(['invalid_literal', 'object', 3, 13]));
  server('openai/text-davinci-003.json', 'openai', 'valid');
  server('azure/text-davinci-003-n3-logprobs.json', 'openai', 'valid', { keys: 'camel' });
  server('vllm/llama4-scout-fp4-recipe.json', 'openai', issues(['invalid_type', 'system_fingerprint'], ['invalid_type', 'usage.prompt_tokens_details']));
  server('vllm/llama4-scout-fp4-recipe.json', 'openai-compatible', 'valid', { unknownKeys: 'keep' });
  server('tgi/flash-llama-many-prompts.json', 'openai', issues(['invalid_enum', 'choices[0].finish_reason']));
  server('tgi/flash-llama-many-prompts.json', 'openai-compatible', 'valid');
  cases.push(...writtenCases());
  return cases;
}

// ---- streams (text/event-stream) ----

const STREAM_BASE = '"id":"cmpl-s1","object":"completion","created":1700000000,"model":"m"';
const streamEvent = (choice, extra = '') => `data: {${STREAM_BASE},"choices":[{"index":0,"logprobs":null,${choice}}]${extra}}\n\n`;
// Three events (after a comment line the reader must skip), then [DONE]. The
// texts hold characters of 2 and 4 UTF-8 bytes, so cutting the bytes inside
// them tests that no runtime's decoding splits a character.
const STREAM_EVENTS = [
  ': keep-alive\n\n',
  streamEvent('"text":"Hé","finish_reason":null'),
  streamEvent('"text":"llo 😀","finish_reason":null'),
  streamEvent('"text":"!","finish_reason":"stop"', ',"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}'),
];
const STREAM = `${STREAM_EVENTS.join('')}data: [DONE]\n\n`;
const COLLECTED = {
  id: 'cmpl-s1',
  object: 'completion',
  created: 1700000000,
  model: 'm',
  choices: [{ text: 'Héllo 😀!', index: 0, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
};
const COLLECTED_CAMEL = {
  id: 'cmpl-s1',
  object: 'completion',
  created: 1700000000,
  model: 'm',
  choices: [{ text: 'Héllo 😀!', index: 0, logprobs: null, finishReason: 'stop' }],
  usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
};

/** Byte offsets inside é and 😀, and (for CRLF) between a CR and its LF. */
function awkwardCuts(text) {
  const bytes = (prefix) => Buffer.byteLength(prefix, 'utf8');
  const cuts = [bytes(text.slice(0, text.indexOf('é'))) + 1, bytes(text.slice(0, text.indexOf('😀'))) + 2, 3];
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) cuts.push(bytes(text.slice(0, crlf)) + 1);
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** String cut points: before é and right after 😀 (never between its two units). */
function textCuts(text) {
  return [text.indexOf('é'), text.indexOf('😀') + 2, 5].sort((a, b) => a - b);
}

function streamCase(name, text, call, sources, expect, extra = {}) {
  return { name, text, cuts: awkwardCuts(text), textCuts: textCuts(text), call, sources, expect, ...extra };
}

const ALL_SOURCES = ['ReadableStream', 'AsyncIterable<Uint8Array>', 'AsyncIterable<string>', 'Response'];

/**
 * Streaming cases: { name, text, cuts, textCuts, call, sources, options?,
 * status?, contentType?, expect }. expect is { value } (a hand-written
 * object), { events: n }, or { error: name, codes?, status?, eventIndex? }.
 */
export function buildStreamCases() {
  const truncated = STREAM.slice(0, STREAM.indexOf('data: [DONE]'));
  const badEvent = STREAM.replace('"finish_reason":null', '"finish_reason":"stopp"');
  const errorEvent = `${STREAM_EVENTS[1]}data: {"error":{"message":"overloaded","type":"server_error"}}\n\n`;
  const apiErrorBody = '{"error":{"message":"Rate limit reached","type":"rate_limit_error","code":null}}';
  return [
    streamCase('stream: collected', STREAM, 'collect', ALL_SOURCES, { value: COLLECTED }),
    streamCase('stream: collected, CRLF lines', STREAM.replaceAll('\n', '\r\n'), 'collect', ALL_SOURCES, { value: COLLECTED }),
    streamCase('stream: collected, camel keys', STREAM, 'collect', ['ReadableStream'], { value: COLLECTED_CAMEL }, { options: { keys: 'camel' } }),
    streamCase('stream: events', STREAM, 'events', ['ReadableStream', 'AsyncIterable<string>'], { events: 3 }),
    streamCase('stream: parseResponse of an event stream', STREAM, 'parseResponse', ['Response'], { value: COLLECTED }),
    streamCase('stream: no [DONE]: truncated_stream', truncated, 'collect', ['ReadableStream', 'AsyncIterable<string>'], {
      error: 'CompletionValidationError',
      codes: ['truncated_stream'],
    }),
    streamCase('stream: an invalid event', badEvent, 'collect', ['ReadableStream'], { error: 'CompletionValidationError', codes: ['invalid_enum'], eventIndex: 0 }),
    streamCase('stream: an error event', errorEvent, 'collect', ['ReadableStream'], { error: 'CompletionApiError' }),
    streamCase(
      'stream: parseResponse of HTTP 429',
      apiErrorBody,
      'parseResponse',
      ['Response'],
      { error: 'CompletionApiError', status: 429 },
      { status: 429, statusText: 'Too Many Requests', contentType: 'application/json' },
    ),
    streamCase('stream: parseResponse of a JSON body', MINIMAL, 'parseResponse', ['Response'], { value: JSON.parse(MINIMAL) }, { contentType: 'application/json' }),
  ];
}

/** What the runtimes get: the inputs and calls, none of the expectations. */
export function vectorsOf(cases, streamCases) {
  return {
    documents: cases.map(({ name, text, base64, options, calls }) => ({ name, text, base64, options, calls })),
    streams: streamCases.map(({ expect, ...vector }) => vector),
  };
}

/** An ES module holding the vectors, for runtimes that cannot read files. */
export function vectorsModule(cases, streamCases) {
  return `// Generated from tests/vectors/cases.js; do not edit.\nexport default ${JSON.stringify(vectorsOf(cases, streamCases))};\n`;
}
