// The module's boundary is what src/exports.txt lists, and nothing else: it
// must import no WASI, stdio or filesystem function (only the memory-growth
// notice the JS layer answers), and export exactly the listed functions plus
// what Emscripten's standalone build always adds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const wasm = new WebAssembly.Module(readFileSync(new URL('../../js/completion.wasm', import.meta.url)));
const listed = readFileSync(new URL('../../src/exports.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((name) => name.replace(/^_/, ''));
// Always present in an Emscripten STANDALONE_WASM reactor (3.1.6).
const emscriptenRuntime = ['memory', '_initialize', '__indirect_function_table', '__errno_location', 'stackSave', 'stackRestore', 'stackAlloc'];

test('the wasm imports only emscripten_notify_memory_growth', () => {
  assert.deepEqual(WebAssembly.Module.imports(wasm), [{ module: 'env', name: 'emscripten_notify_memory_growth', kind: 'function' }]);
});

test('the wasm exports exactly src/exports.txt plus the Emscripten runtime', () => {
  const exported = WebAssembly.Module.exports(wasm)
    .map((e) => e.name)
    .sort();
  assert.deepEqual(exported, [...listed, ...emscriptenRuntime].sort());
});

// wasmBytes() decodes with Buffer where there is one (Node, Bun) and with a
// loop elsewhere (browsers, Deno); both must give the same bytes.
test('every decoding path of wasm-inline.js gives the shipped .wasm', async () => {
  const { wasmBytes } = await import('../../js/wasm-inline.js');
  const shipped = new Uint8Array(readFileSync(new URL('../../js/completion.wasm', import.meta.url)));
  const { Buffer: nodeBuffer } = globalThis;
  try {
    assert.deepEqual(new Uint8Array(wasmBytes()), shipped, 'Buffer');
    globalThis.Buffer = undefined;
    assert.deepEqual(wasmBytes(), shipped, 'loop');
  } finally {
    globalThis.Buffer = nodeBuffer;
  }
});

// The literal's escapes, on every byte value, each before and after every
// other kind of byte (a NUL before a digit is the tricky one).
test('the inline literal round-trips every byte value in every neighbourhood', async () => {
  const { inlineModule } = await import('../../js/build/wasm-literal.js');
  const bytes = [];
  for (let a = 0; a < 256; a++) for (const b of [0x00, 0x0a, 0x22, 0x30, 0x39, 0x5c, 0x80, 0xff, a]) bytes.push(a, b);
  const input = Uint8Array.from(bytes);
  const source = inlineModule(input);
  const { wasmBytes } = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);
  assert.deepEqual(new Uint8Array(wasmBytes()), input);
  assert.doesNotMatch(source.split('\n')[2], /[\r\u2028\u2029]/, 'one line');
});

// The workerd and edge-light entries take the module their bundler made from
// the .wasm import; anything else (Bun's file path) is refused by name.
test('the edge entries accept a compiled module and refuse anything else by name', async () => {
  const { importedModule } = await import('../../js/core.js');
  assert.equal(importedModule(wasm, 'completion-wasm/workerd', './completion.wasm', 'Cloudflare Workers'), wasm);
  assert.throws(
    () => importedModule('/app/node_modules/completion-wasm/js/completion.wasm', 'completion-wasm/workerd', './completion.wasm', 'Cloudflare Workers'),
    (error) =>
      error instanceof TypeError &&
      /completion-wasm\/workerd: importing "\.\/completion\.wasm" gave string/.test(error.message) &&
      /Elsewhere import "completion-wasm"/.test(error.message),
  );
});
