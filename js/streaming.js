// completion-wasm/stream: the synchronous stream parser and a TransformStream,
// in the shapes eventsource-parser made familiar (its createParser's feed, and
// eventsource-parser/stream's EventSourceParserStream). A subpath of its own,
// so that the default entry's download does not grow: this module loads the
// streaming engine (stream.js) at once instead of on first use. It imports
// the package by its own name, which resolves to the entry the app itself
// gets (default, workerd or edge-light), so both share one instance.
import { internals } from "completion-wasm";
import * as streamEngine from "./stream.js";

const streams = internals.streamsOf(streamEngine);

/** A parser whose feed(chunk) hands out each event synchronously; see streaming.d.ts. */
export function createCompletionStreamParser(options) {
  return streams.createParser(options);
}

/** A TransformStream from the bytes or text of a text/event-stream body to typed events; see streaming.d.ts. */
export class CompletionEventStream extends TransformStream {
  constructor(options) {
    super(streams.eventTransformer(options));
  }
}
