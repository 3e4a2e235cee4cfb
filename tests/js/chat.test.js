// /chat/completions bodies (parseChatCompletion, safeParseChatCompletion,
// validateChatCompletion) and chunks (the core's chatChunk document, which the
// stream functions will read): OpenAI's published examples, each profile's
// decisions and leniencies, the unions told apart by `type`, and issues with
// their exact paths and positions.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

import { CompletionValidationError, ISSUE_CODES, internals, parseChatCompletion, safeParseChatCompletion, validateChatCompletion } from '../../js/index.js';
import { DOCUMENT, SCHEMA_SHIFT, STREAM_CODES } from '../../js/schema.js';
import { assertPositionsMatchOffsets, assertWellFormedIssues, fixturesDir, marked, requireShared, utf8 } from './helpers.js';

const PROFILES = ['r9s', 'openai', 'openai-compatible'];
const seenCodes = new Set();

/** The issues of a body, checked for what holds of every list: bytes and text agree, safeParse agrees. */
function bodyIssues(input, options = {}) {
  const issues = validateChatCompletion(input, options);
  for (const issue of issues) seenCodes.add(issue.code);
  assertWellFormedIssues(issues);
  assertPositionsMatchOffsets(input, issues);
  if (typeof input === 'string' && input.isWellFormed()) assert.deepEqual(validateChatCompletion(utf8(input), options), issues, 'bytes and text agree');
  const safe = safeParseChatCompletion(input, options);
  assert.deepEqual(safe.success ? [] : safe.error.issues, issues, 'safeParse agrees');
  return issues;
}

/** The issues of one chunk, through the engine the stream functions share. */
function chunkIssues(input, options = {}) {
  const settings = internals.readOptions(options, false);
  const issues = internals.check(input, { ...settings, flags: settings.flags | (DOCUMENT.chatChunk << SCHEMA_SHIFT) }, false).issues;
  for (const issue of issues) seenCodes.add(issue.code);
  assertWellFormedIssues(issues);
  return issues;
}

const brief = (issues) => issues.map((issue) => `${issue.code} ${issue.pathString}`);

/** Expects one issue at the § of `textWithMark`: its code, path and expected. */
function expectOne(check, textWithMark, { code, path, expected }, options) {
  const { text, offset, line, column } = marked(textWithMark);
  const issues = check(text, options);
  assert.deepEqual(brief(issues), [`${code} ${path}`], text);
  assert.deepEqual({ offset: issues[0].offset, line: issues[0].line, column: issues[0].column }, { offset, line, column }, `where in ${text}`);
  if (expected !== undefined) assert.equal(issues[0].expected, expected);
  return issues[0];
}

const HEAD = '{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",';
const CHUNK = '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini",';
/** A body whose one choice has this message (and these other members of the choice). */
const body = (message, choice = '"logprobs":null,"finish_reason":"stop"', rest = '') => `${HEAD}"choices":[{"index":0,"message":${message},${choice}}]${rest}}`;
/** A chunk whose one choice has this delta. */
const chunk = (delta, choice = '"logprobs":null,"finish_reason":null', rest = '') => `${CHUNK}"choices":[{"index":0,"delta":${delta},${choice}}]${rest}}`;
const ASSISTANT = '{"role":"assistant","content":"Hi","refusal":null}';

// ---- the contracts' own examples -------------------------------------------------

