// error-bodies.js: reading what a server sends instead of a response — the
// body of a non-2xx response, or a 2xx body that is an error envelope — as a
// CompletionApiError. The iterator (a stream whose response failed) and
// fetch.js (parseResponse, validatingFetch) both need it.
import { readCapped } from "../input.js";
import { CODE } from "../schema.js";
import { apiErrorOf, errorSettingsOf } from "./errors.js";

/**
 * An error body (of a non-2xx response, or sent with a 2xx status):
 * { body, issues } with the profile's typed error and no issues, or the
 * envelope as sent with the issues of the profile's error schema, or
 * { body: undefined, issues } when it is no error envelope at all.
 */
function readApiError(engine, bytes, settings) {
  const typed = engine.check(bytes, errorSettingsOf(settings, "error"), true);
  if (typed.valid) return { body: typed.value, issues: [] };
  // A JSON-stage issue (not JSON, too large, too deep) comes alone at the root: no envelope either.
  if (typed.issues[0].path.length === 0 && typed.issues[0].code !== CODE.INVALID_TYPE) return { body: undefined, issues: typed.issues };
  const loose = engine.check(bytes, errorSettingsOf(settings, "anyError"), true);
  return { body: loose.valid ? loose.value : undefined, issues: typed.issues };
}

/** The body of a non-2xx response as a CompletionApiError. */
export async function apiError(engine, response, input, settings) {
  const bytes = await readCapped(input, settings.maxBytes);
  const { body, issues } = readApiError(engine, bytes, settings);
  const status = response.status;
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  return apiErrorOf(engine, `HTTP ${status}${statusText}`, { status, body, issues });
}

/**
 * The error for a 2xx body that is not the profile's response: a server may
 * answer 200 with an error envelope (an object whose "error" is an object),
 * which is its error, not a malformed response.
 */
export function bodyError(engine, bytes, issues, settings, status) {
  const envelope = readApiError(engine, bytes, settings);
  if (envelope.body === undefined) return new engine.CompletionValidationError(issues);
  return apiErrorOf(engine, `HTTP ${status}, an error body`, { status, body: envelope.body, issues: envelope.issues });
}
