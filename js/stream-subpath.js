// stream-subpath.js: the entry of the completion-wasm/stream subpath (types:
// stream-subpath.d.ts), not the streaming engine itself, which lives in
// stream/: the synchronous stream parser and a TransformStream, in the shapes
// eventsource-parser made familiar (its createParser's feed, and
// eventsource-parser/stream's EventSourceParserStream). A subpath of its own,
// so that the default entry's download does not grow: this module loads the
// engine (stream/bind.js) at once instead of on first use.
// "completion-wasm" below is the entry the same export condition picks
// (js/build/bundle.js points it at the file beside this one's bundle: index.js,
// workerd.js or edge-light.js), so the subpath and the app share one instance.
import { internals } from "completion-wasm";
import * as streamEngine from "./stream/bind.js";

const streams = internals.streamsOf(streamEngine);

/** A parser whose feed(chunk) hands out each event synchronously; see stream-subpath.d.ts. */
export function createCompletionStreamParser(options) {
  return streams.createParser(options);
}

/**
 * A transform stream (a writable and a readable side, for pipeThrough) from
 * the bytes or text of a text/event-stream body to typed events; see
 * stream-subpath.d.ts, and stream/event-stream-pair.js for why it is no
 * TransformStream.
 */
export class CompletionEventStream {
  constructor(options) {
    const { readable, writable } = streams.eventStreamPair(options);
    this.readable = readable;
    this.writable = writable;
  }
}
