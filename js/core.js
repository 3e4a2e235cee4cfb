// core.js: the API, bound to one way of getting the compiled module. Each
// package entry (index.js: inline bytes; workerd.js and edge-light.js: the
// .wasm imported as a module) calls bindCore with its own default source, so
// no entry carries another runtime's loading code. See index.d.ts for the API.
import { camelCase, forgetStaticStrings, readCString, readIssues, readTape, resultIsValid } from "./decode.js";
import { asBytes, checkStreamContentType, encoder, isArrayBuffer, isWellFormed, LONE_SURROGATE, openSource, tag } from "./input.js";
import { CODE, CODE_NAMES, DEFAULTS, ENDPOINTS, FLAGS, KEYS, ON_INVALID, PROFILE_SHIFT, PROFILES, SCHEMA_SHIFT, UNKNOWN_KEYS, WASM_ERROR } from "./schema.js";
import { LARGEST_WASM_SIZE } from "./wasm-layout.js";

const { UNKNOWN_KEEP, UNKNOWN_REJECT, OPEN_ENUMS, WRITE_TAPE } = FLAGS;

export class CompletionValidationError extends Error {
  /** `document` names what was invalid in the message: a CompletionResponse unless said. */
  constructor(issues, document = "CompletionResponse") {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
    super(`Invalid ${document}: ${first.message}${more}`);
    this.name = "CompletionValidationError";
    this.issues = issues;
  }
}

/**
 * A non-2xx response, or an error a server sent in a body or inside a stream:
 * `body` is the profile's typed error, or the envelope as sent (with `issues`
 * saying how it departs from the profile's error schema), or undefined (with
 * `issues` saying why the body is no error envelope). Made only by the streaming engine (js/stream/),
 * which words the message (apiErrorMessage); defined here, so that every
 * entry exports the one class instanceof checks against.
 */
export class CompletionApiError extends Error {
  constructor(message, { status, body, issues, event }) {
    const error = body?.error;
    super(message);
    this.name = "CompletionApiError";
    this.status = status;
    this.body = body;
    this.issues = issues;
    // The server's own words, as the openai client's APIError has them.
    this.type = error?.type;
    this.code = error?.code;
    this.param = error?.param;
    if (event !== undefined) this.event = event;
  }
}

/** A failure of the WebAssembly core, not of the input; `code` says which (WASM_ERROR; src/schema.yaml says what each means). */
export class CompletionWasmError extends Error {
  constructor(code, message, cause) {
    super(`completion-wasm: ${message}`, { cause });
    this.name = "CompletionWasmError";
    this.code = code;
  }
}

// ---- the instance ----

/** A live instance: its exports, views of its memory, and the schema's key names. */
function instantiate(compiled) {
  let views = null;
  const instance = new WebAssembly.Instance(compiled, {
    env: {
      emscripten_notify_memory_growth: () => {
        views = null;
      },
    },
  });
  const exports = instance.exports;
  exports._initialize();
  const memoryViews = () => {
    if (views === null || views.bytes.buffer !== exports.memory.buffer) {
      const buffer = exports.memory.buffer;
      views = { bytes: new Uint8Array(buffer), u32: new Uint32Array(buffer), f64: new Float64Array(buffer) };
    }
    return views;
  };
  forgetStaticStrings();
  // The schemas' field names, by cw_key id, from the tables the core reads
  // (src/schema.yaml), in each key style. Read when a parse first builds an
  // object, not here: validate never needs them, and reading them here made
  // every process's first call slower (tests/bench/startup.js measures it).
  let wire, camel;
  const keyNames = {
    get wire() {
      if (wire === undefined) {
        wire = [];
        for (let key = 0, name; (name = exports.cw_key_name(key)) !== 0; key++) wire.push(readCString(memoryViews().bytes, name));
      }
      return wire;
    },
    get camel() {
      return (camel ??= keyNames.wire.map(camelCase));
    },
  };
  return { exports, memoryViews, keyNames };
}

function compileSync(source) {
  if (tag(source) === "[object WebAssembly.Module]") return source;
  if (ArrayBuffer.isView(source) || isArrayBuffer(source)) return new WebAssembly.Module(source);
  throw new TypeError("completion-wasm: initSync() takes a WebAssembly.Module or the .wasm bytes (ArrayBuffer or a view)");
}

