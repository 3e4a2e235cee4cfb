// Real /chat/completions bodies and streams from real servers
// (tests/fixtures/chat-servers/, each with its source in the README there),
// under each profile. What each file gives under each profile is written out
// below, code and path, so that a change of verdict on real traffic is
// always a visible decision; the README's "Verdicts" section says why.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectChatCompletion, CompletionApiError, parseResponse, PROFILES, validateChatCompletion } from '../../js/index.js';
import { assertWellFormedIssues, fixturesDir } from './helpers.js';

const serversDir = path.join(fixturesDir, 'chat-servers');
const bytesOf = (file) => new Uint8Array(readFileSync(path.join(serversDir, file)));
const VALID = [];
const ALL_VALID = [VALID, VALID, VALID];
const summary = (issues) => issues.map((issue) => `${issue.code} ${issue.pathString}`);

// Whole bodies: the issues (code and path) under r9s, openai and openai-compatible.
const BODIES = {
  'azure/gpt-35-turbo-2023-03-15-preview.json': ALL_VALID,
  'candle-vllm/readme-role-inst.json': [['invalid_literal choices[0].message.role'], ['invalid_literal choices[0].message.role'], VALID],
  'cerebras/llama-3.3-70b-time_info.json': ALL_VALID,
  'deepseek/deepseek-reasoner-reasoning-content.json': ALL_VALID,
  // Groq's service_tier "on_demand" is none of OpenAI's; its reasoning body with tool calls has no content key.
  'groq/gpt-oss-120b-tool-call-reasoning-service-tier-on_demand.json': [VALID, ['missing_field choices[0].message.content', 'invalid_literal service_tier'], VALID],
  'groq/llama-3.3-70b-x_groq-usage-times.json': ALL_VALID,
  'llamacpp/b8942-reasoning-content-length.json': ALL_VALID,
  'lmstudio/gemma-4-e4b-unknown-model-200.json': ALL_VALID,
  // Mistral sends the content as a list of typed parts (thinking, then text), and tool_calls: null.
  'mistral/mistral-small-thinking-content-parts.json': [
    ['invalid_type choices[0].message.tool_calls', 'invalid_literal choices[0].message.content[0].type'],
    ['invalid_type choices[0].message.tool_calls', 'invalid_type choices[0].message.content'],
    VALID,
  ],
  'ollama/v1-reasoning-field.json': ALL_VALID,
  'openai/gpt-3.5-turbo-0301-2023.json': ALL_VALID,
  'openai/gpt-4.1-nano-annotations-service-tier.json': ALL_VALID,
  'openai/gpt-4o-search-preview-url-citations.json': ALL_VALID,
  'openrouter/gemini-2.5-flash-lite-provider-native-finish-reason.json': ALL_VALID,
  'perplexity/sonar-citations.json': ALL_VALID,
  // TGI 2.0.5 names its chat body "text_completion", and sends name: null and tool_calls: null.
  'tgi/2.0.5-chat-object-text_completion.json': [
    ['invalid_type choices[0].message.name', 'invalid_type choices[0].message.tool_calls', 'invalid_literal object'],
    ['invalid_type choices[0].message.tool_calls', 'invalid_literal object'],
    VALID,
  ],
  'tgi/3.1.2-tool-call-nostream.json': ALL_VALID,
  // vLLM sends null where OpenAI's contract has an object or a list (the details of usage, annotations, function_call).
  'vllm/0.21.0-qwen-routed-experts.json': [
    ['invalid_type usage.prompt_tokens_details'],
    ['invalid_type choices[0].message.annotations', 'invalid_type choices[0].message.function_call', 'invalid_type usage.prompt_tokens_details'],
    VALID,
  ],
  'vllm/0.23.0-reasoning-leaked-into-content.json': [
    ['invalid_type usage.prompt_tokens_details', 'invalid_type usage.completion_tokens_details'],
    [
      'invalid_type choices[0].message.annotations',
      'invalid_type choices[0].message.function_call',
      'invalid_type usage.prompt_tokens_details',
      'invalid_type usage.completion_tokens_details',
    ],
    VALID,
  ],
  'xai/grok-3-mini-tool-call-reasoning-content.json': ALL_VALID,
};

