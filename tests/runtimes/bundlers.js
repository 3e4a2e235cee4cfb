// Small apps that import the package by name, built the way users build
// them, each with its bundler's defaults: `vite build`, the Vite dev server
// (which pre-bundles dependencies), webpack 5 with no wasm experiments, and
// esbuild. The Vite and webpack apps also start a Web Worker through
// `new Worker(new URL(...), ...)`, which those bundlers build with the
// "worker" condition: it must still get the default entry.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiImports } from './reference.js';

const MAIN_JS = `${apiImports()}import vectors from './vectors.js';
import { runVectors, encode } from './runner.js';

async function run() {
  try {
    return { output: encode(await runVectors(api, vectors)) };
  } catch (error) {
    return { error: String((error && error.stack) || error) };
  }
}

/** A promise: the apps avoid top-level await, which not every bundler target allows. */
export const mainResult = run();
`;

// Main thread first, then the bundled worker; the page reports both.
const WITH_WORKER_JS = `import { mainResult } from './app-main.js';

const worker = new Worker(new URL('./app-worker.js', import.meta.url), { type: 'module' });
const workerResult = new Promise((resolve) => {
  worker.onmessage = (event) => resolve(event.data);
  worker.onerror = (event) => resolve({ error: 'worker error: ' + event.message });
});
Promise.all([mainResult, workerResult]).then(([main, inWorker]) => { window.__result = { ...main, worker: inWorker }; });
`;

const MAIN_ONLY_JS = `import { mainResult } from './app-main.js';

mainResult.then((result) => { window.__result = result; });
`;

const WORKER_JS = `${apiImports()}import vectors from './vectors.js';
import { runVectors, encode } from './runner.js';

runVectors(api, vectors).then(
  (report) => postMessage({ output: encode(report) }),
  (error) => postMessage({ error: String((error && error.stack) || error) }),
);
`;

const page = (script) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>completion-wasm bundled</title>
<link rel="icon" href="data:,">
${script}
</html>
`;

/** The app's sources, in the scratch project (beside node_modules, vectors.js and runner.js). */
export function writeApps(scratch) {
  const write = (name, text) => writeFileSync(path.join(scratch.dir, name), text);
  write('app-main.js', MAIN_JS);
  write('app-with-worker.js', WITH_WORKER_JS);
  write('app-main-only.js', MAIN_ONLY_JS);
  write('app-worker.js', WORKER_JS);
  // Vite's entry is an HTML file at its root.
  write('index.html', page('<script type="module" src="/app-with-worker.js"></script>'));
}

/** `vite build` with no config file. Returns the output directory. */
export async function viteBuild(scratch) {
  const { build } = await import('vite');
  const outDir = path.join(scratch.dir, 'dist-vite');
  await build({ root: scratch.dir, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The Vite dev server with no config file, on 127.0.0.1. Returns { origin, close() }. */
export async function viteDevServer(scratch) {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: scratch.dir,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** webpack 5 in production mode, no experiments. Returns the output directory. */
export async function webpackBuild(scratch) {
  const { default: webpack } = await import('webpack');
  const outDir = path.join(scratch.dir, 'dist-webpack');
  const compiler = webpack({
    mode: 'production',
    context: scratch.dir,
    entry: './app-with-worker.js',
    output: { path: outDir, filename: 'app.js', publicPath: '/' },
    target: 'web',
    devtool: false,
    performance: { hints: false },
  });
  const stats = await new Promise((resolve, reject) => {
    compiler.run((error, result) => (error ? reject(error) : resolve(result)));
  });
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(`webpack: ${stats.toString({ all: false, errors: true })}`);
  writeFileSync(path.join(outDir, 'index.html'), page('<script src="/app.js"></script>'));
  return outDir;
}

/** esbuild bundling for the browser (it does not follow new URL(), so no worker). Returns the output directory. */
export async function esbuildBuild(scratch) {
  const { build } = await import('esbuild');
  const outDir = path.join(scratch.dir, 'dist-esbuild');
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(scratch.dir, 'app-main-only.js')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
  writeFileSync(path.join(outDir, 'index.html'), page('<script type="module" src="/app.js"></script>'));
  return outDir;
}
