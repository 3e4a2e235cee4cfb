// The command-line tool, run as a user would: `node js/cli.js ...` in a child
// process, on temp files and on stdin. Expected objects and issues come from
// the library itself, so these tests check the CLI's plumbing and formatting;
// the library's own tests check the verdicts.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCompletionResponse, validateCompletionResponse } from '../../js/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repoRoot, 'js/cli.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'completion-wasm-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI; `input` (string or bytes) is piped to stdin. */
function run(args, input) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.error, undefined);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let fileCount = 0;
/** Writes `content` (string or bytes) to a fresh temp file and returns its path. */
function tempFile(content) {
  const file = path.join(tmp, `input-${++fileCount}.json`);
  writeFileSync(file, content);
  return file;
}

function validResponse(overrides = {}) {
  return {
    id: 'cmpl-7',
    object: 'completion',
    created: 1_700_000_000,
    model: 'gpt-3.5-turbo-instruct',
    choices: [{ text: 'Grüße, 世界 😀', index: 0, logprobs: null, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: 5,
      completion_tokens: 7,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0 },
    },
    ...overrides,
  };
}

const bytesOf = (text) => new TextEncoder().encode(text);
// What the CLI prints is JSON, so compare against the JSON of parse's result.
const asJson = (value) => JSON.parse(JSON.stringify(value));

/** stderr split in lines, without the empty string after the final newline. */
const stderrLines = (stderr) => stderr.replace(/\n$/, '').split('\n');

/**
 * The caret line the CLI must print under `shownLine` for a spot after
 * `prefix`: the same leading text as the shown line up to the source, then a
 * tab for each tab, two spaces for the wide characters these tests use (CJK,
 * emoji), one space for anything else.
 */
function expectedCaretLine(shownLine, sourceLine, prefix) {
  const indent = shownLine.slice(0, shownLine.indexOf(sourceLine));
  assert.match(indent, /^\s*$/, 'the source line is shown after whitespace only');
  const padding = [...prefix].map((ch) => (ch === '\t' ? '\t' : /[\u4e00-\u9fff]|\p{Extended_Pictographic}/u.test(ch) ? '  ' : ' ')).join('');
  return `${indent}${padding}^`;
}

// ---- Valid input -----------------------------------------------------------

test('a valid file prints the parsed object as JSON and exits 0', () => {
  const text = JSON.stringify(validResponse(), null, 2);
  const { code, stdout, stderr } = run(['check', tempFile(text)]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(JSON.parse(stdout), asJson(parseCompletionResponse(bytesOf(text))));
});

test('- reads the document from stdin', () => {
  const text = JSON.stringify(validResponse());
  const { code, stdout } = run(['check', '-'], text);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), asJson(parseCompletionResponse(bytesOf(text))));
});

test('--keys camel prints the SDK shape, --keys wire the JSON names', () => {
  const text = JSON.stringify(validResponse());
  const camel = run(['check', '--keys', 'camel', tempFile(text)]);
  assert.equal(camel.code, 0);
  const printed = JSON.parse(camel.stdout);
  assert.deepEqual(printed, asJson(parseCompletionResponse(text, { keys: 'camel' })));
  assert.equal(printed.choices[0].finishReason, 'stop');
  assert.equal(printed.usage.promptTokensDetails.cachedTokens, 0);

  const wire = run(['check', '--keys=wire', tempFile(text)]);
  assert.equal(JSON.parse(wire.stdout).choices[0].finish_reason, 'stop');
});

test('--unknown strip|keep|reject decides what happens to unknown fields', () => {
  const file = tempFile(JSON.stringify(validResponse({ system_fingerprint: 'fp_1' })));
  const stripped = run(['check', file]);
  assert.equal(stripped.code, 0);
  assert.equal('system_fingerprint' in JSON.parse(stripped.stdout), false);

  const kept = run(['check', '--unknown', 'keep', file]);
  assert.equal(kept.code, 0);
  assert.equal(JSON.parse(kept.stdout).system_fingerprint, 'fp_1');

  const rejected = run(['check', '--unknown', 'reject', file]);
  assert.equal(rejected.code, 1);
  assert.match(rejected.stderr, /:\d+:\d+: unknown_field: /);
});

