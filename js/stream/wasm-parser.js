// wasm-parser.js: the event parser in wasm (src/sse.c through
// src/sse_exports.c) seen from JS. A Parser owns one cw_sse in the Engine's
// instance: push() feeds it bytes and collects what each completed event came
// to, end() reads the state the stream ended in. A valid event is handed on
// as its value alone, anything else as a Verdict; this file is the only one
// that reads the structs of src/sse.h, whose layouts live in wasm-layout.js.
import { CODE, FLAGS, WASM_ERROR } from "../schema.js";
import { EVENT, RESULT, SSE_DATA, SSE_DONE, SSE_NONE, SSE_OUT_OF_MEMORY, SSE_TOO_LARGE, STATE } from "../wasm-layout.js";
import { encodeGeneralized } from "../input.js";
import { errorSettingsOf, streamIssue } from "./errors.js";

// Chunks go into wasm memory in slices of at most this many bytes, so a huge
// chunk costs no more wasm memory than a small one: the parser keeps only
// the event it is in.
const SLICE_BYTES = 256 * 1024;

const u64 = (u32, word) => u32[word] + u32[word + 1] * 2 ** 32;

const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ engine, instance, pointer }) =>
        engine.use((live) => {
          if (live === instance) live.exports.cw_sse_wasm_free(pointer);
        }, true),
      )
    : null;

function outOfMemory(engine) {
  return new engine.CompletionWasmError(WASM_ERROR.OUT_OF_MEMORY, "WebAssembly memory could not grow while reading the stream; the module was reset");
}

/**
 * What a chunk's events came to, other than a valid event (which is handed
 * on as its value alone, see Parser.push): kind "event" (a valid event,
 * when onEvent wants its info), "done", "invalid" (issues) or "error" (an
 * error envelope as `value`, with the issues it had as an event).
 */
export class Verdict {
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
export class Parser {
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
      throw new this.engine.CompletionWasmError(WASM_ERROR.INSTANCE_REPLACED, "the WebAssembly core was reset while this stream was being read");
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
      CODE.EVENT_TOO_LARGE,
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
