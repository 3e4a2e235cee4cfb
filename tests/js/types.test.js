// The published types (js/index.d.ts) follow the profile: tests/types/*.ts,
// compiled with the TypeScript compiler in strict mode, must type-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './helpers.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test('tests/types/profiles.ts type-checks against js/index.d.ts (tsc --strict)', () => {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', '--skipLibCheck', 'false', path.join(repoRoot, 'tests/types/profiles.ts')],
  { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
});
