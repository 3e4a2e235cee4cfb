#!/usr/bin/env node
// Figures for the README, measured on this machine and written to
// build/runtime-figures.json: gzip sizes of the .wasm and of each entry
// (plus a minified esbuild bundle, as most browser apps ship it), and the
// time from import to first result, median of fresh Node processes and of
// fresh Chromium pages, with the package installed from its tarball.
// A benchmark, not a test: `node tests/runtimes/figures.js [--runs N]`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { launchChromium, openForResult } from './browsers.js';
import { writeBrowserPages } from './pages.js';
import { makeScratchProject, repoRoot } from './scratch.js';
import { serveDirectory } from './server.js';
import { measureSizes } from './sizes.js';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
const NODE_BUDGET_MS = 5;
const BROWSER_BUDGET_GZIP = 24 * 1024;

const STARTUP_SCRIPT = `const SAMPLE = '{"id":"cmpl-1","object":"completion","created":1,"model":"m","choices":[{"text":"hi","index":0,"logprobs":null,"finish_reason":"stop"}]}';
const started = performance.now();
const api = await import('completion-wasm');
const imported = performance.now();
const issues = api.validateCompletionResponse(SAMPLE);
const done = performance.now();
if (issues.length !== 0) throw new Error('the sample is not valid');
console.log(JSON.stringify({ importMs: imported - started, firstResultMs: done - started }));
`;

