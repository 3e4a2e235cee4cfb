// Stream benchmark: completion-wasm's parseCompletionStream, and its
// synchronous core (completion-wasm/stream's createCompletionStreamParser, fed
// the same chunks), against what a browser app does today
// (tests/bench/stream-incumbents.js):
//   esp  eventsource-parser + JSON.parse + the SDK-style zod/v4-mini schema
//   sdk  the official SDK's reader (concatenate chunks, re-scan from the
//        start) + JSON.parse + the same schema
// on a /completions stream of 10,000 events, delivered one event per chunk
// (a live stream: the server flushes each token) and in 64 KiB chunks (a
// replayed or buffered body).
//
// Method: every contender first runs once and must give the same events (the
// texts joined) as the others. Then ROUNDS rounds; in each round every
// contender reads the whole stream once, in an order rotated every round; the
// median round time is reported. Events/s and MB/s follow from it. The
// scaling check times both stream lengths in the same alternating rounds and
// takes the median of each round's ratio (see scaling()).
//
// Targets: ours >= 2x the throughput of esp on every workload; time linear in
// the stream's length: 10x the events takes at most 11x the time (ours,
// median of the rounds' ratios). Also shown, not a target: one large event
// arriving in 1 KiB chunks, 10x larger, where re-scanning from the start is
// quadratic.
//
// Usage: node tests/bench/stream-bench.js [--quick] [--strict] [--out FILE]
//   --quick   fewer events and rounds (a smoke run); writes nothing unless --out.
//   --strict  exit 2 when a target is missed.
//   --out     where to write the JSON results (default
//             tests/bench/stream-results.json for a full run).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCompletionStream } from 'completion-wasm';
import { createCompletionStreamParser } from 'completion-wasm/stream';
import { esp, sdk } from './stream-incumbents.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = { quick: false, strict: false, out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') opts.quick = true;
    else if (argv[i] === '--strict') opts.strict = true;
    else if (argv[i] === '--out') opts.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!opts.quick && !opts.out) opts.out = path.join(here, 'stream-results.json');
  return opts;
}

const OPTS = parseArgs(process.argv.slice(2));
const CONFIG = OPTS.quick ? { events: 1000, rounds: 3, warmups: 1, largeEvent: 32 * 1024 } : { events: 10000, rounds: 21, warmups: 5, largeEvent: 128 * 1024 };
const TARGETS = { throughputVsEsp: 2, scaling: 11 };

// ---------------------------------------------------------------------------
// Streams
// ---------------------------------------------------------------------------

const encoder = new TextEncoder();
const WORDS = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.', ' Ça', ' va', ' 😀', '\n'];

/** The SSE text of a completion streamed as `count` events, then usage and [DONE]. */
function streamText(count) {
  const head = { id: 'cmpl-9f8e7d6c5b4a', object: 'completion', created: 1718000000, model: 'gpt-4o-mini' };
  let text = '';
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    const event = { ...head, choices: [{ text: WORDS[i % WORDS.length], index: 0, logprobs: null, finish_reason: last ? 'stop' : null }], system_fingerprint: 'fp_44709d6fcb' };
    text += `data: ${JSON.stringify(event)}\n\n`;
  }
  const usage = { ...head, choices: [], usage: { prompt_tokens: 12, completion_tokens: count, total_tokens: count + 12 } };
  return `${text}data: ${JSON.stringify(usage)}\n\ndata: [DONE]\n\n`;
}

/** One event whose text is about `bytes` long, then [DONE]. */
function largeEventText(bytes) {
  const event = {
    id: 'cmpl-large',
    object: 'completion',
    created: 1718000000,
    model: 'gpt-4o-mini',
    choices: [{ text: 'word '.repeat(bytes / 5), index: 0, finish_reason: 'stop' }],
  };
  return `data: ${JSON.stringify(event)}\n\ndata: [DONE]\n\n`;
}

/**
 * Chunks as one buffer and where each chunk ends; iterate() makes each view
 * only when it is read, so a long stream's chunks are not a heap of small
 * objects that the garbage collector walks during the measurement.
 */
function chunked(bytes, ends) {
  return { bytes, ends: Uint32Array.from(ends), length: ends.length };
}

/** One chunk per event (each blank line ends a chunk). */
function perEvent(text) {
  const bytes = encoder.encode(text);
  const ends = [];
  for (let at = 0; at + 1 < bytes.length; at++) if (bytes[at] === 0x0a && bytes[at + 1] === 0x0a) ends.push(at + 2);
  return chunked(bytes, ends);
}

