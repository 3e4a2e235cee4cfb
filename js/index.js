// completion-wasm, default entry: the .wasm travels inside the JS as a string
// (js/wasm-inline.js), so it loads in browsers, bundlers, Node, Deno and Bun
// with no configuration. Runtimes that forbid compiling wasm from bytes
// (Cloudflare Workers, Vercel Edge) get the workerd / edge-light entries.
import { bindCore } from "./core.js";
import { wasmBytes } from "./wasm-inline.js";

export { CompletionApiError, CompletionValidationError, CompletionWasmError, DEFAULTS, ISSUE_CODES, PROFILES } from "./core.js";

export const {
  init,
  initSync,
  parseCompletionResponse,
  safeParseCompletionResponse,
  validateCompletionResponse,
  parseChatCompletion,
  safeParseChatCompletion,
  validateChatCompletion,
  parseCompletionStream,
  collectCompletion,
  parseResponse,
  validatingFetch,
  internals, // for the subpaths only: index.d.ts does not declare it
} = bindCore(() => new WebAssembly.Module(wasmBytes()));
