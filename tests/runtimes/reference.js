// The reference every runtime is compared with: the shared vectors run once
// in Node (the machine's, the one running the tests) against the packed
// package, and checked there against the hand-written expectations in
// tests/vectors/cases.js. Also: starting a runtime's process and comparing
// its report with the reference.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ALL_CODES } from '../js/helpers.js'; // the issue codes of the contract, each produced by some vector
import { decode, forSubpaths } from '../vectors/runner.js';

/** The names of the contract (js/*.d.ts). Every entry exports at least these, and all entries the same. */
export const API_EXPORTS = [
  'CompletionValidationError',
  'ISSUE_CODES',
  'init',
  'initSync',
  'parseCompletionResponse',
  'safeParseCompletionResponse',
  'validateCompletionResponse',
  'parseChatCompletion',
  'safeParseChatCompletion',
  'validateChatCompletion',
  'parseChatCompletionStream',
  'collectChatCompletion',
];
/**
 * How every runtime's program gets the API: the package and its subpaths,
 * imported by name (or, for `urls`, by the URLs they resolve to), as one
 * object for runVectors.
 */
export const apiImports = (
  urls = { core: 'completion-wasm', stream: 'completion-wasm/stream', standardSchema: 'completion-wasm/standard-schema' },
) => `import * as core from '${urls.core}';
import * as stream from '${urls.stream}';
import * as standardSchema from '${urls.standardSchema}';

const api = { ...core, ...stream, ...standardSchema };
`;

/** What the subpaths add, where a program imports them (apiImports). */
export const SUBPATH_EXPORTS = [
  'CompletionEventStream',
  'completionResponseSchema',
  'completionStreamEventSchema',
  'createCompletionStreamParser',
  'ChatCompletionEventStream',
  'chatCompletionSchema',
  'chatCompletionChunkSchema',
  'createChatCompletionStreamParser',
];

/**
 * Runs a program to completion and returns its stdout. A runtime that
 * cannot start (missing binary, crash, time-out) fails here, loudly, with
 * what it printed: these tests never skip.
 */
export function runProgram(label, command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.error) throw new Error(`${label}: could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${label}: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}\n${result.stderr}\n${result.stdout}`.trim());
  }
  return result.stdout;
}

/** Decodes a runtime's report; says which runtime sent something else. */
export function parseReport(label, text) {
  try {
    return decode(text.trim());
  } catch (error) {
    throw new Error(`${label}: output is not a vectors report (${error.message}): ${text.slice(0, 500)}`);
  }
}

const summary = (issues) => issues.map(({ code, pathString }) => ({ code, pathString }));

function checkIssues(key, issues, expect) {
  assert.ok(Array.isArray(issues), `${key}: issues array`);
  assert.deepEqual(summary(issues), summary(expect), `${key}: codes and paths`);
  expect.forEach((wanted, i) => {
    if (wanted.line !== undefined) {
      assert.deepEqual({ line: issues[i].line, column: issues[i].column }, { line: wanted.line, column: wanted.column }, `${key}: position of issue ${i}`);
    }
  });
}

/** Checks one call's output against what a person wrote for the case. */
function checkOutput(key, call, output, testCase) {
  assert.equal(output.unexpectedThrow, undefined, `${key}: threw ${output.unexpectedThrow}`);
  const valid = testCase.expect === 'valid';
  if (call === 'validate') {
    checkIssues(key, output.issues, valid ? [] : testCase.expect);
    return;
  }
  const value = call === 'safeParse' ? (output.success ? output : undefined) : output.returned;
  const error = call === 'safeParse' ? output.error : output.threw;
  if (valid) {
    assert.ok(value, `${key}: valid, but got ${JSON.stringify(error)}`);
    assert.equal(value.plain, true, `${key}: plain objects and arrays`);
    if (testCase.sameAsJsonParse) assert.deepEqual(value.value, JSON.parse(testCase.text), `${key}: same as JSON.parse`);
    return;
  }
  assert.ok(error, `${key}: invalid, but got a value`);
  assert.equal(error.isValidationError, true, `${key}: a CompletionValidationError`);
  assert.equal(error.isError, true, `${key}: an Error`);
  assert.equal(error.name, 'CompletionValidationError', `${key}: name`);
  checkIssues(key, error.issues, testCase.expect);
}

