// Pages that load the installed package straight from node_modules, with no
// bundler: an import map names it (resolved from the package's own exports
// map with the conditions a browser uses), under a strict CSP. Module
// workers get no import map, so the worker imports the resolved URL.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiImports } from './reference.js';

const BROWSER_CONDITIONS = new Set(['browser', 'import', 'default']);

/** Resolves a subpath of the exports map the way Node's algorithm does, with browser conditions. */
export function resolveExport(manifest, subpath) {
  let target = manifest.exports[subpath];
  while (target !== null && typeof target === 'object') {
    const key = Object.keys(target).find((condition) => BROWSER_CONDITIONS.has(condition));
    if (key === undefined) throw new Error(`no browser target for ${subpath}`);
    target = target[key];
  }
  if (typeof target !== 'string') throw new Error(`no target for ${subpath}`);
  return `/node_modules/${manifest.name}/${target.replace(/^\.\//, '')}`;
}

const PAGE_JS = `// Runs the shared vectors with the package imported by name (import map).
import { runVectors, encode } from '/runner.js';
import vectors from '/vectors.js';

const mode = new URLSearchParams(location.search).get('mode') || 'vectors';

const SAMPLE = '{"id":"cmpl-1","object":"completion","created":1,"model":"m","choices":[{"text":"hi","index":0,"logprobs":null,"finish_reason":"stop"}]}';

// Start-up: from import() to the first result, in a page that never loaded the package.
async function startup() {
  const started = performance.now();
  const api = await import('completion-wasm');
  const imported = performance.now();
  const issues = api.validateCompletionResponse(SAMPLE);
  const done = performance.now();
  if (issues.length !== 0) throw new Error('the sample is not valid: ' + JSON.stringify(issues));
  return { startup: { importMs: imported - started, firstResultMs: done - started } };
}

async function main() {
  if (mode === 'startup') return startup();
  const [core, stream, standardSchema] = await Promise.all(['completion-wasm', 'completion-wasm/stream', 'completion-wasm/standard-schema'].map((name) => import(name)));
  const api = { ...core, ...stream, ...standardSchema };
  if (mode === 'first-call') {
    try {
      return { firstCall: 'no error: ' + api.validateCompletionResponse('{}').length + ' issues' };
    } catch (error) {
      return { firstCall: error.message };
    }
  }
  // The raw .wasm export, compiled by init() from a fetch (compileStreaming).
  if (mode === 'init-fetch') await api.init(fetch(import.meta.resolve('completion-wasm/completion.wasm')));
  return { output: encode(await runVectors(api, vectors)) };
}

main().then(
  (result) => { window.__result = result; },
  (error) => { window.__result = { error: String((error && error.stack) || error) }; },
);
`;

const WORKER_HOST_JS = `const worker = new Worker('/worker.js', { type: 'module' });
worker.onmessage = (event) => { window.__result = event.data; };
worker.onerror = (event) => { window.__result = { error: 'worker error: ' + event.message }; };
`;

const workerJs = (urls) => `// A module worker: no import map here, so the resolved URLs.
${apiImports(urls)}import vectors from '/vectors.js';
import { runVectors, encode } from '/runner.js';

const inWorker = typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope;
runVectors(api, vectors).then(
  (report) => postMessage({ output: encode(report), inWorker }),
  (error) => postMessage({ error: String((error && error.stack) || error) }),
);
`;

// Firefox asks for an icon, and a CSP refusal would be a console error.
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n';

const html = (head) => `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>completion-wasm in the browser</title>
<link rel="icon" href="/favicon.svg">
${head}
</html>
`;

/**
 * Writes page.html, worker.html and their scripts into the scratch project.
 * Returns { cspStrict, cspNoWasm, entryUrl, wasmUrl } for the server.
 */
export function writeBrowserPages(scratch) {
  const manifest = JSON.parse(readFileSync(path.join(scratch.packageDir, 'package.json'), 'utf8'));
  const entryUrl = resolveExport(manifest, '.');
  const wasmUrl = resolveExport(manifest, './completion.wasm');
  const urls = { core: entryUrl, stream: resolveExport(manifest, './stream'), standardSchema: resolveExport(manifest, './standard-schema') };
  const importMap = JSON.stringify({
    imports: {
      'completion-wasm': entryUrl,
      'completion-wasm/stream': urls.stream,
      'completion-wasm/standard-schema': urls.standardSchema,
      'completion-wasm/completion.wasm': wasmUrl,
    },
  });
  // An inline import map is a script: a strict CSP allows it by its hash.
  const importMapHash = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
  const base = "default-src 'none'; connect-src 'self'; worker-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
  writeFileSync(path.join(scratch.dir, 'page.html'), html(`<script type="importmap">${importMap}</script>\n<script type="module" src="/page.js"></script>`));
  writeFileSync(path.join(scratch.dir, 'page.js'), PAGE_JS);
  writeFileSync(path.join(scratch.dir, 'favicon.svg'), FAVICON);
  writeFileSync(path.join(scratch.dir, 'worker.html'), html('<script type="module" src="/worker-host.js"></script>'));
  writeFileSync(path.join(scratch.dir, 'worker-host.js'), WORKER_HOST_JS);
  writeFileSync(path.join(scratch.dir, 'worker.js'), workerJs(urls));
  return {
    entryUrl,
    wasmUrl,
    cspStrict: `${base}; script-src 'self' 'wasm-unsafe-eval' ${importMapHash}`,
    cspNoWasm: `${base}; script-src 'self' ${importMapHash}`,
  };
}
