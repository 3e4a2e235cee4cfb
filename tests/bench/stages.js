// Stage benchmark: where a call's time goes, per shape, beside the incumbent.
//
// Stages (µs per call, medians):
//   parse      cJSON's strict one-pass parse alone (cw_bench_parse, only in the
//              bench-only build/wasm/completion_bench.wasm; the shipped module
//              does not have it), the input already in wasm memory;
//   walker     cw_wasm_check in validate mode (parse + walk, no tape) minus parse;
//   tape       cw_wasm_check in parse mode minus validate mode: writing the tape;
//   JS decode  readTape (js/decode.js): the tape of one parse-mode result → objects;
//   copy in    the bytes copied into wasm memory (what the API adds before the core);
// and, for comparison, the incumbent (TextDecoder + JSON.parse + the SDK's zod
// schema) and the whole API from bytes (validateCompletionResponse and
// parseCompletionResponse of js/dist/index.js).
//
// Method, as bench.js: per shape, each contender warms up, a batch size is
// chosen that takes about BATCH_MS, then ROUNDS rounds run every contender's
// batch in an order rotated each round; one sample is batch time / n; we
// report the median. A contender may have an untimed setup before its batch
// (JS decode re-checks its shape in parse mode, as other contenders overwrote
// the result). Differences of medians (walker, tape) are estimates: on a busy
// machine they can come out slightly negative.
//
// Usage: node tests/bench/stages.js [--quick] [--out FILE]

import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeShapes } from './shapes.js';
import { incumbentParse } from './incumbent.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : null;
const CONFIG = quick ? { warmupMs: 20, batchMs: 0.25, rounds: 15 } : { warmupMs: 150, batchMs: 2, rounds: 150 };

const { readTape, readCString } = await import(pathToFileURL(path.join(repoRoot, 'js/decode.js')).href);
const { FLAGS, DEFAULTS } = await import(pathToFileURL(path.join(repoRoot, 'js/schema.js')).href);
const api = await import(pathToFileURL(path.join(repoRoot, 'js/dist/index.js')).href);

// The bench module, instantiated as js/core.js instantiates the shipped one.
const wasmPath = path.join(repoRoot, 'build/wasm/completion_bench.wasm');
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
  env: { emscripten_notify_memory_growth: () => {} },
});
const wasm = instance.exports;
wasm._initialize();
const views = () => {
  const buffer = wasm.memory.buffer;
  return { bytes: new Uint8Array(buffer), u32: new Uint32Array(buffer), f64: new Float64Array(buffer) };
};
const names = [];
for (let key = 0, name; (name = wasm.cw_key_name(key)) !== 0; key++) names.push(readCString(views().bytes, name));

const { maxBytes, maxDepth, maxIssues } = DEFAULTS;
let inputPointer = 0;
function copyIn(shape) {
  inputPointer = wasm.cw_wasm_input(shape.bytes.length);
  views().bytes.set(shape.bytes, inputPointer);
}
const check = (shape, flags) => wasm.cw_wasm_check(shape.bytes.length, maxBytes, maxDepth, maxIssues, flags);

/** [key, label, (shape) => ({ setup?, run })] */
const CONTENDERS = [
  ['incumbent', 'incumbent', (s) => ({ run: () => incumbentParse(s.bytes) })],
  ['validate', 'validate (API)', (s) => ({ run: () => api.validateCompletionResponse(s.bytes) })],
  ['parseApi', 'parse (API)', (s) => ({ run: () => api.parseCompletionResponse(s.bytes) })],
  ['copyIn', 'copy in', (s) => ({ run: () => copyIn(s) })],
  ['parse', 'parse', (s) => ({ setup: () => copyIn(s), run: () => wasm.cw_bench_parse(inputPointer, s.bytes.length, maxDepth) })],
  ['checkValidate', 'parse+walk', (s) => ({ setup: () => copyIn(s), run: () => check(s, 0) })],
  ['checkParse', 'parse+walk+tape', (s) => ({ setup: () => copyIn(s), run: () => check(s, FLAGS.WRITE_TAPE) })],
  [
    'jsDecode',
    'JS decode',
    (s) => {
      let result = 0;
      return {
        setup: () => {
          copyIn(s);
          result = check(s, FLAGS.WRITE_TAPE);
        },
        run: () => readTape(views(), result, inputPointer, names),
      };
    },
  ],
];

let sink = 0;
function timeBatch(run, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) sink ^= run() === undefined ? 1 : 2;
  return (performance.now() - start) / n;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measureShape(shape) {
  const cases = CONTENDERS.map(([key, label, make]) => ({ key, label, ...make(shape), samples: [] }));
  // Verify: the parse stage accepts the shape, and the tape decodes to JSON.parse's value.
  copyIn(shape);
  if (wasm.cw_bench_parse(inputPointer, shape.bytes.length, maxDepth) !== 1) throw new Error(`${shape.name}: parse stage rejects it`);
  const decoded = readTape(views(), check(shape, FLAGS.WRITE_TAPE), inputPointer, names);
  if (JSON.stringify(decoded) !== JSON.stringify(JSON.parse(shape.string))) throw new Error(`${shape.name}: tape differs`);
  for (const c of cases) {
    c.setup?.();
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < CONFIG.warmupMs) {
      c.run();
      n++;
    }
    c.n = Math.max(1, Math.round((n / CONFIG.warmupMs) * CONFIG.batchMs));
  }
  for (let round = 0; round < CONFIG.rounds; round++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + round) % cases.length];
      c.setup?.();
      c.samples.push(timeBatch(c.run, c.n));
    }
  }
  const us = Object.fromEntries(cases.map((c) => [c.key, median(c.samples) * 1000]));
  us.walker = us.checkValidate - us.parse;
  us.tape = us.checkParse - us.checkValidate;
  return us;
}

const fmt = (us) => (Math.abs(us) >= 100 ? us.toFixed(0) : Math.abs(us) >= 10 ? us.toFixed(1) : us.toFixed(2));
const load = os
  .loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
const shapes = makeShapes();
const results = {};
for (const shape of shapes) results[shape.name] = measureShape(shape);
if (sink === 42) console.log('');

const rows = [
  ['incumbent', 'incumbent'],
  ['copy in', 'copyIn'],
  ['parse (cJSON, strict, one pass)', 'parse'],
  ['walker', 'walker'],
  ['tape (parse mode)', 'tape'],
  ['JS decode, tape → objects', 'jsDecode'],
  ['validate (API, bytes)', 'validate'],
  ['parse (API, bytes)', 'parseApi'],
];
console.log(
  `\nstages, µs per call (medians): node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores), load average ${load}${quick ? ' [--quick: indicative only]' : ''}\n`,
);
console.log(`| stage | ${shapes.map((s) => s.name).join(' | ')} |`);
console.log(`| --- | ${shapes.map(() => '---').join(' | ')} |`);
for (const [label, key] of rows) console.log(`| ${label} | ${shapes.map((s) => fmt(results[s.name][key])).join(' | ')} |`);
console.log(`| validate ÷ incumbent | ${shapes.map((s) => (results[s.name].validate / results[s.name].incumbent).toFixed(2)).join(' | ')} |`);
console.log(`| parse ÷ incumbent | ${shapes.map((s) => (results[s.name].parseApi / results[s.name].incumbent).toFixed(2)).join(' | ')} |`);
if (out) writeFileSync(out, JSON.stringify({ node: process.version, load, config: CONFIG, results }, null, 2) + '\n');
