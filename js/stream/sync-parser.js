// sync-parser.js: the synchronous parser of completion-wasm/stream
// (createCompletionStreamParser), in eventsource-parser's createParser shape:
// feed(chunk) hands out the events the chunk completes before it returns, so
// any transport can drive it. event-stream-pair.js builds the stream adapter
// on it, not the other way round.
import { chunkBytes } from "../input.js";
import { streamError, truncatedIssue, verdictError } from "./errors.js";
import { Parser } from "./wasm-parser.js";

/**
 * feed(chunk) runs onEvent, onError and onDone for the events the chunk
 * completes before it returns, as eventsource-parser's parser does. Without
 * onError, the first invalid event, error event or missing [DONE] is thrown
 * from feed or end, and so is a callback's exception; the events after it
 * in that chunk are not handed out, so the parser then refuses chunks until
 * reset() rather than go on with a gap. After [DONE] the stream is over:
 * further chunks are not read. end() reports a missing [DONE] and makes the
 * parser ready for another stream, as reset() does without reporting.
 */
export class SyncParser {
  constructor(engine, options) {
    if (options === null || typeof options !== "object" || typeof options.onEvent !== "function") {
      throw new TypeError("completion-wasm: createCompletionStreamParser needs options with an onEvent function");
    }
    const { onError, onDone, ...rest } = options;
    for (const [name, value] of [
      ["onError", onError],
      ["onDone", onDone],
    ]) {
      if (value !== undefined && typeof value !== "function") throw new TypeError(`completion-wasm: ${name} must be a function`);
    }
    // With onEvent set, the parser hands over each event with its position (a Verdict of kind "event").
    this.engine = engine;
    this.settings = engine.readStreamOptions(rest);
    this.onError = onError;
    this.onDone = onDone;
    this.parser = null;
    this.carry = { surrogate: "" };
    this.failure = null;
  }

  feed(chunk) {
    if (this.failure !== null) {
      throw new Error("completion-wasm: this stream parser stopped at an error (see the error's cause); call reset() to parse another stream", { cause: this.failure });
    }
    if (this.parser?.sawDone) return;
    this.parser ??= new Parser(this.engine, this.settings);
    const verdicts = [];
    try {
      this.parser.push(chunkBytes(chunk, this.carry), verdicts);
      for (const item of verdicts) this.settle(item);
    } catch (error) {
      this.stop(error);
      throw error;
    }
  }

  settle(item) {
    if (item.kind === "event") this.settings.onEvent(item.value, item.info);
    else if (item.kind === "done") {
      this.parser.free(); // nothing more is read
      this.onDone?.(item.info);
    } else this.fail(verdictError(this.engine, item, undefined));
  }

  fail(error) {
    if (this.onError === undefined) throw error;
    this.onError(error);
  }

  end() {
    if (this.failure !== null) return this.reset(); // reported already
    this.parser ??= new Parser(this.engine, this.settings);
    try {
      if (!this.parser.sawDone) this.fail(streamError(this.engine, truncatedIssue(this.parser.endAfter(this.carry))));
    } finally {
      this.reset(); // frees the parser
    }
  }

  reset() {
    this.parser?.free();
    this.parser = null;
    this.carry = { surrogate: "" };
    this.failure = null;
  }

  stop(error) {
    this.failure = error;
    this.parser.free();
  }
}

/** createCompletionStreamParser: a SyncParser's methods, bound so that they may be passed around alone. */
export function createParser(engine, options) {
  const parser = new SyncParser(engine, options);
  return { feed: (chunk) => parser.feed(chunk), end: () => parser.end(), reset: () => parser.reset() };
}