test('--open-enums accepts any finish_reason string', () => {
  const choice = { text: 'x', index: 0, logprobs: null, finish_reason: 'eos' };
  const file = tempFile(JSON.stringify(validResponse({ choices: [choice] })));
  assert.equal(run(['check', file]).code, 1);
  const open = run(['check', '--open-enums', file]);
  assert.equal(open.code, 0);
  assert.equal(JSON.parse(open.stdout).choices[0].finish_reason, 'eos');
});

// ---- Invalid input ---------------------------------------------------------

test('an issue is reported as FILE:line:column: code, then the source line and a caret under the value', () => {
  // The bad value (1.5) comes after a tab, an accented letter, CJK and an
  // emoji (two UTF-16 units) on its own line.
  const badLine = '\t"model": "modèle 世界 😀",\t"created": 1.5,';
  const text = `{\n  "id": "cmpl-7",\n  "object": "completion",\n${badLine}\n  "choices": []\n}\n`;
  const file = tempFile(text);
  const { code, stdout, stderr } = run(['check', file]);
  assert.equal(code, 1);
  assert.equal(stdout, '');

  const prefix = badLine.slice(0, badLine.indexOf('1.5'));
  const header = `${file}:4:${prefix.length + 1}: not_integer: `;
  const lines = stderrLines(stderr);
  const at = lines.findIndex((line) => line.startsWith(header));
  assert.notEqual(at, -1, `expected a line starting with ${JSON.stringify(header)} in:\n${stderr}`);
  assert.ok(lines[at + 1].endsWith(badLine), 'the offending source line follows the header');
  assert.equal(lines[at + 2], expectedCaretLine(lines[at + 1], badLine, prefix));
});

test('every issue gets a block and the last line counts them', () => {
  const text = JSON.stringify(validResponse({ object: 'text_completion', created: '1700000000' }), null, 2);
  const file = tempFile(text);
  const issues = validateCompletionResponse(text);
  assert.ok(issues.length >= 2, 'the fixture has several issues');
  const { code, stderr } = run(['check', file]);
  assert.equal(code, 1);
  const lines = stderrLines(stderr);
  for (const issue of issues) {
    assert.ok(lines.includes(`${file}:${issue.line}:${issue.column}: ${issue.code}: ${issue.message}`));
  }
  assert.equal(lines.at(-1), `${issues.length} issues`);
});

test('stdin issues are reported under the name <stdin>', () => {
  const text = JSON.stringify(validResponse({ id: 7 }));
  const [issue] = validateCompletionResponse(text);
  const { code, stderr } = run(['check', '-'], text);
  assert.equal(code, 1);
  assert.ok(stderr.startsWith(`<stdin>:${issue.line}:${issue.column}: invalid_type: `), stderr);
  assert.equal(stderrLines(stderr).at(-1), '1 issue');
});

test('invalid UTF-8 bytes are reported by the core with a caret under the bad byte', () => {
  const head = '{"id": "cmpl-';
  const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from('", "object": "completion"}')]);
  const { code, stderr } = run(['check', tempFile(bytes)]);
  assert.equal(code, 1);
  const lines = stderrLines(stderr);
  assert.match(lines[0], new RegExp(`:1:${head.length + 1}: invalid_utf8: `));
  // The bad byte is shown as U+FFFD, with the caret under it.
  assert.equal(lines[1].indexOf('\ufffd'), lines[2].indexOf('^'));
  assert.equal(lines.at(-1), '1 issue');
});

test('a long single-line input is shown as a window around the spot', () => {
  // A minified response with a 200 KB text before the bad finish_reason.
  const choice = { text: 'a'.repeat(200_000), index: 0, logprobs: null, finish_reason: 'stopp' };
  const text = JSON.stringify(validResponse({ choices: [choice] }));
  const [issue] = validateCompletionResponse(text);
  assert.equal(issue.code, 'invalid_enum');
  const { code, stderr } = run(['check', tempFile(text)]);
  assert.equal(code, 1);
  assert.ok(stderr.length < 2000, `stderr is ${stderr.length} characters long`);
  const [, shown, caret] = stderrLines(stderr);
  assert.ok(shown.trimStart().startsWith('…'), 'the cut left side is marked');
  assert.ok(shown.endsWith('…'), 'the cut right side is marked');
  assert.ok(shown.length <= 130, `the window is ${shown.length} characters wide`);
  // The caret is under the opening quote of "stopp" (the value's first byte).
  assert.equal(shown.slice(caret.indexOf('^')).startsWith('"stopp"'), true, shown);
});

