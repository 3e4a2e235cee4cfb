// What src/schema.yaml and src/wasm_boundary.yaml generate (src/generate.js)
// is what is committed: a field, code, flag, default, profile, export or
// layout changed by hand in one of the generated files, or changed in a
// description without regenerating, fails here, naming the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
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

// The README's prose tables that are not generated are checked against the
// description instead: each value and default they name is the one
// src/schema.yaml has.
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const description = YAML.parse(readFileSync(path.join(repoRoot, 'src/schema.yaml'), 'utf8'));
const tableRow = (first) => readme.split('\n').find((line) => line.startsWith(`| ${first} |`));

test("the README's options table names each choice option's values, the first as default (src/schema.yaml, choices)", () => {
  for (const [option, values] of Object.entries(description.choices)) {
    if (option === 'onInvalid') continue; // a stream option: its values are in the Streams section, checked below
    const row = tableRow(`\`${option}\``);
    assert.ok(row, `README: no options row for ${option}`);
    const [, listed, byDefault] = row.split(' | ');
    assert.equal(
      listed,
      Object.keys(values)
        .map((v) => `\`"${v}"\``)
        .join(', '),
      `README: ${option}'s values`,
    );
    assert.equal(byDefault, `\`"${Object.keys(values)[0]}"\``, `README: ${option}'s default`);
  }
  for (const value of Object.keys(description.choices.onInvalid))
    assert.ok(readme.includes(`onInvalid: "${value}"`) || Object.keys(description.choices.onInvalid)[0] === value, `README: onInvalid "${value}"`);
});

test("the README's options table gives the numeric defaults of src/schema.yaml", () => {
  const { max_bytes: maxBytes, max_depth: maxDepth, max_issues: maxIssues, max_depth_limit: maxDepthLimit } = description.defaults;
  assert.equal(tableRow('`maxBytes`').split(' | ')[2], `${maxBytes / 2 ** 20} MiB`);
  assert.equal(tableRow('`maxDepth`').split(' | ')[2], `${maxDepth}`);
  assert.equal(tableRow('`maxDepth`').split(' | ')[1], `1 … ${maxDepthLimit}`);
  assert.equal(tableRow('`maxIssues`').split(' | ')[2], `${maxIssues}`);
  assert.ok(readme.includes(`\`maxEventBytes\` (default ${description.defaults.max_event_bytes / 2 ** 20} MiB)`), 'README: maxEventBytes default');
});

test("the README's error table names every CompletionWasmError code of src/schema.yaml, in order", () => {
  const row = tableRow('`CompletionWasmError`');
  const named = [...row.split(' | ')[2].matchAll(/`"([a-z_]+)"`/g)].map((m) => m[1]);
  assert.deepEqual(named, Object.keys(description.wasmErrors));
});
