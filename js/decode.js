// decode.js: turns what the C core leaves in wasm memory (a cw_result, see
// src/completion.h) into JS values: the tape into the typed object, issue
// records into CompletionIssue objects. Nothing here parses JSON.
import { CODE, CODE_NAMES, UNKNOWN_KEYS } from "./schema.js";
import {
  ISSUE,
  ISSUE_WORDS,
  RESULT,
  SEG_INDEX,
  SEGMENT,
  SEGMENT_WORDS,
  TAPE_ARRAY_BEGIN,
  TAPE_ARRAY_END,
  TAPE_ASCII,
  TAPE_FALSE,
  TAPE_IN_STRINGS,
  TAPE_KEY_KNOWN,
  TAPE_NULL,
  TAPE_NUMBER,
  TAPE_NUMBER_TEXT,
  TAPE_OBJECT_BEGIN,
  TAPE_OBJECT_END,
  TAPE_OP_MASK,
  TAPE_OPERAND_SHIFT,
  TAPE_STRING,
  TAPE_TRUE,
} from "./wasm-layout.js";

const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** The camelCase form of a wire name, as the official SDK renames fields. */
export function camelCase(name) {
  return name.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
}

// Short strings are cheaper to build from their UTF-16 code units than
// through TextDecoder's per-call overhead; the units go through an array, as
// concatenating one char at a time is slower still. Tape strings are valid
// UTF-8 (the core checked them), so the short decoder needs no error
// handling. For non-ASCII text the crossover lies between 32 and 40 bytes
// on Node 24, whose TextDecoder uses SIMD, and much later on Node 20
// (tests/bench/strings.js measures both; the README's string-building table
// has the figures). The limit follows the Node users run.
export const SHORT_STRING = 32;
// ASCII up to this length goes through the recent-strings cache below: a
// hit (a stream's id or model, again) costs a comparison, less than any
// decoding.
export const SHORT_ASCII = 48;
// A miss is built from code units only this short: beyond it TextDecoder
// wins, on Node 20 and on Node 24 alike (tests/bench/strings.js; the
// README's string-building table).
export const SHORT_ASCII_UNITS = 16;

// Short ASCII strings recently built, by a slot chosen from their length and
// end bytes. Streams repeat most of their strings in every event (id, object,
// model, system_fingerprint, finish_reason), and comparing a string's bytes
// with the one in its slot costs less than building it again. A miss (a new
// string, or two strings sharing a slot) just builds it; a hit is exact.
const RECENT_SLOTS = 256;
const recent = new Array(RECENT_SLOTS).fill("");

function decodeBytes(bytes, start, length, ascii) {
  if (!ascii) return length > SHORT_STRING ? utf8.decode(bytes.subarray(start, start + length)) : decodeShortUtf8(bytes, start, length);
  if (length > SHORT_ASCII) return utf8.decode(bytes.subarray(start, start + length));
  if (length === 0) return "";
  const slot = (length * 7 + bytes[start] * 3 + bytes[start + length - 1]) & (RECENT_SLOTS - 1);
  const seen = recent[slot];
  if (seen.length === length) {
    let i = 0;
    while (i < length && seen.charCodeAt(i) === bytes[start + i]) i++;
    if (i === length) return seen;
  }
  return (recent[slot] = length > SHORT_ASCII_UNITS ? utf8.decode(bytes.subarray(start, start + length)) : decodeAscii(bytes, start, length));
}

/** ASCII bytes as a string, from their code units (tests/bench/strings.js times it against TextDecoder). */
export function decodeAscii(bytes, start, length) {
  const codes = new Array(length);
  for (let i = 0; i < length; i++) codes[i] = bytes[start + i];
  return String.fromCharCode.apply(null, codes);
}

