// Runs the shared vectors against one copy of the package API, in whatever
// runtime this file finds itself: Node, Deno, Bun, workerd, the edge
// runtime, a browser page or a Web Worker. It imports nothing and uses only
// what all of them have (atob, TextEncoder, typed arrays), so every runtime
// runs exactly this code. The outputs travel back to Node as text (encode)
// and are compared there with what Node computed from the same package.

/** The byte forms a vector is run in, besides the JS string. */
const FORM_BUILDERS = {
  string: (vector) => vector.text,
  Uint8Array: (vector) => bytesOf(vector),
  ArrayBuffer: (vector) => bytesOf(vector).slice().buffer,
  // A view in the middle of a larger buffer, with other JSON around it: a
  // runtime-specific bug in reading byteOffset would show up here.
  DataView: (vector) => {
    const bytes = bytesOf(vector);
    const padded = new Uint8Array(bytes.length + 6).fill(0x7b);
    padded.set(bytes, 3);
    return new DataView(padded.buffer, 3, bytes.length);
  },
};

function bytesOf(vector) {
  if (vector.base64 === undefined) return new TextEncoder().encode(vector.text);
  const binary = atob(vector.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** True when every object in the value is plain and every array a real Array (JSON cannot carry this). */
function plainThroughout(value) {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(plainThroughout);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).every((key) => plainThroughout(value[key]));
}

function describeError(api, error) {
  const described = {
    name: error?.name,
    message: error?.message,
    isError: error instanceof Error,
    isValidationError: error instanceof api.CompletionValidationError,
    issues: error?.issues,
  };
  // Stream errors say where the event is; API errors carry the HTTP status and body.
  if (error && error.event !== undefined) described.event = error.event;
  if (api.CompletionApiError && error instanceof api.CompletionApiError) {
    described.isApiError = true;
    described.status = error.status;
    described.body = error.body;
  }
  return described;
}

function describeValue(value) {
  return { value, plain: plainThroughout(value) };
}

const CALLS = {
  validate(api, input, options) {
    const issues = api.validateCompletionResponse(input, options);
    return { issues, plain: plainThroughout(issues) };
  },
  safeParse(api, input, options) {
    const result = api.safeParseCompletionResponse(input, options);
    if (result.success) return { success: true, ...describeValue(result.data) };
    return { success: false, error: describeError(api, result.error) };
  },
  parse(api, input, options) {
    try {
      return { returned: describeValue(api.parseCompletionResponse(input, options)) };
    } catch (error) {
      return { threw: describeError(api, error) };
    }
  },
};

// ---- streams: the same transcript cut into chunks at awkward places ----

/** The bytes cut at vector.cuts (byte offsets: inside characters, between CR and LF). */
function byteChunks(vector) {
  const bytes = bytesOf(vector);
  const ends = [...vector.cuts, bytes.length];
  return ends.map((end, i) => bytes.slice(i === 0 ? 0 : ends[i - 1], end));
}

/** The text cut at vector.textCuts (string indices, never inside a surrogate pair). */
function textChunks(vector) {
  const ends = [...vector.textCuts, vector.text.length];
  return ends.map((end, i) => vector.text.slice(i === 0 ? 0 : ends[i - 1], end));
}

function readableOf(chunks) {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]);
      else controller.close();
    },
  });
}

async function* iterate(chunks) {
  for (const chunk of chunks) yield chunk;
}

const STREAM_SOURCES = {
  ReadableStream: (vector) => readableOf(byteChunks(vector)),
  'AsyncIterable<Uint8Array>': (vector) => iterate(byteChunks(vector)),
  'AsyncIterable<string>': (vector) => iterate(textChunks(vector)),
  // statusText is given: workerd fills in the standard phrase when it is not, Node leaves "".
  Response: (vector) =>
    new Response(readableOf(byteChunks(vector)), {
      status: vector.status || 200,
      statusText: vector.statusText || 'OK',
      headers: { 'content-type': vector.contentType || 'text/event-stream' },
    }),
};

const STREAM_CALLS = {
  async events(api, source, options) {
    const events = [];
    for await (const event of api.parseCompletionStream(source, options)) events.push(event);
    return events;
  },
  collect: (api, source, options) => api.collectCompletion(source, options),
  parseResponse: (api, source, options) => api.parseResponse(source, options),
};