describe("the contracts' examples", () => {
  const openai = YAML.parse(readFileSync(requireShared('spec/openai/openai-chat-completions.yaml'), 'utf8'));
  const examples = openai.paths['/chat/completions'].post['x-example-responses'];
  const streamLines = (text) => text.split('\n').filter((line) => line.startsWith('{'));

  test("OpenAI's published bodies are valid under every profile (openai: with unknown fields rejected)", () => {
    const bodies = Object.entries(examples).filter(([name]) => name !== 'Streaming');
    bodies.push(['x-oaiMeta', openai.components.schemas.CreateChatCompletionResponse['x-oaiMeta'].example]);
    assert.equal(bodies.length, 5);
    for (const [name, text] of bodies) {
      assert.deepEqual(brief(bodyIssues(text, { profile: 'openai', unknownKeys: 'reject' })), [], `openai: ${name}`);
      assert.deepEqual(brief(bodyIssues(text, { profile: 'openai-compatible', unknownKeys: 'reject' })), [], `openai-compatible: ${name}`);
      // r9s's Message names no refusal or annotations: unknown fields, dropped by default.
      assert.deepEqual(brief(bodyIssues(text)), [], `r9s: ${name}`);
    }
  });

  test("OpenAI's published chunks are valid under every profile", () => {
    const lines = [...streamLines(examples.Streaming), ...streamLines(openai.components.schemas.CreateChatCompletionStreamResponse['x-oaiMeta'].example)];
    assert.equal(lines.length, 6);
    for (const line of lines) {
      for (const profile of PROFILES) assert.deepEqual(brief(chunkIssues(line, { profile })), [], `${profile}: ${line}`);
      assert.deepEqual(brief(chunkIssues(line, { profile: 'openai', unknownKeys: 'reject' })), [], line);
    }
  });

  test('a valid body parses to what JSON.parse gives (unknown fields kept), and every cut of it is an issue, never a throw', () => {
    const bodies = Object.entries(examples)
      .filter(([name]) => name !== 'Streaming')
      .map(([, text]) => text);
    for (const text of bodies) {
      for (const profile of PROFILES) assert.deepEqual(parseChatCompletion(text, { profile, unknownKeys: 'keep' }), JSON.parse(text), profile);
      const bytes = utf8(text);
      for (let end = 0; end < bytes.length; end += 97) assert.ok(validateChatCompletion(bytes.subarray(0, end), { profile: 'openai' }).length > 0);
    }
  });

  test("r9s's own example is valid under r9s with unknown fields rejected", () => {
    const r9s = YAML.parse(readFileSync(requireShared('spec/r9s-openapi.yaml'), 'utf8'));
    const example = r9s.paths['/chat/completions'].post.responses['200'].content['application/json'].example;
    assert.deepEqual(brief(bodyIssues(JSON.stringify(example), { unknownKeys: 'reject' })), []);
  });
});

// ---- the decisions: where a profile departs from its contract, because OpenAI's own servers do ----

describe('decisions', () => {
  test("r9s relays OpenAI's bodies: logprobs and system_fingerprint null", () => {
    assert.deepEqual(brief(bodyIssues(body('{"role":"assistant","content":"Hi"}', '"logprobs":null,"finish_reason":"stop"', ',"system_fingerprint":null'))), []);
    expectOne(bodyIssues, body('{"role":"assistant","content":"Hi"}', '"logprobs":§7,"finish_reason":"stop"'), {
      code: 'invalid_type',
      path: 'choices[0].logprobs',
      expected: 'object or null',
    });
  });

  test("r9s relays OpenAI's streams: content null, tool calls in pieces, usage null", () => {
    const first = chunk(
      '{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]}',
      undefined,
      ',"usage":null',
    );
    const piece = chunk('{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}', undefined, ',"usage":null');
    assert.deepEqual(brief(chunkIssues(first, { unknownKeys: 'reject' })), []);
    assert.deepEqual(brief(chunkIssues(piece, { unknownKeys: 'reject' })), []);
    // A piece still needs its index, as OpenAI's chunks carry it.
    expectOne(chunkIssues, chunk('{"tool_calls":[§{"function":{"arguments":"{}"}}]}'), {
      code: 'missing_field',
      path: 'choices[0].delta.tool_calls[0].index',
      expected: 'integer',
    });
  });

  test('openai: refusal and logprobs may be missing, system_fingerprint and the logprobs refusal null or missing', () => {
    assert.deepEqual(brief(bodyIssues(body('{"role":"assistant","content":"Hi"}', '"finish_reason":"stop"', ',"system_fingerprint":null'), { profile: 'openai' })), []);
    assert.deepEqual(brief(bodyIssues(body(ASSISTANT, '"logprobs":{"content":[]},"finish_reason":"stop"'), { profile: 'openai' })), []);
    // content is required, null or a string (OpenAI's contract).
    expectOne(
      bodyIssues,
      body('§{"role":"assistant","refusal":null}'),
      { code: 'missing_field', path: 'choices[0].message.content', expected: 'string or null' },
      { profile: 'openai' },
    );
  });

  test('openai: finish_reason is null until the last chunk, usage null until the usage-only chunk', () => {
    assert.deepEqual(brief(chunkIssues(chunk('{"content":"Hel"}', '"logprobs":null,"finish_reason":null', ',"usage":null'), { profile: 'openai' })), []);
    assert.deepEqual(brief(chunkIssues(`${CHUNK}"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}`, { profile: 'openai' })), []);
    // But it is there: OpenAI's contract requires it on every chunk's choice.
    expectOne(chunkIssues, `${CHUNK}"choices":[§{"index":0,"delta":{}}]}`, { code: 'missing_field', path: 'choices[0].finish_reason' }, { profile: 'openai' });
    expectOne(
      chunkIssues,
      chunk('{}', '"finish_reason":§"done"'),
      {
        code: 'invalid_enum',
        path: 'choices[0].finish_reason',
        expected: '"stop" | "length" | "tool_calls" | "content_filter" | "function_call" | null',
      },
      { profile: 'openai' },
    );
  });
});

