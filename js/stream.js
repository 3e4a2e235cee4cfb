// stream.js: the streaming API's engine (see index.d.ts): text/event-stream
// bodies read chunk by chunk by the C parser (src/sse.c), each event's data
// checked in wasm as a CompletionStreamEvent and turned into an object from
// the tape, as for whole responses; parseResponse, validatingFetch's checks,
// and the synchronous parser of completion-wasm/stream. core.js imports this
// file on first use (or completion-wasm/stream at once) and hands over its
// instance, the decoders and the error classes as an Engine (engine.js),
// so each package entry keeps one instance for all APIs; the only imports
// here are stateless: input helpers, the names of schema.js and the layouts
// of wasm-layout.js.
import { ASSEMBLY, DOCUMENT, FLAGS, SCHEMA_SHIFT } from "./schema.js";
import { EVENT, RESULT, SSE_DATA, SSE_DONE, SSE_NONE, SSE_OUT_OF_MEMORY, SSE_TOO_LARGE, STATE } from "./wasm-layout.js";
import { chunkBytes, encodeGeneralized, isResponse, openSource, readCapped, tag } from "./input.js";

// Chunks go into wasm memory in slices of at most this many bytes, so a huge
// chunk costs no more wasm memory than a small one: the parser keeps only
// the event it is in.
const SLICE_BYTES = 256 * 1024;

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype));
const u64 = (u32, word) => u32[word] + u32[word + 1] * 2 ** 32;

// ---- issues ----

/** An issue of the stream itself (not of one event's JSON): positions are in the stream. */
function streamIssue(code, expected, received, message, where) {
  return { code, path: [], pathString: "", expected, received, message, offset: where.offset, line: where.line, column: where.column };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---- error bodies ----

/**
 * The settings an error body is checked with: the profile's error schema
 * (`document` "error"), or the shape any error is recognised by ("anyError":
 * an object whose `error` is an object, kept as sent), and a tape to read it
 * from. Unknown fields are let through, as an error is worth reading even
 * when a server adds fields to it.
 */
function errorSettingsOf(settings, document) {
  const flags = (settings.flags & ~(FLAGS.UNKNOWN_REJECT | (3 << SCHEMA_SHIFT))) | FLAGS.WRITE_TAPE | (DOCUMENT[document] << SCHEMA_SHIFT);
  return { ...settings, flags: document === "anyError" ? flags | FLAGS.UNKNOWN_KEEP : flags };
}

/**
 * A CompletionApiError's message: `where` ("HTTP 429 Too Many Requests",
 * "The stream sent an error (event 3)"), then the server's message and type,
 * or why the body is no error envelope.
 */
function apiErrorMessage(where, { body, issues }) {
  const error = body?.error;
  if (error === undefined) return `${where}; the body is not an error envelope: ${issues[0].message}`;
  const text = typeof error.message === "string" ? error.message : "(no message)";
  return typeof error.type === "string" ? `${where}: ${text} (${error.type})` : `${where}: ${text}`;
}

// ---- the parser in wasm ----

const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ engine, instance, pointer }) =>
        engine.use((live) => {
          if (live === instance) live.exports.cw_sse_wasm_free(pointer);
        }, true),
      )
    : null;

function outOfMemory(engine) {
  return new engine.CompletionWasmError("out_of_memory", "WebAssembly memory could not grow while reading the stream; the module was reset");
}

/**
 * What a chunk's events came to, other than a valid event (which is handed
 * on as its value alone, see Parser.push): kind "event" (a valid event,
 * when onEvent wants its info), "done", "invalid" (issues) or "error" (an
 * error envelope as `value`, with the issues it had as an event).
 */
class Verdict {
  constructor(kind, info, value, issues) {
    this.kind = kind;
    this.info = info;
    this.value = value;
    this.issues = issues;
  }
}

/**
 * A cw_sse parser in the engine's instance. push(bytes, out) appends
 * the verdicts of the events those bytes complete, up to [DONE]; end() gives
 * the state the stream ended in.
 */
