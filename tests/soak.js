#!/usr/bin/env node
// Soak test: many calls on one module instance, to show that nothing leaks,
// grows or drifts over time.
//
//   node tests/soak.js [--calls N] [--seed S] [--huge-every N]     (npm run soak)
//
// The calls mix valid responses, schema-invalid ones, broken JSON (truncated,
// stray bytes, a BOM, bytes that are not UTF-8), huge inputs of a few MB
// (rarely), strings and bytes, parse, safeParse and validate, and the options.
// Checked:
//   - every call gives exactly what a second, barely used instance gives for
//     the same input (computed once per distinct input), and what the input
//     was built to be (valid or not);
//   - WebAssembly memory after the last call is no larger than it was after
//     the first 1000 calls (which include every kind of huge input once);
//   - the last 1000 calls give the same results in a fresh instance
//     (js/dist/index.js, as shipped, imported again with ?fresh=...);
//   - the core is never reset (no trap, no out-of-memory) along the way.
// The JS layer does not export its memory, so the soak watches instances as
// they are made: WebAssembly.Instance is wrapped before the first call, and
// the instance made by an API's first call is that API's.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const indexUrl = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../js/dist/index.js')).href;

// ---- watching instances -----------------------------------------------------------

const instances = [];
let watching = false;

function watchInstances() {
  if (watching) return;
  watching = true;
  const Original = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      instances.push(instance);
      return instance;
    },
  });
}

let importCounter = 0;

/** A separate instance of the package (a new module evaluation), with a way to read its wasm memory size. */
export async function openApi(tag) {
  watchInstances();
  importCounter += 1;
  const api = await import(`${indexUrl}?${tag}-${importCounter}`);
  const before = instances.length;
  api.validateCompletionResponse('{}'); // instantiates lazily
  if (instances.length !== before + 1) throw new Error('soak: could not observe the instance of a fresh API');
  const instance = instances[instances.length - 1];
  return {
    api,
    memoryBytes: () => instance.exports.memory.buffer.byteLength,
    instancesMade: () => instances.length,
  };
}

// ---- the workload -----------------------------------------------------------------

/** mulberry32: deterministic, so a failure can be replayed with the same --seed. */
export function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (list, random) => list[Math.floor(random() * list.length)];
const encoder = new TextEncoder();

const PIECES = ['the ', 'quick ', 'model ', 'token ', 'é', 'ß', '日本', '😀', '\n', '"', '\\', '\t', '\u0000', '\u2028', '{}', '[1,'];

function randomText(random, maxPieces) {
  let text = '';
  const count = Math.floor(random() * maxPieces);
  for (let i = 0; i < count; i++) text += pick(PIECES, random);
  return text;
}

function randomChoice(random, index) {
  const choice = { text: randomText(random, 60), index, finish_reason: pick(['stop', 'length', 'content_filter'], random) };
  const logprobs = random();
  if (logprobs < 0.3) choice.logprobs = null;
  else if (logprobs < 0.5) {
    choice.logprobs = {
      tokens: ['a', 'b'],
      token_logprobs: [-0.5, -1.25e-3],
      top_logprobs: [{ a: -0.1 }, { b: -2 }],
      text_offset: [0, 1],
    };
  }
  return choice;
}

function randomResponse(random, serial) {
  const response = {
    id: `cmpl-${serial}`,
    object: 'completion',
    created: 1677652288 + serial,
    model: pick(['gpt-4o-mini', 'gpt-3.5-turbo-instruct', 'mödel-😀'], random),
    choices: Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => randomChoice(random, i)),
  };
  if (random() < 0.7) {
    response.usage = { prompt_tokens: 5, completion_tokens: 12, total_tokens: 17 };
    if (random() < 0.3) response.usage.prompt_tokens_details = { cached_tokens: 1, audio_tokens: 0 };
  }
  if (random() < 0.2) response.system_fingerprint = 'fp_44709d6fcb';
  return response;
}

/** Edits that make a valid response invalid for the schema, whatever the options (never for JSON). */
const SCHEMA_BREAKS = [
  (r) => {
    r.choices[0].finish_reason = 42;
  },
  (r) => {
    r.created = String(r.created);
  },
  (r) => {
    r.choices[0].index = 1.5;
  },
  (r) => {
    delete r.id;
  },
  (r) => {
    r.object = 'chat.completion';
  },
  (r) => {
    r.choices = {};
  },
  (r) => {
    r.usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: '3' };
  },
  (r) => {
    r.choices.push(null);
  },
];

/** Text edits that break the JSON itself (outside strings: the texts hold every kind of character). */
const JSON_BREAKS = [
  (text, random) => text.slice(0, Math.floor(random() * text.length)), // truncated
  (text) => `${text.slice(0, -1)},}`, // trailing comma
  (text) => `${text} x`,
  (text) => text.replace('"id":', '"id" '),
  (text) => text.replace('"id"', "'id'"),
  (text) => `{"id": 01, ${text.slice(1)}`,
];