async function compileAsync(source) {
  if (typeof source === "string" || tag(source) === "[object URL]") return compileAsync(await fetch(source));
  if (tag(source) === "[object Response]") {
    if (!source.ok) throw new CompletionWasmError(WASM_ERROR.FETCH_FAILED, `fetching the .wasm failed with HTTP ${source.status}`);
    // compileStreaming insists on Content-Type: application/wasm; fall back to the bytes when a server omits it.
    const type = source.headers.get("content-type") || "";
    if (typeof WebAssembly.compileStreaming === "function" && type.startsWith("application/wasm")) {
      return WebAssembly.compileStreaming(source);
    }
    return WebAssembly.compile(await source.arrayBuffer());
  }
  if (tag(source) === "[object WebAssembly.Module]") return source;
  if (ArrayBuffer.isView(source) || isArrayBuffer(source)) return WebAssembly.compile(source);
  throw new TypeError("completion-wasm: init() takes a WebAssembly.Module, .wasm bytes, a Response, a URL, or a promise of one");
}

// Cloudflare Workers, Vercel Edge and pages whose Content-Security-Policy
// lacks 'wasm-unsafe-eval' refuse to compile wasm from bytes, with a message
// naming none of the fixes; this one says which entry or header fixes it.
const REFUSED = /disallowed by embedder|Content.Security.Policy|\bCSP\b|unsafe-eval/i;

function explainRefusal(error) {
  if (!REFUSED.test(String(error?.message))) return error;
  return new CompletionWasmError(
    WASM_ERROR.REFUSED,
    `this runtime refuses to compile WebAssembly from bytes (${error.message}). ` +
      'Cloudflare Workers: import "completion-wasm/workerd". Vercel Edge, Next.js edge: import "completion-wasm/edge-light". ' +
      "A page with a Content-Security-Policy: add 'wasm-unsafe-eval' to script-src.",
    error,
  );
}

/**
 * For the workerd and edge-light entries: their bundler turns the .wasm
 * import into a compiled module; one that does not know the convention hands
 * over something else (Bun gives a file path), which is said here instead of
 * failing inside instantiate.
 */
export function importedModule(value, entry, specifier, runtime) {
  if (tag(value) === "[object WebAssembly.Module]") return value;
  throw new TypeError(`${entry}: importing "${specifier}" gave ${typeof value}, not a WebAssembly.Module; this entry is for ${runtime}. Elsewhere import "completion-wasm".`);
}

function rethrow(error) {
  throw error;
}

function compileOrExplain(compile) {
  try {
    return compile();
  } catch (error) {
    throw explainRefusal(error);
  }
}

// ---- options and input ----

function positiveInteger(value, name, fallback, largest) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > largest) {
    throw new RangeError(`completion-wasm: ${name} must be an integer from 1 to ${largest}, got ${String(value)}`);
  }
  return value;
}

function oneOf(value, name, allowed) {
  if (value === undefined) return allowed[0];
  if (!allowed.includes(value)) {
    throw new TypeError(`completion-wasm: ${name} must be ${allowed.map((a) => JSON.stringify(a)).join(" or ")}, got ${JSON.stringify(value)}`);
  }
  return value;
}

// The settings of a call without options, made once for each kind of call
// (validate, parse): most calls pass none, and reading them cost a tenth of
// a small response's check. Written out rather than read from {}: the first
// call of a process then compiles none of the option readers, a measurable
// part of its start-up (tests/bench/startup.js); tests/js/options-defaults.test.js
// holds them equal to what readGivenOptions({}) gives.
const settingsWithoutOptions = [undefined, undefined];

function readOptions(options, writeTape) {
  if (options === undefined) {
    return (settingsWithoutOptions[+writeTape] ??= Object.freeze({
      flags: writeTape ? WRITE_TAPE : 0,
      keys: KEYS.WIRE,
      profile: PROFILES[0],
      maxBytes: DEFAULTS.maxBytes,
      maxDepth: DEFAULTS.maxDepth,
      maxIssues: DEFAULTS.maxIssues,
    }));
  }
  return readGivenOptions(options, writeTape);
}

function readGivenOptions(options, writeTape) {
  if (options === null || typeof options !== "object") throw new TypeError("completion-wasm: options must be an object");
  const unknownKeys = oneOf(options.unknownKeys, "unknownKeys", Object.values(UNKNOWN_KEYS));
  const keys = oneOf(options.keys, "keys", Object.values(KEYS));
  const profile = oneOf(options.profile, "profile", PROFILES);
  let flags = (writeTape ? WRITE_TAPE : 0) | (profile === PROFILES[0] ? 0 : PROFILES.indexOf(profile) << PROFILE_SHIFT);
  if (unknownKeys === UNKNOWN_KEYS.KEEP) flags |= UNKNOWN_KEEP;
  if (unknownKeys === UNKNOWN_KEYS.REJECT) flags |= UNKNOWN_REJECT;
  if (options.openEnums !== undefined && typeof options.openEnums !== "boolean") {
    throw new TypeError("completion-wasm: openEnums must be a boolean");
  }
  if (options.openEnums) flags |= OPEN_ENUMS;
  return {
    flags,
    keys,
    profile,
    maxBytes: sizeOption(options.maxBytes, "maxBytes", DEFAULTS.maxBytes),
    maxDepth: positiveInteger(options.maxDepth, "maxDepth", DEFAULTS.maxDepth, DEFAULTS.maxDepthLimit),
    maxIssues: positiveInteger(options.maxIssues, "maxIssues", DEFAULTS.maxIssues, 0xffffffff),
  };
}

