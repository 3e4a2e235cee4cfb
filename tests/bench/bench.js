// Benchmark: completion-wasm against the incumbent (the official r9s SDK's
// TextDecoder + JSON.parse + zod path) and an Ajv path, per input shape.
//
// Method (a small harness of our own rather than mitata, so that contenders
// can be interleaved):
//   1. Verify first: every path must accept every shape, our wire output must
//      equal JSON.parse (which is what Ajv validates), our camel output must
//      equal the incumbent's. Any mismatch aborts the run (exit 1).
//   2. Per shape, warm up each contender for WARMUP_MS (JIT tiers up, wasm
//      is compiled) and use the warm-up rate to size a batch of n calls that
//      takes about BATCH_MS.
//   3. Then ROUNDS rounds; in each round every contender runs one batch, in
//      an order rotated every round, so background noise, GC pauses and
//      frequency changes land on all contenders alike. One sample = batch
//      time / n. We report the median of the samples (p25/p75 in the JSON).
//      Each contender runs in its own generated loop function, so the call
//      site in the loop sees one target; results go to a sink so nothing is
//      optimised away.
//   4. The CPU time other processes used during step 3 is measured (machine
//      busy time minus ours) and printed, with a warning when it is not
//      negligible: on a 2-core machine that inflates every number.
//
// Import to first result, against an empty package and the incumbent's zod
// schema, in fresh processes: tests/bench/startup.js.
//
// Targets per shape: parse(bytes) <= 1.0x incumbent, validate(bytes) <= 0.6x.
// The "openai" columns time the same documents in OpenAI's form (object
// "text_completion") under profile "openai", beside the default r9s profile.
//
// Usage: node tests/bench/bench.js [--quick] [--strict] [--out FILE]
//   --quick   few, short samples (a smoke run for the test suite); does not
//             write results.json unless --out is given.
//   --strict  exit 2 when a target is missed.
//   --out     where to write the JSON results (default tests/bench/results.json
//             for a full run).
//   --core    the module to benchmark (default js/dist/index.js, as shipped), e.g. another build.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeShapes } from './shapes.js';
import { incumbentParse, ajvPath } from './incumbent.js';
import { benchShape, fmtBytes, fmtNs, fmtRatio, machineInfo, parseArgs, sink, withNeighbours } from './harness.js';

const TARGETS = { parse: 1.0, validate: 0.6 };

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

const OPTS = parseArgs(process.argv.slice(2), 'results.json');
const INDEX_URL = pathToFileURL(OPTS.core).href;
const CONFIG = OPTS.quick ? { warmupMs: 20, batchMs: 0.25, rounds: 15 } : { warmupMs: 200, batchMs: 2, rounds: 400 };

// ---------------------------------------------------------------------------
// Contenders
// ---------------------------------------------------------------------------

const CAMEL = { keys: 'camel' };
const OPENAI = { profile: 'openai' };

/** The shape as OpenAI sends it: the same document with OpenAI's object, checked under profile "openai". */
function withOpenAIForm(shape) {
  const string = shape.string.replace(/"object"(\s*):(\s*)"completion"/, '"object"$1:$2"text_completion"');
  return { ...shape, openai: { string, bytes: new TextEncoder().encode(string), value: { ...shape.value, object: 'text_completion' } } };
}

/** [label, key, (shape) => () => result]; the key names the column in results.json. */
function contenders(core) {
  const { validateCompletionResponse: validate, parseCompletionResponse: parse } = core;
  return [
    ['JSON.parse', 'jsonParse', (s) => () => JSON.parse(s.string)],
    ['incumbent', 'incumbent', (s) => () => incumbentParse(s.bytes)],
    ['ajv', 'ajv', (s) => () => ajvPath(s.bytes)],
    ['validate bytes', 'validateBytes', (s) => () => validate(s.bytes)],
    ['validate str', 'validateString', (s) => () => validate(s.string)],
    ['parse bytes', 'parseBytes', (s) => () => parse(s.bytes)],
    ['parse str', 'parseString', (s) => () => parse(s.string)],
    ['parse camel', 'parseBytesCamel', (s) => () => parse(s.bytes, CAMEL)],
    ['validate openai', 'validateOpenAI', (s) => () => validate(s.openai.bytes, OPENAI)],
    ['parse openai', 'parseOpenAI', (s) => () => parse(s.openai.bytes, OPENAI)],
  ];
}

// ---------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------

/** Our camel output with each logprobs object emptied, as the SDK's z.object({}) leaves it. */
function asIncumbentSees(camel) {
  return {
    ...camel,
    choices: camel.choices.map((c) => (c.logprobs && typeof c.logprobs === 'object' ? { ...c, logprobs: {} } : c)),
  };
}