class Parser {
  constructor(engine, settings) {
    this.engine = engine;
    this.settings = settings;
    // Data events are checked with the options' flags; an event that fails is
    // checked again as the profile's error body, then as any error envelope.
    this.errorFlags = errorSettingsOf(settings, "error").flags;
    this.anyErrorFlags = errorSettingsOf(settings, "anyError").flags;
    this.pointer = 0;
    engine.use((instance) => {
      const { maxEventBytes, maxBytes, maxDepth, maxIssues, flags } = settings;
      const pointer = instance.exports.cw_sse_wasm_new(maxEventBytes, maxBytes, maxDepth, maxIssues, flags);
      if (pointer === 0) throw outOfMemory(this.engine);
      this.instance = instance;
      this.pointer = pointer;
    });
    this.keyNames = this.instance.keyNames[settings.keys];
    this.memory = null; // views of wasm memory, taken again when growth detached them
    // One function per parser, not a closure per chunk: push runs once per chunk.
    this.feedSlice = (instance) => this.feed(instance);
    this.slice = null;
    this.out = null;
    this.sawDone = false;
    registry?.register(this, { engine, instance: this.instance, pointer: this.pointer }, this);
  }

  /** Runs callback(instance) on this parser's instance; fails if that instance was replaced. */
  call(callback) {
    return this.engine.use((instance) => {
      this.checkInstance(instance);
      return callback(instance);
    });
  }

  checkInstance(instance) {
    if (instance !== this.instance) {
      throw new this.engine.CompletionWasmError("instance_replaced", "the WebAssembly core was reset while this stream was being read");
    }
  }

  /**
   * Appends to `out` the verdicts of the events `bytes` complete: a valid
   * event as its value (the common case, so it costs no wrapper), anything
   * else as a Verdict. Stops after [DONE].
   */
  push(bytes, out) {
    this.out = out;
    try {
      for (let start = 0; start < bytes.length && !this.sawDone; start += SLICE_BYTES) {
        this.slice = bytes.length <= SLICE_BYTES ? bytes : bytes.subarray(start, start + SLICE_BYTES);
        this.engine.use(this.feedSlice);
      }
    } finally {
      this.slice = null;
      this.out = null;
    }
  }

  feed(instance) {
    this.checkInstance(instance);
    const { exports } = instance;
    const slice = this.slice;
    const target = exports.cw_sse_wasm_buffer(this.pointer, slice.length);
    if (target === 0) throw outOfMemory(this.engine);
    this.views(instance).bytes.set(slice, target);
    exports.cw_sse_wasm_feed(this.pointer, slice.length);
    while (!this.sawDone) {
      const verdict = this.next(instance);
      if (verdict === null) return;
      this.out.push(verdict);
    }
  }

  /**
   * Views of wasm memory. Memory growth (any cw_check may grow it) detaches
   * the old buffer, which leaves its views empty: only then are they taken
   * again, which spares a Memory.buffer lookup per event.
   */
  views(instance) {
    if (this.memory === null || this.memory.u32.length === 0) this.memory = instance.memoryViews();
    return this.memory;
  }

  /** The next verdict of the chunk fed last, or null when it is used up. */
  next(instance) {
    const event = instance.exports.cw_sse_wasm_next(this.pointer) >>> 2;
    const memory = this.views(instance);
    const { u32 } = memory;
    const kind = u32[event + EVENT.kind];
    if (kind === SSE_NONE) return null;
    if (kind === SSE_OUT_OF_MEMORY) throw outOfMemory(this.engine);
    const result = u32[event + EVENT.result];
    const data = u32[event + EVENT.data];
    if (kind === SSE_DATA && u32[(result >>> 2) + RESULT.valid] === 1) {
      if (!(this.settings.flags & FLAGS.WRITE_TAPE)) return true; // checked only (validatingFetch): no value to build
      // The common case: the position is worked out only for onEvent.
      const value = this.engine.readTape(memory, result, data, this.keyNames);
      return this.settings.onEvent ? new Verdict("event", eventInfo(u32, event), value) : value;
    }
    const info = eventInfo(u32, event);
    if (kind === SSE_DONE) {
      this.sawDone = true;
      return new Verdict("done", info);
    }
    if (kind === SSE_TOO_LARGE) return new Verdict("invalid", info, undefined, [this.tooLargeIssue(info)]);
    const context = { ...this.settings, inputBytes: u32[event + EVENT.dataLength] };
    const issues = this.engine.readIssues(memory, result, context);
    // An error sent in place of an event: a server's way to fail mid-stream.
    const typed = this.recheck(instance, this.errorFlags);
    if (typed !== 0 && this.views(instance).u32[(typed >>> 2) + RESULT.valid] === 1) {
      return new Verdict("error", info, this.engine.readTape(this.views(instance), typed, data, this.keyNames), []);
    }
    const envelopeIssues = typed === 0 ? [] : this.engine.readIssues(this.views(instance), typed, context);
    const loose = this.recheck(instance, this.anyErrorFlags);
    if (loose !== 0 && this.views(instance).u32[(loose >>> 2) + RESULT.valid] === 1) {
      return new Verdict("error", info, this.engine.readTape(this.views(instance), loose, data, this.keyNames), envelopeIssues);
    }
    return new Verdict("invalid", info, undefined, issues);
  }