function fixedChunks(text, size) {
  const bytes = encoder.encode(text);
  const ends = [];
  for (let at = size; at < bytes.length + size; at += size) ends.push(Math.min(at, bytes.length));
  return chunked(bytes, ends);
}

async function* iterate({ bytes, ends }) {
  for (let i = 0, start = 0; i < ends.length; start = ends[i++]) yield bytes.subarray(start, ends[i]);
}

// ---------------------------------------------------------------------------
// Contenders: each reads the chunks and calls onEvent with every event
// ---------------------------------------------------------------------------

async function ours(chunks, onEvent) {
  let count = 0;
  for await (const event of parseCompletionStream(iterate(chunks), { keys: 'camel' })) {
    onEvent(event);
    count++;
  }
  return count;
}

/** The synchronous core, as an eventsource-parser user would drive it: feed each chunk as it is read. */
async function oursSync(chunks, onEvent) {
  let count = 0;
  const parser = createCompletionStreamParser({
    keys: 'camel',
    onEvent: (event) => {
      onEvent(event);
      count++;
    },
  });
  for await (const chunk of iterate(chunks)) parser.feed(chunk);
  parser.end();
  return count;
}

const CONTENDERS = {
  ours: { label: 'completion-wasm parseCompletionStream', run: ours },
  sync: { label: 'completion-wasm createCompletionStreamParser', run: oursSync },
  esp: { label: 'eventsource-parser + JSON.parse + zod', run: (chunks, onEvent) => esp(iterate(chunks), onEvent) },
  sdk: { label: 'SDK reader (concat + re-scan) + JSON.parse + zod', run: (chunks, onEvent) => sdk(iterate(chunks), onEvent) },
};

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

let sink = 0;
const touch = (event) => {
  sink += event.choices.length;
};

/** What a contender made of the stream: its count and every choice's text joined. */
async function transcript(run, chunks) {
  let text = '';
  const count = await run(chunks, (event) => {
    for (const choice of event.choices) text += choice.text;
  });
  return { count, text };
}

async function timeOnce(run, chunks) {
  const start = performance.now();
  await run(chunks, touch);
  return performance.now() - start;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The ms of each entry ({ run, chunks }) in every round, over rounds in which
 * every entry runs once, in an order rotated every round: what is compared is
 * measured side by side, so the machine's drift during the run touches all alike.
 */
async function measureRounds(entries) {
  const keys = Object.keys(entries);
  for (const key of keys) for (let i = 0; i < CONFIG.warmups; i++) await timeOnce(entries[key].run, entries[key].chunks);
  const samples = Object.fromEntries(keys.map((key) => [key, []]));
  for (let round = 0; round < CONFIG.rounds; round++) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(round + k) % keys.length];
      samples[key].push(await timeOnce(entries[key].run, entries[key].chunks));
    }
  }
  return samples;
}

/** Median ms of each entry over measureRounds' rounds. */
async function measure(entries) {
  const samples = await measureRounds(entries);
  return Object.fromEntries(Object.entries(samples).map(([key, times]) => [key, median(times)]));
}

// ---------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------

async function throughput(label, text, chunks) {
  const bytes = encoder.encode(text).length;
  const reference = await transcript(ours, chunks);
  for (const name of ['sync', 'esp', 'sdk']) {
    assert.deepEqual(await transcript(CONTENDERS[name].run, chunks), reference, `${name} disagrees with ours on ${label}`);
  }
  const ms = await measure(Object.fromEntries(['ours', 'sync', 'esp', 'sdk'].map((name) => [name, { run: CONTENDERS[name].run, chunks }])));
  const rows = Object.entries(ms).map(([name, time]) => ({
    workload: label,
    contender: name,
    label: CONTENDERS[name].label,
    ms: time,
    eventsPerSecond: reference.count / (time / 1000),
    mbPerSecond: bytes / (1024 * 1024) / (time / 1000),
    vsEsp: ms.esp / time,
  }));
  return { label, events: reference.count, bytes, chunks: chunks.length, rows };
}

/**
 * The ratio is the median over rounds of each round's large/small time: the
 * two runs of a round are adjacent in time, so the machine's speed, which
 * drifts on this VM within a run, cancels out of each ratio. The ratio of
 * the two medians is reported too (medianRatio); it can pair a fast phase's
 * small runs with a slow phase's large ones.
 */
async function scaling(events) {
  const small = perEvent(streamText(events));
  const large = perEvent(streamText(events * 10));
  const samples = await measureRounds({ small: { run: ours, chunks: small }, large: { run: ours, chunks: large } });
  const smallMs = median(samples.small),
    largeMs = median(samples.large);
  const ratio = median(samples.large.map((ms, round) => ms / samples.small[round]));
  return { events, smallMs, largeMs, ratio, medianRatio: largeMs / smallMs };
}