// The chat endpoint's response document (src/schema.yaml, endpoints), as the stream engine's endpoints.js reads it.
const CHAT_RESPONSE = ENDPOINTS.chat.response << SCHEMA_SHIFT;

/** The options of a whole /chat/completions body: those of a /completions one, the document changed. */
function readChatOptions(options, writeTape) {
  const settings = readOptions(options, writeTape);
  return { ...settings, flags: settings.flags | CHAT_RESPONSE };
}

/**
 * The options of the stream functions: the core's, plus how invalid events
 * are handled and the event size cap, for a stream (or body) of `endpoint`
 * (a name of ENDPOINTS; the first by default): the settings' flags name no
 * document, the stream engine adds the endpoint's.
 */
function readStreamOptions(options = {}, endpoint) {
  const core = readGivenOptions(options, true);
  const endpointName = oneOf(endpoint, "endpoint", Object.keys(ENDPOINTS));
  const onInvalid = oneOf(options.onInvalid, "onInvalid", Object.values(ON_INVALID));
  for (const name of ["onInvalidEvent", "onEvent"]) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new TypeError(`completion-wasm: ${name} must be a function`);
    }
  }
  const maxEventBytes = sizeOption(options.maxEventBytes, "maxEventBytes", DEFAULTS.maxEventBytes);
  return { ...core, endpoint: endpointName, onInvalid, onInvalidEvent: options.onInvalidEvent, onEvent: options.onEvent, maxEventBytes };
}

/** A byte-count option: an integer from 1 to what a wasm32 size_t holds. */
function sizeOption(value, name, fallback) {
  return positiveInteger(value, name, fallback, LARGEST_WASM_SIZE);
}

const LARGE_STRING = 1 << 20;

// A JS string with a lone surrogate has no UTF-8 form; TextEncoder would
// silently substitute U+FFFD, so it is reported instead (as invalid_utf8).
function loneSurrogateIssue(text) {
  const match = LONE_SURROGATE.exec(text);
  const before = text.slice(0, match.index);
  const lines = before.split(/\r\n|\r|\n/);
  const unit = text.charCodeAt(match.index).toString(16).toUpperCase();
  return {
    code: CODE.INVALID_UTF8,
    path: [],
    pathString: "",
    expected: "well-formed UTF-16 text",
    received: `lone surrogate U+${unit}`,
    message: `Invalid text at index ${match.index}: lone surrogate U+${unit} has no UTF-8 encoding`,
    offset: encoder.encode(before).length,
    line: lines.length,
    column: lines[lines.length - 1].length + 1,
  };
}

// UTF-8 length of well-formed or not UTF-16 text (a lone surrogate counts 3, as its U+FFFD would).
function utf8Length(text) {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x800) length += 2;
    else if (unit >= 0x80) length += 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++; // a pair: 4 bytes for 2 units, counted 2 + 2 so far
    }
  }
  return length;
}

/**
 * Writes the input into wasm memory. Returns {pointer, length}
 * or {issue} for a JS string that cannot be UTF-8.
 */
function copyIn(core, input, options) {
  const { exports, memoryViews } = core;
  if (typeof input === "string") {
    // UTF-8 is never shorter than UTF-16, so this needs no encoding; the exact
    // length is counted only to say it, as byte input would.
    if (input.length > options.maxBytes) return { pointer: 0, length: utf8Length(input) };
    if (!isWellFormed(input)) return { issue: loneSurrogateIssue(input) };
    if (input.length > LARGE_STRING) return copyBytes(core, encoder.encode(input), options); // exact size, not 3x
    const room = input.length * 3;
    const pointer = exports.cw_wasm_input(room);
    if (pointer === 0) throw outOfMemory(room);
    const { written } = encoder.encodeInto(input, memoryViews().bytes.subarray(pointer, pointer + room));
    return { pointer, length: written };
  }
  return copyBytes(core, asBytes(input, "input must be a string, Uint8Array, ArrayBuffer or DataView"), options);
}