  /** The last event's data checked again with other flags: its cw_result, or 0. */
  recheck(instance, flags) {
    return instance.exports.cw_sse_wasm_recheck(this.pointer, flags);
  }

  tooLargeIssue(info) {
    const max = this.settings.maxEventBytes;
    return streamIssue(
      "event_too_large",
      `at most ${max} bytes per event`,
      "a larger event",
      `Event ${info.index} is larger than maxEventBytes (${max}); the rest of it was skipped`,
      { offset: info.offset, line: info.line, column: 1 },
    );
  }

  /**
   * The stream ended after text chunks: the high surrogate the last one left
   * waiting (chunkBytes' carry) goes in first, as its generalized bytes; then end().
   */
  endAfter(carry) {
    if (carry.surrogate !== "") this.push(encodeGeneralized(carry.surrogate), []);
    return this.end();
  }

  /** The stream ended: { bytes, line, column, events, done, pending, pendingDone }. */
  end() {
    return this.call((instance) => {
      const state = instance.exports.cw_sse_wasm_end(this.pointer) >>> 2;
      const { u32 } = instance.memoryViews();
      return {
        bytes: u64(u32, state + STATE.bytes),
        line: u32[state + STATE.line],
        column: u32[state + STATE.column],
        events: u32[state + STATE.events],
        done: u32[state + STATE.done] === 1,
        pending: u32[state + STATE.pending] === 1,
        pendingDone: u32[state + STATE.pendingDone] === 1,
      };
    });
  }

  free() {
    if (this.pointer === 0) return;
    registry?.unregister(this);
    const pointer = this.pointer;
    this.pointer = 0;
    this.engine.use((instance) => {
      if (instance === this.instance) instance.exports.cw_sse_wasm_free(pointer);
    }, true);
  }
}

/** Where the event a cw_sse_event describes sits in the stream. */
function eventInfo(u32, event) {
  return {
    index: u32[event + EVENT.index],
    offset: u64(u32, event + EVENT.offset),
    line: u32[event + EVENT.line],
    dataOffset: u64(u32, event + EVENT.dataOffset),
    dataLine: u32[event + EVENT.dataLine],
    dataColumn: u32[event + EVENT.dataColumn],
  };
}

function truncatedIssue(state) {
  const received = state.pendingDone
    ? "data: [DONE] without the blank line that ends the event"
    : state.pending
      ? "the end of the stream inside an event"
      : "the end of the stream";
  const why = state.pendingDone ? ": the [DONE] event was not finished by a blank line" : state.pending ? ": the last event was cut off" : "";
  return streamIssue("truncated_stream", "an event with data [DONE]", received, `The stream ended after ${plural(state.events, "event")} without the [DONE] event${why}`, {
    offset: state.bytes,
    line: state.line,
    column: state.column,
  });
}

// ---- the API ----

/**
 * The streaming engine, on the instance of one bindCore. For events and
 * collect, core.js has opened the source and read the options already (so
 * that misuse throws at the call).
 * @param {import("./engine.js").Engine} engine
 */