/** Checks one stream call's output against its hand-written expectation. */
function checkStreamOutput(key, output, expect) {
  assert.equal(output.unexpectedThrow, undefined, `${key}: threw ${output.unexpectedThrow}`);
  if (expect.error === undefined) {
    assert.ok(output.returned, `${key}: returned, but threw ${JSON.stringify(output.threw)}`);
    assert.equal(output.returned.plain, true, `${key}: plain objects and arrays`);
    if (expect.value !== undefined) assert.deepEqual(output.returned.value, expect.value, `${key}: value`);
    if (expect.events !== undefined) {
      assert.equal(output.returned.value.length, expect.events, `${key}: number of events`);
      for (const event of output.returned.value) assert.equal(event.object, 'completion', `${key}: an event`);
    }
    return;
  }
  assert.ok(output.threw, `${key}: should throw ${expect.error}, returned ${JSON.stringify(output.returned)}`);
  assert.equal(output.threw.name, expect.error, `${key}: error name`);
  assert.equal(output.threw.isError, true, `${key}: an Error`);
  if (expect.error === 'CompletionApiError') assert.equal(output.threw.isApiError, true, `${key}: a CompletionApiError`);
  if (expect.codes !== undefined)
    assert.deepEqual(
      output.threw.issues.map((issue) => issue.code),
      expect.codes,
      `${key}: codes`,
    );
  if (expect.status !== undefined) assert.equal(output.threw.status, expect.status, `${key}: status`);
  if (expect.eventIndex !== undefined) assert.equal(output.threw.event?.index, expect.eventIndex, `${key}: event index`);
}

function checkStreamReference(report, streamCases) {
  let checked = 0;
  for (const streamCase of streamCases) {
    let first;
    for (const source of streamCase.sources) {
      const key = `${streamCase.name} | ${source} | ${streamCase.call}`;
      assert.ok(key in report.outputs, `${key}: missing from the report`);
      checkStreamOutput(key, report.outputs[key], streamCase.expect);
      // However the stream was cut and whatever carried it, the same result.
      first ??= report.outputs[key];
      assert.deepEqual(report.outputs[key], first, `${key}: same as the first source`);
      checked += 1;
    }
  }
  return checked;
}

/**
 * The subpaths' outputs: the Standard Schema says what validate says; the
 * sync parser and the TransformStream end as the stream case expects, with
 * the same events.
 */
function checkSubpathReference(report, cases, streamCases) {
  let checked = 0;
  for (const testCase of cases) {
    const key = `${testCase.name} | string | standardSchema`;
    if (!(key in report.outputs)) continue;
    const output = report.outputs[key];
    assert.equal(output.valid, testCase.expect === 'valid', `${key}: valid`);
    assert.deepEqual(output.issues, report.outputs[`${testCase.name} | string | validate`].issues, `${key}: validate's issues`);
    assert.equal(output.plain, true, `${key}: plain objects and arrays`);
    checked += 1;
  }
  assert.ok(checked > 20, `the Standard Schema ran on ${checked} documents`);
  for (const streamCase of streamCases.filter(forSubpaths)) {
    const sync = report.outputs[`${streamCase.name} | byte chunks | syncParser`];
    const piped = report.outputs[`${streamCase.name} | text chunks | CompletionEventStream`];
    assert.ok(sync && piped, `${streamCase.name}: the subpaths' outputs are in the report`);
    const { error, codes } = streamCase.expect;
    if (error === undefined) {
      assert.deepEqual(sync.errors, [], `${streamCase.name} | syncParser: no errors`);
      assert.equal(sync.done, true, `${streamCase.name} | syncParser: [DONE]`);
      assert.ok(sync.events.length > 0, `${streamCase.name} | syncParser: events`);
      assert.deepEqual(piped, { events: sync.events }, `${streamCase.name} | CompletionEventStream: the same events`);
    } else {
      assert.equal(sync.errors[0]?.name, error, `${streamCase.name} | syncParser: ${error}`);
      assert.equal(piped.threw?.name, error, `${streamCase.name} | CompletionEventStream: ${error}`);
      if (codes !== undefined)
        assert.deepEqual(
          sync.errors[0].issues.map((issue) => issue.code),
          codes,
          `${streamCase.name}: codes`,
        );
      assert.deepEqual(piped.events, sync.events.slice(0, piped.events.length), `${streamCase.name}: the events before the error`);
    }
    checked += 2;
  }
  return checked;
}