// The parts of start-up that are the platform's, not our JS: importing an
// empty package by name (Node resolves it as it resolves ours), compiling and instantiating our .wasm, and the first check;
// run once with V8's default lazy wasm compilation and once eager, the
// difference in the first check is V8 compiling (Liftoff) the functions it
// runs for the first time. Their sum is the floor under any JS layer.
const STARTUP_PARTS_SCRIPT = `import { readFileSync } from 'node:fs';
const SAMPLE = '{"id":"cmpl-1","object":"completion","created":1,"model":"m","choices":[{"text":"hi","index":0,"logprobs":null,"finish_reason":"stop"}]}';
const bytes = readFileSync('node_modules/completion-wasm/js/dist/completion.wasm');
const t0 = performance.now();
await import('empty-package');
const t1 = performance.now();
const module = new WebAssembly.Module(bytes);
const t2 = performance.now();
new WebAssembly.Instance(module, { env: { emscripten_notify_memory_growth() {} } });
const t3 = performance.now();
const api = await import('completion-wasm');
api.initSync(module);
const t4 = performance.now();
const issues = api.validateCompletionResponse(SAMPLE);
const t5 = performance.now();
if (issues.length !== 0) throw new Error('the sample is not valid');
console.log(JSON.stringify({ emptyImportMs: t1 - t0, compileMs: t2 - t1, instantiateMs: t3 - t2, firstCheckMs: t5 - t4 }));
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(samples) {
  const round = (value) => Math.round(value * 100) / 100;
  return {
    runs: samples.length,
    medianImportMs: round(median(samples.map((s) => s.importMs))),
    medianFirstResultMs: round(median(samples.map((s) => s.firstResultMs))),
    minFirstResultMs: round(Math.min(...samples.map((s) => s.firstResultMs))),
    maxFirstResultMs: round(Math.max(...samples.map((s) => s.firstResultMs))),
  };
}

function nodeStartup(scratch) {
  writeFileSync(path.join(scratch.dir, 'startup.js'), STARTUP_SCRIPT);
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['startup.js'], { cwd: scratch.dir, encoding: 'utf8' })));
  }
  return { node: process.version, ...summarise(samples) };
}

function medianOf(samples, key) {
  return Math.round(median(samples.map((sample) => sample[key])) * 100) / 100;
}

function nodeStartupParts(scratch) {
  const empty = path.join(scratch.dir, 'node_modules/empty-package');
  mkdirSync(empty, { recursive: true });
  writeFileSync(path.join(empty, 'package.json'), JSON.stringify({ name: 'empty-package', type: 'module', exports: { '.': { default: './index.js' } } }));
  writeFileSync(path.join(empty, 'index.js'), 'export {};\n');
  writeFileSync(path.join(scratch.dir, 'startup-parts.js'), STARTUP_PARTS_SCRIPT);
  const run = (flags) => {
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      samples.push(JSON.parse(execFileSync(process.execPath, [...flags, 'startup-parts.js'], { cwd: scratch.dir, encoding: 'utf8' })));
    }
    return Object.fromEntries(Object.keys(samples[0]).map((key) => [key, medianOf(samples, key)]));
  };
  const lazy = run([]);
  const eager = run(['--no-wasm-lazy-compilation']);
  const firstCompileMs = Math.round((lazy.firstCheckMs - eager.firstCheckMs) * 100) / 100;
  const floorMs = Math.round((lazy.emptyImportMs + lazy.compileMs + lazy.instantiateMs + firstCompileMs) * 100) / 100;
  return { lazy, eager, firstCompileMs, floorMs };
}

async function chromiumStartup(scratch) {
  const pages = writeBrowserPages(scratch);
  const server = await serveDirectory(scratch.dir, { headersFor: () => ({ 'Content-Security-Policy': pages.cspStrict }) });
  const chromium = await launchChromium();
  try {
    const samples = [];
    for (let run = 0; run < RUNS; run++) {
      const { result, page } = await openForResult(chromium.context, `${server.origin}/page.html?mode=startup`, 'chromium startup');
      await page.close();
      if (!result.startup) throw new Error(`chromium startup: ${result.error}`);
      samples.push(result.startup);
    }
    return { chromium: chromium.context.browser()?.version() ?? 'chromium', ...summarise(samples) };
  } finally {
    await chromium.close();
    await server.close();
  }
}

/** The default entry as a minified esbuild bundle: what a bundled app ships. */
async function minifiedBundle(scratch) {
  const entry = path.join(scratch.dir, 'bundle-entry.js');
  writeFileSync(entry, "export * from 'completion-wasm';\n");
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const bytes = result.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const scratch = makeScratchProject('figures');
try {
  const manifest = JSON.parse(readFileSync(path.join(scratch.packageDir, 'package.json'), 'utf8'));
  const sizes = measureSizes(scratch.packageDir, manifest.exports);
  const bundle = await minifiedBundle(scratch);
  const node = nodeStartup(scratch);
  const parts = nodeStartupParts(scratch);
  const chromium = await chromiumStartup(scratch);
  const figures = {
    measuredAt: new Date().toISOString(),
    // Other work on the machine skews the times: the load average says how much there was.
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, platform: `${os.platform()} ${os.arch()}`, loadAverage: os.loadavg() },
    sizes: {
      ...sizes,
      minifiedBundleOfDefaultEntry: bundle,
      browserBudgetGzip: BROWSER_BUDGET_GZIP,
      browserDownloadGzip: sizes.entries['.'].gzip,
      withinBrowserBudget: sizes.entries['.'].gzip <= BROWSER_BUDGET_GZIP,
      // What the first stream adds (stream-engine.js, imported on first use).
      browserDownloadWithStreamsGzip: sizes.entries['.'].gzip + sizes.entries['.'].onFirstUse.gzip,
    },
    startup: { node: { ...node, budgetMs: NODE_BUDGET_MS, withinBudget: node.medianFirstResultMs <= NODE_BUDGET_MS, parts }, chromium },
  };
  mkdirSync(path.join(repoRoot, 'build'), { recursive: true });
  const out = path.join(repoRoot, 'build/runtime-figures.json');
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(
    `wasm ${sizes.wasm.gzip} B gzip; default entry ${sizes.entries['.'].gzip} B gzip (budget ${BROWSER_BUDGET_GZIP}), ` +
      `${sizes.entries['.'].onFirstUse.gzip} B more on first stream use; an app's esbuild bundle of it ${bundle.gzip} B gzip`,
  );
  console.log(`import to first result, median of ${RUNS}: Node ${node.medianFirstResultMs} ms (budget ${NODE_BUDGET_MS}), Chromium ${chromium.medianFirstResultMs} ms`);
  console.log(
    `Node start-up parts, medians: empty package import ${parts.lazy.emptyImportMs} ms, wasm compile ${parts.lazy.compileMs} ms, ` +
      `instantiate ${parts.lazy.instantiateMs} ms, first check ${parts.lazy.firstCheckMs} ms (${parts.eager.firstCheckMs} ms with eager wasm compilation, ` +
      `so ${parts.firstCompileMs} ms of it is V8 compiling wasm functions); floor without any JS: ${parts.floorMs} ms`,
  );
  console.log(`written to ${path.relative(process.cwd(), out)}`);
} finally {
  scratch.remove();
}
