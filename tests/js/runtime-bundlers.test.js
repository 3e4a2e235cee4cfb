// The package inside apps built by Vite (build and dev server), webpack 5
// and esbuild, each with its defaults and no configuration for the package,
// loaded in Debian's Chromium. Every build must give exactly what Node gives
// for the shared vectors, on the page and (Vite, webpack) in a bundled Web
// Worker. A bundler or browser that cannot start fails the test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, openForResult } from '../runtimes/browsers.js';
import { esbuildBuild, viteBuild, viteDevServer, webpackBuild, writeApps } from '../runtimes/bundlers.js';
import { assertMatchesReference, parseReport, runProgram } from '../runtimes/reference.js';
import { makeScratchProject } from '../runtimes/scratch.js';
import { serveDirectory } from '../runtimes/server.js';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' data:";

let scratch;
let reference;
let chromium;

before(async () => {
  scratch = makeScratchProject('bundlers');
  reference = parseReport('node 20', runProgram('node 20', process.execPath, ['driver.js'], { cwd: scratch.dir }));
  writeApps(scratch);
  chromium = await launchChromium();
});
after(async () => {
  await chromium?.close();
  scratch?.remove();
});

/** Loads the app, and checks the page's (and the worker's) vectors against Node's. */
async function checkApp(origin, label, { worker }) {
  const { result, errors, page } = await openForResult(chromium.context, `${origin}/`, label);
  await page.close();
  assert.equal(result.error, undefined, `${label}: ${result.error}`);
  assert.deepEqual(errors, [], `${label}: no page or console errors`);
  assertMatchesReference(`${label} page`, parseReport(label, result.output), reference);
  if (worker) {
    assert.equal(result.worker?.error, undefined, `${label} worker: ${result.worker?.error}`);
    assertMatchesReference(`${label} worker`, parseReport(`${label} worker`, result.worker.output), reference);
  }
}

async function serveBuilt(outDir, label, options) {
  const server = await serveDirectory(outDir, { headersFor: () => ({ 'Content-Security-Policy': CSP }) });
  try {
    await checkApp(server.origin, label, options);
  } finally {
    await server.close();
  }
}

/** Every JS file a build wrote, as one text. */
const builtJs = (outDir) =>
  readdirSync(outDir, { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(outDir, file), 'utf8'))
    .join('\n');

test('vite build: page and bundled worker, served under a strict CSP', async () => {
  const outDir = await viteBuild(scratch);
  assert.ok(!builtJs(outDir).includes('completion.wasm?module'), 'no edge-light entry in the build');
  await serveBuilt(outDir, 'vite build', { worker: true });
});

test('Vite dev server: the pre-bundled dependency works, page and worker', async () => {
  const server = await viteDevServer(scratch);
  try {
    const requests = [];
    const listener = (request) => requests.push(new URL(request.url()).pathname);
    chromium.context.on('request', listener);
    await checkApp(server.origin, 'vite dev', { worker: true });
    chromium.context.off('request', listener);
    // The case that breaks new URL('x.wasm', import.meta.url) packages: the dependency came pre-bundled.
    assert.ok(
      requests.some((url) => /\/node_modules\/\.vite\/deps\/completion-wasm\.js$/.test(url)),
      `pre-bundled: ${requests.join(' ')}`,
    );
  } finally {
    await server.close();
  }
});

test('webpack 5, no experiments: page and bundled worker, served under a strict CSP', async () => {
  const outDir = await webpackBuild(scratch);
  await serveBuilt(outDir, 'webpack', { worker: true });
});

test('esbuild --bundle --platform=browser: page, served under a strict CSP', async () => {
  const outDir = await esbuildBuild(scratch);
  await serveBuilt(outDir, 'esbuild', { worker: false });
});
