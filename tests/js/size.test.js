// Size budget: what a browser user downloads to validate a response (the
// default entry and every module it imports statically, the .wasm inline)
// must stay within 26 KiB gzip, each file compressed on its own as a server
// sends it, and the .wasm itself within 40,000 bytes (issue #16's targets,
// with the chat documents' tables in). The streaming engine, imported on first use, is reported beside
// it. The sizes of the .wasm and of every entry are printed as test
// diagnostics and written, with the start-up times, by tests/runtimes/figures.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { wasmBytes } from '../../js/wasm-inline.js';
import { measureSizes } from '../runtimes/sizes.js';
import { repoRoot } from '../runtimes/scratch.js';

const BROWSER_BUDGET_GZIP = 26 * 1024; // 26 KiB: 26,624 bytes
const WASM_BUDGET = 40_000; // bytes, raw
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const sizes = measureSizes(repoRoot, manifest.exports);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const describe = ({ files, raw, gzip, brotli }) => `${raw} B raw, ${gzip} B gzip (${kb(gzip)}), ${brotli} B brotli: ${files.join(' + ')}`;

test('the inline bytes of the default entry are exactly the shipped .wasm', () => {
  const shipped = readFileSync(path.join(repoRoot, 'js/dist/completion.wasm'));
  assert.deepEqual(Buffer.from(wasmBytes()), shipped);
  assert.deepEqual(shipped, readFileSync(path.join(repoRoot, 'js/completion.wasm')));
  // The bundle carries the literal as its first statement, ahead of esbuild's output (js/build/bundle.js).
  const literal = readFileSync(path.join(repoRoot, 'js/dist/index.js'), 'utf8').split('\n')[1];
  assert.match(literal, /^var completionWasmBytes = ".*";$/);
  assert.deepEqual(Buffer.from(new Function(`${literal} return completionWasmBytes;`)(), 'latin1'), shipped);
});

test('gzip sizes of the .wasm and of each entry with everything it imports', (t) => {
  t.diagnostic(`completion.wasm: ${sizes.wasm.raw} B raw, ${sizes.wasm.gzip} B gzip (${kb(sizes.wasm.gzip)}), ${sizes.wasm.brotli} B brotli`);
  for (const [entry, sized] of Object.entries(sizes.entries)) {
    t.diagnostic(`${entry}: ${describe(sized)}; on first stream use: ${describe(sized.onFirstUse)}`);
  }
  // Each entry is one file; only the streaming engine loads later, and only the edge entries fetch the .wasm.
  const inline = sizes.entries['.'];
  assert.deepEqual(inline.files, ['js/dist/index.js']);
  assert.deepEqual(inline.onFirstUse.files, ['js/dist/stream-engine.js']);
  assert.ok(inline.raw > sizes.wasm.raw, 'the default entry holds the .wasm');
  for (const entry of ['. [workerd]', '. [edge-light]', './workerd', './edge-light']) {
    const [bundle, wasm] = sizes.entries[entry].files;
    assert.equal(wasm, 'js/dist/completion.wasm', `${entry}: the bundle and the .wasm beside it`);
    assert.ok(sizes.files[bundle].raw < sizes.wasm.raw / 2, `${entry}: ${bundle} carries no inline bytes`);
    assert.deepEqual(sizes.entries[entry].onFirstUse.files, ['js/dist/stream-engine.js'], entry);
  }
});

test(`the .wasm is at most ${WASM_BUDGET} bytes`, (t) => {
  t.diagnostic(`completion.wasm ${sizes.wasm.raw} B, ${WASM_BUDGET - sizes.wasm.raw} B under the budget`);
  assert.ok(sizes.wasm.raw <= WASM_BUDGET, `completion.wasm is ${sizes.wasm.raw} B, over the ${WASM_BUDGET} B budget by ${sizes.wasm.raw - WASM_BUDGET} B`);
});

test(`a browser user downloads at most ${kb(BROWSER_BUDGET_GZIP)} gzip (wasm + JS) to validate a response`, (t) => {
  const { gzip, files } = sizes.entries['.'];
  const stream = sizes.entries['.'].onFirstUse.gzip;
  t.diagnostic(`default entry ${gzip} B gzip, ${BROWSER_BUDGET_GZIP - gzip} B under the budget; with the streaming engine ${gzip + stream} B`);
  assert.ok(
    gzip <= BROWSER_BUDGET_GZIP,
    `the default entry is ${gzip} B gzip (${kb(gzip)}), over the ${BROWSER_BUDGET_GZIP} B budget by ${gzip - BROWSER_BUDGET_GZIP} B: ${files.join(', ')}`,
  );
});