async function runStreamVectors(api, streams, outputs) {
  for (const vector of streams) {
    for (const form of vector.sources) {
      const key = `${vector.name} | ${form} | ${vector.call}`;
      try {
        outputs[key] = { returned: describeValue(await STREAM_CALLS[vector.call](api, STREAM_SOURCES[form](vector), vector.options)) };
      } catch (error) {
        outputs[key] =
          error && (error.name === 'CompletionValidationError' || error.name === 'CompletionApiError')
            ? { threw: describeError(api, error) }
            : { unexpectedThrow: String(error?.stack || error) };
      }
    }
  }
}

// ---- the subpaths: completion-wasm/standard-schema and completion-wasm/stream ----

/** The response schema's verdict on a document's text, in the shape validate's output has. */
function standardSchemaOutput(api, vector) {
  const result = api.completionResponseSchema(vector.options)['~standard'].validate(vector.text);
  return { valid: result.value !== undefined, issues: result.issues || [], plain: plainThroughout(result.value) };
}

/** Where a stream vector can go without a Response around it: its events, errors and [DONE], from the sync parser. */
function syncParserOutput(api, vector) {
  const output = { events: [], errors: [], done: false };
  const parser = api.createCompletionStreamParser({
    ...vector.options,
    onEvent: (event) => output.events.push(event),
    onError: (error) => output.errors.push(describeError(api, error)),
    onDone: () => {
      output.done = true;
    },
  });
  for (const chunk of byteChunks(vector)) parser.feed(chunk);
  parser.end();
  return output;
}

/** The same vector as text chunks through a CompletionEventStream: its events, and the error it ended with. */
async function transformStreamOutput(api, vector) {
  const output = { events: [] };
  try {
    for await (const event of readableOf(textChunks(vector)).pipeThrough(new api.CompletionEventStream(vector.options))) output.events.push(event);
  } catch (error) {
    output.threw = describeError(api, error);
  }
  return output;
}

/** The stream vectors the subpaths run: event streams that need no HTTP status. */
export const forSubpaths = (vector) => vector.status === undefined && vector.contentType === undefined && vector.call !== 'parseResponse';

async function runSubpathVectors(api, { documents, streams }, outputs) {
  if (api.completionResponseSchema !== undefined) {
    for (const vector of documents) {
      if (vector.calls.validate === undefined || vector.base64 !== undefined) continue;
      outputs[`${vector.name} | string | standardSchema`] = standardSchemaOutput(api, vector);
    }
  }
  if (api.createCompletionStreamParser === undefined) return;
  for (const vector of streams.filter(forSubpaths)) {
    outputs[`${vector.name} | byte chunks | syncParser`] = syncParserOutput(api, vector);
    outputs[`${vector.name} | text chunks | CompletionEventStream`] = await transformStreamOutput(api, vector);
  }
}

/**
 * Runs every vector in every form and call it asks for: the documents
 * synchronously, then the streams; then, when the api holds the subpaths'
 * exports, the Standard Schema and the synchronous stream parser. Resolves to
 * { api: what the module exports, outputs: { "name | form | call": result } }.
 * A call that throws something unexpected is recorded, not fatal, so one bad
 * vector does not hide the others.
 */
export async function runVectors(api, { documents, streams }) {
  const outputs = {};
  for (const vector of documents) {
    for (const [call, forms] of Object.entries(vector.calls)) {
      for (const form of forms) {
        const key = `${vector.name} | ${form} | ${call}`;
        try {
          outputs[key] = CALLS[call](api, FORM_BUILDERS[form](vector), vector.options);
        } catch (error) {
          outputs[key] = { unexpectedThrow: String(error?.stack || error) };
        }
      }
    }
  }
  await runStreamVectors(api, streams, outputs);
  await runSubpathVectors(api, { documents, streams }, outputs);
  return {
    api: {
      exports: Object.keys(api).sort(),
      issueCodes: Array.from(api.ISSUE_CODES),
      issueCodesFrozen: Object.isFrozen(api.ISSUE_CODES),
    },
    outputs,
  };
}

// JSON has no -0, NaN or Infinity; the vectors have -0 (and a runtime that
// turned it into 0 would be wrong), so numbers JSON cannot say are tagged.
function replacer(_key, value) {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
    return { $number: Object.is(value, -0) ? '-0' : String(value) };
  }
  return value;
}

export function encode(report) {
  return JSON.stringify(report, replacer);
}

export function decode(text) {
  return JSON.parse(text, (_key, value) =>
    value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof value.$number === 'string' ? Number(value.$number) : value,
  );
}
