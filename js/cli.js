#!/usr/bin/env node
// completion-wasm command line: `completion-wasm check FILE` validates one
// CompletionResponse and either prints the typed object (exit 0) or every
// issue as `FILE:line:column: code: message` with the source line and a caret
// (exit 1). Exit 2 means the check could not run (bad arguments, unreadable
// file). Only node: built-ins are used, so `npx completion-wasm` stays light.

import { parseArgs } from "node:util";
import { openSync, fstatSync, readSync, closeSync, readFileSync, createReadStream } from "node:fs";
// The profiles and the options' defaults, as the library has them (from src/schema.yaml).
import {
  collectChatCompletion,
  collectCompletion,
  CompletionValidationError,
  DEFAULTS,
  PROFILES,
  safeParseChatCompletion,
  safeParseCompletionResponse,
} from "./dist/index.js";
// The codes, option values and endpoints, as src/schema.yaml names them (the generated module the library is built from).
import { CLI_CODE, CODE, ENDPOINTS, KEYS, ON_INVALID, UNKNOWN_KEYS } from "./schema.js";

// How each endpoint's body and stream are checked (the endpoints of src/schema.yaml, which the flag --endpoint names).
const CHECKS = {
  completions: { parse: safeParseCompletionResponse, collect: collectCompletion },
  chat: { parse: safeParseChatCompletion, collect: collectChatCompletion },
};
const ENDPOINT_NAMES = Object.keys(ENDPOINTS);

const PROGRAM = "completion-wasm";
const STDIN_NAME = "<stdin>";
// The longest Uint8Array Node allows (4 GiB on 64-bit); still over any maxBytes.
const MAX_ARRAY_LENGTH = 2 ** 32;

// Every flag in one table: parsing, validation, help text and the mapping to
// parse options all come from here, so a new flag (e.g. `--stream`) is one entry.
//   api:     the ParseOptions field the value goes to (none: CLI-only flag)
//   choices: allowed string values; int: allowed integer range (the library
//            checks its own upper limits and its RangeError is reported as is)
const OPTIONS = {
  profile: {
    type: "string",
    arg: "NAME",
    choices: PROFILES,
    api: "profile",
    help: `the contract: ${PROFILES[0]} (default), openai (OpenAI, Azure) or openai-compatible (vLLM, TGI, llama.cpp, Ollama, ...)`,
  },
  keys: {
    type: "string",
    arg: `${KEYS.CAMEL}|${KEYS.WIRE}`, // in the order the CLI always listed them
    choices: [KEYS.CAMEL, KEYS.WIRE],
    api: "keys",
    help: `key style of the printed object (default ${KEYS.WIRE}: the JSON's own names)`,
  },
  unknown: {
    type: "string",
    arg: Object.values(UNKNOWN_KEYS).join("|"),
    choices: Object.values(UNKNOWN_KEYS),
    api: "unknownKeys",
    help: `unknown fields: drop them (default), keep them, or report ${CODE.UNKNOWN_FIELD}`,
  },
  "open-enums": {
    type: "boolean",
    api: "openEnums",
    help: "accept any string as finish_reason",
  },
  "max-depth": {
    type: "string",
    arg: "N",
    int: [1, DEFAULTS.maxDepthLimit],
    api: "maxDepth",
    help: `deeper nesting gives ${CODE.TOO_DEEP} (default ${DEFAULTS.maxDepth})`,
  },
  "max-issues": {
    type: "string",
    arg: "N",
    int: [1, Number.MAX_SAFE_INTEGER],
    api: "maxIssues",
    help: `report at most N issues (default ${DEFAULTS.maxIssues})`,
  },
  "max-bytes": {
    type: "string",
    arg: "N",
    int: [1, Number.MAX_SAFE_INTEGER],
    api: "maxBytes",
    help: `larger inputs give ${CODE.TOO_LARGE} (default ${DEFAULTS.maxBytes}, ${DEFAULTS.maxBytes / 2 ** 20} MiB)`,
  },
  endpoint: {
    type: "string",
    arg: ENDPOINT_NAMES.join("|"),
    choices: ENDPOINT_NAMES,
    help: `the endpoint FILE is from (default: told by its "object", else ${ENDPOINT_NAMES[0]})`,
  },
  stream: {
    type: "boolean",
    help: "FILE is a text/event-stream transcript (detected anyway by its first line)",
  },
  quiet: { type: "boolean", short: "q", help: "print nothing; the exit code is the answer" },
  json: { type: "boolean", help: "print the object, or the issues array, as JSON on stdout" },
  help: { type: "boolean", short: "h", help: "show this help" },
  version: { type: "boolean", help: "show the version" },
};