/** The Node reference must agree with every hand-written expectation. */
export function checkReference(report, cases, streamCases) {
  for (const name of [...API_EXPORTS, ...SUBPATH_EXPORTS]) assert.ok(report.api.exports.includes(name), `exports ${name}`);
  // New codes may be added (index.d.ts says so); these may never go away.
  for (const code of ALL_CODES) assert.ok(report.api.issueCodes.includes(code), `ISSUE_CODES has ${code}`);
  assert.equal(report.api.issueCodesFrozen, true, 'ISSUE_CODES is frozen');
  let checked = 0;
  const covered = new Set();
  for (const testCase of cases) {
    if (testCase.expect !== 'valid') testCase.expect.forEach(({ code }) => covered.add(code));
    const byForm = {};
    for (const [call, forms] of Object.entries(testCase.calls)) {
      for (const form of forms) {
        const key = `${testCase.name} | ${form} | ${call}`;
        assert.ok(key in report.outputs, `${key}: missing from the report`);
        checkOutput(key, call, report.outputs[key], testCase);
        // The same text as a string or as bytes gives the same result.
        byForm[call] ??= report.outputs[key];
        assert.deepEqual(report.outputs[key], byForm[call], `${key}: same as the first form`);
        checked += 1;
      }
    }
  }
  assert.deepEqual([...covered].sort(), [...ALL_CODES].sort(), 'the vectors cover every issue code');
  checked += checkStreamReference(report, streamCases);
  checked += checkSubpathReference(report, cases, streamCases);
  assert.equal(Object.keys(report.outputs).length, checked, 'no unexpected outputs');
  return checked;
}

/** The reference as a program that imports only an entry (no subpaths) reports it. */
function withoutSubpaths(reference) {
  const outputs = Object.fromEntries(Object.entries(reference.outputs).filter(([key]) => !/ \| (standardSchema|syncParser|CompletionEventStream)$/.test(key)));
  return { ...reference, api: { ...reference.api, exports: coreExports(reference) }, outputs };
}

/** The exports of an entry alone: the reference's, without what the subpaths add. */
export const coreExports = (reference) => reference.api.exports.filter((name) => !SUBPATH_EXPORTS.includes(name));

/**
 * A runtime's report must equal the reference, output by output. On a
 * mismatch the message names every differing vector and shows the first.
 */
export function assertMatchesReference(label, report, reference, { coreOnly = false } = {}) {
  if (coreOnly) reference = withoutSubpaths(reference);
  assert.deepEqual(report.api, reference.api, `${label}: exports and ISSUE_CODES`);
  const expectedKeys = Object.keys(reference.outputs);
  assert.deepEqual(Object.keys(report.outputs), expectedKeys, `${label}: the same vectors ran`);
  const differing = expectedKeys.filter((key) => {
    try {
      assert.deepStrictEqual(report.outputs[key], reference.outputs[key]);
      return false;
    } catch {
      return true;
    }
  });
  if (differing.length > 0) {
    const first = differing[0];
    assert.deepStrictEqual(
      report.outputs[first],
      reference.outputs[first],
      `${label}: ${differing.length} of ${expectedKeys.length} outputs differ from Node's: ${differing.join('; ')}. First: ${first}`,
    );
  }
  assert.ok(expectedKeys.length > 100, `${label}: ran ${expectedKeys.length} vector outputs`);
}
