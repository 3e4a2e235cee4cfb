// The public API (js/index.d.ts) on valid input: the typed objects, the three
// entry points agreeing, every input form, every option, initialisation,
// the error class, and the properties a JSON.parse user relies on (plain
// objects, own __proto__ keys, round trips).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import YAML from 'yaml';

import {
  parseCompletionResponse as parse,
  safeParseCompletionResponse as safeParse,
  validateCompletionResponse as validate,
  CompletionValidationError,
  init,
  initSync,
} from '../../js/index.js';
import {
  requireShared,
  examplesDir,
  wasmPath,
  freshApi,
  readFixture,
  readFixtureBytes,
  fixtureNames,
  inputForms,
  utf8,
  byteLength,
  assertWellFormedIssues,
  FINISH_REASONS_EXPECTED,
} from './helpers.js';

const specExample = readFixture('spec-example.json');

/** The spec example as a typed object, written out by hand in the wire style. */
const SPEC_WIRE = {
  id: 'cmpl-123',
  object: 'completion',
  created: 1677652288,
  model: 'gpt-4o-mini',
  choices: [{ text: ', there was a young programmer who loved to code.', index: 0, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 12, total_tokens: 17 },
};

/** The same in the camel style of the official SDK. */
const SPEC_CAMEL = {
  id: 'cmpl-123',
  object: 'completion',
  created: 1677652288,
  model: 'gpt-4o-mini',
  choices: [{ text: ', there was a young programmer who loved to code.', index: 0, logprobs: null, finishReason: 'stop' }],
  usage: { promptTokens: 5, completionTokens: 12, totalTokens: 17 },
};

// Every schema field by object, to compute what "strip" leaves of JSON.parse's result.
const SCHEMA_KEYS = {
  response: ['id', 'object', 'created', 'model', 'choices', 'usage'],
  choice: ['text', 'index', 'logprobs', 'finish_reason'],
  usage: ['prompt_tokens', 'completion_tokens', 'total_tokens', 'prompt_tokens_details', 'completion_tokens_details'],
  prompt_tokens_details: ['cached_tokens', 'audio_tokens'],
  completion_tokens_details: ['reasoning_tokens', 'audio_tokens', 'accepted_prediction_tokens', 'rejected_prediction_tokens'],
};

function pick(object, keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => keys.includes(key)));
}

/** JSON.parse's result without the fields the schema does not name (logprobs is free-form). */
function stripUnknown(response) {
  const out = pick(response, SCHEMA_KEYS.response);
  out.choices = out.choices.map((choice) => pick(choice, SCHEMA_KEYS.choice));
  if (out.usage) {
    out.usage = pick(out.usage, SCHEMA_KEYS.usage);
    for (const details of ['prompt_tokens_details', 'completion_tokens_details']) {
      if (out.usage[details]) out.usage[details] = pick(out.usage[details], SCHEMA_KEYS[details]);
    }
  }
  return out;
}

const validFixtures = ['spec-example.json', ...fixtureNames('valid').map((name) => `valid/${name}`)];
const invalidFixtures = fixtureNames('invalid').map((name) => `invalid/${name}`);

/** A fixture as the API should see it: bytes, since some invalid ones are not UTF-8. */
const fixtureInput = (name) => readFixtureBytes(name);

describe('the spec example', () => {
  test('the fixture is the example of /completions 200 in the OpenAPI document', () => {
    const spec = YAML.parse(readFileSync(requireShared('spec/r9s-openapi.yaml'), 'utf8'));
    const example = spec.paths['/completions'].post.responses['200'].content['application/json'].example;
    assert.deepEqual(JSON.parse(specExample), example);
  });

  test('parses to the typed object in the wire style (the default)', () => {
    assert.deepEqual(parse(specExample), SPEC_WIRE);
    assert.deepEqual(parse(specExample, { keys: 'wire' }), SPEC_WIRE);
  });

  test('parses to the typed object in the camel style', () => {
    assert.deepEqual(parse(specExample, { keys: 'camel' }), SPEC_CAMEL);
  });

  test('validates with no issues', () => {
    assert.deepEqual(validate(specExample), []);
  });
});

