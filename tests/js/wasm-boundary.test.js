// The module's boundary is what src/wasm_boundary.yaml describes, and nothing
// else: it must import no WASI, stdio or filesystem function (only the
// memory-growth notice the JS layer answers), export exactly the described
// functions (src/exports.txt, generated) plus what Emscripten's standalone
// build always adds, each taking the described number of arguments; and the
// structs and enums the C headers define must be the ones the description
// lists, field by field, so that a C change the description does not share
// fails here as well as in the wasm build (src/wasm_boundary.h).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cType, readBoundary } from '../../src/generate.js';
import { repoRoot } from './helpers.js';

const wasm = new WebAssembly.Module(readFileSync(new URL('../../js/completion.wasm', import.meta.url)));
const boundary = readBoundary();
// Always present in an Emscripten STANDALONE_WASM reactor (3.1.6).
const emscriptenRuntime = ['memory', '_initialize', '__indirect_function_table', '__errno_location', 'stackSave', 'stackRestore', 'stackAlloc'];

test('the wasm imports only emscripten_notify_memory_growth', () => {
  assert.deepEqual(WebAssembly.Module.imports(wasm), [{ module: 'env', name: 'emscripten_notify_memory_growth', kind: 'function' }]);
});

test('the wasm exports exactly the described functions plus the Emscripten runtime', () => {
  const exported = WebAssembly.Module.exports(wasm)
    .map((e) => e.name)
    .sort();
  assert.deepEqual(exported, [...boundary.exports.map((e) => e.name), ...emscriptenRuntime].sort());
});

// A wasm function's length is its number of parameters: one more or one
// fewer in C than in the description (and in the JS calls) fails here.
test('each export takes the arguments its described prototype names', () => {
  const { exports } = new WebAssembly.Instance(wasm, { env: { emscripten_notify_memory_growth() {} } });
  for (const { name, params, text } of boundary.exports) assert.equal(exports[name].length, params.length, text);
});

// ---- the C headers against the description ----

const headerText = (header) => readFileSync(path.join(repoRoot, header), 'utf8');
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');

/** The structs a header defines (typedef struct name { ... } name;), each as its fields, "name: type", in order. */
function cStructs(source) {
  const structs = {};
  for (const [, name, body] of withoutComments(source).matchAll(/typedef struct (\w+) \{([^{}]*)\} \1;/g)) {
    structs[name] = body
      .split(';')
      .map((declaration) => declaration.trim())
      .filter(Boolean)
      .map((declaration) => {
        const [, type, field] = /^([\w\s*]+?)\s*\b(\w+)$/.exec(declaration) ?? [];
        if (field === undefined) throw new Error(`${name}: cannot read the field declaration "${declaration}" (one plain field per declaration)`);
        return `${field}: ${cType(type)}`;
      });
  }
  return structs;
}

