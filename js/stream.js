// stream.js: the streaming API (see index.d.ts): text/event-stream bodies
// read chunk by chunk by the C parser (src/sse.c), each event's data checked
// in wasm as a CompletionStreamEvent and turned into an object from the tape,
// as for whole responses. bindStream is called by bindCore, which hands over
// its instance through a small hook, so each package entry keeps one
// instance for both APIs.
import { readIssues, readTape } from "./decode.js";

const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024; // CW_SSE_DEFAULT_MAX_EVENT_BYTES in src/sse.h
// Chunks go into wasm memory in slices of at most this many bytes, so a huge
// chunk costs no more wasm memory than a small one: the parser keeps only
// the event it is in.
const SLICE_BYTES = 256 * 1024;

// cw_sse_kind and the word offsets of cw_sse_event / cw_sse_state (src/sse.h;
// src/sse_exports.c pins their wasm32 layout).
const KIND = { NONE: 0, DATA: 1, DONE: 2, TOO_LARGE: 3, OUT_OF_MEMORY: 4 };
const EVENT = { offset: 0, dataOffset: 2, kind: 4, index: 5, line: 6, dataLine: 7, dataColumn: 8, dataLength: 9, data: 10, result: 15 };
const STATE = { bytes: 0, line: 4, column: 5, events: 6, done: 7, pending: 8, pendingDone: 9 };

const tag = (value) => Object.prototype.toString.call(value);
const u64 = (u32, word) => u32[word] + u32[word + 1] * 2 ** 32;

// ---- errors ----

/** A non-2xx response, or an error envelope sent inside a stream: the typed R9SError when the body is one. */
export class CompletionApiError extends Error {
  constructor(message, { status, body, issues, event }) {
    super(message);
    this.name = "CompletionApiError";
    this.status = status;
    this.body = body;
    this.issues = issues;
    if (event !== undefined) this.event = event;
  }
}

/** An issue of the stream itself (not of one event's JSON): positions are in the stream. */
function streamIssue(code, expected, received, message, where) {
  return { code, path: [], pathString: "", expected, received, message, offset: where.offset, line: where.line, column: where.column };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---- options and sources ----

function readStreamOptions(hook, options = {}) {
  const core = hook.readOptions(options, true);
  const onInvalid = options.onInvalid ?? "throw";
  if (onInvalid !== "throw" && onInvalid !== "skip") {
    throw new TypeError(`completion-wasm: onInvalid must be "throw" or "skip", got ${JSON.stringify(onInvalid)}`);
  }
  for (const name of ["onInvalidEvent", "onEvent"]) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new TypeError(`completion-wasm: ${name} must be a function`);
    }
  }
  const maxEventBytes = hook.sizeOption(options.maxEventBytes, "maxEventBytes", DEFAULT_MAX_EVENT_BYTES);
  return { ...core, onInvalid, onInvalidEvent: options.onInvalidEvent, onEvent: options.onEvent, maxEventBytes };
}

/**
 * The options an error body is checked with: its own schema, and a tape to
 * read it from. Unknown fields are let through, as an error is worth
 * reading even when a server adds fields to it.
 */
function errorSettingsOf(hook, settings) {
  return { ...settings, flags: hook.errorEnvelopeFlags(settings.flags) };
}

function isResponse(value) {
  return tag(value) === "[object Response]" ||
    (value !== null && typeof value === "object" && typeof value.status === "number" &&
      "body" in value && typeof value.headers?.get === "function");
}

/**
 * One way to pull chunks from any accepted source: { response?, read(),
 * cancel() }; read() resolves to { done, value } like a stream reader.
 */
function openSource(source) {
  if (isResponse(source)) {
    const body = source.body;
    const input = body ? readerOf(body) : { read: async () => ({ done: true }), cancel: async () => {} };
    return { ...input, response: source };
  }
  if (source !== null && typeof source === "object" && typeof source.getReader === "function") return readerOf(source);
  if (source !== null && typeof source === "object" && typeof source[Symbol.asyncIterator] === "function") {
    const iterator = source[Symbol.asyncIterator]();
    return {
      read: () => iterator.next(),
      cancel: async () => { await iterator.return?.(); },
    };
  }
  throw new TypeError(`completion-wasm: a stream source must be a ReadableStream, an async iterable of Uint8Array or string chunks, or a fetch Response; got ${tag(source)}`);
}

