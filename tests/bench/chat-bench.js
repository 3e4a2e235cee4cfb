// Benchmark: /chat/completions bodies, completion-wasm against the incumbent
// (TextDecoder + JSON.parse + a zod schema of OpenAI's chat contract,
// openai-chat-zod.js), per input shape (chat-shapes.js). The method is
// bench.js's, with its harness (harness.js): verify every path on every shape
// first, warm up, then interleaved rounds, medians.
//
// Targets per shape: validateChatCompletion(bytes) <= 0.6x the incumbent,
// parseChatCompletion(bytes) <= 1.0x (<= 1.3x on the logprobs shape). All
// under profile "openai", the contract the incumbent describes.
//
// Usage: node tests/bench/chat-bench.js [--quick] [--strict] [--out FILE] [--core FILE]
//   as bench.js; a full run writes tests/bench/chat-results.json.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeChatShapes } from './chat-shapes.js';
import { benchShape, fmtBytes, fmtNs, fmtRatio, machineInfo, parseArgs, sink, withNeighbours } from './harness.js';
import { incumbentChatParse } from './openai-chat-zod.js';

const TARGETS = { validate: 0.6, parse: 1.0, parseByShape: { logprobs: 1.3 } };
const OPENAI = { profile: 'openai' };
const OPENAI_CAMEL = { profile: 'openai', keys: 'camel' };

const OPTS = parseArgs(process.argv.slice(2), 'chat-results.json');
const CONFIG = OPTS.quick ? { warmupMs: 20, batchMs: 0.25, rounds: 15 } : { warmupMs: 200, batchMs: 2, rounds: 300 };

/** [label, key, (shape) => () => result]; the key names the column in the results. */
function contenders({ validateChatCompletion: validate, parseChatCompletion: parse }) {
  return [
    ['JSON.parse', 'jsonParse', (s) => () => JSON.parse(s.string)],
    ['incumbent', 'incumbent', (s) => () => incumbentChatParse(s.bytes)],
    ['validate bytes', 'validateBytes', (s) => () => validate(s.bytes, OPENAI)],
    ['validate str', 'validateString', (s) => () => validate(s.string, OPENAI)],
    ['parse bytes', 'parseBytes', (s) => () => parse(s.bytes, OPENAI)],
    ['parse str', 'parseString', (s) => () => parse(s.string, OPENAI)],
    ['parse camel', 'parseBytesCamel', (s) => () => parse(s.bytes, OPENAI_CAMEL)],
  ];
}

function verifyShape(shape, { validateChatCompletion: validate, parseChatCompletion: parse }) {
  const where = `chat shape "${shape.name}"`;
  assert.deepEqual(incumbentChatParse(shape.bytes), shape.value, `${where}: the incumbent`);
  assert.deepEqual(validate(shape.bytes, OPENAI), [], `${where}: validate(bytes) reports issues`);
  assert.deepEqual(validate(shape.string, OPENAI), [], `${where}: validate(string) reports issues`);
  // Every shape uses schema fields only, so the default "strip" output is JSON.parse's.
  assert.deepEqual(parse(shape.bytes, OPENAI), shape.value, `${where}: parse(bytes) != JSON.parse`);
  assert.deepEqual(parse(shape.string, OPENAI), shape.value, `${where}: parse(string) != JSON.parse`);
  assert.equal(parse(shape.bytes, OPENAI_CAMEL).choices.length, shape.value.choices.length, `${where}: parse camel`);
}

function targetsFor(name, stats) {
  const ratio = (key) => stats[key].medianNs / stats.incumbent.medianNs;
  const parseMax = TARGETS.parseByShape[name] ?? TARGETS.parse;
  return {
    parseBytes: { ratio: ratio('parseBytes'), max: parseMax, met: ratio('parseBytes') <= parseMax },
    validateBytes: { ratio: ratio('validateBytes'), max: TARGETS.validate, met: ratio('validateBytes') <= TARGETS.validate },
  };
}

function markdownTable(results, keys) {
  const head = `| shape | bytes | ${keys.map((k) => results[0].stats[k].label).join(' | ')} | parse/inc (≤1.0; logprobs ≤1.3) | validate/inc (≤0.6) |`;
  const rule = `|${' --- |'.repeat(keys.length + 4)}`;
  const rows = results.map(({ name, bytes, stats, targets }) => {
    return `| ${name} | ${fmtBytes(bytes)} | ${keys.map((k) => fmtNs(stats[k].medianNs)).join(' | ')} | ${fmtRatio(targets.parseBytes)} | ${fmtRatio(targets.validateBytes)} |`;
  });
  return [head, rule, ...rows].join('\n');
}

async function main() {
  const core = await import(pathToFileURL(OPTS.core).href);
  const shapes = makeChatShapes();
  for (const shape of shapes) verifyShape(shape, core);
  console.log(`verified: all paths accept all ${shapes.length} chat shapes and agree on the output`);

  const list = contenders(core);
  const { value: results, otherCoreShare } = withNeighbours(() =>
    shapes.map((shape) => {
      const stats = benchShape(shape, list, CONFIG);
      process.stderr.write(`  ${shape.name} done\n`);
      return { name: shape.name, description: shape.description, bytes: shape.bytes.length, stats, targets: targetsFor(shape.name, stats) };
    }),
  );
  const machine = { ...machineInfo(), otherProcessesCoreShareWhileTiming: otherCoreShare };
  const allMet = results.every((r) => r.targets.parseBytes.met && r.targets.validateBytes.met);
  console.log(`\n${machine.cpu} (${machine.cores} cores), node ${machine.node}, ${machine.os}${OPTS.quick ? ' [--quick: indicative only]' : ''}`);
  console.log(`other processes: about ${(otherCoreShare * 100).toFixed(0)}% of a core while timing`);
  console.log('median time per call, profile "openai"; ratios are ours / incumbent\n');
  console.log(
    markdownTable(
      results,
      list.map(([, key]) => key),
    ),
  );
  console.log(`targets: ${allMet ? 'all met' : 'NOT all met'}`);
  if (OPTS.out) {
    const json = { machine, config: { ...CONFIG, quick: OPTS.quick }, targets: TARGETS, allTargetsMet: allMet, shapes: results };
    writeFileSync(OPTS.out, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`results written to ${path.relative(process.cwd(), OPTS.out) || OPTS.out}`);
  }
  if (sink === Symbol.for('never')) console.log('unreachable'); // keeps the sink observable
  if (OPTS.strict && !allMet) process.exitCode = 2;
}

await main();