const OPTION_SETS = [{}, {}, { keys: 'camel' }, { unknownKeys: 'keep' }, { unknownKeys: 'reject' }, { openEnums: true }, { maxIssues: 2 }, { maxDepth: 8 }, { maxBytes: 4096 }];

function asInput(text, random) {
  const form = random();
  if (form < 0.5) return text;
  const bytes = encoder.encode(text);
  if (form < 0.9) return bytes;
  return bytes.buffer; // an ArrayBuffer
}

function item(label, input, random, expectValid, method) {
  const options = pick(OPTION_SETS, random);
  return {
    label,
    input,
    options,
    method: method ?? pick(['parse', 'safeParse', 'validate', 'validate'], random),
    // Only what the construction guarantees: these options can make a valid response invalid.
    expectValid: expectValid && (options.maxBytes !== undefined || options.unknownKeys === 'reject') ? undefined : expectValid,
  };
}

/** A pool of distinct inputs the calls pick from. */
function makePool(random, size) {
  const pool = [];
  for (let serial = 0; pool.length < size; serial++) {
    const response = randomResponse(random, serial);
    const pretty = random() < 0.3 ? 2 : 0;
    const kind = random();
    if (kind < 0.45) {
      pool.push(item('valid', asInput(JSON.stringify(response, null, pretty), random), random, true));
    } else if (kind < 0.65) {
      pick(SCHEMA_BREAKS, random)(response);
      pool.push(item('schema-invalid', asInput(JSON.stringify(response, null, pretty), random), random, false));
    } else if (kind < 0.85) {
      const broken = pick(JSON_BREAKS, random)(JSON.stringify(response, null, pretty), random);
      pool.push(item('broken JSON', asInput(broken, random), random, false));
    } else if (kind < 0.92) {
      const bytes = encoder.encode(JSON.stringify(response));
      const at = Math.floor(random() * bytes.length);
      const bad = new Uint8Array(bytes.length + 1);
      bad.set(bytes.subarray(0, at));
      bad[at] = pick([0xff, 0xc0, 0xed, 0x80], random);
      bad.set(bytes.subarray(at), at + 1);
      pool.push(item('not UTF-8', bad, random, false));
    } else {
      const bytes = encoder.encode(JSON.stringify(response));
      const withBom = new Uint8Array(bytes.length + 3);
      withBom.set([0xef, 0xbb, 0xbf]);
      withBom.set(bytes, 3);
      pool.push(item('leading BOM', withBom, random, false));
    }
  }
  return pool;
}

/** A few inputs of a few MB; each kind runs once in the first 1000 calls. */
function makeHuge(random) {
  const longText = randomText(random, 40) + 'lorem ipsum dolor sit amet, é😀 \\n '.repeat(90000);
  const oneLongChoice = JSON.stringify({ ...randomResponse(random, 1), choices: [{ text: longText, index: 0, finish_reason: 'stop' }] });
  const manyChoices = JSON.stringify({
    ...randomResponse(random, 2),
    choices: Array.from({ length: 25000 }, (_, index) => ({ text: `choice ${index} é`, index, logprobs: null, finish_reason: 'stop' })),
  });
  const manyBad = manyChoices.replaceAll('"stop"', '"done"');
  const longBytes = encoder.encode(oneLongChoice);
  return [
    { label: 'huge: one 3 MB choice (bytes)', input: longBytes, options: {}, method: 'parse', expectValid: true },
    { label: 'huge: 25,000 choices (string)', input: manyChoices, options: { keys: 'camel' }, method: 'safeParse', expectValid: true },
    { label: 'huge: truncated (bytes)', input: longBytes.subarray(0, longBytes.length - 1000), options: {}, method: 'parse', expectValid: false },
    { label: 'huge: 25,000 bad choices (string)', input: manyBad, options: {}, method: 'validate', expectValid: false },
  ];
}

// ---- one call -----------------------------------------------------------------------

/** What a call gives, as a comparable string (throws for anything but a validation error). */
function outcome(api, { input, options, method }) {
  if (method === 'validate') return `issues ${JSON.stringify(api.validateCompletionResponse(input, options))}`;
  if (method === 'safeParse') {
    const result = api.safeParseCompletionResponse(input, options);
    return result.success ? `data ${JSON.stringify(result.data)}` : `error ${JSON.stringify(result.error.issues)}`;
  }
  try {
    return `data ${JSON.stringify(api.parseCompletionResponse(input, options))}`;
  } catch (error) {
    if (error?.name !== 'CompletionValidationError') throw error;
    return `error ${JSON.stringify(error.issues)}`;
  }
}

const isValidOutcome = (text) => text.startsWith('data ') || text === 'issues []';

// ---- the soak -------------------------------------------------------------------------

function memoryFigures(core) {
  const usage = process.memoryUsage();
  return { wasmBytes: core.memoryBytes(), rss: usage.rss, heapUsed: usage.heapUsed, arrayBuffers: usage.arrayBuffers };
}

const WARMUP = 1000;
const HUGE_IN_WARMUP = [100, 300, 500, 700];
const LAST = 1000;

/**
 * Runs the soak; returns figures and every problem found (never throws for a
 * mismatch, so the caller can print the report first).
 */