function readerOf(stream) {
  const reader = stream.getReader();
  let released = false;
  const release = () => {
    if (!released) reader.releaseLock();
    released = true;
  };
  return {
    read: () => reader.read(),
    cancel: async () => {
      if (released) return;
      try {
        await reader.cancel();
      } finally {
        release();
      }
    },
    release,
  };
}

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A string chunk as UTF-8. A lone surrogate has no UTF-8 form; it becomes
 * its 3-byte generalized encoding (0xED 0xA0..0xBF ..), which is not UTF-8,
 * so that an event holding one is reported as invalid_utf8 instead of being
 * silently changed to U+FFFD as TextEncoder would. A high surrogate at the
 * end of a chunk waits for the next chunk, which may start with its pair.
 */
function stringBytes(text, carry) {
  if (carry.surrogate !== "") {
    text = carry.surrogate + text;
    carry.surrogate = "";
  }
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    carry.surrogate = text[text.length - 1];
    text = text.slice(0, -1);
  }
  const wellFormed = typeof text.isWellFormed === "function" ? text.isWellFormed() : !LONE_SURROGATE.test(text);
  return wellFormed ? encoder.encode(text) : encodeGeneralized(text);
}

function encodeGeneralized(text) {
  let start = 0;
  const parts = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    parts.push(encoder.encode(text.slice(start, i)), Uint8Array.of(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)));
    start = i + 1;
  }
  if (parts.length === 0) return encoder.encode(text);
  parts.push(encoder.encode(text.slice(start)));
  return concatBytes(parts, parts.reduce((sum, part) => sum + part.length, 0));
}