const COMMANDS = ["check"];

/** Thrown for anything that is the caller's mistake in the arguments; exit code 2. */
class UsageError extends Error {}
/** Thrown when FILE cannot be read; exit code 2, without the --help hint. */
class InputError extends Error {}

function usage() {
  const flags = Object.entries(OPTIONS).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "    ";
    const left = `  ${short}--${name}${spec.arg ? ` ${spec.arg}` : ""}`;
    return `${left.padEnd(36)} ${spec.help}`;
  });
  return [
    `Usage: ${PROGRAM} check [options] FILE`,
    "",
    "Validates FILE (or - for stdin) as an OpenAI-style /completions or /chat/completions body",
    'or stream (told by its "object", or --endpoint; see --profile).',
    "Valid: prints the typed object as JSON, exit 0.",
    "Invalid: prints FILE:line:column: code: message for each issue on stderr, exit 1.",
    "Exit 2: the check could not run (bad arguments, unreadable file).",
    "A stream (--stream): each event's verdict on stderr as it is read, then the assembled",
    "response on stdout; exit 1 if any event is invalid or [DONE] is missing.",
    "",
    "Options:",
    ...flags,
    "",
  ].join("\n");
}

function version() {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.version;
}

// ---- Arguments -----------------------------------------------------------

/**
 * Returns { command, file, flags, parseOptions }. parseArgs runs non-strict
 * with tokens so every message below is ours and names the flag as typed.
 */
function parseArguments(argv) {
  const options = {};
  for (const [name, spec] of Object.entries(OPTIONS)) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  const { tokens, positionals } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const flags = {};
  const parseOptions = {};
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = OPTIONS[token.name];
    if (!spec) throw new UsageError(`unknown option '${token.rawName}'`);
    const value = optionValue(token, spec);
    flags[token.name] = value;
    if (spec.api) parseOptions[spec.api] = value;
  }
  if (flags.quiet && flags.json) throw new UsageError("--quiet and --json cannot be used together");

  const [command, ...files] = positionals;
  if (command !== undefined && !COMMANDS.includes(command)) {
    throw new UsageError(`unknown command '${command}' (the only command is 'check')`);
  }
  if (files.length > 1) throw new UsageError(`expected one FILE, got ${files.length}: ${files.join(" ")}`);
  return { command, file: files[0], flags, parseOptions };
}

/** The checked value of one option token: true for booleans, a string or an integer otherwise. */
function optionValue(token, spec) {
  if (spec.type === "boolean") {
    if (token.value !== undefined) throw new UsageError(`option '${token.rawName}' takes no value`);
    return true;
  }
  const raw = token.value;
  if (raw === undefined) throw new UsageError(`option '${token.rawName}' needs a value: ${token.rawName} ${spec.arg}`);
  if (spec.choices) {
    if (!spec.choices.includes(raw)) {
      throw new UsageError(`option '${token.rawName}' must be one of ${spec.choices.join(", ")}; got '${raw}'`);
    }
    return raw;
  }
  const [min, max] = spec.int;
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    throw new UsageError(`option '${token.rawName}' must be a whole number from ${min} to ${max}; got '${raw}'`);
  }
  return n;
}

// ---- Input ---------------------------------------------------------------

/**
 * The bytes to check. Input over the limit is not read whole: the core's
 * verdict on it (too_large, "N bytes") depends on its length only.
 */
async function readInput(file, maxBytes) {
  // A stream's length is unknown until its end, which may never come: stop
  // one byte past the limit, enough for the core to say too_large.
  if (file === "-") {
    try {
      return await readStream(process.stdin, maxBytes + 1);
    } catch (error) {
      throw new InputError(`cannot read stdin: ${describeFsError(error)}`);
    }
  }
  let fd;
  try {
    fd = openSync(file, "r");
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (!stat.isFile()) return readFdChunks(fd, maxBytes + 1); // a FIFO or /dev/stdin: no size to trust
    // A file's size is known: hand the core a zero-filled stand-in of that
    // length (untouched pages cost no memory) so it reports the real size.
    if (stat.size > maxBytes) return new Uint8Array(Math.min(stat.size, MAX_ARRAY_LENGTH));
    return readFd(fd, stat.size);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFd(fd, length) {
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, bytes, filled, length - filled, null);
    if (n === 0) break; // the file shrank while we read it
    filled += n;
  }
  return bytes.subarray(0, filled);
}

