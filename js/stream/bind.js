// bind.js: the streaming engine (see index.d.ts), bound on the Engine of one
// package entry. core.js imports this module on first use (the
// completion-wasm/stream subpath at once) and hands over its instance, the
// decoders and the error classes as an Engine (engine.js), so that each
// entry keeps one instance for all APIs; the modules beside this one import
// only what is stateless (input helpers, the names of schema.js and the
// layouts of wasm-layout.js) and get
// the Engine as an argument. js/build/bundle.js bundles this folder into one
// file, js/dist/stream-engine.js.
//
//   wasm-parser.js        the event parser in wasm (src/sse.c): Parser, Verdict
//   events.js             the async iterator, and collect()
//   assemblers.js         which assembler builds which document from a stream:
//   assemble-completion.js  the /completions stream into a CompletionResponse
//   assemble-chat.js        the chat stream into a ChatCompletion
//   sync-parser.js        createCompletionStreamParser's synchronous parser
//   event-stream-pair.js  CompletionEventStream's readable and writable sides
//   fetch.js              parseResponse and validatingFetch's fetch
//   endpoints.js          the endpoint a URL goes to, and the settings of its documents
//   error-bodies.js       what a server sends instead of a response
//   errors.js             the issues and errors of streams
import { eventStreamPair } from "./event-stream-pair.js";
import { collect, events } from "./events.js";
import { checkedFetch, parseResponse } from "./fetch.js";
import { createParser } from "./sync-parser.js";

/**
 * The streaming engine, on the instance of one bindCore. For events and
 * collect, core.js has opened the source and read the options already (so
 * that misuse throws at the call).
 * @param {import("../engine.js").Engine} engine
 */
export function bindStream(engine) {
  return {
    events: (input, settings, outcome) => events(engine, input, settings, outcome),
    collect: (input, settings) => collect(engine, input, settings),
    parseResponse: (response, options) => parseResponse(engine, response, options),
    checkedFetch: (fetchImpl, input, init, settings) => checkedFetch(engine, fetchImpl, input, init, settings),
    createParser: (options, endpoint) => createParser(engine, options, endpoint),
    eventStreamPair: (options, endpoint) => eventStreamPair(engine, options, endpoint),
  };
}
