// completion-wasm, entry for Vercel Edge Functions and the Next.js edge
// runtime. They refuse to compile WebAssembly from bytes at run time; the
// only way in is `import x from "./x.wasm?module"`, which their bundler turns
// into a compiled WebAssembly.Module. Picked by the "edge-light" export
// condition, or by importing "completion-wasm/edge-light".
import wasmModule from "./completion.wasm?module";
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
} = bindCore(() => importedModule(wasmModule, "completion-wasm/edge-light", "./completion.wasm?module", "Vercel Edge and the Next.js edge runtime"));