// ---- unions told apart by type ----------------------------------------------------

describe('unions told apart by their type', () => {
  const calls = (list) => body(`{"role":"assistant","content":null,"refusal":null,"tool_calls":[${list}]}`, '"logprobs":null,"finish_reason":"tool_calls"');
  const FUNCTION = '{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}';
  const CUSTOM = '{"id":"call_2","type":"custom","custom":{"name":"grammar","input":"x = 1"}}';

  test('function and custom tool calls, each typed as its own object', () => {
    const parsed = parseChatCompletion(calls(`${FUNCTION},${CUSTOM}`), { profile: 'openai', keys: 'camel' });
    assert.deepEqual(parsed.choices[0].message.toolCalls, [
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
      { id: 'call_2', type: 'custom', custom: { name: 'grammar', input: 'x = 1' } },
    ]);
    assert.equal(parsed.choices[0].finishReason, 'tool_calls');
    // Each object keeps only its own fields: a custom call's function is an unknown field there.
    const mixed = `{"id":"c","type":"custom","custom":{"name":"n","input":"i"},§"function":{"name":"f","arguments":""}}`;
    expectOne(bodyIssues, calls(mixed), { code: 'unknown_field', path: 'choices[0].message.tool_calls[0].function' }, { profile: 'openai', unknownKeys: 'reject' });
  });

  test('an unknown type is invalid_literal naming every type, a missing one missing_field, another kind invalid_type', () => {
    const issue = expectOne(
      bodyIssues,
      calls('{"id":"c","type":§"web_search"}'),
      {
        code: 'invalid_literal',
        path: 'choices[0].message.tool_calls[0].type',
        expected: '"function" | "custom"',
      },
      { profile: 'openai' },
    );
    assert.equal(issue.received, '"web_search"');
    expectOne(
      bodyIssues,
      calls(`${FUNCTION},§{"id":"c","function":{"name":"f","arguments":""}}`),
      {
        code: 'missing_field',
        path: 'choices[0].message.tool_calls[1].type',
        expected: '"function" | "custom"',
      },
      { profile: 'openai' },
    );
    expectOne(
      bodyIssues,
      calls('{"type":§null,"id":"c"}'),
      { code: 'invalid_type', path: 'choices[0].message.tool_calls[0].type', expected: '"function" | "custom"' },
      { profile: 'openai' },
    );
  });

  test('the type chooses the fields: a function call needs its function, and that its arguments', () => {
    expectOne(bodyIssues, calls('§{"id":"c","type":"function"}'), { code: 'missing_field', path: 'choices[0].message.tool_calls[0].function' }, { profile: 'openai' });
    expectOne(
      bodyIssues,
      calls('{"id":"c","type":"function","function":§{"name":"f"}}'),
      {
        code: 'missing_field',
        path: 'choices[0].message.tool_calls[0].function.arguments',
        expected: 'string',
      },
      { profile: 'openai' },
    );
    expectOne(
      bodyIssues,
      calls('{"id":"c","type":"custom","custom":{"name":"n","input":§5}}'),
      {
        code: 'invalid_type',
        path: 'choices[0].message.tool_calls[0].custom.input',
      },
      { profile: 'openai' },
    );
  });

  test('escapes in the type key or value name the same type; "type\\u0000" does not', () => {
    const escaped = '{"id":"c","\\u0074ype":"cus\\u0074om","custom":{"name":"n","input":"i"}}';
    assert.deepEqual(brief(bodyIssues(calls(escaped), { profile: 'openai', unknownKeys: 'reject' })), []);
    expectOne(
      bodyIssues,
      calls('§{"id":"c","type\\u0000":"custom","custom":{"name":"n","input":"i"}}'),
      {
        code: 'missing_field',
        path: 'choices[0].message.tool_calls[0].type',
      },
      { profile: 'openai' },
    );
  });

  test('annotations: url citations', () => {
    const citation = '{"type":"url_citation","url_citation":{"end_index":10,"start_index":2,"url":"https://example.com","title":"Example"}}';
    const message = (list) => `{"role":"assistant","content":"See example.com","refusal":null,"annotations":[${list}]}`;
    assert.deepEqual(brief(bodyIssues(body(message(citation)), { profile: 'openai', unknownKeys: 'reject' })), []);
    expectOne(
      bodyIssues,
      body(message(citation.replace('"type":"url_citation"', '"type":§"file_citation"'))),
      {
        code: 'invalid_literal',
        path: 'choices[0].message.annotations[0].type',
        expected: '"url_citation"',
      },
      { profile: 'openai' },
    );
    expectOne(
      bodyIssues,
      body(message('{"type":"url_citation","url_citation":{"end_index":§1.5,"start_index":0,"url":"u","title":"t"}}')),
      {
        code: 'not_integer',
        path: 'choices[0].message.annotations[0].url_citation.end_index',
      },
      { profile: 'openai' },
    );
  });

  test('moderation results or a moderation error, by type', () => {
    const results =
      '{"type":"moderation_results","model":"omni","results":[{"type":"moderation_result","model":"omni","flagged":true,"categories":{"violence":true},"category_scores":{"violence":0.9},"category_applied_input_types":{"violence":["text","image"]}}]}';
    const error = '{"type":"error","code":"timeout","message":"moderation timed out"}';
    const withModeration = (input, output) => body(ASSISTANT, undefined, `,"moderation":{"input":${input},"output":${output}}`);
    const parsed = parseChatCompletion(withModeration(results, error), { profile: 'openai', keys: 'camel' });
    assert.deepEqual(parsed.moderation.output, { type: 'error', code: 'timeout', message: 'moderation timed out' });
    // Record keys are data: kept as sent in either key style.
    assert.deepEqual(parsed.moderation.input.results[0].categoryAppliedInputTypes, { violence: ['text', 'image'] });
    expectOne(
      bodyIssues,
      withModeration(results, '§{"type":"error","code":"c"}'),
      {
        code: 'missing_field',
        path: 'moderation.output.message',
      },
      { profile: 'openai' },
    );
    expectOne(
      bodyIssues,
      withModeration(results.replace('["text","image"]', '["text",§"audio"]'), error),
      {
        code: 'invalid_literal',
        path: 'moderation.input.results[0].category_applied_input_types.violence[1]',
        expected: '"text" | "image"',
      },
      { profile: 'openai' },
    );
  });

  test('openai-compatible: content as a list of text, image and thinking parts', () => {
    const parts = '[{"type":"thinking","thinking":[{"type":"text","text":"17*23 = 391"}],"closed":true},{"type":"text","text":"391"}]';
    const parsed = parseChatCompletion(body(`{"role":"assistant","content":${parts}}`), { profile: 'openai-compatible' });
    assert.deepEqual(parsed.choices[0].message.content[1], { type: 'text', text: '391' });
    expectOne(
      bodyIssues,
      body(`{"role":"assistant","content":[{"type":§"audio"}]}`),
      {
        code: 'invalid_literal',
        path: 'choices[0].message.content[0].type',
        expected: '"text" | "image_url" | "thinking"',
      },
      { profile: 'openai-compatible' },
    );
    expectOne(
      bodyIssues,
      body(`{"role":"assistant","content":§${parts}}`),
      { code: 'invalid_type', path: 'choices[0].message.content', expected: 'string or null' },
      { profile: 'openai' },
    );
  });
});