export async function runSoak({ calls = 1_000_000, seed = 1, hugeEvery = 10_000, poolSize = 1500, onProgress } = {}) {
  const random = randomFrom(seed);
  const pool = makePool(random, poolSize);
  const huge = makeHuge(random);
  const items = [...pool, ...huge];
  const core = await openApi('soak');
  const reference = await openApi('soak-reference');
  const referenceOutcomes = new Map(); // item index -> outcome in the reference instance
  const problems = [];
  const instancesAtStart = core.instancesMade();
  const last = []; // [item index, outcome] of the last LAST calls
  let hugeCalls = 0;
  let valid = 0;
  let afterWarmup;

  const started = performance.now();
  for (let call = 0; call < calls; call++) {
    const isHuge = HUGE_IN_WARMUP.includes(call) || (call >= WARMUP && call % hugeEvery === hugeEvery / 2);
    const index = isHuge ? pool.length + (hugeCalls++ % huge.length) : Math.floor(random() * pool.length);
    const chosen = items[index];
    let result;
    try {
      result = outcome(core.api, chosen);
    } catch (error) {
      problems.push(`call ${call} (${chosen.label}): threw ${error?.stack ?? error}`);
      if (problems.length > 20) break;
      continue;
    }
    if (!referenceOutcomes.has(index)) referenceOutcomes.set(index, outcome(reference.api, chosen));
    if (result !== referenceOutcomes.get(index)) {
      problems.push(`call ${call} (${chosen.label}, ${chosen.method} ${JSON.stringify(chosen.options)}): differs from the reference instance`);
    }
    const isValid = isValidOutcome(result);
    valid += isValid;
    if (chosen.expectValid !== undefined && isValid !== chosen.expectValid) {
      problems.push(`call ${call} (${chosen.label}): ${isValid ? 'valid' : 'invalid'}, built to be ${chosen.expectValid ? 'valid' : 'invalid'}: ${result.slice(0, 300)}`);
    }
    if (call >= calls - LAST) last.push([index, result]);
    if (call === WARMUP - 1) afterWarmup = memoryFigures(core);
    if (problems.length > 20) break;
    if (onProgress && (call + 1) % 100_000 === 0) onProgress({ call: call + 1, seconds: (performance.now() - started) / 1000, ...memoryFigures(core) });
  }
  const seconds = (performance.now() - started) / 1000;
  const end = memoryFigures(core);
  afterWarmup ??= end;

  if (core.instancesMade() !== instancesAtStart) problems.push('the core was reset during the soak (a trap or out of memory)');
  if (end.wasmBytes > afterWarmup.wasmBytes) {
    problems.push(`wasm memory grew after the first ${WARMUP} calls: ${afterWarmup.wasmBytes} -> ${end.wasmBytes} bytes`);
  }

  // The last calls again, in a fresh instance.
  const fresh = await openApi('fresh');
  let sameInFresh = 0;
  for (const [index, result] of last) {
    if (outcome(fresh.api, items[index]) === result) sameInFresh += 1;
    else problems.push(`a last call (${items[index].label}) differs in a fresh instance`);
  }

  return {
    calls,
    seconds,
    callsPerSecond: Math.round(calls / seconds),
    valid,
    hugeCalls,
    distinctInputs: referenceOutcomes.size,
    afterWarmup,
    end,
    lastCompared: last.length,
    sameInFresh,
    problems,
  };
}

// ---- command line -----------------------------------------------------------------------

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--calls') options.calls = value;
    else if (argv[i] === '--seed') options.seed = value;
    else if (argv[i] === '--huge-every') options.hugeEvery = value;
    else throw new Error(`usage: node tests/soak.js [--calls N] [--seed S] [--huge-every N]; got ${argv[i]}`);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${argv[i]} needs a positive integer`);
    i++;
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const report = await runSoak({
    ...options,
    onProgress: (p) => console.log(`soak: ${p.call} calls in ${p.seconds.toFixed(1)} s, wasm ${mb(p.wasmBytes)}, rss ${mb(p.rss)}, heap ${mb(p.heapUsed)}`),
  });
  console.log(
    `soak: ${report.calls} calls in ${report.seconds.toFixed(1)} s (${report.callsPerSecond}/s), ${report.valid} valid, ` +
      `${report.hugeCalls} huge, ${report.distinctInputs} distinct inputs`,
  );
  console.log(`soak: wasm memory ${mb(report.afterWarmup.wasmBytes)} after ${WARMUP} calls, ${mb(report.end.wasmBytes)} at the end`);
  console.log(`soak: rss ${mb(report.afterWarmup.rss)} -> ${mb(report.end.rss)}, JS heap ${mb(report.afterWarmup.heapUsed)} -> ${mb(report.end.heapUsed)}`);
  console.log(`soak: last ${report.lastCompared} calls, ${report.sameInFresh} identical in a fresh instance`);
  if (report.problems.length > 0) {
    console.error(`soak: FAILED, ${report.problems.length} problem(s):\n  ${report.problems.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  console.log('soak: passed');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
