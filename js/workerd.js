// completion-wasm, entry for Cloudflare Workers (workerd). workerd refuses to
// compile WebAssembly from bytes at run time, so the .wasm comes in as a
// module import: Wrangler (and miniflare's CompiledWasm rule) turns
// `import x from "./completion.wasm"` into a compiled WebAssembly.Module.
// Picked by the "workerd" export condition, or by importing
// "completion-wasm/workerd" where conditions do not apply.
import wasmModule from "./completion.wasm";
import { bindCore, importedModule } from "./core.js";

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
} = bindCore(() => importedModule(wasmModule, "completion-wasm/workerd", "./completion.wasm", "Cloudflare Workers (Wrangler, miniflare)"));