async function medianOf(times, run, chunks) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(await timeOnce(run, chunks));
  return median(samples);
}

/** One large event in 1 KiB chunks, and one 10x larger: how each contender's time grows. */
async function largeEvent(bytes) {
  const small = fixedChunks(largeEventText(bytes), 1024);
  const big = fixedChunks(largeEventText(bytes * 10), 1024);
  const out = { bytes };
  for (const name of ['ours', 'esp', 'sdk']) {
    const { run } = CONTENDERS[name];
    assert.equal((await transcript(run, big)).count, 1, `${name} reads the large event`);
    const smallMs = await medianOf(3, run, small);
    const largeMs = await medianOf(3, run, big);
    out[name] = { smallMs, largeMs, ratio: largeMs / smallMs };
  }
  return out;
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printThroughput(results) {
  const header = ['workload', 'contender', 'median ms', 'events/s', 'MB/s', 'vs esp'];
  const lines = [];
  for (const w of results) {
    for (const r of w.rows) {
      lines.push([r.contender === 'ours' ? w.label : '', r.label, fmt(r.ms, 1), fmt(r.eventsPerSecond), fmt(r.mbPerSecond, 1), `${fmt(r.vsEsp, 2)}x`]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

async function main() {
  const started = performance.now();
  const text = streamText(CONFIG.events);
  const workloads = [
    await throughput(`${fmt(CONFIG.events)} events, 1 per chunk`, text, perEvent(text)),
    await throughput(`${fmt(CONFIG.events)} events, 64 KiB chunks`, text, fixedChunks(text, 64 * 1024)),
  ];
  const scale = await scaling(CONFIG.events);
  const large = await largeEvent(CONFIG.largeEvent);

  console.log(
    `Stream benchmark: node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}; ` +
      `${fmt(workloads[0].events)} events + usage, ${fmt(workloads[0].bytes / 1024, 0)} KiB; median of ${CONFIG.rounds} rounds\n`,
  );
  printThroughput(workloads);

  // The target holds for both ways in: the async iterator and the sync core.
  const worst = Math.min(...workloads.flatMap((w) => w.rows.filter((r) => r.contender === 'ours' || r.contender === 'sync').map((r) => r.vsEsp)));
  const throughputOk = worst >= TARGETS.throughputVsEsp;
  const scalingOk = scale.ratio <= TARGETS.scaling;
  console.log(
    `\nScaling (ours, 1 event per chunk): ${fmt(scale.events)} events ${fmt(scale.smallMs, 1)} ms, ` +
      `${fmt(scale.events * 10)} events ${fmt(scale.largeMs, 1)} ms (medians): ${fmt(scale.ratio, 2)}x the time for 10x the events ` +
      `(median of the rounds' ratios; the ratio of the medians is ${fmt(scale.medianRatio, 2)}x)`,
  );
  console.log(
    `One large event in 1 KiB chunks, ${fmt(large.bytes / 1024)} KiB -> ${fmt((large.bytes * 10) / 1024)} KiB (10x): ` +
      ['ours', 'esp', 'sdk'].map((n) => `${n} ${fmt(large[n].smallMs, 1)} -> ${fmt(large[n].largeMs, 1)} ms (${fmt(large[n].ratio, 1)}x)`).join(', '),
  );
  console.log(
    `\nTargets: throughput >= ${TARGETS.throughputVsEsp}x eventsource-parser + JSON.parse + zod: ${fmt(worst, 2)}x at worst, ${throughputOk ? 'met' : 'MISSED'}; ` +
      `10x events <= ${TARGETS.scaling}x time: ${fmt(scale.ratio, 2)}x, ${scalingOk ? 'met' : 'MISSED'}` +
      ` (${fmt((performance.now() - started) / 1000, 1)} s)`,
  );

  if (OPTS.out) {
    const results = {
      node: process.version,
      cpu: os.cpus()[0]?.model,
      config: CONFIG,
      targets: TARGETS,
      workloads,
      scaling: scale,
      largeEvent: large,
      met: { throughput: throughputOk, scaling: scalingOk },
    };
    writeFileSync(OPTS.out, JSON.stringify(results, null, 2) + '\n');
    console.log(`results: ${path.relative(process.cwd(), OPTS.out)}`);
  }
  if (sink < 0) console.log(sink); // keeps the work observable
  if (OPTS.strict && !(throughputOk && scalingOk)) process.exitCode = 2;
}

await main();