export function bindStream(engine) {
  const { CompletionValidationError, CompletionApiError } = engine;

  /**
   * An error body (of a non-2xx response, or sent with a 2xx status):
   * { body, issues } with the profile's typed error and no issues, or the
   * envelope as sent with the issues of the profile's error schema, or
   * { body: undefined, issues } when it is no error envelope at all.
   */
  function readApiError(bytes, settings) {
    const typed = engine.check(bytes, errorSettingsOf(settings, "error"), true);
    if (typed.valid) return { body: typed.value, issues: [] };
    // A JSON-stage issue (not JSON, too large, too deep) comes alone at the root: no envelope either.
    if (typed.issues[0].path.length === 0 && typed.issues[0].code !== "invalid_type") return { body: undefined, issues: typed.issues };
    const loose = engine.check(bytes, errorSettingsOf(settings, "anyError"), true);
    return { body: loose.valid ? loose.value : undefined, issues: typed.issues };
  }

  function apiErrorOf(where, fields) {
    return new CompletionApiError(apiErrorMessage(where, fields), fields);
  }

  function eventError(issues, info) {
    const error = new CompletionValidationError(issues);
    const more = issues.length > 1 ? ` (and ${plural(issues.length - 1, "more issue")})` : "";
    error.message = `Invalid CompletionStreamEvent (event ${info.index}, line ${info.line} of the stream): ${issues[0].message}${more}`;
    error.event = info;
    return error;
  }

  /** The error an "error" or "invalid" verdict stands for. */
  function verdictError(item, status) {
    if (item.kind === "invalid") return eventError(item.issues, item.info);
    return apiErrorOf(`The stream sent an error (event ${item.info.index})`, {
      status,
      body: item.value,
      issues: item.issues,
      event: item.info,
    });
  }

  function streamError(issue) {
    const error = new CompletionValidationError([issue]);
    error.message = `Invalid completion stream: ${issue.message}`;
    return error;
  }

  /** The body of a non-2xx response as a CompletionApiError. */
  async function apiError(response, input, settings) {
    const bytes = await readCapped(input, settings.maxBytes);
    const { body, issues } = readApiError(bytes, settings);
    const status = response.status;
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    return apiErrorOf(`HTTP ${status}${statusText}`, { status, body, issues });
  }

  /**
   * The error for a 2xx body that is not the profile's response: a server may
   * answer 200 with an error envelope (an object whose "error" is an object),
   * which is its error, not a malformed response.
   */
  function bodyError(bytes, issues, settings, status) {
    const envelope = readApiError(bytes, settings);
    if (envelope.body === undefined) return new CompletionValidationError(issues);
    return apiErrorOf(`HTTP ${status}, an error body`, { status, body: envelope.body, issues: envelope.issues });
  }

  /** Invalid events: thrown, or handed to onInvalidEvent and skipped. */
  function report(error, settings) {
    if (settings.onInvalid === "throw") throw error;
    settings.onInvalidEvent?.(error);
  }

  // ---- the synchronous parser: createCompletionStreamParser, CompletionEventStream ----

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
  class SyncParser {
    constructor(options) {
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
      this.parser ??= new Parser(engine, this.settings);
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
      } else this.fail(verdictError(item, undefined));
    }

    fail(error) {
      if (this.onError === undefined) throw error;
      this.onError(error);
    }

    end() {
      if (this.failure !== null) return this.reset(); // reported already
      this.parser ??= new Parser(engine, this.settings);
      try {
        if (!this.parser.sawDone) this.fail(streamError(truncatedIssue(this.parser.endAfter(this.carry))));
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
  function createParser(options) {
    const parser = new SyncParser(options);
    return { feed: (chunk) => parser.feed(chunk), end: () => parser.end(), reset: () => parser.reset() };
  }

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
  function eventStreamPair(options = {}) {
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
    const parser = new SyncParser({
      ...options,
      onEvent: (event, info) => {
        options.onEvent?.(event, info);
        queue.push(event);
      },
      onDone: () => {
        done = true;
        sink?.error(new Error("completion-wasm: the stream ended at [DONE]; nothing more is read"));
      },
      onError: options.onInvalid === "skip" ? (error) => options.onInvalidEvent?.(error) : undefined,
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
    constructor(input, settings, outcome) {
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
        report(verdictError(item, this.input.response?.status), settings);
      }
      return undefined;
    }

    /** The first read: the parser, and a non-2xx response's error. */
    async start() {
      const { input, settings } = this;
      this.parser = new Parser(engine, settings);
      if (input.response !== undefined && !input.response.ok) throw await apiError(input.response, input, settings);
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
      report(streamError(truncatedIssue(state)), this.settings);
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
  function events(input, settings, outcome = {}) {
    return new Events(input, settings, outcome);
  }

  /** One CompletionResponse from the whole stream; see index.d.ts. */
  async function collect(input, settings) {
    const outcome = {};
    const assembly = new Assembly(settings);
    for await (const event of events(input, settings, outcome)) assembly.add(event);
    const { value, issues } = assembly.finish(outcome.end);
    if (issues.length > 0) {
      const error = new CompletionValidationError(issues);
      error.message = `Invalid assembled CompletionResponse: ${issues[0].message}`;
      throw error;
    }
    return value;
  }

  /** A fetch Response, JSON or SSE by Content-Type, as one CompletionResponse; see index.d.ts. */
  async function parseResponse(response, options) {
    const settings = engine.readStreamOptions(options);
    if (!isResponse(response)) throw new TypeError(`completion-wasm: parseResponse() takes a fetch Response, got ${tag(response)}`);
    const type = response.headers.get("content-type") ?? "";
    const input = openSource(response);
    if (!response.ok) throw await apiError(response, input, settings);
    if (/text\/event-stream/i.test(type)) return collect(input, settings);
    const bytes = await readCapped(input, settings.maxBytes);
    const outcome = engine.check(bytes, settings, true);
    if (outcome.valid) return outcome.value;
    throw bodyError(bytes, outcome.issues, settings, response.status);
  }

  // ---- validatingFetch ----

  /**
   * What validatingFetch's fetch does: the response to a /completions
   * request checked on its way to the caller, who gets the server's bytes.
   * A JSON body is checked whole before the Response is handed over; an
   * event stream event by event as the caller reads it.
   */
  async function checkedFetch(fetchImpl, input, init, settings) {
    const response = await fetchImpl(input, init);
    if (!response.ok || !isCompletionsRequest(input)) return response;
    if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) return checkedStream(response, settings);
    const bytes = await readCapped(openSource(response), Infinity); // all of it: the caller gets it back
    const outcome = engine.check(bytes, settings, false);
    if (!outcome.valid) settings.report(bodyError(bytes, outcome.issues, settings, response.status), response);
    return new Response(bytes, passedOn(response));
  }

  /** The same response, whose body errors at the first invalid event, error event or missing [DONE]. */
  function checkedStream(response, settings) {
    const reader = response.body.getReader();
    const parser = new Parser(engine, settings);
    let offset = 0; // of the next chunk in the stream
    // Reported to onInvalid, or (without it) thrown, after the bytes before the bad event reach the caller.
    const fail = (error, controller, before) => {
      try {
        settings.report(error, response);
      } catch (thrown) {
        if (before !== undefined && before.length > 0) controller.enqueue(before);
        throw thrown;
      }
    };
    const body = new ReadableStream(
      {
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              if (!parser.sawDone) fail(streamError(truncatedIssue(parser.end())), controller);
              parser.free();
              controller.close();
              return;
            }
            const bytes = chunkBytes(value, {});
            const verdicts = [];
            if (!parser.sawDone) parser.push(bytes, verdicts);
            for (const item of verdicts) {
              // The events before the bad one reach the caller; then the stream errors.
              if (item instanceof Verdict && (item.kind === "invalid" || item.kind === "error"))
                fail(verdictError(item, response.status), controller, bytes.subarray(0, item.info.offset - offset));
            }
            offset += bytes.length;
            controller.enqueue(bytes);
          } catch (error) {
            parser.free();
            reader.cancel(error).catch(() => {});
            controller.error(error);
          }
        },
        cancel(reason) {
          parser.free();
          return reader.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, passedOn(response));
  }

  return { events, collect, parseResponse, checkedFetch, createParser, eventStreamPair };
}

/**
 * The status and headers of a response whose body is handed on as read: the
 * bytes are already decoded, so the encoding and length of the wire go.
 */
function passedOn(response) {
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  return { status: response.status, statusText: response.statusText, headers };
}

/** Whether a request goes to a /completions endpoint (not /chat/completions). */
function isCompletionsRequest(input) {
  const url = typeof input === "string" ? input : tag(input) === "[object URL]" ? input.href : input?.url;
  if (typeof url !== "string") return false;
  const { pathname } = new URL(url, "http://relative.invalid");
  return /(^|\/)completions\/?$/.test(pathname) && !/\/chat\/completions\/?$/.test(pathname);
}

// ---- assembling the response ----

/**
 * Builds the CompletionResponse: the response's own fields (id, object,
 * created, model, and system_fingerprint where the profile names it) from
 * the first event that carries each, each index's texts joined in order,
 * each choice's last non-null finish_reason, logprobs merged (arrays
 * concatenated), the last usage sent; with unknownKeys "keep", unknown fields
 * (last value wins). obfuscation is per-event padding and is dropped.
 */
class Assembly {
  constructor(settings) {
    const { head, finishExpected } = ASSEMBLY[settings.profile];
    this.head = head[settings.keys];
    this.finishName = settings.keys === "camel" ? "finishReason" : "finish_reason";
    // What a choice without finish_reason lacks (null: the profile's response allows null there).
    this.finishExpected = finishExpected?.[settings.flags & FLAGS.OPEN_ENUMS ? 1 : 0];
    this.keep = (settings.flags & FLAGS.UNKNOWN_KEEP) !== 0;
    this.known = [...this.head, "choices", "usage", "obfuscation"];
    this.fields = {};
    this.choices = new Map();
    this.usage = undefined;
    this.extra = {};
    this.events = 0;
  }

  add(event) {
    this.events++;
    for (const name of this.head) if (this.fields[name] === undefined && event[name] !== undefined) this.fields[name] = event[name];
    // A usage-only last event may come without choices (openai-compatible).
    if (event.choices !== undefined) for (const choice of event.choices) this.addChoice(choice);
    if (event.usage != null) this.usage = event.usage; // null until the last event, with include_usage
    if (this.keep) copyUnknown(this.extra, event, this.known);
  }

  addChoice(choice) {
    let slot = this.choices.get(choice.index);
    if (slot === undefined) {
      slot = { texts: [], logprobs: undefined, finish: null, extra: {} };
      this.choices.set(choice.index, slot);
    }
    slot.texts.push(choice.text);
    const reason = choice[this.finishName];
    if (reason !== undefined && reason !== null) slot.finish = reason;
    if (choice.logprobs !== undefined) slot.logprobs = mergeLogprobs(slot.logprobs, choice.logprobs);
    if (this.keep) copyUnknown(slot.extra, choice, ["text", "index", "logprobs", this.finishName]);
  }

  /** { value, issues }: issues when a required field has no value; `end` is where the stream ended. */
  finish(end) {
    const issues = [];
    if (this.events === 0) {
      for (const key of ["id", "object", "created", "model"]) {
        issues.push(assemblyIssue([key], "a value from the stream's events", `${key}: no event carried it (the stream had no events)`, end));
      }
      return { issues };
    }
    const choices = [...this.choices.keys()]
      .sort((a, b) => a - b)
      .map((index) => {
        const slot = this.choices.get(index);
        const choice = { text: slot.texts.join(""), index };
        if (slot.logprobs !== undefined) choice.logprobs = slot.logprobs;
        choice[this.finishName] = slot.finish;
        if (slot.finish === null && this.finishExpected) {
          issues.push(
            assemblyIssue(["choices", index, "finish_reason"], this.finishExpected, `choices[${index}].finish_reason: no event gave choice ${index} a finish_reason`, end),
          );
        }
        return Object.assign(choice, slot.extra);
      });
    const value = { ...this.fields, choices };
    if (this.usage !== undefined) value.usage = this.usage;
    Object.assign(value, this.extra);
    return { value, issues };
  }
}

/** A field the assembled response lacks: reported where the stream ended (the response has no text of its own). */
function assemblyIssue(path, expected, message, end = { offset: 0, line: 1, column: 1 }) {
  const pathString = path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
  return { code: "missing_field", path, pathString, expected, received: "nothing", message, offset: end.offset, line: end.line, column: end.column };
}

function copyUnknown(target, source, known) {
  for (const key of Object.keys(source)) {
    if (known.includes(key)) continue;
    Object.defineProperty(target, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
}

/** Legacy completion logprobs arrive per chunk ({tokens: [...], token_logprobs: [...], ...}): arrays are joined. */
function mergeLogprobs(sofar, next) {
  if (next === null) return sofar === undefined ? null : sofar;
  if (sofar === undefined || sofar === null) sofar = {};
  const merged = { ...sofar };
  for (const key of Object.keys(next)) {
    const value = next[key];
    const before = merged[key];
    const joined = Array.isArray(before) && Array.isArray(value) ? before.concat(value) : value;
    Object.defineProperty(merged, key, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  return merged;
}
