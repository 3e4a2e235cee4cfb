// completion-wasm, entry for Vercel Edge Functions and the Next.js edge
// runtime. They refuse to compile WebAssembly from bytes at run time; the
// only way in is `import x from "./x.wasm?module"`, which their bundler turns
// into a compiled WebAssembly.Module. Picked by the "edge-light" export
// condition, or by importing "completion-wasm/edge-light".
import wasmModule from "./completion.wasm?module";
import { bindCore } from "./core.js";

export { CompletionValidationError, ISSUE_CODES } from "./core.js";
export { CompletionApiError } from "./stream.js";

// A bundler that does not know `?module` hands over something else (a URL
// string, bytes): say so instead of failing inside instantiate.
function compiledModule() {
  if (Object.prototype.toString.call(wasmModule) === "[object WebAssembly.Module]") return wasmModule;
  throw new TypeError(
    `completion-wasm/edge-light: importing "./completion.wasm?module" gave ${typeof wasmModule}, not a WebAssembly.Module; ` +
      'this entry is for Vercel Edge and the Next.js edge runtime. Elsewhere import "completion-wasm".',
  );
}

export const {
  init,
  initSync,
  parseCompletionResponse,
  safeParseCompletionResponse,
  validateCompletionResponse,
  parseCompletionStream,
  collectCompletion,
  parseResponse,
} = bindCore(compiledModule);