function copyBytes(core, bytes, options) {
  if (bytes.length > options.maxBytes) return { pointer: 0, length: bytes.length };
  const pointer = core.exports.cw_wasm_input(bytes.length);
  if (pointer === 0) throw outOfMemory(bytes.length);
  core.memoryViews().bytes.set(bytes, pointer);
  return { pointer, length: bytes.length };
}

function outOfMemory(bytes) {
  return new CompletionWasmError(WASM_ERROR.OUT_OF_MEMORY, `WebAssembly memory could not grow to check ${bytes} bytes; the module was reset`);
}

// ---- one call into the core ----

/** Runs the core once; returns {valid, value?, issues}. */
function checkOnce(core, input, options, buildValue) {
  const copied = copyIn(core, input, options);
  if (copied.issue) return { valid: false, issues: [copied.issue] };
  const { exports } = core;
  const length = Math.min(copied.length, 0xffffffff);
  const result = exports.cw_wasm_check(length, options.maxBytes, options.maxDepth, options.maxIssues, options.flags);
  if (result === 0) throw outOfMemory(copied.length);
  const memory = core.memoryViews();
  if (resultIsValid(memory, result)) {
    const value = buildValue ? readTape(memory, result, copied.pointer, core.keyNames[options.keys]) : undefined;
    return { valid: true, value, issues: [] };
  }
  const context = { ...options, inputBytes: copied.length };
  return { valid: false, issues: readIssues(memory, result, context) };
}

// ---- the API ----

/**
 * The API with its own instance, made when first needed from
 * defaultModule() (or what init()/initSync() were given).
 * @param {() => WebAssembly.Module} defaultModule
 */