describe('parse, safeParse and validate agree', () => {
  const optionSets = [{}, { keys: 'camel' }, { unknownKeys: 'keep' }, { unknownKeys: 'reject' }, { openEnums: true }];
  for (const name of [...validFixtures, ...invalidFixtures]) {
    test(name, () => {
      const text = fixtureInput(name);
      for (const options of optionSets) {
        const issues = validate(text, options);
        assertWellFormedIssues(issues);
        const safe = safeParse(text, options);
        if (issues.length === 0) {
          assert.equal(safe.success, true);
          assert.equal(safe.error, undefined);
          assert.deepEqual(parse(text, options), safe.data);
        } else {
          assert.equal(safe.success, false);
          assert.equal(safe.data, undefined);
          assert.ok(safe.error instanceof CompletionValidationError);
          assert.deepEqual(safe.error.issues, issues);
          assert.throws(
            () => parse(text, options),
            (error) => {
              assert.deepEqual(error.issues, issues);
              return true;
            },
          );
        }
      }
    });
  }

  test('valid fixtures are valid and invalid ones are not', () => {
    for (const name of validFixtures) assert.deepEqual(validate(fixtureInput(name)), [], name);
    for (const name of invalidFixtures) assert.notDeepEqual(validate(fixtureInput(name)), [], name);
  });
});

describe('valid fixtures give what JSON.parse gives', () => {
  for (const name of validFixtures) {
    test(name, () => {
      const text = readFixture(name);
      // With "keep" nothing is dropped or renamed: the result must be JSON.parse's, number for number.
      assert.deepEqual(parse(text, { unknownKeys: 'keep' }), JSON.parse(text));
      assert.deepEqual(parse(text), stripUnknown(JSON.parse(text)));
    });
  }

  test('-0 in logprobs stays -0 and whole-number spellings become integers', () => {
    const data = parse(readFixture('valid/number-forms.json'));
    assert.ok(Object.is(data.choices[0].logprobs.token_logprobs[2], -0));
    assert.equal(data.created, 1.7e9);
    assert.equal(data.choices[0].index, 0);
    assert.equal(data.choices[1].index, 1);
    assert.equal(data.usage.total_tokens, 10);
    assert.equal(data.usage.prompt_tokens, Number.MAX_SAFE_INTEGER);
  });

  test('escapes, NUL and astral characters decode like JSON.parse', () => {
    const text = readFixture('valid/unicode-escapes.json');
    const data = parse(text);
    assert.equal(data.choices[0].text, JSON.parse(text).choices[0].text);
    assert.ok(data.choices[0].text.includes('\u0000'));
    assert.ok(data.id.endsWith('\u{1F600}'));
  });
});

describe('input forms', () => {
  // One valid and one invalid document (with issues at several offsets), so
  // that both objects and issue lists are compared across forms.
  const invalid = readFixture('invalid/wrong-types.json');
  const withNonAscii = readFixture('valid/unicode-escapes.json');
  for (const [label, text] of [
    ['spec example', specExample],
    ['non-ASCII', withNonAscii],
    ['invalid', invalid],
  ]) {
    test(`${label}: string, Uint8Array, ArrayBuffer, DataView and offset views agree`, () => {
      const expectedIssues = validate(text);
      const expectedSafe = safeParse(text, { keys: 'camel' });
      for (const [form, input] of inputForms(text)) {
        assert.deepEqual(validate(input), expectedIssues, form);
        assert.deepEqual(safeParse(input, { keys: 'camel' }), expectedSafe, form);
      }
    });
  }

  test('a Uint8Array from another realm is read like one from this realm', () => {
    const bytes = utf8(specExample);
    const foreign = vm.runInNewContext('new Uint8Array(length)', { length: bytes.length });
    foreign.set(bytes);
    assert.ok(!(foreign instanceof Uint8Array));
    assert.deepEqual(parse(foreign), SPEC_WIRE);
  });

  test('the input is not modified', () => {
    const bytes = utf8(readFixture('valid/unicode-escapes.json'));
    const copy = bytes.slice();
    parse(bytes);
    validate(bytes, { unknownKeys: 'reject' });
    assert.deepEqual(bytes, copy);
  });
});

