// event-stream-pair.js: CompletionEventStream's readable and writable sides
// (completion-wasm/stream), the stream adapter over the synchronous parser
// of sync-parser.js; why it is a pair and not a TransformStream is the
// comment below.
import { ON_INVALID } from "../schema.js";
import { SyncParser } from "./sync-parser.js";

/**
 * CompletionEventStream's two sides. Chunks written to `writable` are
 * parsed at once; their events wait in a queue that `readable` hands out,
 * and a write settles only when the reader has taken them (backpressure:
 * one chunk's events at most are held). A failure is raised on `readable`
 * only once the events before it have been read: erroring a stream
 * discards what it still holds, so a TransformStream, which errors at
 * once, would lose them. [DONE] closes `readable` and stops `writable`,
 * which makes a pipe cancel its source; a failure and cancelling
 * `readable` do too.
 */
export function eventStreamPair(engine, options = {}) {
  const queue = [];
  let failure = null; // what `readable` errors with once the queue is empty
  let done = false; // [DONE], or the end of the input
  let wake = null; // the pending pull's resolve
  let drained = null; // the pending write's resolve
  let sink = null; // the writable side's controller
  const settle = () => {
    if (queue.length === 0 && drained !== null) {
      drained();
      drained = null;
    }
    if (wake !== null) {
      wake();
      wake = null;
    }
  };
  const parser = new SyncParser(engine, {
    ...options,
    onEvent: (event, info) => {
      options.onEvent?.(event, info);
      queue.push(event);
    },
    onDone: () => {
      done = true;
      sink?.error(new Error("completion-wasm: the stream ended at [DONE]; nothing more is read"));
    },
    onError: options.onInvalid === ON_INVALID.SKIP ? (error) => options.onInvalidEvent?.(error) : undefined,
  });
  const readable = new ReadableStream(
    {
      async pull(controller) {
        while (queue.length === 0 && failure === null && !done)
          await new Promise((resolve) => {
            wake = resolve;
          });
        if (queue.length > 0) controller.enqueue(queue.shift());
        else if (failure !== null) controller.error(failure);
        else controller.close();
        settle();
      },
      cancel(reason) {
        done = true;
        queue.length = 0;
        parser.reset();
        sink?.error(reason);
        settle();
      },
    },
    { highWaterMark: 0 },
  );
  const writable = new WritableStream({
    start(controller) {
      sink = controller;
    },
    write(chunk) {
      if (done || failure !== null) return undefined;
      try {
        parser.feed(chunk);
      } catch (error) {
        failure = error;
        sink.error(error); // nothing more is read: a pipe cancels its source
      }
      settle();
      return queue.length === 0
        ? undefined
        : new Promise((resolve) => {
            drained = resolve;
          });
    },
    close() {
      if (!done && failure === null) {
        try {
          parser.end();
        } catch (error) {
          failure = error;
        }
      }
      done = true;
      settle();
    },
    abort(reason) {
      failure ??= reason;
      parser.reset();
      settle();
    },
  });
  return { readable, writable };
}
