// The incumbents of the stream benchmark (tests/bench/stream-bench.js): what
// a browser app does today to validate a /completions stream.
//
//   esp:     eventsource-parser (the usual SSE parser) + JSON.parse + the
//            SDK-style zod/v4-mini schema of CompletionStreamEvent.
//   sdk:     the official SDK's own reader (Speakeasy's lib/event-streams.ts,
//            rebuilt below): every chunk is appended to one buffer, which is
//            then searched for an event boundary from its start, and each
//            event's bytes are decoded, split into lines and parsed; then
//            JSON.parse + the same zod schema.
//
// Both consume the same async iterable of Uint8Array chunks as ours and call
// onEvent(parsedEvent) per event, stopping at data: [DONE].
//
// The schema: the Speakeasy primitives and Usage of tests/bench/sdk-schema.js,
// put together as the generator does for CompletionStreamEvent and
// CompletionStreamChoice.
// `usage` is not in the spec's CompletionStreamEvent, so the SDK would strip
// it; it is validated here, as our core validates it, so both do the same work.

import { createParser } from 'eventsource-parser';
import * as z from 'zod/v4-mini';
import { forgivingLiteral, forgivingNumber, forgivingOptional, forgivingString, openEnum, remap, Usage$inboundSchema } from './sdk-schema.js';

// ---- the generated models (primitives and Usage from sdk-schema.js) ----

const CompletionStreamChoice$inboundSchema = z.pipe(
  z.object({
    text: forgivingString(),
    index: forgivingNumber(),
    logprobs: z.optional(z.nullable(z.object({}))),
    finish_reason: z.optional(z.nullable(openEnum(['stop', 'length', 'content_filter']))),
  }),
  z.transform((v) => remap(v, { finish_reason: 'finishReason' })),
);

export const CompletionStreamEvent$inboundSchema = z.pipe(
  z.object({
    id: forgivingString(),
    object: forgivingLiteral('completion'),
    created: forgivingNumber(),
    model: forgivingString(),
    choices: z.array(CompletionStreamChoice$inboundSchema),
    system_fingerprint: forgivingOptional(forgivingString()),
    obfuscation: forgivingOptional(forgivingString()),
    usage: forgivingOptional(Usage$inboundSchema),
  }),
  z.transform((v) => remap(v, { system_fingerprint: 'systemFingerprint' })),
);

const decodeData = (data) => CompletionStreamEvent$inboundSchema.parse(JSON.parse(data));

// ---- eventsource-parser + JSON.parse + zod ----

/** Resolves to the number of events; throws on an invalid one (zod's error). */
export async function esp(chunks, onEvent) {
  let count = 0;
  let done = false;
  let failure = null;
  const parser = createParser({
    onEvent(message) {
      if (done || failure) return;
      if (message.data === '[DONE]') {
        done = true;
        return;
      }
      try {
        onEvent(decodeData(message.data));
        count++;
      } catch (error) {
        failure = error;
      }
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    if (done) break;
  }
  return count;
}

// ---- the SDK's reader: concatenate and re-scan ----

const LF = 0x0a;
const CR = 0x0d;

function concatBuffer(a, b) {
  const c = new Uint8Array(a.length + b.length);
  c.set(a, 0);
  c.set(b, a.length);
  return c;
}

/** The first event boundary (a blank line), searched from the start of the buffer. */
function findBoundary(buf) {
  const len = buf.length;
  for (let i = 0; i < len; i++) {
    if (i <= len - 4 && buf[i] === CR && buf[i + 1] === LF && buf[i + 2] === CR && buf[i + 3] === LF) return { index: i, length: 4 };
    if (i <= len - 2 && buf[i] === CR && buf[i + 1] === CR) return { index: i, length: 2 };
    if (i <= len - 2 && buf[i] === LF && buf[i + 1] === LF) return { index: i, length: 2 };
  }
  return null;
}

function parseEvent(chunk) {
  if (!chunk.length) return null;
  const raw = new TextDecoder().decode(chunk);
  let publish = false;
  const event = {};
  for (const line of raw.split(/\r?\n|\r/g)) {
    if (!line) continue;
    const delim = line.indexOf(':');
    if (delim === 0) continue; // comment
    const field = delim > 0 ? line.substring(0, delim) : '';
    let value = delim > 0 ? line.substring(delim + 1) : '';
    if (value.charAt(0) === ' ') value = value.substring(1);
    if (field === 'event') {
      publish = true;
      event.event = value;
    } else if (field === 'data') {
      publish = true;
      event.data = (event.data ?? '') + value + '\n';
    } else if (field === 'id') {
      publish = true;
      event.id = value;
    }
  }
  if (!publish) return null;
  if (event.data !== undefined) event.data = event.data.slice(0, -1);
  return event;
}

/** Resolves to the number of events; throws on an invalid one. */
export async function sdk(chunks, onEvent) {
  let count = 0;
  let buffer = new Uint8Array(0);
  for await (const chunk of chunks) {
    buffer = concatBuffer(buffer, chunk);
    for (let boundary; (boundary = findBoundary(buffer)) !== null; ) {
      const raw = buffer.slice(0, boundary.index);
      buffer = buffer.slice(boundary.index + boundary.length);
      const event = parseEvent(raw);
      if (event === null || event.data === undefined) continue;
      if (event.data === '[DONE]') return count;
      onEvent(decodeData(event.data));
      count++;
    }
  }
  return count;
}