test('control characters in the input are not sent to the terminal', () => {
  // A raw ESC inside a string is invalid JSON; echoing it would start an escape sequence.
  const text = '{"id": "\u001b[2J", "object": "completion"}';
  const { code, stderr } = run(['check', tempFile(text)]);
  assert.equal(code, 1);
  assert.match(stderr, /invalid_json/);
  assert.equal(stderr.includes('\u001b'), false);
});

test('CRLF line ends do not leak a carriage return into the report', () => {
  const text = '{\r\n  "id": 1\r\n}\r\n';
  const { code, stderr } = run(['check', tempFile(text)]);
  assert.equal(code, 1);
  assert.equal(stderr.includes('\r'), false);
  assert.match(stderr, /:2:9: invalid_type: /);
});

test('--max-issues stops the list and the summary says there are more', () => {
  const text = JSON.stringify({ id: 1, object: 2, created: 'x', model: 4, choices: 5 });
  const { code, stderr } = run(['check', '--max-issues', '2', tempFile(text)]);
  assert.equal(code, 1);
  const lines = stderrLines(stderr);
  assert.ok(
    lines.some((line) => line.includes(': too_many_issues: ')),
    stderr,
  );
  assert.match(lines.at(-1), /^2 issues \(more not shown/);
});

test('--max-bytes and --max-depth are passed to the core', () => {
  const text = JSON.stringify(validResponse());
  const large = run(['check', '--max-bytes', '64', tempFile(text)]);
  assert.equal(large.code, 1);
  assert.match(large.stderr, /: too_large: /);
  // The file is not read whole, but its real size is still what is reported.
  assert.ok(large.stderr.includes(`${Buffer.byteLength(text)} bytes`), large.stderr);

  const largeStdin = run(['check', '--max-bytes', '64', '-'], text);
  assert.equal(largeStdin.code, 1);
  assert.match(largeStdin.stderr, /^<stdin>:1:1: too_large: /);

  const deep = run(['check', '--max-depth', '1', tempFile(text)]);
  assert.equal(deep.code, 1);
  assert.match(deep.stderr, /: too_deep: /);
});

// ---- Output modes --------------------------------------------------------

test('--quiet prints nothing; the exit code is the answer', () => {
  const valid = run(['check', '--quiet', tempFile(JSON.stringify(validResponse()))]);
  assert.deepEqual(valid, { code: 0, stdout: '', stderr: '' });
  const invalid = run(['check', '-q', tempFile('{"id": 1}')]);
  assert.deepEqual(invalid, { code: 1, stdout: '', stderr: '' });
});

test('--json prints the issues array on stdout for machines', () => {
  const text = JSON.stringify(validResponse({ created: 1.5 }));
  const { code, stdout, stderr } = run(['check', '--json', tempFile(text)]);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  assert.deepEqual(JSON.parse(stdout), asJson(validateCompletionResponse(text)));
});

test('--json prints the object when the input is valid', () => {
  const text = JSON.stringify(validResponse());
  const { code, stdout } = run(['check', '--json', '--keys', 'camel', tempFile(text)]);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), asJson(parseCompletionResponse(text, { keys: 'camel' })));
});

