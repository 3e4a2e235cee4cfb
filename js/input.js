// input.js: what users hand the API, turned into bytes and readers. Shared
// by core.js (whole responses) and the streaming engine in stream/ (streams),
// so that both treat strings, views and bodies alike. Stateless.

export const tag = (value) => Object.prototype.toString.call(value);

export function isArrayBuffer(value) {
  const t = tag(value);
  return t === "[object ArrayBuffer]" || t === "[object SharedArrayBuffer]";
}

/** A byte view of a Uint8Array, another view or an ArrayBuffer; anything else is a TypeError naming `what`. */
export function asBytes(input, what) {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isArrayBuffer(input)) return new Uint8Array(input);
  throw new TypeError(`completion-wasm: ${what}, got ${tag(input)}`);
}

export const encoder = new TextEncoder();
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string has a UTF-8 form (no lone surrogate). */
export function isWellFormed(text) {
  return typeof text.isWellFormed === "function" ? text.isWellFormed() : !LONE_SURROGATE.test(text);
}

// ---- stream chunks ----

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
  return isWellFormed(text) ? encoder.encode(text) : encodeGeneralized(text);
}

export function encodeGeneralized(text) {
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
  return concatBytes(
    parts,
    parts.reduce((sum, part) => sum + part.length, 0),
  );
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

/** One chunk of a stream as bytes; `carry` holds a high surrogate that ended the last string chunk. */
export function chunkBytes(chunk, carry) {
  if (typeof chunk === "string") return stringBytes(chunk, carry);
  return asBytes(chunk, "stream chunks must be Uint8Array or string");
}

/** Reads a body whole, but stops one byte past `limit`: the core's too_large needs no more. */
export async function readCapped(input, limit) {
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

// ---- stream sources ----

export function isResponse(value) {
  return (
    tag(value) === "[object Response]" ||
    (value !== null && typeof value === "object" && typeof value.status === "number" && "body" in value && typeof value.headers?.get === "function")
  );
}

/**
 * One way to pull chunks from any accepted source: { response?, read(),
 * cancel(), release?() }; read() resolves to { done, value } like a stream
 * reader. A ReadableStream is locked here, when the caller hands it over.
 */
export function openSource(source) {
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
      cancel: async () => {
        await iterator.return?.();
      },
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

/** parseCompletionStream reads event streams only; a JSON body is parseResponse's. */
export function checkStreamContentType(response) {
  const type = response.headers.get("content-type") ?? "";
  if (/json/i.test(type) && !/event-stream/i.test(type)) {
    throw new TypeError(`completion-wasm: the response is ${type}, not text/event-stream; parseResponse() reads both`);
  }
}
