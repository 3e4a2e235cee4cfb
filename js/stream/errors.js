// errors.js: the issues and errors of streams, made in one place so that each
// message reads the same from every API (the async iterator, the synchronous
// parser, the readable/writable pair, validatingFetch): an invalid event, an
// error event, a stream without [DONE], a field an assembled document lacks,
// and the settings an error body is checked with. The error classes come
// from the Engine, so that the package has one of each.
import { CODE, DOCUMENT, FLAGS, ON_INVALID, SCHEMA_MASK, SCHEMA_SHIFT } from "../schema.js";

/** An issue of the stream itself (not of one event's JSON): positions are in the stream. */
export function streamIssue(code, expected, received, message, where) {
  return { code, path: [], pathString: "", expected, received, message, offset: where.offset, line: where.line, column: where.column };
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "choices[0].finish_reason" for ["choices", 0, "finish_reason"], as the core writes paths. */
export function pathStringOf(path) {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/**
 * A field the assembled document lacks: reported where the stream ended (the
 * document has no text of its own). `code` is missing_field unless said.
 */
export function assemblyIssue(path, expected, message, end = { offset: 0, line: 1, column: 1 }, code = CODE.MISSING_FIELD, received = "nothing") {
  return { code, path, pathString: pathStringOf(path), expected, received, message, offset: end.offset, line: end.line, column: end.column };
}

/**
 * The settings an error body is checked with: the profile's error schema
 * (`document` "error"), or the shape any error is recognised by ("anyError":
 * an object whose `error` is an object, kept as sent), and a tape to read it
 * from. Unknown fields are let through, as an error is worth reading even
 * when a server adds fields to it.
 */
export function errorSettingsOf(settings, document) {
  const flags = (settings.flags & ~(FLAGS.UNKNOWN_REJECT | SCHEMA_MASK)) | FLAGS.WRITE_TAPE | (DOCUMENT[document] << SCHEMA_SHIFT);
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

export function apiErrorOf(engine, where, fields) {
  return new engine.CompletionApiError(apiErrorMessage(where, fields), fields);
}

function eventError(engine, issues, info) {
  const error = new engine.CompletionValidationError(issues);
  const more = issues.length > 1 ? ` (and ${plural(issues.length - 1, "more issue")})` : "";
  error.message = `Invalid CompletionStreamEvent (event ${info.index}, line ${info.line} of the stream): ${issues[0].message}${more}`;
  error.event = info;
  return error;
}

/** The error an "error" or "invalid" verdict (wasm-parser.js) stands for. */
export function verdictError(engine, item, status) {
  if (item.kind === "invalid") return eventError(engine, item.issues, item.info);
  return apiErrorOf(engine, `The stream sent an error (event ${item.info.index})`, {
    status,
    body: item.value,
    issues: item.issues,
    event: item.info,
  });
}

export function streamError(engine, issue) {
  const error = new engine.CompletionValidationError([issue]);
  error.message = `Invalid completion stream: ${issue.message}`;
  return error;
}

/** The stream ended without [DONE]; `state` is what Parser.end() read. */
export function truncatedIssue(state) {
  const received = state.pendingDone
    ? "data: [DONE] without the blank line that ends the event"
    : state.pending
      ? "the end of the stream inside an event"
      : "the end of the stream";
  const why = state.pendingDone ? ": the [DONE] event was not finished by a blank line" : state.pending ? ": the last event was cut off" : "";
  return streamIssue(CODE.TRUNCATED_STREAM, "an event with data [DONE]", received, `The stream ended after ${plural(state.events, "event")} without the [DONE] event${why}`, {
    offset: state.bytes,
    line: state.line,
    column: state.column,
  });
}

/** Invalid events: thrown, or handed to onInvalidEvent and skipped. */
export function report(error, settings) {
  if (settings.onInvalid === ON_INVALID.THROW) throw error;
  settings.onInvalidEvent?.(error);
}
