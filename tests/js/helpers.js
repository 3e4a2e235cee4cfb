// Shared helpers for the JS tests: where things are, how to read fixtures,
// how to compute where a value sits in a text, and the checks every issue
// must pass whatever its code.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');

// What the tests read from ../shared, which the repository does not carry.
const SHARED_HOLDS = {
  spec: 'the published contracts (r9s-openapi.yaml, openai/openai-completions.yaml) that src/schema.yaml is checked against',
  conformance: 'JSONTestSuite (conformance/JSONTestSuite/test_parsing), the JSON conformance files the JSON stage is checked on',
};

/**
 * The steps of a spec location of src/schema.yaml ("CompletionUsage.prompt_tokens_details",
 * "CreateCompletionResponse.choices[].logprobs"): the schema's name, then
 * property names and "[]" for an array's items.
 */
export function specSteps(spec) {
  const steps = spec.replace(/\[\]/g, '.[]').split('.');
  const readable = /^[^[\].]+$/.test(steps[0]) && steps.slice(1).every((step) => step === '[]' || /^[^[\].]+$/.test(step));
  if (!readable) throw new Error(`cannot read the spec location ${spec}`);
  return steps;
}

/**
 * The absolute path of a file or folder under ../shared; when it is missing,
 * the test fails saying which path and what it holds, instead of on a read.
 */
export function requireShared(relativePath) {
  const full = path.join(sharedDir, relativePath);
  if (!existsSync(full)) {
    const top = relativePath.split('/')[0];
    assert.fail(`${full} is missing: ../shared/${top}/ holds ${SHARED_HOLDS[top] ?? 'files the tests read'}; clone the project with ../shared beside it`);
  }
  return full;
}
export const fixturesDir = path.join(repoRoot, 'tests/fixtures');
export const examplesDir = path.join(repoRoot, 'examples');
export const wasmPath = path.join(repoRoot, 'js/completion.wasm');
const indexUrl = pathToFileURL(path.join(repoRoot, 'js/index.js')).href;

/** Issue codes of the JSON stage: each comes alone, with path []. */
export const JSON_STAGE_CODES = new Set(['invalid_json', 'invalid_utf8', 'too_deep', 'too_large']);

/** Every code the contract (js/index.d.ts) names. */
export const ALL_CODES = [
  'invalid_json',
  'invalid_utf8',
  'invalid_type',
  'missing_field',
  'invalid_literal',
  'invalid_enum',
  'not_integer',
  'unsafe_integer',
  'duplicate_key',
  'unknown_field',
  'too_large',
  'too_deep',
  'too_many_issues',
];

export const FINISH_REASONS_EXPECTED = '"stop" | "length" | "content_filter"';

const encoder = new TextEncoder();
export const utf8 = (text) => encoder.encode(text);
export const byteLength = (text) => Buffer.byteLength(text, 'utf8');

export function readFixture(relative) {
  return readFileSync(path.join(fixturesDir, relative), 'utf8');
}

export function readFixtureBytes(relative) {
  return new Uint8Array(readFileSync(path.join(fixturesDir, relative)));
}