/** Valid UTF-8 bytes as a string, from their UTF-16 code units (timed the same way). */
export function decodeShortUtf8(bytes, start, length) {
  const units = [];
  for (let i = start, end = start + length; i < end; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      units.push(lead);
      i += 1;
    } else if (lead < 0xe0) {
      units.push(((lead & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if (lead < 0xf0) {
      units.push(((lead & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else {
      // beyond the BMP: a surrogate pair
      const point = ((lead & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      units.push(0xd7c0 + (point >> 10), 0xdc00 | (point & 0x3ff));
      i += 4;
    }
  }
  return String.fromCharCode.apply(null, units);
}

// Like JSON.parse: "__proto__" becomes an own property, never the prototype.
function setMember(object, key, value) {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

// The tape being read. readTape runs to its end without calling out, so the
// reader's state lives here rather than in an object passed to every call:
// an event is a few dozen reads, and each saved property load counts.
let tapeWords = null; // Uint32Array over wasm memory
let tapeBytes = null; // Uint8Array over the same
let tapeNumbers = null; // Float64Array over the same
let position = 0; // the next tape word
let numberIndex = 0; // the next number
let stringsPointer = 0;
let inputPointer = 0;
let keyNames = null;

/**
 * Builds the object the tape describes.
 * @param {{u32: Uint32Array, bytes: Uint8Array, f64: Float64Array}} memory views of wasm memory
 * @param {number} resultPointer the cw_result
 * @param {number} input where the input bytes were written
 * @param {string[]} names names for CW_TAPE_KEY_KNOWN ids, in the chosen style
 */
export function readTape(memory, resultPointer, input, names) {
  const result = resultPointer >>> 2;
  tapeWords = memory.u32;
  tapeBytes = memory.bytes;
  tapeNumbers = memory.f64;
  position = tapeWords[result + RESULT.tape] >>> 2;
  numberIndex = tapeWords[result + RESULT.numbers] >>> 3;
  stringsPointer = tapeWords[result + RESULT.strings];
  inputPointer = input;
  keyNames = names;
  try {
    return readValue(tapeWords[position++]);
  } finally {
    // Views of a memory that may be replaced are not kept alive between calls.
    tapeWords = tapeBytes = tapeNumbers = keyNames = null;
  }
}

function readString(word) {
  const offset = tapeWords[position++];
  const length = tapeWords[position++];
  const base = word & TAPE_IN_STRINGS ? stringsPointer : inputPointer;
  return decodeBytes(tapeBytes, base + offset, length, (word & TAPE_ASCII) !== 0);
}

function readValue(word) {
  switch (word & TAPE_OP_MASK) {
    case TAPE_OBJECT_BEGIN:
      return readObject();
    case TAPE_ARRAY_BEGIN:
      return readArray();
    case TAPE_STRING:
      return readString(word);
    case TAPE_NUMBER:
      return tapeNumbers[numberIndex++];
    case TAPE_NUMBER_TEXT: {
      // JSON number syntax is a subset of Number()'s: the same double JSON.parse gives
      const offset = tapeWords[position++];
      const length = tapeWords[position++];
      return Number(decodeBytes(tapeBytes, inputPointer + offset, length, true));
    }
    case TAPE_TRUE:
      return true;
    case TAPE_FALSE:
      return false;
    case TAPE_NULL:
      return null;
    default:
      throw new Error(`completion-wasm: corrupt result (tape op ${word & TAPE_OP_MASK})`);
  }
}

function readObject() {
  const object = {};
  for (;;) {
    const word = tapeWords[position++];
    const op = word & TAPE_OP_MASK;
    // A schema field's name is never "__proto__": a plain store is JSON.parse's behaviour.
    if (op === TAPE_KEY_KNOWN) object[keyNames[word >>> TAPE_OPERAND_SHIFT]] = readValue(tapeWords[position++]);
    else if (op === TAPE_OBJECT_END) return object;
    // TAPE_KEY: any other member name, read as a string
    else setMember(object, readString(word), readValue(tapeWords[position++]));
  }
}

function readArray() {
  const array = [];
  for (;;) {
    const word = tapeWords[position++];
    if ((word & TAPE_OP_MASK) === TAPE_ARRAY_END) return array;
    array.push(readValue(word));
  }
}

// ---- issues ----

const staticStrings = new Map(); // C string literals never move: decode each once

/**
 * The NUL-terminated C string at `pointer`. ASCII (all of the schema's key
 * names, most messages) is built from char codes, which at start-up is
 * several times cheaper than a TextDecoder call per string.
 */
export function readCString(bytes, pointer) {
  let end = pointer,
    ascii = true;
  for (; bytes[end] !== 0; end++) if (bytes[end] >= 0x80) ascii = false;
  const view = bytes.subarray(pointer, end);
  return ascii ? String.fromCharCode.apply(null, view) : utf8.decode(view);
}

function cString(bytes, pointer) {
  if (pointer === 0) return undefined;
  let text = staticStrings.get(pointer);
  if (text === undefined) {
    text = readCString(bytes, pointer);
    staticStrings.set(pointer, text);
  }
  return text;
}

/** Forgets cached C strings; called when a new instance replaces the old one. */
export function forgetStaticStrings() {
  staticStrings.clear();
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `choices[2].finish_reason`; `["a key"]` for names that are not identifiers. */
export function pathToString(path) {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function clip(text, limit = 60) {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

// What was found, in words, from the bytes the core pointed at.
function describeReceived(code, raw) {
  switch (code) {
    case CODE.INVALID_UTF8:
      return `${raw.length === 1 ? "byte" : "bytes"} ${Array.from(raw, (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`).join(" ")}`;
    case CODE.INVALID_JSON: {
      const character = utf8.decode(raw);
      const point = character.codePointAt(0);
      return point < 0x20 || point === 0x7f ? `control character U+${point.toString(16).toUpperCase().padStart(4, "0")}` : JSON.stringify(character);
    }
    case CODE.NOT_INTEGER:
    case CODE.UNSAFE_INTEGER:
      return clip(utf8.decode(raw), 40);
    default:
      return clip(JSON.stringify(utf8.decode(raw)));
  }
}

function readPath(memory, pointer, length) {
  const { u32, bytes } = memory;
  const path = new Array(length);
  for (let i = 0, s = pointer >>> 2; i < length; i++, s += SEGMENT_WORDS) {
    const key = u32[s + SEGMENT.key];
    path[i] = u32[s + SEGMENT.kind] === SEG_INDEX ? u32[s + SEGMENT.index] : utf8.decode(bytes.subarray(key, key + u32[s + SEGMENT.keyLength]));
  }
  return path;
}

function message(issue, detail, context) {
  const where = issue.pathString === "" ? "the document" : issue.pathString;
  switch (issue.code) {
    case CODE.INVALID_JSON:
      return `Invalid JSON: ${detail}: expected ${issue.expected}, received ${issue.received}`;
    case CODE.INVALID_UTF8:
      return `Invalid UTF-8 at byte ${issue.offset}: ${detail} (${issue.received})`;
    case CODE.MISSING_FIELD:
      return `${where}: required field is missing (expected ${issue.expected})`;
    case CODE.NOT_INTEGER:
      return `${where}: expected an integer, received ${issue.received}`;
    case CODE.UNSAFE_INTEGER:
      return `${where}: ${issue.received} is not a safe integer (beyond ±(2^53−1))`;
    case CODE.DUPLICATE_KEY:
      return `${where}: duplicate key ${issue.received} (JSON.parse would keep only the last value)`;
    case CODE.UNKNOWN_FIELD:
      return `${where}: unknown field ${issue.received} (unknownKeys is "${UNKNOWN_KEYS.REJECT}")`;
    case CODE.TOO_LARGE:
      return `Input is larger than maxBytes (${context.maxBytes}): ${issue.received}`;
    case CODE.TOO_DEEP:
      return `Nesting deeper than maxDepth (${context.maxDepth})`;
    case CODE.TOO_MANY_ISSUES:
      return `${context.dropped} more issues were not reported (maxIssues is ${context.maxIssues})`;
    // A detail here is advice the schema gives for that wrong value (the r9s profile's word on OpenAI's object).
    default:
      return `${where}: expected ${issue.expected}, received ${issue.received}${detail ? `: ${detail}` : ""}`;
  }
}

// The limits' issues say what the limit and the input were, which only JS knows.
function describeLimits(issue, context) {
  if (issue.code === CODE.TOO_LARGE) {
    issue.expected = `at most ${context.maxBytes} bytes`;
    issue.received = `${context.inputBytes} bytes`;
  } else if (issue.code === CODE.TOO_DEEP) {
    issue.expected = `at most ${context.maxDepth} levels of nesting`;
    issue.received = `more than ${context.maxDepth} levels`;
  } else if (issue.code === CODE.TOO_MANY_ISSUES) {
    issue.expected = `at most ${context.maxIssues} issues`;
    issue.received = `${context.maxIssues + context.dropped} issues`;
  }
}

/**
 * The issues of a cw_result, in document order.
 * @param context {maxBytes, maxDepth, maxIssues, inputBytes} for the limits' wording
 */
export function readIssues(memory, resultPointer, context) {
  const { u32, bytes } = memory;
  const result = resultPointer >>> 2;
  const count = u32[result + RESULT.issueCount];
  const issues = new Array(count);
  context.dropped = u32[result + RESULT.issuesDropped];
  for (let i = 0, w = u32[result + RESULT.issues] >>> 2; i < count; i++, w += ISSUE_WORDS) {
    const code = CODE_NAMES[u32[w + ISSUE.code]];
    const path = readPath(memory, u32[w + ISSUE.path], u32[w + ISSUE.pathLength]);
    const textPointer = u32[w + ISSUE.receivedText];
    const issue = {
      code,
      path,
      pathString: pathToString(path),
      expected: cString(bytes, u32[w + ISSUE.expected]),
      received: textPointer === 0 ? cString(bytes, u32[w + ISSUE.received]) : describeReceived(code, bytes.slice(textPointer, textPointer + u32[w + ISSUE.receivedLength])),
      message: "",
      offset: u32[w + ISSUE.offset],
      line: u32[w + ISSUE.line],
      column: u32[w + ISSUE.column],
    };
    describeLimits(issue, context);
    issue.message = message(issue, cString(bytes, u32[w + ISSUE.detail]), context);
    issues[i] = issue;
  }
  return issues;
}

export function resultIsValid(memory, resultPointer) {
  return memory.u32[(resultPointer >>> 2) + RESULT.valid] === 1;
}