// Streams, collected with onInvalid "skip": under r9s, openai and
// openai-compatible, the valid chunks, the distinct issues of the invalid
// ones ("api_error" for an error the server sent), and the assembled
// document's issues (VALID when it assembled). `cut`: the recording does not
// end with [DONE] (the README says why), so the stream ends in truncated_stream.
const CUT = ['truncated_stream '];
const STREAMS = {
  // Azure's first chunk has an empty object, id and model: only openai-compatible reads it.
  'azure/gpt-5-nano-model-router-stream-prompt-filter.sse': [
    { events: 0, invalid: ['invalid_literal object', 'invalid_type system_fingerprint', ...CUT], end: ['missing_field id', 'missing_field created', 'missing_field model'] },
    { events: 0, invalid: ['invalid_literal object', 'invalid_type system_fingerprint', ...CUT], end: ['missing_field id', 'missing_field created', 'missing_field model'] },
    { events: 8, invalid: CUT, end: VALID },
  ],
  // DeepSeek's reasoning_content: null in a chunk is no r9s string.
  'deepseek/v4-flash-reasoning-tool-call-stream.sse': [
    { events: 29, invalid: ['invalid_type choices[0].delta.reasoning_content', ...CUT], end: ['missing_field choices[0].finish_reason'] },
    { events: 30, invalid: CUT, end: VALID },
    { events: 30, invalid: CUT, end: VALID },
  ],
  // OpenRouter sends an error inside a chunk: the server's error, as the openai package reads it.
  'errors/openrouter-minimax-stream-error-event.sse': Array(3).fill({ events: 3, invalid: ['api_error'], end: VALID }),
  'groq/llama-3.3-70b-tool-call-stream-x_groq-usage.sse': Array(3).fill({ events: 3, invalid: CUT, end: VALID }),
  'openai/gpt-4o-mini-tool-call-stream-include-usage.sse': Array(3).fill({ events: 8, invalid: [], end: VALID }),
  'tgi/3.1.1-stream-include-usage.sse': Array(3).fill({ events: 4, invalid: CUT, end: VALID }),
  // TGI 3.1.2 streams a tool call with name: null after the first chunk and never a finish_reason (openai-compatible forgives both).
  'tgi/3.1.2-tool-call-stream-no-finish.sse': [
    { events: 1, invalid: ['invalid_type choices[0].delta.tool_calls[0].function.name', ...CUT], end: ['missing_field choices[0].finish_reason'] },
    { events: 1, invalid: ['invalid_type choices[0].delta.tool_calls[0].function.name', ...CUT], end: ['missing_field choices[0].finish_reason'] },
    { events: 17, invalid: CUT, end: VALID },
  ],
};

// Error bodies, read by parseResponse as a 400 answer to /chat/completions:
// whether the body is an error envelope, and the issues of the profile's error schema.
const ERRORS = {
  // LM Studio's "error" is a string, which no client reads as an error object.
  'errors/lmstudio-json-object-unsupported-400.json': { body: false, issues: ['invalid_type error'] },
  'errors/lmstudio-missing-messages-400.json': { body: false, issues: ['invalid_type error'] },
  'errors/openai-unsupported-parameter-max_tokens-400.json': { body: true, issues: [] },
};

test('every file in tests/fixtures/chat-servers is tested here and named in its README', () => {
  const readme = readFileSync(path.join(serversDir, 'README.md'), 'utf8');
  const files = readdirSync(serversDir, { recursive: true })
    .filter((f) => /\.(json|sse)$/.test(f))
    .sort();
  assert.deepEqual(files, [...Object.keys(BODIES), ...Object.keys(STREAMS), ...Object.keys(ERRORS)].sort());
  for (const file of files) assert.ok(readme.includes(`\`${file}\``), `${file} has its source in the README`);
});

describe('real chat bodies under each profile', () => {
  for (const [file, expected] of Object.entries(BODIES)) {
    test(file, () => {
      PROFILES.forEach((profile, i) => {
        const issues = validateChatCompletion(bytesOf(file), { profile });
        assertWellFormedIssues(issues);
        assert.deepEqual(summary(issues), expected[i], `${file} under ${profile}`);
      });
    });
  }
});

describe('real chat streams under each profile', () => {
  for (const [file, expected] of Object.entries(STREAMS)) {
    test(file, async () => {
      for (const [i, profile] of PROFILES.entries()) {
        const invalid = new Set();
        let events = 0;
        let end = VALID;
        const onInvalidEvent = (error) => invalid.add(error instanceof CompletionApiError ? 'api_error' : summary(error.issues).join(', '));
        try {
          await collectChatCompletion(new Response(bytesOf(file)), { profile, onInvalid: 'skip', onEvent: () => events++, onInvalidEvent });
        } catch (error) {
          end = summary(error.issues);
        }
        assert.deepEqual({ events, invalid: [...invalid], end }, expected[i], `${file} under ${profile}`);
      }
    });
  }
});

describe('real chat error bodies', () => {
  for (const [file, expected] of Object.entries(ERRORS)) {
    test(file, async () => {
      for (const profile of PROFILES) {
        const response = new Response(bytesOf(file), { status: 400, headers: { 'content-type': 'application/json' } });
        await assert.rejects(parseResponse(response, { profile, endpoint: 'chat' }), (error) => {
          assert.ok(error instanceof CompletionApiError, `${file} under ${profile}: ${error}`);
          assert.equal(error.status, 400);
          assert.equal(error.body !== undefined, expected.body, `${file} under ${profile}: an error envelope`);
          assert.deepEqual(summary(error.issues), expected.issues, `${file} under ${profile}`);
          return true;
        });
      }
    });
  }
});