function readFdChunks(fd, cap) {
  const chunks = [];
  let total = 0;
  while (total < cap) {
    const chunk = new Uint8Array(Math.min(65536, cap - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total); // the CLI runs in Node only
}

async function readStream(stream, cap) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const take = chunk.subarray(0, cap - total);
    chunks.push(take);
    total += take.length;
    if (total >= cap) break; // leaving the loop destroys the stream: we stop reading
  }
  return Buffer.concat(chunks, total); // the CLI runs in Node only
}

function describeFsError(error) {
  const reasons = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EISDIR: "is a directory",
    ENOTDIR: "a path component is not a directory",
  };
  return reasons[error.code] ?? error.message;
}

// ---- Issue report --------------------------------------------------------

// A source line is shown whole when it fits in WINDOW terminal columns, else
// as a window around the offending spot (a minified response is one long
// line): up to WINDOW_AFTER columns from the spot on, the rest before it.
const WINDOW = 100;
const WINDOW_AFTER = 50;
// Bytes scanned on each side of the spot: enough for the window even at four
// bytes per character, and it keeps a 64 MiB single-line input cheap per issue.
const SCAN_BYTES = 4 * WINDOW + 16;
const ELLIPSIS = "…";

/** The whole stderr text for a failed check: issue blocks, then `N issues`. */
function formatIssues(issues, bytes, fileName) {
  const out = [];
  for (const issue of issues) {
    out.push(sanitize(`${fileName}:${issue.line}:${issue.column}: ${issue.code}: ${issue.message}`));
    if (hasLocation(issue, bytes)) out.push(...sourceSnippet(bytes, issue.offset));
  }
  out.push(summary(issues));
  return out.join("\n") + "\n";
}

// Markers and size verdicts point at no particular character worth showing.
function hasLocation(issue, bytes) {
  return issue.code !== CODE.TOO_MANY_ISSUES && issue.code !== CODE.TOO_LARGE && issue.offset <= bytes.length;
}

function summary(issues) {
  const real = issues.filter((issue) => issue.code !== CODE.TOO_MANY_ISSUES).length;
  const text = `${real} issue${real === 1 ? "" : "s"}`;
  return real < issues.length ? `${text} (more not shown; see --max-issues)` : text;
}

/**
 * Two lines: the source line holding byte `offset` (or a window of it) and a
 * caret under that byte. The caret is placed from the decoded text before the
 * spot, so it lines up whatever the line holds: tabs are copied as tabs into
 * the padding, wide characters get two spaces, combining marks none.
 */
function sourceSnippet(bytes, offset) {
  const { start, end, cutLeft, cutRight } = lineBounds(bytes, offset);
  const decoder = new TextDecoder("utf-8"); // not fatal: bad bytes show as U+FFFD
  let before = [...sanitize(decoder.decode(bytes.subarray(start, offset)))];
  let after = [...sanitize(decoder.decode(bytes.subarray(offset, end)))];

  // Room the text after the spot does not use goes to the text before it.
  const afterWidth = Math.min(displayWidth(after), Math.max(WINDOW_AFTER, WINDOW - displayWidth(before)));
  const beforeWidth = WINDOW - afterWidth;
  let left = cutLeft;
  let right = cutRight;
  if (displayWidth(before) > beforeWidth) {
    before = takeWidthFromEnd(before, beforeWidth);
    left = true;
  }
  if (displayWidth(after) > afterWidth) {
    after = takeWidthFromStart(after, afterWidth);
    right = true;
  }
  if (left) before.unshift(ELLIPSIS);
  if (right) after.push(ELLIPSIS);

  const padding = before.map((ch) => (ch === "\t" ? "\t" : " ".repeat(charWidth(ch)))).join("");
  return [`    ${before.join("")}${after.join("")}`, `    ${padding}^`];
}

/**
 * Byte range of the line around `offset`, at most SCAN_BYTES each side, cut
 * on UTF-8 character boundaries. CR and LF both end a line: a lone CR would
 * otherwise send the terminal's cursor back over the text.
 */
