// A scratch project the way a user has one: the package packed with
// `npm pack`, installed from the tarball into a fresh directory, and
// imported by name. Next to it: the shared vectors as a module, the runner
// that every runtime runs, and a driver for runtimes with a command line.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCases, buildStreamCases, vectorsModule } from '../vectors/cases.js';
import { apiImports } from './reference.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runnerSource = path.join(repoRoot, 'tests/vectors/runner.js');

// Prints the runner's report on stdout. Runs unchanged in Node 18-22, Deno
// and Bun; import.meta.resolve says which entry the runtime picked (Node 18
// has it only behind a flag, hence the typeof).
const DRIVER = `${apiImports()}import vectors from './vectors.js';
import { runVectors, encode } from './runner.js';

const report = await runVectors(api, vectors);
report.resolved = typeof import.meta.resolve === 'function' ? String(await import.meta.resolve('completion-wasm')) : null;
console.log(encode(report));
`;

function npm(args, cwd) {
  // stdio: no stdin; npm's own warnings go to our stderr only when it fails.
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/**
 * Packs the repository (without running prepack: the test command has
 * already built it) and installs the tarball into a new temporary project.
 * Returns { dir, tarball, packed, packageDir, cases, streamCases, remove() }.
 */
export function makeScratchProject(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `completion-wasm-${label}-`));
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repoRoot));
  const tarball = path.join(dir, packed.filename);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `scratch-${label}`, private: true, type: 'module' }, null, 2)}\n`);
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball], dir);
  const cases = buildCases();
  const streamCases = buildStreamCases();
  writeFileSync(path.join(dir, 'vectors.js'), vectorsModule(cases, streamCases));
  copyFileSync(runnerSource, path.join(dir, 'runner.js'));
  writeFileSync(path.join(dir, 'driver.js'), DRIVER);
  return {
    dir,
    tarball,
    packed,
    packageDir: path.join(dir, 'node_modules/completion-wasm'),
    cases,
    streamCases,
    remove() {
      if (!process.env.KEEP_SCRATCH) rmSync(dir, { recursive: true, force: true });
    },
  };
}