test('a reader that closes the pipe early (| head) is not an error', async () => {
  // Output far bigger than a pipe's buffer, so the CLI is still writing when the pipe closes.
  const choices = Array.from({ length: 20_000 }, (_, index) => ({ text: 'x', index, logprobs: null, finish_reason: 'stop' }));
  const child = spawn(process.execPath, [cliPath, 'check', tempFile(JSON.stringify(validResponse({ choices })))]);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [first] = await once(child.stdout, 'data');
  assert.ok(first.toString().startsWith('{'));
  child.stdout.destroy();
  const [code] = await once(child, 'close');
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

// ---- Usage ---------------------------------------------------------------

test('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
  const file = tempFile(JSON.stringify(validResponse()));
  const cases = [
    [[], /missing command/],
    [['check'], /missing FILE/],
    [['check', '--frobnicate', file], /unknown option '--frobnicate'/],
    [['check', '--keys', 'snake', file], /--keys' must be one of camel, wire/],
    [['check', '--max-depth', 'ten', file], /--max-depth' must be a whole number/],
    [['check', '--max-issues', file], /must be a whole number|needs a value/],
    [['check', '--max-bytes', '99999999999', file], /maxBytes must be an integer from 1 to/],
    [['check', '--quiet', '--json', file], /cannot be used together/],
    [['check', file, file], /expected one FILE/],
    [['lint', file], /unknown command 'lint'/],
    [['check', path.join(tmp, 'does-not-exist.json')], /cannot read .*does-not-exist\.json: no such file/],
    [['check', tmp], /cannot read .*: is a directory/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = run(args);
    assert.equal(code, 2, `exit code for ${args.join(' ')}`);
    assert.equal(stdout, '', `stdout for ${args.join(' ')}`);
    assert.match(stderr, message, `stderr for ${args.join(' ')}`);
  }
});

test('--help prints usage and --version the package version', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: completion-wasm check \[options\] FILE/);
  for (const flag of ['--keys', '--unknown', '--open-enums', '--max-depth', '--max-issues', '--max-bytes', '--quiet', '--json']) {
    assert.ok(help.stdout.includes(flag), `help mentions ${flag}`);
  }
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(run(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
});

test("--profile checks against the named contract; r9s says which profile reads OpenAI's object", () => {
  const openai = tempFile(JSON.stringify(validResponse({ object: 'text_completion' })));
  const r9s = run(['check', openai]);
  assert.equal(r9s.code, 1);
  assert.match(r9s.stderr, /invalid_literal: object: expected "completion", received "text_completion": OpenAI's object: use profile "openai"/);
  const accepted = run(['check', '--profile', 'openai', '--json', openai]);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.deepEqual(JSON.parse(accepted.stdout), asJson(parseCompletionResponse(readFileSync(openai), { profile: 'openai' })));
  // TGI's finish_reason passes only under openai-compatible.
  const tgi = tempFile(JSON.stringify(validResponse({ object: 'text_completion', choices: [{ text: 't', index: 0, finish_reason: 'eos_token' }] })));
  assert.equal(run(['check', '--profile', 'openai', '-q', tgi]).code, 1);
  assert.equal(run(['check', '--profile', 'openai-compatible', '-q', tgi]).code, 0);
  const wrong = run(['check', '--profile', 'openai-ish', openai]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /option '--profile' must be one of r9s, openai, openai-compatible; got 'openai-ish'/);
});

// ---- /chat/completions ------------------------------------------------------

const chatFixture = (file) => path.join(repoRoot, 'tests/fixtures/chat-servers', file);

test('a chat body is told by its object and checked as a ChatCompletion; --endpoint overrides', () => {
  const file = chatFixture('openai/gpt-4.1-nano-annotations-service-tier.json');
  const chat = run(['check', '--profile', 'openai', file]);
  assert.equal(chat.code, 0, chat.stderr);
  assert.deepEqual(JSON.parse(chat.stdout), JSON.parse(readFileSync(file, 'utf8')));
  const asCompletions = run(['check', '--profile', 'openai', '--endpoint', 'completions', file]);
  assert.equal(asCompletions.code, 1);
  assert.match(asCompletions.stderr, /invalid_literal: object: expected "text_completion"/);
  const unknown = run(['check', '--endpoint', 'embeddings', file]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--endpoint' must be one of completions, chat/);
});

test('a chat stream, from a file or from stdin as it comes, is assembled as the openai package does', () => {
  const file = chatFixture('openai/gpt-4o-mini-tool-call-stream-include-usage.sse');
  for (const [args, input] of [
    [['check', '--profile', 'openai', file], undefined],
    [['check', '--profile', 'openai', '--stream', '-'], readFileSync(file)],
  ]) {
    const { code, stdout, stderr } = run(args, input);
    assert.equal(code, 0, stderr);
    const assembled = JSON.parse(stdout);
    assert.equal(assembled.object, 'chat.completion');
    assert.equal(assembled.choices[0].finish_reason, 'tool_calls');
    assert.ok(assembled.choices[0].message.tool_calls.length > 0);
    assert.match(stderr, /event 0: ok/);
  }
});