function lineBounds(bytes, offset) {
  const isBreak = (b) => b === 0x0a || b === 0x0d;
  let start = offset;
  while (start > 0 && offset - start < SCAN_BYTES && !isBreak(bytes[start - 1])) start--;
  const cutLeft = start > 0 && !isBreak(bytes[start - 1]);
  if (cutLeft) while (start < offset && isContinuation(bytes[start])) start++;

  let end = offset;
  while (end < bytes.length && end - offset < SCAN_BYTES && !isBreak(bytes[end])) end++;
  const cutRight = end < bytes.length && !isBreak(bytes[end]);
  if (cutRight) while (end > offset && isContinuation(bytes[end])) end--;
  return { start, end, cutLeft, cutRight };
}

const isContinuation = (b) => (b & 0xc0) === 0x80;

/**
 * Makes untrusted text safe for a terminal without changing its width:
 * control characters (ESC would start an escape sequence) become their
 * visible Control Pictures, C1 controls and bidi overrides (which reorder the
 * line and would misplace the caret) become U+FFFD. Tabs stay.
 */
function sanitize(text) {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

// ---- Display width (enough of wcwidth for a caret) ------------------------

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;
// East Asian Wide and Fullwidth blocks, and the emoji blocks terminals draw two columns wide.
const WIDE_RANGES = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Terminal columns of one code point (a tab counts 1 here; padding copies it as a tab). */
function charWidth(ch) {
  if (ZERO_WIDTH.test(ch)) return 0;
  const code = ch.codePointAt(0);
  return WIDE_RANGES.some(([lo, hi]) => code >= lo && code <= hi) ? 2 : 1;
}

function displayWidth(chars) {
  return chars.reduce((sum, ch) => sum + charWidth(ch), 0);
}

function takeWidthFromEnd(chars, width) {
  let i = chars.length;
  let used = 0;
  while (i > 0 && used + charWidth(chars[i - 1]) <= width) used += charWidth(chars[--i]);
  return chars.slice(i);
}

function takeWidthFromStart(chars, width) {
  let i = 0;
  let used = 0;
  while (i < chars.length && used + charWidth(chars[i]) <= width) used += charWidth(chars[i++]);
  return chars.slice(0, i);
}

// ---- Main ----------------------------------------------------------------

async function check(file, flags, parseOptions) {
  if (flags.stream) {
    const { endpoint, chunks } = await withEndpoint(openStream(file), flags.endpoint);
    return checkStream(CHECKS[endpoint], chunks, null, file, flags, parseOptions);
  }
  const bytes = await readInput(file, parseOptions.maxBytes ?? DEFAULTS.maxBytes);
  const checks = CHECKS[flags.endpoint ?? endpointOf(bytes)];
  if (looksLikeEventStream(bytes)) return checkStream(checks, chunksOf(bytes), bytes, file, flags, parseOptions);
  // Loaded only now, so --help and usage errors work without compiling wasm.
  const result = checks.parse(bytes, parseOptions);

  if (result.success) {
    if (!flags.quiet) process.stdout.write(JSON.stringify(result.data, null, 2) + "\n");
    return 0;
  }
  const { issues } = result.error;
  if (flags.json) process.stdout.write(JSON.stringify(issues, null, 2) + "\n");
  else if (!flags.quiet) process.stderr.write(formatIssues(issues, bytes, file === "-" ? STDIN_NAME : file));
  return 1;
}

// ---- Streams (--stream) --------------------------------------------------

/** An event stream's first line is a field or a comment; a JSON text starts with {, [ or whitespace. */
function looksLikeEventStream(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, 8));
  return /^\uFEFF?(?:data|event|id|retry)?:/.test(head);
}

async function* chunksOf(bytes) {
  yield bytes;
}

// Far enough into a document or stream to reach its first "object" (a first event, a body's head).
const ENDPOINT_SCAN_BYTES = 64 * 1024;

/**
 * The endpoint a body or stream is from, by the first "object" it names
 * (chat.completion, text_completion, ...); the first endpoint when it names
 * none. A heuristic for the default only: the check itself is strict.
 */
function endpointOf(bytes) {
  const head = new TextDecoder().decode(bytes.subarray(0, ENDPOINT_SCAN_BYTES));
  const object = /"object"\s*:\s*"([^"\\]*)"/.exec(head)?.[1];
  return ENDPOINT_NAMES.find((name) => ENDPOINTS[name].objects.includes(object)) ?? ENDPOINT_NAMES[0];
}

/** A live stream's endpoint, from its first chunk unless named, and the stream's chunks with that one first. */
async function withEndpoint(source, named) {
  if (named !== undefined) return { endpoint: named, chunks: source };
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* chunks() {
    if (first.done) return;
    try {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.(); // stopping early stops the source too
    }
  }
  return { endpoint: first.done ? ENDPOINT_NAMES[0] : endpointOf(first.value), chunks: chunks() };
}

