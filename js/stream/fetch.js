// fetch.js: the streaming API's dealings with fetch: parseResponse (a
// Response, JSON or event stream by its Content-Type, as one document) and
// validatingFetch's fetch (a /completions response checked on its way to
// the caller, who reads the server's bytes; isCompletionsRequest says which
// requests those are).
import { chunkBytes, isResponse, openSource, readCapped, tag } from "../input.js";
import { apiError, bodyError } from "./error-bodies.js";
import { streamError, truncatedIssue, verdictError } from "./errors.js";
import { collect } from "./events.js";
import { Parser, Verdict } from "./wasm-parser.js";

/** A fetch Response, JSON or SSE by Content-Type, as one CompletionResponse; see index.d.ts. */
export async function parseResponse(engine, response, options) {
  const settings = engine.readStreamOptions(options);
  if (!isResponse(response)) throw new TypeError(`completion-wasm: parseResponse() takes a fetch Response, got ${tag(response)}`);
  const type = response.headers.get("content-type") ?? "";
  const input = openSource(response);
  if (!response.ok) throw await apiError(engine, response, input, settings);
  if (/text\/event-stream/i.test(type)) return collect(engine, input, settings);
  const bytes = await readCapped(input, settings.maxBytes);
  const outcome = engine.check(bytes, settings, true);
  if (outcome.valid) return outcome.value;
  throw bodyError(engine, bytes, outcome.issues, settings, response.status);
}

/**
 * What validatingFetch's fetch does: the response to a /completions
 * request checked on its way to the caller, who gets the server's bytes.
 * A JSON body is checked whole before the Response is handed over; an
 * event stream event by event as the caller reads it.
 */
export async function checkedFetch(engine, fetchImpl, input, init, settings) {
  const response = await fetchImpl(input, init);
  if (!response.ok || !isCompletionsRequest(input)) return response;
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) return checkedStream(engine, response, settings);
  const bytes = await readCapped(openSource(response), Infinity); // all of it: the caller gets it back
  const outcome = engine.check(bytes, settings, false);
  if (!outcome.valid) settings.report(bodyError(engine, bytes, outcome.issues, settings, response.status), response);
  return new Response(bytes, passedOn(response));
}

/** The same response, whose body errors at the first invalid event, error event or missing [DONE]. */
function checkedStream(engine, response, settings) {
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
            if (!parser.sawDone) fail(streamError(engine, truncatedIssue(parser.end())), controller);
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
              fail(verdictError(engine, item, response.status), controller, bytes.subarray(0, item.info.offset - offset));
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
