// The stream benchmark must keep running: a --quick pass makes every
// contender (ours, eventsource-parser + JSON.parse + zod, the SDK's reader)
// read the same streams, asserts that they agree event for event (the bench
// aborts otherwise), and prints the table. No timing is asserted here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bench = fileURLToPath(new URL('../bench/stream-bench.js', import.meta.url));

test('the stream benchmark --quick: contenders agree, the table and the targets are printed', () => {
  const run = spawnSync(process.execPath, [bench, '--quick'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  for (const workload of ['1,000 events, 1 per chunk', '1,000 events, 64 KiB chunks']) {
    assert.match(run.stdout, new RegExp(`^${workload} +completion-wasm parseCompletionStream +[0-9.]+ +[0-9,]+ +[0-9.]+ +[0-9.]+x$`, 'm'));
  }
  assert.match(run.stdout, /^ +eventsource-parser \+ JSON\.parse \+ zod +[0-9.]+ +[0-9,]+ +[0-9.]+ +1\.00x$/m);
  assert.match(run.stdout, /^Scaling \(ours, 1 event per chunk\): 1,000 events [0-9.]+ ms, 10,000 events [0-9.]+ ms/m);
  assert.match(run.stdout, /^Targets: throughput >= 2x .*; 10x events <= 11x time: /m);
});