/** The transcript as chunks, read as they come (a pipe from `curl -N` shows each event live). */
function openStream(file) {
  if (file === "-") return process.stdin;
  let fd;
  try {
    fd = openSync(file, "r");
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw new InputError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  return createReadStream(null, { fd });
}

/**
 * Validates every event, printing `FILE:line: event N: ok` or each issue as
 * `FILE:line:column: event N: code: message` (positions in the transcript;
 * for data spread over several lines, the event's line and the position in
 * its data), then the assembled response on stdout.
 */
async function checkStream(checks, source, bytes, file, flags, parseOptions) {
  const name = file === "-" ? STDIN_NAME : file;
  const found = []; // every issue, with its event's index, for --json
  const say = (lines) => {
    if (!flags.quiet && !flags.json) process.stderr.write(lines.map(sanitize).join("\n") + "\n");
  };
  const onEvent = (_event, info) => say([`${name}:${info.line}: event ${info.index}: ok`]);
  const onInvalidEvent = (error) => {
    const event = error.event;
    if (!(error instanceof CompletionValidationError)) {
      // an error envelope sent as an event
      found.push({ code: CLI_CODE.ERROR_EVENT, event: event.index, message: error.message, body: error.body });
      say([`${name}:${event.line}: event ${event.index}: ${CLI_CODE.ERROR_EVENT}: ${error.message}`]);
      return;
    }
    for (const issue of error.issues) {
      found.push(event ? { ...issue, event: event.index } : issue);
      say(streamIssueLines(issue, event, bytes, name));
    }
  };
  let response;
  try {
    response = await checks.collect(source, { ...parseOptions, onInvalid: ON_INVALID.SKIP, onEvent, onInvalidEvent });
  } catch (error) {
    if (!(error instanceof CompletionValidationError)) throw error;
    onInvalidEvent(error); // the assembled response lacks a field
  }
  if (flags.json) process.stdout.write(JSON.stringify(found.length > 0 ? found : response, null, 2) + "\n");
  else if (!flags.quiet && response !== undefined) process.stdout.write(JSON.stringify(response, null, 2) + "\n");
  if (found.length > 0) say([summary(found)]);
  return found.length > 0 ? 1 : 0;
}

function streamIssueLines(issue, event, bytes, name) {
  if (event === undefined) return [`${name}:${issue.line}:${issue.column}: ${issue.code}: ${issue.message}`];
  if (issue.line !== 1 || issue.code === CODE.EVENT_TOO_LARGE) {
    const where = issue.code === CODE.EVENT_TOO_LARGE ? "" : ` (data ${issue.line}:${issue.column})`;
    return [`${name}:${event.line}: event ${event.index}${where}: ${issue.code}: ${issue.message}`];
  }
  // On the first data line: the data's column maps onto the transcript's.
  const head = `${name}:${event.dataLine}:${event.dataColumn + issue.column - 1}: event ${event.index}: ${issue.code}: ${issue.message}`;
  const offset = event.dataOffset + issue.offset;
  return bytes !== null && offset <= bytes.length ? [head, ...sourceSnippet(bytes, offset)] : [head];
}

async function main(argv) {
  try {
    const { command, file, flags, parseOptions } = parseArguments(argv);
    if (flags.help) {
      process.stdout.write(usage());
      return 0;
    }
    if (flags.version) {
      process.stdout.write(version() + "\n");
      return 0;
    }
    if (command === undefined) throw new UsageError("missing command: check");
    if (file === undefined) throw new UsageError("missing FILE (use - to read stdin)");
    return await check(file, flags, parseOptions);
  } catch (error) {
    // Usage errors get a pointer to --help; anything else (an unreadable file,
    // an option value the library refused, a broken install) is still
    // "could not check": exit 2.
    const hint = error instanceof UsageError ? `\nRun '${PROGRAM} --help' for usage.` : "";
    // The library's own messages already start with its name.
    const message = error.message.startsWith(`${PROGRAM}: `) ? error.message : `${PROGRAM}: ${error.message}`;
    process.stderr.write(`${message}${hint}\n`);
    return 2;
  }
}

// A reader that stops early (`| head`) closes the pipe; that is not our error.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
// exitCode rather than process.exit(): a large stdout write to a pipe must drain first.
process.exitCode = await main(process.argv.slice(2));
