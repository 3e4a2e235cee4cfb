// The module's boundary is what src/exports.txt lists, and nothing else: it
// must import no WASI, stdio or filesystem function (only the memory-growth
// notice the JS layer answers), and export exactly the listed functions plus
// what Emscripten's standalone build always adds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const wasm = new WebAssembly.Module(readFileSync(new URL("../../js/completion.wasm", import.meta.url)));
const listed = readFileSync(new URL("../../src/exports.txt", import.meta.url), "utf8")
  .split("\n").filter(Boolean).map((name) => name.replace(/^_/, ""));
// Always present in an Emscripten STANDALONE_WASM reactor (3.1.6).
const emscriptenRuntime = ["memory", "_initialize", "__indirect_function_table", "__errno_location", "stackSave", "stackRestore", "stackAlloc"];

test("the wasm imports only emscripten_notify_memory_growth", () => {
  assert.deepEqual(WebAssembly.Module.imports(wasm), [{ module: "env", name: "emscripten_notify_memory_growth", kind: "function" }]);
});

test("the wasm exports exactly src/exports.txt plus the Emscripten runtime", () => {
  const exported = WebAssembly.Module.exports(wasm).map((e) => e.name).sort();
  assert.deepEqual(exported, [...listed, ...emscriptenRuntime].sort());
});

// wasmBytes() decodes natively where it can; every path must give the same
// bytes, including the JS fallback that older browsers take.
test("every decoding path of wasm-inline.js gives the shipped .wasm", async () => {
  const { wasmBytes } = await import("../../js/wasm-inline.js");
  const shipped = new Uint8Array(readFileSync(new URL("../../js/completion.wasm", import.meta.url)));
  const { fromBase64 } = Uint8Array;
  const { Buffer: nodeBuffer } = globalThis;
  const paths = {
    native: () => wasmBytes(),
    "Uint8Array.fromBase64": () => {
      Uint8Array.fromBase64 = (text) => new Uint8Array(nodeBuffer.from(text, "base64"));
      return wasmBytes();
    },
    "atob loop": () => {
      delete Uint8Array.fromBase64;
      globalThis.Buffer = undefined;
      return wasmBytes();
    },
  };
  try {
    for (const [name, decode] of Object.entries(paths)) {
      assert.deepEqual(new Uint8Array(decode()), shipped, name);
    }
  } finally {
    if (fromBase64 === undefined) delete Uint8Array.fromBase64;
    else Uint8Array.fromBase64 = fromBase64;
    globalThis.Buffer = nodeBuffer;
  }
});

// The workerd and edge-light entries take the module their bundler made from
// the .wasm import; anything else (Bun's file path) is refused by name.
test("the edge entries accept a compiled module and refuse anything else by name", async () => {
  const { importedModule } = await import("../../js/core.js");
  assert.equal(importedModule(wasm, "completion-wasm/workerd", "./completion.wasm", "Cloudflare Workers"), wasm);
  assert.throws(() => importedModule("/app/node_modules/completion-wasm/js/completion.wasm", "completion-wasm/workerd", "./completion.wasm", "Cloudflare Workers"),
    (error) => error instanceof TypeError && /completion-wasm\/workerd: importing "\.\/completion\.wasm" gave string/.test(error.message)
      && /Elsewhere import "completion-wasm"/.test(error.message));
});
