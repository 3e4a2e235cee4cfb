// Edge runtimes: Cloudflare workerd through miniflare, and Vercel Edge
// through the edge-runtime package. Neither lets code compile WebAssembly
// from bytes; each gets the .wasm the way its own build tool hands it over,
// reproduced here with esbuild:
// - Wrangler bundles a Worker with the conditions workerd, worker, browser
//   and leaves each imported .wasm as a separate CompiledWasm module.
// - Next.js bundles edge code with the edge-light condition and turns
//   `import x from "./x.wasm?module"` into a global binding holding a
//   WebAssembly.Module compiled outside the sandbox.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { apiImports } from './reference.js';

// The same program for both: run the vectors when a request comes.
// With an entry named (where no condition is set), that entry alone: the subpaths follow the conditions.
export const vectorsProgram = (specifier) => `${specifier === undefined ? apiImports() : `import * as api from '${specifier}';\n`}import vectors from './vectors.js';
import { runVectors, encode } from './runner.js';

async function respond() {
  try {
    return new Response(encode(await runVectors(api, vectors)));
  } catch (error) {
    return new Response(String((error && error.stack) || error), { status: 500 });
  }
}
`;
const asModuleWorker = (program) => `${program}export default { fetch: respond };\n`;
const asServiceWorker = (program) => `${program}addEventListener('fetch', (event) => event.respondWith(respond()));\n`;

/** What a user who picked the wrong entry sees: the first call's error message. */
export const firstCallProgram = (specifier) => `import { validateCompletionResponse } from '${specifier}';

function respond() {
  try {
    return new Response('no error: ' + JSON.stringify(validateCompletionResponse('{}')));
  } catch (error) {
    return new Response(error.message);
  }
}
`;

/** Marks each .wasm import external, copied next to the bundle, as Wrangler does. */
function wranglerWasmModules(outdir, collected) {
  return {
    name: 'wasm-modules',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /\.wasm$/ }, (args) => {
        const source = path.resolve(args.resolveDir, args.path);
        const hash = createHash('sha1').update(readFileSync(source)).digest('hex').slice(0, 16);
        const name = `${hash}-${path.basename(source)}`;
        copyFileSync(source, path.join(outdir, name));
        collected.push(name);
        return { path: `./${name}`, external: true };
      });
    },
  };
}

/** Turns `x.wasm?module` into a global binding, as Next.js does for edge code. */
function nextWasmBindings(collected) {
  return {
    name: 'wasm-bindings',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.replace(/\?module$/, '')),
        namespace: 'wasm-binding',
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'wasm-binding' }, (args) => {
        const bytes = readFileSync(args.path);
        const name = `wasm_${createHash('sha1').update(bytes).digest('hex')}`;
        collected.push({ name, bytes });
        return { contents: `export default globalThis[${JSON.stringify(name)}];`, loader: 'js' };
      });
    },
  };
}

async function bundle(scratch, name, source, options) {
  const entry = path.join(scratch.dir, `${name}.src.js`);
  writeFileSync(entry, source);
  const outfile = path.join(scratch.dir, `${name}.js`);
  await build({ entryPoints: [entry], outfile, bundle: true, logLevel: 'silent', ...options });
  return outfile;
}

/**
 * Bundles a Worker like Wrangler (conditions workerd, worker, browser,
 * unless told otherwise) and answers one request in workerd.
 * Returns { text, status, wasmModules, bundle }.
 */
export async function runInWorkerd(scratch, name, { program = vectorsProgram(), conditions = ['workerd', 'worker', 'browser'] } = {}) {
  const { Miniflare } = await import('miniflare');
  const wasmModules = [];
  const scriptPath = await bundle(scratch, name, asModuleWorker(program), {
    format: 'esm',
    platform: 'neutral',
    conditions,
    mainFields: ['browser', 'module', 'main'],
    plugins: [wranglerWasmModules(scratch.dir, wasmModules)],
  });
  const miniflare = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modules: true,
    scriptPath,
    modulesRoot: path.dirname(scriptPath),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2025-01-01',
  });
  try {
    const response = await miniflare.dispatchFetch('http://localhost/');
    return { status: response.status, text: await response.text(), wasmModules, bundle: readFileSync(scriptPath, 'utf8') };
  } finally {
    await miniflare.dispose();
  }
}

/**
 * Bundles edge code like Next.js (condition edge-light, unless told
 * otherwise) and answers one
 * request in an EdgeRuntime that may not compile wasm from bytes.
 * Returns { text, status, bindings, refusal } where refusal is what the
 * sandbox said when asked to compile wasm bytes itself.
 */
export async function runInEdgeRuntime(scratch, name, { program = vectorsProgram(), conditions = ['edge-light', 'worker', 'browser'] } = {}) {
  const { EdgeRuntime } = await import('edge-runtime');
  const bindings = [];
  const outfile = await bundle(scratch, name, asServiceWorker(program), {
    format: 'iife',
    platform: 'browser',
    conditions,
    plugins: [nextWasmBindings(bindings)],
  });
  // Compiled outside the sandbox, where compiling is allowed, as Next.js does.
  const compiled = await Promise.all(bindings.map(async ({ name: binding, bytes }) => [binding, await WebAssembly.compile(bytes)]));
  const runtime = new EdgeRuntime({
    codeGeneration: { strings: false, wasm: false },
    extend(context) {
      for (const [binding, module] of compiled) context[binding] = module;
      return context;
    },
  });
  // The sandbox must refuse to compile bytes, or this test proves nothing.
  const refusal = runtime.evaluate(`(() => {
    try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return null; }
    catch (error) { return String(error); }
  })()`);
  runtime.evaluate(readFileSync(outfile, 'utf8'));
  const response = await runtime.dispatchFetch('http://localhost/');
  const text = await response.text();
  return { status: response.status, text, bindings: bindings.map((b) => b.name), refusal, bundle: readFileSync(outfile, 'utf8') };
}