// ---- leniencies: what openai-compatible accepts beyond OpenAI's contract ----------

describe('openai-compatible leniencies, each refused by openai', () => {
  const cases = [
    ['DeepSeek, vLLM: reasoning_content', body('{"role":"assistant","content":"4","reasoning_content":"2+2"}'), 'choices[0].message.reasoning_content'],
    ['OpenRouter, Groq, Ollama: reasoning', body('{"role":"assistant","content":"4","reasoning":null}'), 'choices[0].message.reasoning'],
    ['TGI: finish_reason eos_token', body(ASSISTANT, '"finish_reason":"eos_token"'), 'choices[0].finish_reason'],
    ['TGI 2.0: object text_completion', body(ASSISTANT).replace('"chat.completion"', '"text_completion"'), 'object'],
    ['candle-vllm: another role', body('{"role":"[INST]","content":"x"}'), 'choices[0].message.role'],
    ['Groq: content missing beside tool calls', body('{"role":"assistant","tool_calls":[]}'), 'choices[0].message.content'],
    ['Groq: another service tier', body(ASSISTANT, undefined, ',"service_tier":"on_demand"'), 'service_tier'],
    ['Mistral, TGI: tool_calls null', body('{"role":"assistant","content":"x","tool_calls":null}'), 'choices[0].message.tool_calls'],
    ['vLLM: annotations and function_call null', body('{"role":"assistant","content":"x","annotations":null}'), 'choices[0].message.annotations'],
    ['usage null', body(ASSISTANT, undefined, ',"usage":null'), 'usage'],
    [
      'vLLM: prompt_tokens_details null',
      body(ASSISTANT, undefined, ',"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"prompt_tokens_details":null}'),
      'usage.prompt_tokens_details',
    ],
    [
      'Azure: content_filter_results on a choice',
      body(ASSISTANT, '"finish_reason":"stop","content_filter_results":{"hate":{"filtered":false}}'),
      'choices[0].content_filter_results',
    ],
    ['Azure: prompt_filter_results', body(ASSISTANT, undefined, ',"prompt_filter_results":[{"prompt_index":0}]'), 'prompt_filter_results'],
  ];
  const chunkCases = [
    ["Azure's first chunk: object, id and model empty", '{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[]}', 'object'],
    ['Azure: system_fingerprint null', chunk('{"content":"x"}', undefined, ',"system_fingerprint":null'), 'system_fingerprint'],
    [
      'Gemini: a tool-call piece without index',
      chunk('{"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]}'),
      'choices[0].delta.tool_calls[0].index',
    ],
    [
      'TGI: a function name null after the first piece',
      chunk('{"tool_calls":[{"index":0,"function":{"name":null,"arguments":"x"}}]}'),
      'choices[0].delta.tool_calls[0].function.name',
    ],
    ['DeepSeek: reasoning_content null in a delta', chunk('{"content":"","reasoning_content":null}'), 'choices[0].delta.reasoning_content'],
    ['TGI: finish_reason eos_token in a chunk', chunk('{}', '"finish_reason":"eos_token"'), 'choices[0].finish_reason'],
  ];

  for (const [name, text, path] of cases) {
    test(`body: ${name}`, () => {
      assert.deepEqual(brief(bodyIssues(text, { profile: 'openai-compatible', unknownKeys: 'reject' })), [], text);
      const issues = bodyIssues(text, { profile: 'openai', unknownKeys: 'reject' });
      assert.ok(
        issues.some((issue) => issue.pathString === path),
        `openai reports ${path}: ${brief(issues).join(', ')}`,
      );
    });
  }
  for (const [name, text, path] of chunkCases) {
    test(`chunk: ${name}`, () => {
      assert.deepEqual(brief(chunkIssues(text, { profile: 'openai-compatible', unknownKeys: 'reject' })), [], text);
      const issues = chunkIssues(text, { profile: 'openai', unknownKeys: 'reject' });
      assert.ok(
        issues.some((issue) => issue.pathString === path),
        `openai reports ${path}: ${brief(issues).join(', ')}`,
      );
    });
  }

  test('what is really broken stays broken: id, choices, index and message', () => {
    const compatible = { profile: 'openai-compatible' };
    expectOne(bodyIssues, body(ASSISTANT).replace('"id":"chatcmpl-1"', '"id":§7'), { code: 'invalid_type', path: 'id' }, compatible);
    expectOne(bodyIssues, `${HEAD}"choices":[§{"index":0,"finish_reason":"stop"}]}`, { code: 'missing_field', path: 'choices[0].message' }, compatible);
    expectOne(bodyIssues, `${HEAD}"choices":[{"index":§"0","message":${ASSISTANT},"finish_reason":"stop"}]}`, { code: 'invalid_type', path: 'choices[0].index' }, compatible);
  });
});