/** Names of the .json files in a fixtures subdirectory, sorted. */
export function fixtureNames(subdir) {
  return readdirSync(path.join(fixturesDir, subdir))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/**
 * A separate instance of js/index.js, never initialised yet: a query string
 * makes the ESM loader evaluate the module again. Used by the init tests,
 * which must not see the state other tests left behind.
 */
let instanceCounter = 0;
export function freshApi() {
  instanceCounter += 1;
  return import(`${indexUrl}?instance=${instanceCounter}`);
}

/**
 * Where the character at UTF-16 index `index` of `text` sits, the way an
 * issue reports it: byte offset in UTF-8, 1-based line, 1-based column in
 * UTF-16 code units. Lines end at LF, CR or CRLF (CRLF counts once).
 */
export function locate(text, index) {
  const before = text.slice(0, index);
  const lines = before.split(/\r\n|\r|\n/);
  // A CR right before index may still pair with an LF at index: it ends the line either way.
  return {
    offset: byteLength(before),
    line: lines.length,
    column: lines[lines.length - 1].length + 1,
  };
}

/**
 * A test input written with a '§' where the issue must point: returns the
 * text without the marker and the expected { offset, line, column }.
 */
export const MARK = '§';
export function marked(textWithMark) {
  const index = textWithMark.indexOf(MARK);
  assert.ok(index >= 0 && textWithMark.indexOf(MARK, index + 1) < 0, `exactly one ${MARK} in ${textWithMark}`);
  const text = textWithMark.slice(0, index) + textWithMark.slice(index + 1);
  return { text, ...locate(text, index) };
}

/**
 * The pathString for a path, computed independently of the core: keys that
 * are identifiers ([A-Za-z_$][A-Za-z0-9_$]*) after a dot, indices and other
 * keys in brackets, those quoted as JSON.stringify quotes them.
 */
export function pathToString(segments) {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Checks the fields every issue has, whatever its code. */
export function assertWellFormedIssue(issue) {
  assert.equal(Object.getPrototypeOf(issue), Object.prototype, 'an issue is a plain object');
  assert.deepEqual(Object.keys(issue).sort(), ['code', 'column', 'expected', 'line', 'message', 'offset', 'path', 'pathString', 'received']);
  assert.ok(ALL_CODES.includes(issue.code), `known code: ${issue.code}`);
  assert.ok(Array.isArray(issue.path));
  for (const segment of issue.path) {
    assert.ok(typeof segment === 'string' || Number.isInteger(segment), `path segment ${segment}`);
  }
  assert.equal(issue.pathString, pathToString(issue.path));
  for (const field of ['expected', 'received', 'message']) assert.equal(typeof issue[field], 'string', field);
  assert.ok(issue.message.length > 0, 'message is not empty');
  assert.ok(!issue.message.includes('\n'), 'message is one line');
  if (issue.pathString !== '') {
    assert.ok(issue.message.includes(issue.pathString), `message "${issue.message}" names ${issue.pathString}`);
  }
  for (const field of ['offset', 'line', 'column']) assert.ok(Number.isSafeInteger(issue[field]), field);
  assert.ok(issue.offset >= 0 && issue.line >= 1 && issue.column >= 1);
}

export function assertWellFormedIssues(issues) {
  assert.ok(Array.isArray(issues));
  issues.forEach(assertWellFormedIssue);
  const jsonStage = issues.filter((issue) => JSON_STAGE_CODES.has(issue.code));
  if (jsonStage.length > 0) assert.equal(issues.length, 1, 'a JSON-stage issue comes alone');
}

/**
 * The same bytes in every input form the API accepts, including views that
 * start in the middle of a larger buffer with unrelated bytes around them.
 */
export function inputForms(text) {
  const bytes = utf8(text);
  const padded = new Uint8Array(bytes.length + 13);
  padded.fill(0x7b); // '{' before and after: a reader that ignores byteOffset sees other JSON
  padded.set(bytes, 7);
  const arrayBuffer = bytes.slice().buffer;
  return [
    ['string', text],
    ['Uint8Array', bytes],
    ['ArrayBuffer', arrayBuffer],
    ['DataView', new DataView(bytes.slice().buffer)],
    ['Uint8Array view at byteOffset 7', new Uint8Array(padded.buffer, 7, bytes.length)],
    ['DataView at byteOffset 7', new DataView(padded.buffer, 7, bytes.length)],
    ['Buffer', Buffer.from(text, 'utf8')],
  ];
}

/**
 * Checks that each issue's line and column describe its byte offset in the
 * input (for strings, their UTF-8 encoding). The bytes before an offset are
 * valid UTF-8 whenever the core reports one, so decoding the prefix is exact.
 */
export function assertPositionsMatchOffsets(input, issues) {
  const bytes = typeof input === 'string' ? utf8(input) : toBytes(input);
  for (const issue of issues) {
    assert.ok(issue.offset <= bytes.length, `offset ${issue.offset} within the input`);
    const prefix = new TextDecoder().decode(bytes.subarray(0, issue.offset));
    const { line, column } = locate(prefix, prefix.length);
    assert.deepEqual({ line: issue.line, column: issue.column }, { line, column }, `position of offset ${issue.offset}`);
  }
}

function toBytes(input) {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/**
 * A mock OpenAI-style server on 127.0.0.1 for the client tests: `answer(body,
 * url)` gives [content type, text] for each request's parsed JSON body; a
 * stream is written an event per write, as a server flushes them. Resolves
 * to { baseURL (…/v1), requests, close() }.
 */
export async function startMockServer(answer) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ url: request.url, body });
      const [type, text] = answer(JSON.parse(body || '{}'), request.url);
      response.writeHead(200, { 'content-type': type });
      if (type === 'text/event-stream') for (const part of text.split(/(?<=\n\n)/)) response.write(part);
      else response.write(text);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseURL: `http://127.0.0.1:${server.address().port}/v1`, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}
