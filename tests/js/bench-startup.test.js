// The start-up benchmark must keep running: a --quick pass spawns every
// contender (completion-wasm, the empty package, the incumbent) on each Node
// it finds and prints the table. No timing is asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const startup = fileURLToPath(new URL('../bench/startup.js', import.meta.url));

test('the start-up benchmark --quick runs every contender and prints the table', () => {
  const run = spawnSync(process.execPath, [startup, '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  for (const contender of ['empty package', 'completion-wasm', 'incumbent \\(zod schema\\)']) {
    assert.match(run.stdout, new RegExp(`^\\| Node [\\d.]+ \\| ${contender} \\|`, 'm'));
  }
  assert.match(run.stdout, /completion-wasm minus the empty package: -?[\d.]+ ms/);
});