function verifyShape(shape, core) {
  const { validateCompletionResponse: validate, parseCompletionResponse: parse } = core;
  const where = `shape "${shape.name}"`;
  assert.deepEqual(JSON.parse(shape.string), shape.value, `${where}: JSON.parse`);
  assert.deepEqual(ajvPath(shape.bytes), shape.value, `${where}: ajv path`);
  const incumbent = incumbentParse(shape.bytes);

  assert.deepEqual(validate(shape.bytes), [], `${where}: validate(bytes) reports issues`);
  assert.deepEqual(validate(shape.string), [], `${where}: validate(string) reports issues`);
  // Every shape uses schema fields only, so the default "strip" output is JSON.parse's.
  assert.deepEqual(parse(shape.bytes), shape.value, `${where}: parse(bytes) != JSON.parse`);
  assert.deepEqual(parse(shape.string), shape.value, `${where}: parse(string) != JSON.parse`);

  assert.deepEqual(JSON.parse(shape.openai.string), shape.openai.value, `${where}: the OpenAI form`);
  assert.deepEqual(validate(shape.openai.bytes, OPENAI), [], `${where}: validate(bytes, openai) reports issues`);
  assert.deepEqual(parse(shape.openai.bytes, OPENAI), shape.openai.value, `${where}: parse(bytes, openai) != JSON.parse`);

  const camel = parse(shape.bytes, CAMEL);
  assert.deepEqual(asIncumbentSees(camel), incumbent, `${where}: camel output != incumbent`);
  // logprobs pass through unrenamed, as sent.
  camel.choices.forEach((c, i) => assert.deepEqual(c.logprobs, shape.value.choices[i].logprobs, `${where}: camel logprobs`));
}

function ratiosFor(stats) {
  const inc = stats.incumbent.medianNs;
  const ratio = (k) => stats[k].medianNs / inc;
  const r = {
    jsonParse: ratio('jsonParse'),
    ajv: ratio('ajv'),
    validateBytes: ratio('validateBytes'),
    validateString: ratio('validateString'),
    parseBytes: ratio('parseBytes'),
    parseString: ratio('parseString'),
    parseBytesCamel: ratio('parseBytesCamel'),
    validateOpenAI: ratio('validateOpenAI'),
    parseOpenAI: ratio('parseOpenAI'),
  };
  return {
    ratios: r,
    targets: {
      parseBytes: { ratio: r.parseBytes, max: TARGETS.parse, met: r.parseBytes <= TARGETS.parse },
      validateBytes: { ratio: r.validateBytes, max: TARGETS.validate, met: r.validateBytes <= TARGETS.validate },
    },
  };
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

function markdownTable(results) {
  const head =
    '| shape | bytes | JSON.parse | incumbent | ajv | validate bytes | validate str | parse bytes | parse str | parse camel | validate openai | parse openai | parse/inc (≤1.0) | validate/inc (≤0.6) |';
  const rule = '|' + ' --- |'.repeat(14);
  const rows = results.map(({ name, bytes, stats, targets }) => {
    const cols = ['jsonParse', 'incumbent', 'ajv', 'validateBytes', 'validateString', 'parseBytes', 'parseString', 'parseBytesCamel', 'validateOpenAI', 'parseOpenAI'];
    return `| ${name} | ${fmtBytes(bytes)} | ${cols.map((k) => fmtNs(stats[k].medianNs)).join(' | ')} | ${fmtRatio(targets.parseBytes)} | ${fmtRatio(targets.validateBytes)} |`;
  });
  return [head, rule, ...rows].join('\n');
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  const core = await import(INDEX_URL);
  const shapes = makeShapes().map(withOpenAIForm);
  for (const shape of shapes) verifyShape(shape, core);
  console.log(`verified: all paths accept all ${shapes.length} shapes and agree on the output`);

  const list = contenders(core);
  const { value: results, otherCoreShare } = withNeighbours(() =>
    shapes.map((shape) => {
      const stats = benchShape(shape, list, CONFIG);
      process.stderr.write(`  ${shape.name} done\n`);
      return { name: shape.name, description: shape.description, bytes: shape.bytes.length, stats, ...ratiosFor(stats) };
    }),
  );
  if (otherCoreShare > 0.1) {
    console.error(`warning: other processes kept the CPUs busy (about ${(otherCoreShare * 100).toFixed(0)}% of a core) while timing; numbers are likely inflated`);
  }

  const machine = { ...machineInfo(), otherProcessesCoreShareWhileTiming: otherCoreShare };
  const allMet = results.every((r) => r.targets.parseBytes.met && r.targets.validateBytes.met);
  console.log(`\n${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}${OPTS.quick ? ' [--quick: indicative only]' : ''}`);
  console.log(`other processes: about ${(otherCoreShare * 100).toFixed(0)}% of a core while timing`);
  console.log('median time per call; ratios are ours / incumbent\n');
  console.log(markdownTable(results));
  console.log(`targets: ${allMet ? 'all met' : 'NOT all met'}`);

  if (OPTS.out) {
    const json = { machine, config: { ...CONFIG, quick: OPTS.quick }, targets: TARGETS, allTargetsMet: allMet, shapes: results };
    writeFileSync(OPTS.out, JSON.stringify(json, null, 2) + '\n');
    console.log(`results written to ${path.relative(process.cwd(), OPTS.out) || OPTS.out}`);
  }
  if (sink === Symbol.for('never')) console.log('unreachable'); // keeps the sink observable
  if (OPTS.strict && !allMet) process.exitCode = 2;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