// ---- every issue code, and the strict JSON rules, in a chat body -----------------

describe('issues in a chat body', () => {
  test('duplicate keys, invalid UTF-8, unsafe integers and depth, each where it is', () => {
    expectOne(
      bodyIssues,
      body('{"role":"assistant","content":"a",§"content":"b","refusal":null}'),
      { code: 'duplicate_key', path: 'choices[0].message.content' },
      { profile: 'openai' },
    );
    const bytes = utf8(body('{"role":"assistant","content":"caf\u00e9","refusal":null}'));
    const at = bytes.indexOf(0xc3);
    bytes[at + 1] = 0x28; // é's second byte made no continuation byte
    const [utf8Issue] = validateChatCompletion(bytes, { profile: 'openai' });
    assert.equal(utf8Issue.code, 'invalid_utf8');
    assert.equal(utf8Issue.offset, at);
    seenCodes.add('invalid_utf8');
    const usage = (tokens) => body(ASSISTANT, undefined, `,"usage":{"prompt_tokens":${tokens},"completion_tokens":1,"total_tokens":2}`);
    expectOne(bodyIssues, usage('§9007199254740993'), { code: 'unsafe_integer', path: 'usage.prompt_tokens' }, { profile: 'openai' });
    const deep = bodyIssues(body('{"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":""}}]}'), {
      profile: 'openai',
      maxDepth: 5,
    });
    assert.deepEqual(brief(deep), ['too_deep ']);
  });

  test('every issue code the core has is reachable on a chat body', () => {
    const openai = { profile: 'openai' };
    bodyIssues('{"id":', openai);
    bodyIssues(body(ASSISTANT), { ...openai, maxBytes: 10 });
    bodyIssues(body(ASSISTANT, '"finish_reason":"stop","extra":1'), { ...openai, unknownKeys: 'reject' });
    bodyIssues(body(ASSISTANT, '"finish_reason":"halted"'), openai);
    bodyIssues(body('{"role":"assistant","content":1,"refusal":2,"audio":3,"annotations":4}'), { ...openai, maxIssues: 2 });
    bodyIssues(body(ASSISTANT).replace('"created":1700000000', '"created":1.5'), openai);
    bodyIssues(body(ASSISTANT).replace('"chat.completion"', '"chat.completions"'), openai);
    // The stream codes are about a stream, never a body.
    for (const code of ISSUE_CODES.filter((c) => !STREAM_CODES.includes(c))) assert.ok(seenCodes.has(code), `${code} was reported on a chat body`);
  });

  test('issues come in document order, with a too_many_issues marker past maxIssues', () => {
    const issues = bodyIssues(body('{"role":"assistant","content":1,"refusal":2,"audio":3,"annotations":4}'), { profile: 'openai', maxIssues: 2 });
    assert.deepEqual(brief(issues), ['invalid_type choices[0].message.content', 'invalid_type choices[0].message.refusal', 'too_many_issues ']);
  });
});

