// `completion-wasm check` on text/event-stream transcripts: --stream, the
// detection of a transcript by its first line, per-event verdicts, the
// assembled response, exit codes. The verdicts themselves are the library's
// (tests/js/stream.test.js); this checks the plumbing and the positions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { collectCompletion, parseCompletionStream } from '../../js/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repoRoot, 'js/cli.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'completion-wasm-stream-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args, input) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.error, undefined);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let count = 0;
function tempFile(content, extension = '.txt') {
  const file = path.join(tmp, `stream-${++count}${extension}`);
  writeFileSync(file, content);
  return file;
}

const HEAD = { id: 'cmpl-3', object: 'completion', created: 1700000000, model: 'gpt-3.5-turbo-instruct' };
const event = (text, finish_reason = null, index = 0) => JSON.stringify({ ...HEAD, choices: [{ text, index, finish_reason }] });
const sse = (datas, done = true) => datas.map((d) => `data: ${d}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');

async function* once(text) {
  yield text;
}

test('a valid transcript: one ok line per event on stderr, the assembled response on stdout, exit 0', async () => {
  const text = `: keep-alive\n\n${sse([event('Hel'), event('lo', 'stop')])}`;
  const expected = JSON.parse(JSON.stringify(await collectCompletion(once(text))));
  for (const args of [['--stream'], []]) {
    // detected without the flag: the first line is a comment
    const file = tempFile(text);
    const { code, stdout, stderr } = run(['check', ...args, file]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), expected);
    assert.deepEqual(stderr.trimEnd().split('\n'), [`${file}:3: event 0: ok`, `${file}:5: event 1: ok`]);
  }
});

test('an invalid event: its issues at their place in the transcript, with the line and a caret; exit 1', () => {
  const bad = event('!', 'stopp');
  const text = sse([event('a'), bad, event('b', 'stop')]);
  const file = tempFile(text);
  const { code, stdout, stderr } = run(['check', file]);
  assert.equal(code, 1);
  const lines = stderr.trimEnd().split('\n');
  const column = `data: ${bad}`.indexOf('"stopp"') + 1;
  assert.equal(lines[0], `${file}:1: event 0: ok`);
  assert.match(lines[1], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:${column}: event 1: invalid_enum: choices\\[0\\]\\.finish_reason`));
  // The transcript's line (or a window of it) with a caret under the value.
  const caret = lines[3].indexOf('^');
  assert.ok(lines[2].slice(caret).startsWith('"stopp"'), `${lines[2]}\n${lines[3]}`);
  assert.equal(lines.at(-2), `${file}:5: event 2: ok`);
  assert.equal(lines.at(-1), '1 issue');
  // The response could still be assembled from the valid events: it is printed.
  assert.equal(JSON.parse(stdout).choices[0].text, 'ab');
});

test('stdin with --stream, a truncated stream: truncated_stream at the end, and the missing finish_reason', () => {
  const text = sse([event('a')], false);
  const { code, stdout, stderr } = run(['check', '--stream', '-'], text);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  const lines = stderr.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 2), ['<stdin>:1: event 0: ok', `<stdin>:3:1: truncated_stream: The stream ended after 1 event without the [DONE] event`]);
  assert.match(lines[2], /^<stdin>:3:1: missing_field: choices\[0\]\.finish_reason/);
  assert.equal(lines[3], '2 issues');
});

test('--json: the response, or every issue with its event index; --quiet prints nothing', async () => {
  const good = tempFile(sse([event('x', 'length')]));
  const ok = run(['check', '--json', good]);
  assert.equal(ok.code, 0);
  assert.equal(JSON.parse(ok.stdout).choices[0].finish_reason, 'length');
  assert.equal(ok.stderr, '');

  const bad = tempFile(sse([event('a', 'stop'), '{"id":1}']));
  const failed = run(['check', '--json', '--keys', 'camel', bad]);
  assert.equal(failed.code, 1);
  // The same issues the library reports for that event, each with the event's index.
  const expected = [];
  const events = parseCompletionStream(once(sse([event('a', 'stop'), '{"id":1}'])), {
    keys: 'camel',
    onInvalid: 'skip',
    onInvalidEvent: (e) => expected.push(...e.issues.map((i) => ({ ...i, event: e.event.index }))),
  });
  for await (const item of events) assert.ok(item);
  assert.ok(expected.length >= 5);
  assert.deepEqual(JSON.parse(failed.stdout), expected);
  assert.equal(failed.stderr, '');

  const quiet = run(['check', '-q', bad]);
  assert.deepEqual([quiet.code, quiet.stdout, quiet.stderr], [1, '', '']);
});

test('options reach the events; JSON files are still checked as responses; unreadable files exit 2', () => {
  const open = tempFile(sse([event('a', 'tool_calls')]));
  assert.equal(run(['check', open]).code, 1);
  assert.equal(run(['check', '--open-enums', open]).code, 0);
  const camel = run(['check', '--keys', 'camel', open, '--open-enums']);
  assert.equal(JSON.parse(camel.stdout).choices[0].finishReason, 'tool_calls');

  const json = tempFile(JSON.stringify({ ...HEAD, choices: [{ text: 'a', index: 0, logprobs: null, finish_reason: 'stop' }] }), '.json');
  const whole = run(['check', json]);
  assert.equal(whole.code, 0);
  assert.equal(JSON.parse(whole.stdout).choices[0].text, 'a');

  const missing = run(['check', '--stream', path.join(tmp, 'nope.sse')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.sse: no such file/);
});