describe('options', () => {
  test('keys: camel renames schema fields at every level, including usage details', () => {
    const text = readFixture('valid/usage-details.json');
    assert.deepEqual(parse(text, { keys: 'camel' }), {
      id: 'cmpl-usage-details-01',
      object: 'completion',
      created: 1733097600,
      model: 'o1-mini',
      choices: [{ text: '42', index: 0, finishReason: 'stop' }],
      usage: {
        promptTokens: 2048,
        completionTokens: 1337,
        totalTokens: 3385,
        promptTokensDetails: { cachedTokens: 1920, audioTokens: 0 },
        completionTokensDetails: {
          reasoningTokens: 1280,
          audioTokens: 0,
          acceptedPredictionTokens: 12,
          rejectedPredictionTokens: 3,
        },
      },
    });
  });

  test('keys: camel leaves the keys inside logprobs as sent', () => {
    const text = readFixture('valid/multi-choice-logprobs.json');
    const camel = parse(text, { keys: 'camel' });
    const wire = JSON.parse(text);
    for (let i = 0; i < wire.choices.length; i++) {
      assert.deepEqual(camel.choices[i].logprobs, wire.choices[i].logprobs);
      assert.equal(camel.choices[i].finishReason, wire.choices[i].finish_reason);
      assert.ok(!('finish_reason' in camel.choices[i]));
    }
    assert.ok('token_logprobs' in camel.choices[0].logprobs);
  });

  test('keys: camel with unknownKeys keep leaves unknown fields under their own names', () => {
    const data = parse(readFixture('valid/unknown-fields.json'), { keys: 'camel', unknownKeys: 'keep' });
    assert.equal(data.system_fingerprint, 'fp_44709d6fcb');
    assert.ok(!('systemFingerprint' in data));
    assert.equal(data.choices[0].stop_reason, null);
    assert.equal(data.usage.estimated_cost, 0.00001);
    assert.deepEqual(data.usage.promptTokensDetails, { cachedTokens: 0, image_tokens: 0 });
    assert.deepEqual(data.usage.completionTokensDetails, { reasoningTokens: 0, thinking: { budget: 1024 } });
    assert.deepEqual(data.x_provider, { region: 'eu-west-1', latency_ms: [12, 15] });
  });

  test('unknownKeys: strip (the default) drops unknown fields at every level', () => {
    const text = readFixture('valid/unknown-fields.json');
    const expected = stripUnknown(JSON.parse(text));
    assert.deepEqual(parse(text), expected);
    assert.deepEqual(parse(text, { unknownKeys: 'strip' }), expected);
    assert.ok(!('system_fingerprint' in parse(text)));
    assert.deepEqual(validate(text), []);
  });

  test('unknownKeys: keep passes unknown fields through', () => {
    const text = readFixture('valid/unknown-fields.json');
    assert.deepEqual(parse(text, { unknownKeys: 'keep' }), JSON.parse(text));
    assert.deepEqual(validate(text, { unknownKeys: 'keep' }), []);
  });

  test('unknownKeys: reject reports each unknown field, never keys inside logprobs', () => {
    const text = readFixture('valid/unknown-fields.json');
    const issues = validate(text, { unknownKeys: 'reject' });
    assertWellFormedIssues(issues);
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.pathString]),
      [
        ['unknown_field', 'system_fingerprint'],
        ['unknown_field', 'choices[0].stop_reason'],
        ['unknown_field', 'usage.estimated_cost'],
        ['unknown_field', 'usage.prompt_tokens_details.image_tokens'],
        ['unknown_field', 'usage.completion_tokens_details.thinking'],
        ['unknown_field', 'x_provider'],
      ],
    );
    assert.throws(() => parse(text, { unknownKeys: 'reject' }), CompletionValidationError);
    // logprobs is an open object: its keys are never unknown fields.
    assert.deepEqual(validate(readFixture('valid/multi-choice-logprobs.json'), { unknownKeys: 'reject' }), []);
  });

  test('openEnums: any string is a finish_reason, but it must still be a string', () => {
    const text = readFixture('invalid/bad-finish-reason.json');
    const closed = validate(text);
    assert.deepEqual(
      closed.map((issue) => issue.code),
      ['invalid_enum', 'invalid_enum', 'invalid_type'],
    );
    const open = validate(text, { openEnums: true });
    assert.deepEqual(
      open.map((issue) => [issue.code, issue.pathString, issue.expected, issue.received]),
      [['invalid_type', 'choices[2].finish_reason', 'string', 'null']],
    );
    const fixed = text.replace('"finish_reason": null', '"finish_reason": "eos"');
    const data = parse(fixed, { openEnums: true });
    assert.deepEqual(
      data.choices.map((choice) => choice.finish_reason),
      ['tool_calls', 'STOP', 'eos'],
    );
    assert.deepEqual(
      parse(fixed, { openEnums: true, keys: 'camel' }).choices.map((c) => c.finishReason),
      ['tool_calls', 'STOP', 'eos'],
    );
    assert.equal(validate(fixed).length, 3);
  });

  test('openEnums: false is the default', () => {
    const text = readFixture('invalid/bad-finish-reason.json');
    assert.deepEqual(validate(text, { openEnums: false }), validate(text));
    assert.equal(validate(text)[0].expected, FINISH_REASONS_EXPECTED);
  });

  test('maxBytes: counts UTF-8 bytes; exactly maxBytes passes, one more is too_large', () => {
    const text = specExample.replace('gpt-4o-mini', 'gpt-4o-mini-é😀'); // 2 + 4 bytes for 1 + 2 code units
    const size = byteLength(text);
    assert.equal(size, text.length + 3);
    for (const [form, input] of inputForms(text)) {
      assert.deepEqual(validate(input, { maxBytes: size }), [], form);
      const issues = validate(input, { maxBytes: size - 1 });
      assertWellFormedIssues(issues);
      assert.deepEqual(
        issues.map((issue) => [issue.code, issue.path]),
        [['too_large', []]],
        form,
      );
    }
    // A string of text.length code units is still too large at maxBytes = text.length.
    assert.equal(validate(text, { maxBytes: text.length })[0].code, 'too_large');
  });

  test('maxBytes: too_large wins over anything else wrong with the input', () => {
    const issues = validate('{"id": 1, not json at all \u00ff', { maxBytes: 4 });
    assert.deepEqual(
      issues.map((issue) => issue.code),
      ['too_large'],
    );
  });

  test('maxBytes: the default is 64 MiB', () => {
    // A valid document padded with whitespace to exactly 64 MiB, then one byte more.
    const limit = 64 * 1024 * 1024;
    const bytes = new Uint8Array(limit + 1).fill(0x20);
    bytes.set(utf8(specExample));
    assert.deepEqual(validate(bytes.subarray(0, limit)), []);
    assert.deepEqual(
      validate(bytes).map((issue) => issue.code),
      ['too_large'],
    );
  });

  /** The spec example with `depth` nested arrays inside logprobs: the document's depth is 4 + depth. */
  function nestedLogprobs(depth) {
    return specExample.replace('"logprobs": null', `"logprobs": {"deep": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
  }

  test('maxDepth: a document exactly maxDepth deep passes, one level more is too_deep', () => {
    // root object 1, choices 2, choice 3, logprobs 4, then 3 arrays: depth 7.
    const text = nestedLogprobs(3);
    assert.deepEqual(validate(text, { maxDepth: 7 }), []);
    const issues = validate(text, { maxDepth: 6 });
    assertWellFormedIssues(issues);
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.path]),
      [['too_deep', []]],
    );
    // It points at the bracket that opens the seventh level.
    assert.equal(issues[0].offset, text.indexOf('[[[') + 2);
  });

  test('maxDepth: the default is 64', () => {
    assert.deepEqual(validate(nestedLogprobs(60)), []);
    assert.deepEqual(
      validate(nestedLogprobs(61)).map((issue) => issue.code),
      ['too_deep'],
    );
  });

  test('maxDepth: at most 1000', () => {
    assert.deepEqual(validate(nestedLogprobs(996), { maxDepth: 1000 }), []);
    assert.deepEqual(
      validate(nestedLogprobs(997), { maxDepth: 1000 }).map((issue) => issue.code),
      ['too_deep'],
    );
    assert.throws(() => validate(specExample, { maxDepth: 1001 }), RangeError);
  });

  /** A document with `count` bad finish_reasons: `count` issues. */
  function manyBadChoices(count) {
    const choices = Array.from({ length: count }, (_, index) => ({ text: '', index, finish_reason: 'nope' }));
    return JSON.stringify({ ...SPEC_WIRE, choices });
  }

  test('maxIssues: exactly maxIssues issues come without a marker', () => {
    const issues = validate(manyBadChoices(3), { maxIssues: 3 });
    assert.deepEqual(
      issues.map((issue) => issue.code),
      ['invalid_enum', 'invalid_enum', 'invalid_enum'],
    );
  });

  test('maxIssues: more issues give maxIssues issues and a too_many_issues marker', () => {
    const issues = validate(manyBadChoices(5), { maxIssues: 3 });
    assertWellFormedIssues(issues);
    assert.deepEqual(
      issues.map((issue) => issue.code),
      ['invalid_enum', 'invalid_enum', 'invalid_enum', 'too_many_issues'],
    );
    assert.deepEqual(
      issues.slice(0, 3).map((issue) => issue.pathString),
      ['choices[0].finish_reason', 'choices[1].finish_reason', 'choices[2].finish_reason'],
    );
    assert.deepEqual(safeParse(manyBadChoices(5), { maxIssues: 3 }).error.issues, issues);
  });

  test('maxIssues: the default is 100', () => {
    assert.equal(validate(manyBadChoices(100)).length, 100);
    const issues = validate(manyBadChoices(150));
    assert.equal(issues.length, 101);
    assert.equal(issues[100].code, 'too_many_issues');
    assert.equal(issues[99].pathString, 'choices[99].finish_reason');
  });
});

describe('initialisation', () => {
  const wasmBytes = () => new Uint8Array(readFileSync(wasmPath));

  test('init() is memoised: concurrent and later calls share one promise', async () => {
    const api = await freshApi();
    const first = api.init();
    const second = api.init();
    assert.ok(first instanceof Promise);
    assert.equal(second, first);
    await Promise.all([first, second]);
    // index.d.ts: "later and concurrent calls share the same promise".
    assert.equal(api.init(), first, 'a later call returns the same promise');
    await api.init();
    api.initSync(); // a no-op once initialised
    assert.deepEqual(api.parseCompletionResponse(specExample), SPEC_WIRE);
  });

  test('init() after lazy initialisation resolves, and the module keeps working', async () => {
    const api = await freshApi();
    assert.deepEqual(api.validateCompletionResponse(specExample), []); // initialises lazily
    await api.init();
    api.initSync();
    assert.deepEqual(api.parseCompletionResponse(specExample), SPEC_WIRE);
  });

  test('init() of this module instance works too', async () => {
    await init();
    initSync();
    assert.deepEqual(parse(specExample), SPEC_WIRE);
  });

  test('init() with the .wasm bytes, a Response, or a promise of bytes', async () => {
    const sources = [
      () => wasmBytes(),
      () => wasmBytes().buffer,
      () => new Response(wasmBytes(), { headers: { 'content-type': 'application/wasm' } }),
      () => Promise.resolve(wasmBytes()),
      () => new WebAssembly.Module(wasmBytes()),
    ];
    for (const source of sources) {
      const api = await freshApi();
      await api.init(source());
      assert.deepEqual(api.parseCompletionResponse(specExample), SPEC_WIRE);
    }
  });

  test('a .wasm fetched with a non-2xx status: CompletionWasmError "fetch_failed"', async () => {
    const api = await freshApi();
    await assert.rejects(api.init(new Response('not found', { status: 404 })), (error) => {
      assert.ok(error instanceof api.CompletionWasmError, `${error}`);
      assert.equal(error.code, 'fetch_failed');
      assert.match(error.message, /HTTP 404/);
      return true;
    });
  });

  test('a core that traps: CompletionWasmError "trap", and the next call starts a fresh instance', async () => {
    // A hand-made module with the exports the first check reaches, whose cw_wasm_input traps (unreachable).
    const name = (text) => [text.length, ...new TextEncoder().encode(text)];
    const section = (id, content) => [id, content.length, ...content];
    const exports = [3, ...name('memory'), 2, 0, ...name('_initialize'), 0, 0, ...name('cw_wasm_input'), 0, 1];
    const trapping = new WebAssembly.Module(
      Uint8Array.of(
        0x00,
        0x61,
        0x73,
        0x6d,
        1,
        0,
        0,
        0,
        ...section(1, [2, 0x60, 0, 0, 0x60, 1, 0x7f, 1, 0x7f]), // types: () -> (), (i32) -> i32
        ...section(3, [2, 0, 1]), // two functions
        ...section(5, [1, 0, 1]), // one page of memory
        ...section(7, exports),
        ...section(10, [2, 2, 0, 0x0b, 3, 0, 0x00, 0x0b]), // _initialize: nothing; cw_wasm_input: unreachable
      ),
    );
    const api = await freshApi();
    api.initSync(trapping);
    assert.throws(
      () => api.validateCompletionResponse(specExample),
      (error) => {
        assert.ok(error instanceof api.CompletionWasmError, `${error}`);
        assert.equal(error.code, 'trap');
        assert.ok(error.cause instanceof WebAssembly.RuntimeError);
        return true;
      },
    );
    // The trapping instance was dropped: the next call instantiates the kept module again (here, one that traps again).
    assert.throws(
      () => api.validateCompletionResponse(specExample),
      (error) => error.code === 'trap',
    );
  });

  test('initSync() with bytes read from js/completion.wasm', async () => {
    const api = await freshApi();
    api.initSync(wasmBytes());
    assert.deepEqual(api.parseCompletionResponse(specExample, { keys: 'camel' }), SPEC_CAMEL);
    api.initSync(wasmBytes()); // a second call is a no-op
    await api.init();
  });

  test('initSync() with a compiled WebAssembly.Module', async () => {
    const api = await freshApi();
    api.initSync(new WebAssembly.Module(wasmBytes()));
    assert.deepEqual(api.parseCompletionResponse(specExample), SPEC_WIRE);
  });

  test('initSync() with a WebAssembly.Module from another realm', async () => {
    const api = await freshApi();
    const foreign = vm.runInNewContext('new WebAssembly.Module(bytes)', { bytes: wasmBytes() });
    assert.ok(!(foreign instanceof WebAssembly.Module), 'the module really is from another realm');
    assert.equal(Object.prototype.toString.call(foreign), '[object WebAssembly.Module]');
    api.initSync(foreign);
    assert.deepEqual(api.parseCompletionResponse(specExample), SPEC_WIRE);
  });

  test('initSync() uses the source it is given: bytes that are not wasm throw', async () => {
    const api = await freshApi();
    assert.throws(() => api.initSync(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0xff, 0xff, 0xff, 0xff])));
  });

  test('init() uses the source it is given: bytes that are not wasm reject', async () => {
    const api = await freshApi();
    await assert.rejects(api.init(new Uint8Array([1, 2, 3, 4])));
  });
});

describe('CompletionValidationError', () => {
  const text = readFixture('invalid/wrong-types.json');

  test('is an Error with name and issues', () => {
    let caught;
    try {
      parse(text);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof CompletionValidationError);
    assert.ok(caught instanceof Error);
    assert.equal(caught.name, 'CompletionValidationError');
    assert.deepEqual(caught.issues, validate(text));
    assert.equal(typeof caught.message, 'string');
    assert.ok(caught.message.length > 0);
    assert.equal(typeof caught.stack, 'string');
    assert.equal(Object.prototype.toString.call(caught), '[object Error]');
  });

  test('safeParse gives the same error as parse throws', () => {
    const error = safeParse(text).error;
    assert.throws(
      () => parse(text),
      (thrown) => thrown.name === error.name && thrown.message === error.message,
    );
  });
});

describe('safeParse never throws on invalid input', () => {
  const inputs = [
    '',
    ' ',
    'null',
    '[]',
    '"x"',
    '{',
    '}',
    '{"id":',
    '\uFEFF{}',
    'x'.repeat(1000),
    '['.repeat(100000),
    '{"a":"\ud800"}',
    new Uint8Array([0xff, 0xfe, 0x00]),
    new Uint8Array(0),
    new ArrayBuffer(0),
    ...invalidFixtures.map(fixtureInput),
  ];
  for (const options of [{}, { keys: 'camel' }, { unknownKeys: 'reject', maxIssues: 1 }, { maxBytes: 3 }, { maxDepth: 1 }]) {
    test(JSON.stringify(options), () => {
      for (const input of inputs) {
        const result = safeParse(input, options);
        assert.equal(result.success, false);
        assert.ok(result.error instanceof CompletionValidationError);
        assert.ok(result.error.issues.length > 0);
        assertWellFormedIssues(result.error.issues);
      }
    });
  }
});

describe('objects like JSON.parse makes them', () => {
  const withProto = specExample.replace('"logprobs": null', '"logprobs": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "toString": 1}');

  test('__proto__ inside logprobs is an own property; prototypes are untouched', () => {
    for (const options of [{}, { keys: 'camel' }, { unknownKeys: 'keep' }]) {
      const logprobs = parse(withProto, options).choices[0].logprobs;
      assert.equal(Object.getPrototypeOf(logprobs), Object.prototype);
      assert.ok(Object.hasOwn(logprobs, '__proto__'));
      assert.deepEqual(Object.getOwnPropertyDescriptor(logprobs, '__proto__').value, { polluted: true });
      assert.deepEqual(Object.keys(logprobs), ['__proto__', 'constructor', 'toString']);
      assert.equal(logprobs.toString, 1);
      assert.equal(logprobs.polluted, undefined);
      assert.equal({}.polluted, undefined);
      // Exactly what JSON.parse builds.
      assert.deepEqual(logprobs, JSON.parse(withProto).choices[0].logprobs);
    }
  });

  test('a kept unknown "__proto__" field is an own property too', () => {
    const text = specExample.replace('{', '{"__proto__": {"polluted": true},');
    const data = parse(text, { unknownKeys: 'keep' });
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.ok(Object.hasOwn(data, '__proto__'));
    assert.equal(data.polluted, undefined);
    assert.deepEqual(data, JSON.parse(text));
  });

  test('results are plain objects and arrays, all the way down', () => {
    const visit = (value) => {
      if (Array.isArray(value)) {
        assert.equal(Object.getPrototypeOf(value), Array.prototype);
        value.forEach(visit);
      } else if (value !== null && typeof value === 'object') {
        assert.equal(Object.getPrototypeOf(value), Object.prototype);
        for (const key of Object.keys(value)) {
          const descriptor = Object.getOwnPropertyDescriptor(value, key);
          assert.ok(descriptor.writable && descriptor.enumerable && descriptor.configurable, key);
          visit(descriptor.value);
        }
        assert.deepEqual(Object.getOwnPropertySymbols(value), []);
      } else {
        assert.ok(['string', 'number', 'boolean'].includes(typeof value) || value === null);
      }
    };
    for (const name of validFixtures) {
      for (const options of [{}, { keys: 'camel', unknownKeys: 'keep' }]) visit(parse(readFixture(name), options));
    }
  });

  test('JSON.stringify of a result re-validates to the same object', () => {
    for (const name of validFixtures) {
      for (const options of [{}, { unknownKeys: 'keep' }]) {
        const data = parse(readFixture(name), options);
        const again = JSON.stringify(data);
        // Stripped results have no unknown fields left, so even "reject" accepts them.
        assert.deepEqual(validate(again, { unknownKeys: options.unknownKeys === 'keep' ? 'keep' : 'reject' }), [], name);
        // The same object, except what JSON.stringify itself cannot write (-0 becomes 0).
        assert.equal(JSON.stringify(parse(again, options)), again, name);
        assert.deepEqual(parse(again, options), JSON.parse(again), name);
      }
    }
    const plain = parse(specExample);
    assert.deepEqual(parse(JSON.stringify(plain)), plain);
  });

  test('each call returns fresh objects', () => {
    const first = parse(specExample);
    first.choices[0].text = 'changed';
    assert.deepEqual(parse(specExample), SPEC_WIRE);
  });
});

describe('examples/', () => {
  const example = (name) => readFileSync(path.join(examplesDir, name), 'utf8');

  test('valid.json is valid', () => {
    assert.deepEqual(validate(example('valid.json')), []);
  });

  test('invalid.json has a few schema issues a newcomer can read', () => {
    assert.deepEqual(
      validate(example('invalid.json')).map((issue) => [issue.code, issue.pathString]),
      [
        ['missing_field', 'model'],
        ['invalid_type', 'created'],
        ['invalid_enum', 'choices[0].finish_reason'],
        ['not_integer', 'usage.total_tokens'],
      ],
    );
  });

  test('broken.json is not JSON', () => {
    const issues = validate(example('broken.json'));
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.line]),
      [['invalid_json', 7]],
    );
  });
});
