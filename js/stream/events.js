// events.js: the events of one stream as an async iterator (what
// parseCompletionStream returns), and collect(), which assembles them into
// one document. The iterator is the hot path of the streaming API: per event
// it hands out a queued value, and reads the source only when the queue is
// empty (see the class comment); keep per-event work out of anything else.
import { chunkBytes } from "../input.js";
import { ON_INVALID } from "../schema.js";
import { assemblerFor } from "./assemblers.js";
import { apiError } from "./error-bodies.js";
import { report, streamError, truncatedIssue, verdictError } from "./errors.js";
import { Parser, Verdict } from "./wasm-parser.js";

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype));

/**
 * The events of one stream, as an async iterator (what parseCompletionStream
 * returns); outcome.end is set to where the stream ended ([DONE] or the end
 * of the body). Written out rather than as an async generator, whose
 * resumption per event cost more than the rest of an event's JS work: the
 * events a chunk completed are handed out from a queue, and the source is
 * read only when none are left. Calls made before an earlier one settles
 * wait for it, as a generator's do.
 */
class Events {
  constructor(engine, input, settings, outcome) {
    this.engine = engine;
    this.input = input;
    this.settings = settings;
    this.outcome = outcome;
    this.parser = null; // made by the first read, as a generator's body would start there
    this.queue = []; // what the chunk read last came to (see Parser.push)
    this.at = 0; // the next entry of queue to hand out
    this.carry = { surrogate: "" };
    this.ended = false; // [DONE], the end of the body or a failure: nothing more to read
    this.closed = false; // the parser is freed and the source released or cancelled
    this.finished = false; // the source was read to its end (nothing to cancel)
    this.running = 0; // calls not settled yet
    this.last = null; // the latest of them
    this.onChunk = (chunk) => this.readOn(chunk);
    this.onReadFailure = (error) => this.abort(error);
  }

  next() {
    if (this.running === 0 && this.at < this.queue.length) {
      try {
        const result = this.take();
        if (result !== undefined) return Promise.resolve(result);
      } catch (error) {
        return this.enqueue(this.abort, error);
      }
    }
    if (this.running === 0 && this.at === this.queue.length && this.parser !== null && !this.ended) {
      // Nothing read is left: read on, continuing the source's promise
      // directly (on a live stream, once per event) rather than in an async frame.
      this.running++;
      let read;
      try {
        read = Promise.resolve(this.input.read());
      } catch (error) {
        return (this.last = this.abort(error));
      }
      return (this.last = read.then(this.onChunk, this.onReadFailure));
    }
    return this.enqueue(this.advance);
  }

  /** A chunk next() read: its first event, or on to advance() when it had none. */
  readOn(chunk) {
    try {
      this.absorb(chunk);
      const result = this.take();
      if (result !== undefined) {
        this.running--;
        return result;
      }
    } catch (error) {
      return this.abort(error);
    }
    return this.advance();
  }

  return(value) {
    return this.enqueue(this.stop, value);
  }

  throw(error) {
    return this.enqueue(this.abort, error);
  }

  /** Runs step (an async method that ends by counting itself out of `running`) after the calls before it. */
  enqueue(step, argument) {
    const before = this.running > 0 ? this.last : null;
    this.running++;
    const run =
      before === null
        ? step.call(this, argument)
        : before.then(
            () => step.call(this, argument),
            () => step.call(this, argument),
          );
    this.last = run;
    return run;
  }

  async advance() {
    try {
      for (;;) {
        const result = this.take();
        if (result !== undefined) return result;
        if (this.ended) {
          await this.close();
          return { value: undefined, done: true };
        }
        if (this.parser === null) await this.start();
        // Awaited here, not in a helper: each async layer costs a promise per chunk.
        this.absorb(await this.input.read());
      }
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      this.running--;
    }
  }

  async stop(value) {
    try {
      await this.close();
      return { value, done: true };
    } finally {
      this.running--;
    }
  }

  async abort(error) {
    try {
      await this.close();
    } finally {
      this.running--;
    }
    throw error;
  }

  /** The next event read, or undefined when none is left; invalid events are reported on the way. */
  take() {
    const { settings } = this;
    while (this.at < this.queue.length) {
      const queue = this.queue;
      const item = queue[this.at++];
      // Taken whole: a new queue for the next chunk, so that none of this one's events is kept alive.
      if (this.at === queue.length) {
        this.queue = [];
        this.at = 0;
      }
      if (!(item instanceof Verdict)) return { value: item, done: false };
      if (item.kind === "event") {
        settings.onEvent(item.value, item.info);
        return { value: item.value, done: false };
      }
      if (item.kind === "done") {
        // the parser stops at [DONE]: nothing follows it in the queue
        this.outcome.end = { offset: item.info.offset, line: item.info.line, column: 1 };
        this.ended = true;
        return undefined;
      }
      report(verdictError(this.engine, item, this.input.response?.status), settings);
    }
    return undefined;
  }

  /** The first read: the parser, and a non-2xx response's error. */
  async start() {
    const { engine, input, settings } = this;
    this.parser = new Parser(engine, settings);
    if (input.response !== undefined && !input.response.ok) throw await apiError(engine, input.response, input, settings);
  }

  /** What a read of the source gave: a chunk's events into the queue, or the end of the body. */
  absorb({ done, value }) {
    if (done) this.endOfBody();
    else this.parser.push(chunkBytes(value, this.carry), this.queue);
  }

  /** The body ended without [DONE]: reported, and nothing more to read. */
  endOfBody() {
    this.finished = true;
    this.ended = true;
    const state = this.parser.endAfter(this.carry);
    this.outcome.end = { offset: state.bytes, line: state.line, column: state.column };
    report(streamError(this.engine, truncatedIssue(state)), this.settings);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.ended = true;
    this.queue = [];
    this.at = 0;
    if (this.parser === null) return; // never started: nothing was read
    this.parser.free();
    if (this.finished) this.input.release?.();
    // [DONE], an error or the consumer stopped: the rest of the body is not wanted. A source that
    // failed may fail again on cancel; its first error is the one to see.
    else await this.input.cancel().catch(() => {});
  }
}
// for await, and Symbol.asyncDispose where the runtime has it, as on a generator.
Object.setPrototypeOf(Events.prototype, AsyncIteratorPrototype);

/** The events of an opened source; outcome.end is set to where the stream ended ([DONE] or the end of the body). */
export function events(engine, input, settings, outcome = {}) {
  return new Events(engine, input, settings, outcome);
}

/**
 * One document from the whole stream (see index.d.ts), built by the
 * assembler assemblers.js names for the stream's document. Each event goes
 * to it with its number in the stream: the valid events are counted here,
 * and with onInvalid "skip" the skipped ones from their errors, so that an
 * assembler's issue names the event as the stream's other errors do.
 */
export async function collect(engine, input, settings) {
  const { Assembler, document } = assemblerFor(settings);
  const outcome = {};
  const assembly = new Assembler(settings);
  let index = 0; // of the next event in the stream
  const counted =
    settings.onInvalid === ON_INVALID.SKIP
      ? {
          ...settings,
          onInvalidEvent(error) {
            if (error.event !== undefined) index = error.event.index + 1;
            settings.onInvalidEvent?.(error);
          },
        }
      : settings;
  for await (const event of events(engine, input, counted, outcome)) assembly.add(event, index++);
  const { value, issues } = assembly.finish(outcome.end);
  if (issues.length > 0) {
    const error = new engine.CompletionValidationError(issues);
    error.message = `Invalid assembled ${document}: ${issues[0].message}`;
    throw error;
  }
  return value;
}
