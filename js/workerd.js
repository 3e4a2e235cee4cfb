// completion-wasm, entry for Cloudflare Workers (workerd). workerd refuses to
// compile WebAssembly from bytes at run time, so the .wasm comes in as a
// module import: Wrangler (and miniflare's CompiledWasm rule) turns
// `import x from "./completion.wasm"` into a compiled WebAssembly.Module.
// Picked by the "workerd" export condition, or by importing
// "completion-wasm/workerd" where conditions do not apply.
import wasmModule from "./completion.wasm";
import { bindCore } from "./core.js";

export { CompletionValidationError, ISSUE_CODES } from "./core.js";
export { CompletionApiError } from "./stream.js";

// A bundler that does not know this convention hands over something else
// (Bun gives a file path): say so instead of failing inside instantiate.
function compiledModule() {
  if (Object.prototype.toString.call(wasmModule) === "[object WebAssembly.Module]") return wasmModule;
  throw new TypeError(
    `completion-wasm/workerd: importing "./completion.wasm" gave ${typeof wasmModule}, not a WebAssembly.Module; ` +
      'this entry is for Cloudflare Workers (Wrangler, miniflare). Elsewhere import "completion-wasm".',
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