// ---- the API ---------------------------------------------------------------------

describe('parseChatCompletion, safeParseChatCompletion, validateChatCompletion', () => {
  test('the typed body in either key style', () => {
    const text = body(
      '{"role":"assistant","content":"Hi","refusal":null}',
      '"logprobs":null,"finish_reason":"stop"',
      ',"system_fingerprint":"fp_1","usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}',
    );
    assert.deepEqual(parseChatCompletion(text, { profile: 'openai' }), JSON.parse(text));
    const camel = parseChatCompletion(utf8(text), { profile: 'openai', keys: 'camel' });
    assert.equal(camel.systemFingerprint, 'fp_1');
    assert.equal(camel.usage.totalTokens, 3);
    assert.equal(camel.choices[0].finishReason, 'stop');
    // Unknown fields: dropped, kept, or reported.
    const extra = body(ASSISTANT, undefined, ',"x_groq":{"id":"req_1"}');
    assert.equal(parseChatCompletion(extra, { profile: 'openai' }).x_groq, undefined);
    assert.deepEqual(parseChatCompletion(extra, { profile: 'openai', unknownKeys: 'keep' }).x_groq, { id: 'req_1' });
  });

  test('the errors name ChatCompletion, and are the same class as the other functions throw', () => {
    const text = body(ASSISTANT, '"finish_reason":"done"');
    assert.throws(
      () => parseChatCompletion(text, { profile: 'openai' }),
      (error) => error instanceof CompletionValidationError && /^Invalid ChatCompletion: /.test(error.message) && error.issues[0].code === 'invalid_enum',
    );
    const result = safeParseChatCompletion(text, { profile: 'openai' });
    assert.equal(result.success, false);
    assert.match(result.error.message, /^Invalid ChatCompletion: choices\[0\]\.finish_reason/);
    assert.deepEqual(validateChatCompletion(text, { profile: 'openai', openEnums: true }), []);
  });

  test('misuse throws at the call, as for the other functions', () => {
    assert.throws(() => validateChatCompletion('{}', { profile: 'anthropic' }), TypeError);
    assert.throws(() => parseChatCompletion('{}', { maxDepth: 0 }), RangeError);
    assert.throws(() => safeParseChatCompletion(42), TypeError);
  });
});

// ---- real servers' bodies and chunks, when tests/fixtures/chat-servers/ is there ----

const serversDir = path.join(fixturesDir, 'chat-servers');
describe('real servers (tests/fixtures/chat-servers/)', { skip: !existsSync(serversDir) && 'tests/fixtures/chat-servers/ is not in this tree' }, () => {
  const files = existsSync(serversDir) ? readdirSync(serversDir, { recursive: true }).filter((file) => /\.(json|sse)$/.test(file) && !file.startsWith('errors')) : [];
  test('every body and chunk is valid under openai-compatible', () => {
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = readFileSync(path.join(serversDir, file), 'utf8');
      if (file.endsWith('.json')) {
        assert.deepEqual(brief(bodyIssues(text, { profile: 'openai-compatible' })), [], file);
        continue;
      }
      const events = text.split(/\r?\n\r?\n/).map((event) =>
        event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n'),
      );
      for (const data of events.filter((d) => d !== '' && d !== '[DONE]'))
        assert.deepEqual(brief(chunkIssues(data, { profile: 'openai-compatible' })), [], `${file}: ${data.slice(0, 120)}`);
    }
  });
});
