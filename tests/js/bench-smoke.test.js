// The benchmark must keep running: a --quick pass verifies that every path
// (ours, the SDK-style zod incumbent, Ajv) accepts every shape and that the
// outputs agree, and prints the table. No timing is asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('../bench/bench.js', import.meta.url));

test('npm run bench --quick verifies all paths and prints the table', () => {
  const run = spawnSync(process.execPath, [bench, '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /verified: all paths accept all 6 shapes and agree on the output/);
  for (const shape of ['small', 'medium', 'large', 'many', 'escapes', 'nonascii']) {
    assert.match(run.stdout, new RegExp(`^\\| ${shape} \\|`, 'm'));
  }
});

const chatBench = fileURLToPath(new URL('../bench/chat-bench.js', import.meta.url));

test('the chat benchmark (--quick) verifies all paths on every chat shape and prints the table', () => {
  const run = spawnSync(process.execPath, [chatBench, '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /verified: all paths accept all 6 chat shapes and agree on the output/);
  for (const shape of ['short', 'tools8', 'markdown', 'text100k', 'logprobs', 'n16']) {
    assert.match(run.stdout, new RegExp(`^\\| ${shape} \\|`, 'm'));
  }
});

const stages = fileURLToPath(new URL('../bench/stages.js', import.meta.url));

test("the stage benchmark (--quick) checks each shape's tape and prints every stage", () => {
  const run = spawnSync(process.execPath, [stages, '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  for (const stage of ['parse \\(cJSON, strict, one pass\\)', 'walker', 'JS decode, tape → objects', 'incumbent']) {
    assert.match(run.stdout, new RegExp(`^\\| ${stage} \\|`, 'm'));
  }
});