/** The constants a header's typedef enums and (1u << n) #defines give, by name. */
function cConstants(source) {
  const code = withoutComments(source);
  const constants = {};
  const enums = {};
  for (const [, name, body] of code.matchAll(/typedef enum (\w+) \{([^{}]*)\} \1;/g)) {
    let next = 0;
    enums[name] = body
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const [, constant, value] = /^(\w+)(?:\s*=\s*(\d+))?$/.exec(entry) ?? [];
        if (constant === undefined) throw new Error(`${name}: cannot read the enumerator "${entry}"`);
        constants[constant] = value === undefined ? next : Number(value);
        next = constants[constant] + 1;
        return constant;
      });
  }
  for (const [, name, bit, shift] of code.matchAll(/#define (CW_\w+) \((\d+)u << (\d+)\)/g)) constants[name] = Number(bit) * 2 ** Number(shift);
  return { constants, enums };
}

/** Every way the headers (text by path) and the description disagree, each said in one line. */
function drift(headers, description = boundary) {
  const found = [];
  for (const struct of description.structs) {
    const defined = cStructs(headers[struct.header])[struct.name];
    if (defined === undefined) {
      found.push(`${struct.header} defines no struct ${struct.name}`);
      continue;
    }
    const described = struct.fields.map((field) => `${field.name}: ${field.type}`);
    for (let i = 0; i < Math.max(defined.length, described.length); i++) {
      if (defined[i] !== described[i])
        found.push(`${struct.name} field ${i + 1}: ${struct.header} has ${defined[i] ?? 'nothing'}, src/wasm_boundary.yaml ${described[i] ?? 'nothing'}`);
    }
  }
  for (const { name, header, prefix, values } of description.enums) {
    const { constants, enums } = cConstants(headers[header]);
    for (const value of values) {
      const constant = `CW_${prefix}${value.name}`;
      if (constants[constant] !== value.value) found.push(`${constant}: ${header} has ${constants[constant] ?? 'nothing'}, src/wasm_boundary.yaml ${value.value}`);
    }
    // An enumerator added in C that the description does not know, JS does not know either.
    for (const constant of enums[name] ?? []) {
      if (!values.some((value) => `CW_${prefix}${value.name}` === constant)) found.push(`${name}: ${constant} (${header}) is not in src/wasm_boundary.yaml`);
    }
  }
  return found;
}

const committedHeaders = () => Object.fromEntries([...new Set([...boundary.structs, ...boundary.enums].map((item) => item.header))].map((header) => [header, headerText(header)]));

test('the C headers define the structs and enums src/wasm_boundary.yaml describes, field by field', () => {
  assert.deepEqual(drift(committedHeaders()), []);
});

// The check above can fail: a header changed without the description is caught, by field and by value.
test('a struct field swapped, retyped or added, or an enum value changed, in C alone is caught', () => {
  const headers = committedHeaders();
  const swapped = headers['src/completion.h'].replace(/( +uint32_t offset;[^\n]*\n)( +uint32_t line;[^\n]*\n)/, '$2$1');
  assert.notEqual(swapped, headers['src/completion.h']);
  assert.deepEqual(drift({ ...headers, 'src/completion.h': swapped }), [
    'cw_issue field 2: src/completion.h has line: uint32_t, src/wasm_boundary.yaml offset: uint32_t',
    'cw_issue field 3: src/completion.h has offset: uint32_t, src/wasm_boundary.yaml line: uint32_t',
  ]);
  const retyped = headers['src/sse.h'].replace('int64_t retry;', 'uint64_t retry;');
  assert.deepEqual(drift({ ...headers, 'src/sse.h': retyped }), ['cw_sse_state field 2: src/sse.h has retry: uint64_t, src/wasm_boundary.yaml retry: int64_t']);
  const added = headers['src/completion.h'].replace('CW_TAPE_NUMBER_TEXT\n', 'CW_TAPE_NUMBER_TEXT,\n    CW_TAPE_BIGINT\n');
  assert.deepEqual(drift({ ...headers, 'src/completion.h': added }), ['cw_tape_op: CW_TAPE_BIGINT (src/completion.h) is not in src/wasm_boundary.yaml']);
  const renumbered = headers['src/completion.h'].replace('CW_TAPE_OBJECT_BEGIN = 1', 'CW_TAPE_OBJECT_BEGIN = 0');
  assert.equal(drift({ ...headers, 'src/completion.h': renumbered }).length, 12, 'every op after the first moves');
  const bits = headers['src/completion.h'].replace('#define CW_TAPE_IN_STRINGS (2u << 8)', '#define CW_TAPE_IN_STRINGS (4u << 8)');
  assert.deepEqual(drift({ ...headers, 'src/completion.h': bits }), ['CW_TAPE_IN_STRINGS: src/completion.h has 1024, src/wasm_boundary.yaml 512']);
});

// wasmBytes() decodes with Buffer where there is one (Node, Bun) and with a
// loop elsewhere (browsers, Deno); both must give the same bytes.
test('every decoding path of wasm-inline.js gives the shipped .wasm', async () => {
  const { wasmBytes } = await import('../../js/wasm-inline.js');
  const shipped = new Uint8Array(readFileSync(new URL('../../js/completion.wasm', import.meta.url)));
  const { Buffer: nodeBuffer } = globalThis;
  try {
    assert.deepEqual(new Uint8Array(wasmBytes()), shipped, 'Buffer');
    globalThis.Buffer = undefined;
    assert.deepEqual(wasmBytes(), shipped, 'loop');
  } finally {
    globalThis.Buffer = nodeBuffer;
  }
});

// The literal's escapes, on every byte value, each before and after every
// other kind of byte (a NUL before a digit is the tricky one).
test('the inline literal round-trips every byte value in every neighbourhood', async () => {
  const { inlineModule } = await import('../../js/build/wasm-literal.js');
  const bytes = [];
  for (let a = 0; a < 256; a++) for (const b of [0x00, 0x0a, 0x22, 0x30, 0x39, 0x5c, 0x80, 0xff, a]) bytes.push(a, b);
  const input = Uint8Array.from(bytes);
  const source = inlineModule(input);
  const { wasmBytes } = await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);
  assert.deepEqual(new Uint8Array(wasmBytes()), input);
  assert.doesNotMatch(source.split('\n')[2], /[\r\u2028\u2029]/, 'one line');
});

// The workerd and edge-light entries take the module their bundler made from
// the .wasm import; anything else (Bun's file path) is refused by name.
test('the edge entries accept a compiled module and refuse anything else by name', async () => {
  const { importedModule } = await import('../../js/core.js');
  assert.equal(importedModule(wasm, 'completion-wasm/workerd', './completion.wasm', 'Cloudflare Workers'), wasm);
  assert.throws(
    () => importedModule('/app/node_modules/completion-wasm/js/completion.wasm', 'completion-wasm/workerd', './completion.wasm', 'Cloudflare Workers'),
    (error) =>
      error instanceof TypeError &&
      /completion-wasm\/workerd: importing "\.\/completion\.wasm" gave string/.test(error.message) &&
      /Elsewhere import "completion-wasm"/.test(error.message),
  );
});