export function bindCore(defaultModule) {
  let compiled = null; // kept, to re-instantiate after a failure
  let core = null; // the live instance
  let initPromise = null;

  function start(module) {
    core = instantiate(module);
    compiled = module;
  }

  function initSync(source) {
    if (core === null) start(compileOrExplain(() => (source === undefined ? defaultModule() : compileSync(source))));
  }

  function init(source) {
    if (initPromise === null && core !== null) initPromise = Promise.resolve(); // initialised synchronously
    if (initPromise === null) {
      initPromise = (async () => {
        const awaited = await source;
        const module = awaited === undefined ? defaultModule() : await compileAsync(awaited);
        if (core === null) start(module);
      })().catch((error) => {
        throw explainRefusal(error);
      });
      // A failed attempt may be retried.
      initPromise.catch(() => {
        initPromise = null;
      });
    }
    return initPromise;
  }

  function check(input, options, buildValue) {
    return use((live) => checkOnce(live, input, options, buildValue));
  }

  /**
   * Runs callback(instance) on the live instance, made first if needed (or,
   * with ifLive, skipped when there is none), and drops the instance when
   * the callback traps or exhausts memory.
   */
  function use(callback, ifLive = false) {
    if (core === null && ifLive) return undefined;
    if (core === null) start(compiled ?? compileOrExplain(defaultModule));
    try {
      return callback(core);
    } catch (error) {
      // A trap or exhausted memory leaves the instance in an unknown state:
      // drop it, so that the next call starts a fresh one.
      if (error instanceof WebAssembly.RuntimeError) {
        core = null;
        throw new CompletionWasmError(WASM_ERROR.TRAP, `the WebAssembly core failed (${error.message}); it was reset`, error);
      }
      if (error instanceof CompletionWasmError && error.code === WASM_ERROR.OUT_OF_MEMORY) core = null;
      throw error;
    }
  }

  // ---- streams: the engine (js/stream/bind.js) is loaded on first use ----

  // What the streaming engine and the subpaths use of this module and of decode.js
  // comes through here, not through imports: bundled apart, they carry no
  // second copy of them, and they share this instance and these error classes.
  /** @type {import("./engine.js").Engine} */
  const engine = { use, check, readOptions, readStreamOptions, readTape, readIssues, streamsOf, CompletionValidationError, CompletionApiError, CompletionWasmError };
  let streamsPromise = null;
  let streams = null; // bindStream(engine), once the engine has loaded

  /** The streaming engine on this instance, from js/stream/bind.js as loaded by whoever needed it first. */
  function streamsOf(module) {
    return (streams ??= module.bindStream(engine));
  }

  function loadStreams() {
    streamsPromise ??= import("./stream/bind.js").then(streamsOf);
    // A failed load may be retried.
    streamsPromise.catch(() => {
      streamsPromise = null;
    });
    return streamsPromise;
  }

  /** The source as a reader, checked now, so that misuse throws at the call rather than at the first event. */
  function openStream(source, options, endpoint) {
    const settings = readStreamOptions(options, endpoint);
    const input = openSource(source);
    if (input.response?.ok) checkStreamContentType(input.response);
    return { settings, input };
  }

  // The first stream waits for the engine; later ones get its generator
  // itself, with no extra layer per event.
  async function* eventsOnceLoaded(input, settings) {
    try {
      await loadStreams();
    } catch (error) {
      await input.cancel().catch(() => {});
      throw error;
    }
    yield* streams.events(input, settings);
  }

  return {
    init,
    initSync,
    /** For the subpaths (completion-wasm/stream, /standard-schema), which share this instance; not part of the API. */
    internals: engine,
    /** Returns the typed object, or throws CompletionValidationError. */
    parseCompletionResponse(input, options) {
      const outcome = check(input, readOptions(options, true), true);
      if (!outcome.valid) throw new CompletionValidationError(outcome.issues);
      return outcome.value;
    },
    /** `{ success: true, data }` or `{ success: false, error }`; throws only for misuse (bad options or input type). */
    safeParseCompletionResponse(input, options) {
      const outcome = check(input, readOptions(options, true), true);
      return outcome.valid ? { success: true, data: outcome.value } : { success: false, error: new CompletionValidationError(outcome.issues) };
    },
    /** The issues only (`[]` when valid); builds no objects. */
    validateCompletionResponse(input, options) {
      return check(input, readOptions(options, false), false).issues;
    },
    /** A /chat/completions body: the typed object, or throws CompletionValidationError. */
    parseChatCompletion(input, options) {
      const outcome = check(input, readChatOptions(options, true), true);
      if (!outcome.valid) throw new CompletionValidationError(outcome.issues, "ChatCompletion");
      return outcome.value;
    },
    /** A /chat/completions body: `{ success: true, data }` or `{ success: false, error }`. */
    safeParseChatCompletion(input, options) {
      const outcome = check(input, readChatOptions(options, true), true);
      return outcome.valid ? { success: true, data: outcome.value } : { success: false, error: new CompletionValidationError(outcome.issues, "ChatCompletion") };
    },
    /** A /chat/completions body: the issues only (`[]` when valid). */
    validateChatCompletion(input, options) {
      return check(input, readChatOptions(options, false), false).issues;
    },
    /** Yields each validated CompletionStreamEvent; see index.d.ts. */
    parseCompletionStream(source, options) {
      const { settings, input } = openStream(source, options);
      return streams !== null ? streams.events(input, settings) : eventsOnceLoaded(input, settings);
    },
    /** One CompletionResponse from the whole stream; see index.d.ts. */
    async collectCompletion(source, options) {
      const { settings, input } = openStream(source, options);
      await loadStreams();
      return streams.collect(input, settings);
    },
    /** Yields each validated ChatCompletionChunk of a /chat/completions stream; see index.d.ts. */
    parseChatCompletionStream(source, options) {
      const { settings, input } = openStream(source, options, "chat");
      return streams !== null ? streams.events(input, settings) : eventsOnceLoaded(input, settings);
    },
    /** One ChatCompletion from a whole /chat/completions stream, assembled as the openai package does; see index.d.ts. */
    async collectChatCompletion(source, options) {
      const { settings, input } = openStream(source, options, "chat");
      await loadStreams();
      return streams.collect(input, settings);
    },
    /** A fetch Response, JSON or SSE by Content-Type, as one CompletionResponse or ChatCompletion (by its URL); see index.d.ts. */
    async parseResponse(response, options) {
      await loadStreams();
      return streams.parseResponse(response, options);
    },
    /** A fetch that checks /completions responses on their way through; see index.d.ts. */
    validatingFetch(options = {}, fetchImpl = globalThis.fetch) {
      const { onInvalid, ...rest } = options;
      if (onInvalid !== undefined && typeof onInvalid !== "function") throw new TypeError("completion-wasm: validatingFetch's onInvalid must be a function");
      if (typeof fetchImpl !== "function") throw new TypeError("completion-wasm: validatingFetch needs a fetch function");
      const settings = readStreamOptions(rest);
      settings.flags &= ~WRITE_TAPE; // checked, not built: the caller reads the server's bytes
      settings.report = onInvalid ?? rethrow;
      return async (input, init) => {
        await loadStreams();
        return streams.checkedFetch(fetchImpl, input, init, settings);
      };
    },
  };
}

/** The stable issue codes, for exhaustive handling. */
export const ISSUE_CODES = Object.freeze(CODE_NAMES.slice(1));

export { DEFAULTS, PROFILES };
