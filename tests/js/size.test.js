// Size budget: what a browser user downloads (the default entry and every
// module it imports, the .wasm inline) must stay within 24 KB gzip, each file
// compressed on its own as a server sends it. The sizes of the .wasm and of
// every entry are printed as test diagnostics and written, with the start-up
// times, by tests/runtimes/figures.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { wasmBytes } from '../../js/wasm-inline.js';
import { measureSizes } from '../runtimes/sizes.js';
import { repoRoot } from '../runtimes/scratch.js';

const BROWSER_BUDGET_GZIP = 24 * 1024; // 24 KB as KiB: 24,576 bytes
const jsDir = path.join(repoRoot, 'js');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const sizes = measureSizes(jsDir, manifest.exports);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

test('the inline bytes of the default entry are exactly the shipped .wasm', () => {
  assert.deepEqual(Buffer.from(wasmBytes()), readFileSync(path.join(jsDir, 'completion.wasm')));
});

test('gzip sizes of the .wasm and of each entry with everything it imports', (t) => {
  t.diagnostic(`completion.wasm: ${sizes.wasm.raw} B raw, ${sizes.wasm.gzip} B gzip (${kb(sizes.wasm.gzip)}), ${sizes.wasm.brotli} B brotli`);
  for (const [entry, { files, raw, gzip, brotli }] of Object.entries(sizes.entries)) {
    t.diagnostic(`${entry}: ${raw} B raw, ${gzip} B gzip (${kb(gzip)}), ${brotli} B brotli: ${files.join(' + ')}`);
  }
  // Every entry needs the module: inline (base64) or beside it (.wasm import).
  for (const [entry, { files }] of Object.entries(sizes.entries)) {
    assert.ok(files.includes('wasm-inline.js') || files.includes('completion.wasm'), `${entry} carries the module`);
    assert.ok(files.includes('core.js'), `${entry} imports core.js`);
  }
  // The default entry carries the module inline and never fetches the .wasm; the edge entries the reverse.
  assert.equal(sizes.entries['.'].files[0], 'index.js');
  assert.ok(sizes.entries['.'].files.includes('wasm-inline.js') && !sizes.entries['.'].files.includes('completion.wasm'));
  for (const entry of ['. [workerd]', '. [edge-light]']) {
    assert.ok(sizes.entries[entry].files.includes('completion.wasm') && !sizes.entries[entry].files.includes('wasm-inline.js'), entry);
  }
});

// The budget is not met yet (issue 4 stays open until it is): the default
// entry is about 38 KB gzip. The check runs on every test run and prints by
// how much it misses, as a todo, so that it neither fails the suite nor
// counts as a pass. Remove the todo once the entry fits.
const BUDGET_TODO = 'over budget: the base64 wasm alone is ~21.5 KB gzip; see the README (Size) and issue 4';

test(`a browser user downloads at most ${kb(BROWSER_BUDGET_GZIP)} gzip (wasm + JS)`, { todo: BUDGET_TODO }, () => {
  const { gzip, files } = sizes.entries['.'];
  const detail = files.map((file) => `${file} ${sizes.files[file].gzip} B`).join(', ');
  assert.ok(gzip <= BROWSER_BUDGET_GZIP, `the default entry is ${gzip} B gzip (${kb(gzip)}), over the ${BROWSER_BUDGET_GZIP} B budget by ${gzip - BROWSER_BUDGET_GZIP} B: ${detail}`);
});
