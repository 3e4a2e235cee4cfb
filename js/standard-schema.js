// completion-wasm/standard-schema: the response and the stream event as
// Standard Schema v1 (https://standardschema.dev), the interface that form
// libraries, fetch helpers (up-fetch) and frameworks accept from any schema
// library. A subpath, like completion-wasm/stream, so that the default
// entry's download does not grow. "completion-wasm" below is the entry the
// same export condition picks (js/build/bundle.js points it at the file beside
// this one's bundle), so the subpath and the app share one instance.
import { internals } from "completion-wasm";
import { DOCUMENT, SCHEMA_SHIFT } from "./schema.js";
import { isArrayBuffer } from "./input.js";

/** The profile's CompletionResponse as a Standard Schema; see standard-schema.d.ts. */
export function completionResponseSchema(options) {
  return standardSchema(options, "response");
}

/** One event's data (a CompletionStreamEvent) as a Standard Schema; see standard-schema.d.ts. */
export function completionStreamEventSchema(options) {
  return standardSchema(options, "streamEvent");
}

/**
 * validate takes the JSON text (a string or bytes: checked strictly, with
 * offsets) or a value already parsed, which is serialised first. Issues are
 * ours (CompletionIssue), which have Standard Schema's message and path.
 */
function standardSchema(options, document) {
  const settings = { ...internals.readOptions(options, true) }; // misuse throws here, not in validate
  settings.flags |= DOCUMENT[document] << SCHEMA_SHIFT;
  const validate = (value) => {
    const text = typeof value === "string" || ArrayBuffer.isView(value) || isArrayBuffer(value) ? value : serialised(value);
    if (text.issues !== undefined) return text; // a value with no JSON text
    const outcome = internals.check(text, settings, true);
    return outcome.valid ? { value: outcome.value } : { issues: outcome.issues };
  };
  return { "~standard": { version: 1, vendor: "completion-wasm", validate } };
}

/** A parsed value as JSON text, or the Standard Schema failure saying why it has none. */
function serialised(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    return { issues: [{ message: `The value cannot be serialised as JSON: ${error.message}`, path: [] }] };
  }
  return text ?? { issues: [{ message: `Expected a JSON value, received ${typeof value}`, path: [] }] };
}
