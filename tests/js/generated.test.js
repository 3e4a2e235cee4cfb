// What src/schema.yaml and src/wasm_boundary.yaml generate (src/generate.js)
// is what is committed: a field, code, flag, default, profile, export or
// layout changed by hand in one of the generated files, or changed in a
// description without regenerating, fails here, naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../src/generate.js';
import { repoRoot } from './helpers.js';

test('the generated files are what src/schema.yaml makes (npm run generate)', () => {
  const files = generate();
  assert.deepEqual(Object.keys(files).sort(), [
    'README.md',
    'js/index.d.ts',
    'js/schema.js',
    'js/wasm-layout.js',
    'src/completion_names.h',
    'src/exports.txt',
    'src/schema_tables.c',
    'src/wasm_boundary.h',
  ]);
  for (const [file, text] of Object.entries(files)) {
    assert.ok(readFileSync(path.join(repoRoot, file), 'utf8') === text, `${file} differs from what src/generate.js makes: run npm run generate`);
  }
});