function concatBytes(parts, total) {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function chunkBytes(chunk, carry) {
  if (typeof chunk === "string") return stringBytes(chunk, carry);
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (tag(chunk) === "[object ArrayBuffer]" || tag(chunk) === "[object SharedArrayBuffer]") return new Uint8Array(chunk);
  throw new TypeError(`completion-wasm: stream chunks must be Uint8Array or string, got ${tag(chunk)}`);
}

/** Reads a body whole, but stops one byte past `limit`: the core's too_large needs no more. */
async function readCapped(input, limit) {
  const chunks = [];
  let total = 0;
  const carry = { surrogate: "" };
  for (;;) {
    const { done, value } = await input.read();
    if (done) break;
    const bytes = chunkBytes(value, carry);
    chunks.push(bytes.subarray(0, limit + 1 - total));
    total += chunks[chunks.length - 1].length;
    if (total > limit) {
      await input.cancel();
      break;
    }
  }
  return concatBytes(chunks, total);
}

// ---- the parser in wasm ----

const registry = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry(({ hook, instance, pointer }) => hook.use((live) => {
    if (live === instance) live.exports.cw_sse_wasm_free(pointer);
  }, true))
  : null;

function outOfMemory() {
  const error = new Error("completion-wasm: WebAssembly memory could not grow while reading the stream; the module was reset");
  error.resetsCore = true;
  return error;
}

/**
 * A cw_sse parser in the instance the hook gives. push(bytes) returns the
 * verdicts of the events those bytes complete, up to [DONE]; end() the
 * state the stream ended in.
 */
class Parser {
  constructor(hook, settings) {
    this.hook = hook;
    this.settings = settings;
    // Data events are checked with the options' flags; error events as error bodies are.
    this.errorFlags = errorSettingsOf(hook, settings).flags;
    this.pointer = 0;
    hook.use((instance) => {
      const { maxEventBytes, maxBytes, maxDepth, maxIssues, flags } = settings;
      const pointer = instance.exports.cw_sse_wasm_new(maxEventBytes, maxBytes, maxDepth, maxIssues, flags);
      if (pointer === 0) throw outOfMemory();
      this.instance = instance;
      this.pointer = pointer;
    });
    registry?.register(this, { hook, instance: this.instance, pointer: this.pointer }, this);
  }

  /** Runs callback(instance) on this parser's instance; fails if that instance was replaced. */
  call(callback) {
    return this.hook.use((instance) => {
      if (instance !== this.instance) {
        throw new Error("completion-wasm: the WebAssembly core was reset while this stream was being read");
      }
      return callback(instance);
    });
  }

  push(bytes) {
    const verdicts = [];
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      const slice = bytes.subarray(start, start + SLICE_BYTES);
      const done = this.call((instance) => {
        const { exports } = instance;
        const target = exports.cw_sse_wasm_buffer(this.pointer, slice.length);
        if (target === 0) throw outOfMemory();
        instance.memoryViews().bytes.set(slice, target);
        exports.cw_sse_wasm_feed(this.pointer, slice.length);
        for (;;) {
          const verdict = this.next(instance);
          if (verdict === null) return false;
          verdicts.push(verdict);
          if (verdict.kind === "done") return true;
        }
      });
      if (done) break;
    }
    return verdicts;
  }

  /** The next verdict of the chunk fed last, or null when it is used up. */
  next(instance) {
    const event = instance.exports.cw_sse_wasm_next(this.pointer) >>> 2;
    const memory = instance.memoryViews();
    const { u32 } = memory;
    const kind = u32[event + EVENT.kind];
    if (kind === KIND.NONE) return null;
    if (kind === KIND.OUT_OF_MEMORY) throw outOfMemory();
    const result = u32[event + EVENT.result];
    const data = u32[event + EVENT.data];
    const keyNames = instance.keyNames[this.settings.keys];
    if (kind === KIND.DATA && u32[result >>> 2] === 1) {
      // The common case: the position is worked out only for onEvent.
      const value = readTape(memory, result, data, keyNames);
      return { kind: "event", info: this.settings.onEvent ? eventInfo(u32, event) : undefined, value };
    }
    const info = eventInfo(u32, event);
    if (kind === KIND.DONE) return { kind: "done", info };
    if (kind === KIND.TOO_LARGE) return { kind: "invalid", info, issues: [this.tooLargeIssue(info)] };
    const context = { ...this.settings, inputBytes: u32[event + EVENT.dataLength] };
    const issues = readIssues(memory, result, context);
    // An error envelope sent in place of an event: a server's way to fail mid-stream.
    const envelope = instance.exports.cw_sse_wasm_recheck(this.pointer, this.errorFlags);
    if (envelope !== 0 && u32[envelope >>> 2] === 1) {
      return { kind: "error", info, body: readTape(instance.memoryViews(), envelope, data, keyNames), issues };
    }
    return { kind: "invalid", info, issues };
  }

  tooLargeIssue(info) {
    const max = this.settings.maxEventBytes;
    return streamIssue("event_too_large", `at most ${max} bytes per event`, "a larger event",
      `Event ${info.index} is larger than maxEventBytes (${max}); the rest of it was skipped`,
      { offset: info.offset, line: info.line, column: 1 });
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
    this.hook.use((instance) => {
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
    : state.pending ? "the end of the stream inside an event" : "the end of the stream";
  const why = state.pendingDone ? ": the [DONE] event was not finished by a blank line" : state.pending ? ": the last event was cut off" : "";
  return streamIssue("truncated_stream", "an event with data [DONE]", received,
    `The stream ended after ${plural(state.events, "event")} without the [DONE] event${why}`, {
      offset: state.bytes, line: state.line, column: state.column,
    });
}

// ---- the API ----

/**
 * The streaming functions, on the instance of one bindCore.
 * @param hook {{ use(callback): any, check(input, options, build): object, readOptions(options, writeTape): object,
 *               CompletionValidationError: typeof Error }}
 */
export function bindStream(hook) {
  const { CompletionValidationError } = hook;

  function eventError(issues, info) {
    const error = new CompletionValidationError(issues);
    const more = issues.length > 1 ? ` (and ${plural(issues.length - 1, "more issue")})` : "";
    error.message = `Invalid CompletionStreamEvent (event ${info.index}, line ${info.line} of the stream): ${issues[0].message}${more}`;
    error.event = info;
    return error;
  }

  function streamError(issue) {
    const error = new CompletionValidationError([issue]);
    error.message = `Invalid completion stream: ${issue.message}`;
    return error;
  }

  /** The body of a non-2xx response as a CompletionApiError. */
  async function apiError(response, input, settings) {
    const bytes = await readCapped(input, settings.maxBytes);
    const outcome = hook.check(bytes, errorSettingsOf(hook, settings), true);
    const status = response.status;
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    if (outcome.valid) {
      const { error } = outcome.value;
      return new CompletionApiError(`HTTP ${status}${statusText}: ${error.message} (${error.type})`, {
        status, body: outcome.value, issues: [],
      });
    }
    return new CompletionApiError(`HTTP ${status}${statusText}; the body is not an R9SError: ${outcome.issues[0].message}`, {
      status, body: undefined, issues: outcome.issues,
    });
  }

  function checkContentType(response) {
    const type = response.headers.get("content-type") ?? "";
    if (/json/i.test(type) && !/event-stream/i.test(type)) {
      throw new TypeError(`completion-wasm: the response is ${type}, not text/event-stream; parseResponse() reads both`);
    }
  }

  /** Invalid events: thrown, or handed to onInvalidEvent and skipped. */
  function report(error, settings) {
    if (settings.onInvalid === "throw") throw error;
    settings.onInvalidEvent?.(error);
  }

  /** The events; outcome.end is set to where the stream ended ([DONE] or the end of the body). */
  async function* events(input, settings, outcome = {}) {
    const parser = new Parser(hook, settings);
    let finished = false; // the source was read to its end (nothing to cancel)
    try {
      if (input.response !== undefined && !input.response.ok) {
        throw await apiError(input.response, input, settings);
      }
      const carry = { surrogate: "" };
      for (;;) {
        const { done, value } = await input.read();
        if (done) {
          finished = true;
          break;
        }
        for (const verdict of parser.push(chunkBytes(value, carry))) {
          if (verdict.kind === "event") {
            settings.onEvent?.(verdict.value, verdict.info);
            yield verdict.value;
          } else if (verdict.kind === "done") {
            outcome.end = { offset: verdict.info.offset, line: verdict.info.line, column: 1 };
            return;
          } else if (verdict.kind === "error") {
            const { error } = verdict.body;
            report(new CompletionApiError(`The stream sent an error (event ${verdict.info.index}): ${error.message} (${error.type})`, {
              status: input.response?.status, body: verdict.body, issues: [], event: verdict.info,
            }), settings);
          } else {
            report(eventError(verdict.issues, verdict.info), settings);
          }
        }
      }
      if (carry.surrogate !== "") parser.push(encodeGeneralized(carry.surrogate));
      const state = parser.end();
      outcome.end = { offset: state.bytes, line: state.line, column: state.column };
      report(streamError(truncatedIssue(state)), settings);
    } finally {
      parser.free();
      if (finished) input.release?.();
      // [DONE], an error or the consumer stopped: the rest of the body is not wanted. A source that
      // failed may fail again on cancel; its first error is the one to see.
      else await input.cancel().catch(() => {});
    }
  }

  /** Yields each validated CompletionStreamEvent; see index.d.ts. */
  function open(source, options, outcome) {
    const settings = readStreamOptions(hook, options);
    const input = openSource(source);
    if (input.response !== undefined && input.response.ok) checkContentType(input.response);
    return { settings, stream: events(input, settings, outcome) };
  }

  /** Yields each validated CompletionStreamEvent; see index.d.ts. */
  function parseCompletionStream(source, options) {
    return open(source, options).stream;
  }

  /** One CompletionResponse from the whole stream; see index.d.ts. */
  async function collectCompletion(source, options) {
    const outcome = {};
    const { settings, stream } = open(source, options, outcome);
    const assembly = new Assembly(settings);
    for await (const event of stream) assembly.add(event);
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
    const settings = readStreamOptions(hook, options);
    if (!isResponse(response)) throw new TypeError(`completion-wasm: parseResponse() takes a fetch Response, got ${tag(response)}`);
    const type = response.headers.get("content-type") ?? "";
    if (response.ok && /text\/event-stream/i.test(type)) return collectCompletion(response, options);
    const input = openSource(response);
    if (!response.ok) throw await apiError(response, input, settings);
    const bytes = await readCapped(input, settings.maxBytes);
    const outcome = hook.check(bytes, settings, true);
    if (!outcome.valid) throw new CompletionValidationError(outcome.issues);
    return outcome.value;
  }

  return { parseCompletionStream, collectCompletion, parseResponse };
}

// ---- assembling the response ----

const FINISH_REASONS_EXPECTED = '"stop" | "length" | "content_filter"';

/**
 * Builds the CompletionResponse: the stream's id/object/created/model (from
 * its first event), each index's texts joined in order, each choice's last
 * non-null finish_reason, logprobs merged (arrays concatenated), the last
 * usage sent; with unknownKeys "keep", unknown fields (last value wins) and
 * system_fingerprint. obfuscation is per-event padding and is dropped.
 */
class Assembly {
  constructor(settings) {
    const camel = settings.keys === "camel";
    this.names = {
      finish: camel ? "finishReason" : "finish_reason",
      fingerprint: camel ? "systemFingerprint" : "system_fingerprint",
    };
    this.keep = (settings.flags & 1) !== 0; // UNKNOWN_KEEP
    this.openEnums = (settings.flags & 4) !== 0;
    this.head = null;
    this.choices = new Map();
    this.usage = undefined;
    this.extra = {};
    this.events = 0;
  }

  add(event) {
    this.events++;
    this.head ??= event;
    for (const choice of event.choices) this.addChoice(choice);
    if (event.usage != null) this.usage = event.usage; // null until the last event, with include_usage
    if (this.keep) copyUnknown(this.extra, event, ["id", "object", "created", "model", "choices", "usage", "obfuscation"]);
  }

  addChoice(choice) {
    let slot = this.choices.get(choice.index);
    if (slot === undefined) {
      slot = { texts: [], logprobs: undefined, finish: null, extra: {} };
      this.choices.set(choice.index, slot);
    }
    slot.texts.push(choice.text);
    const reason = choice[this.names.finish];
    if (reason !== undefined && reason !== null) slot.finish = reason;
    if (choice.logprobs !== undefined) slot.logprobs = mergeLogprobs(slot.logprobs, choice.logprobs);
    if (this.keep) copyUnknown(slot.extra, choice, ["text", "index", "logprobs", this.names.finish]);
  }

  /** { value, issues }: issues when a required field has no value; `end` is where the stream ended. */
  finish(end) {
    const issues = [];
    if (this.head === null) {
      for (const key of ["id", "object", "created", "model"]) {
        issues.push(assemblyIssue([key], "a value from the stream's events", `${key}: no event carried it (the stream had no events)`, end));
      }
      return { issues };
    }
    const { id, object, created, model } = this.head;
    const choices = [...this.choices.keys()].sort((a, b) => a - b).map((index) => {
      const slot = this.choices.get(index);
      const choice = { text: slot.texts.join(""), index };
      if (slot.logprobs !== undefined) choice.logprobs = slot.logprobs;
      choice[this.names.finish] = slot.finish;
      if (slot.finish === null) {
        issues.push(assemblyIssue(["choices", index, "finish_reason"], this.openEnums ? "string" : FINISH_REASONS_EXPECTED,
          `choices[${index}].finish_reason: no event gave choice ${index} a finish_reason`, end));
      }
      return Object.assign(choice, slot.extra);
    });
    const value = { id, object, created, model, choices };
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
