// The published types (js/*.d.ts) follow the profile: tests/types/*.ts,
// compiled with the TypeScript compiler in strict mode, must type-check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './helpers.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

for (const [file, what] of [
  ['profiles.ts', 'js/index.d.ts'],
  ['ecosystem.ts', "the subpaths' types, against @standard-schema/spec"],
  ['chat.ts', 'the chat APIs of the entry and the subpaths'],
]) {
  test(`tests/types/${file} type-checks against ${what} (tsc --strict)`, () => {
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--lib',
        'es2022,dom,dom.asynciterable',
        '--skipLibCheck',
        'false',
        path.join(repoRoot, 'tests/types', file),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(result.status, 0, `tsc reported:\n${result.stdout}${result.stderr}`);
  });
}
