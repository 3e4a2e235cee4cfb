// Real bodies and streams from real servers (tests/fixtures/servers/, each
// with its source in the README there), under each profile. What each file
// gives under each profile is written out below, code and path, so that a
// change of verdict on real traffic is always a visible decision.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectCompletion, CompletionApiError, parseCompletionStream, parseResponse, PROFILES, validateCompletionResponse } from '../../js/index.js';
import { assertWellFormedIssues, fixturesDir } from './helpers.js';

const serversDir = path.join(fixturesDir, 'servers');
const bytesOf = (file) => new Uint8Array(readFileSync(path.join(serversDir, file)));
const VALID = [];

// Whole bodies: the issues (code and path) under r9s, openai and openai-compatible.
const OPENAI_OBJECT = ['invalid_literal object'];
const BODIES = {
  'openai/text-davinci-003.json': [OPENAI_OBJECT, VALID, VALID],
  'openai/text-davinci-003-length.json': [OPENAI_OBJECT, VALID, VALID],
  'azure/text-davinci-003-2023-03-15-preview.json': [OPENAI_OBJECT, VALID, VALID],
  'azure/text-davinci-003-n3-logprobs.json': [OPENAI_OBJECT, VALID, VALID],
  // Microsoft's published example, not a capture: it lacks object and model, which every real server sends.
  'azure/rest-spec-example-2024-02-01.json': Array(3).fill(['missing_field object', 'missing_field model']),
  // vLLM sends "prompt_tokens_details": null, and newer builds "system_fingerprint": null.
  'vllm/llama4-scout-fp4-recipe.json': [
    ['invalid_literal object', 'invalid_type usage.prompt_tokens_details'],
    ['invalid_type system_fingerprint', 'invalid_type usage.prompt_tokens_details'],
    VALID,
  ],
  'vllm/qwen3-4b-xpu.json': [['invalid_literal object', 'invalid_type usage.prompt_tokens_details'], ['invalid_type usage.prompt_tokens_details'], VALID],
  // TGI's "eos_token" is no OpenAI finish_reason.
  'tgi/flash-llama-many-prompts.json': [['invalid_enum choices[0].finish_reason', 'invalid_literal object'], ['invalid_enum choices[0].finish_reason'], VALID],
  'tgi/flash-llama-many-prompts-v1.4.5.json': [['invalid_enum choices[0].finish_reason', 'invalid_literal object'], ['invalid_enum choices[0].finish_reason'], VALID],
  'tgi/flash-llama-single-prompt.json': [OPENAI_OBJECT, VALID, VALID],
  'llamacpp/ik-llama-3881-nonstream.json': [OPENAI_OBJECT, VALID, VALID],
  // Ollama leaves logprobs out, which OpenAI's contract requires.
  'ollama/llama3.1-lasr-readme.json': [OPENAI_OBJECT, ['missing_field choices[0].logprobs'], VALID],
  'ollama/elyza-kouchou-ai-483.json': [OPENAI_OBJECT, ['missing_field choices[0].logprobs'], VALID],
};

// Streams: the events read under openai and openai-compatible, and the issues
// of the invalid events (each distinct list once). Under r9s the first event
// already fails on "object". `cut`: the recording does not end with a whole
// [DONE] event (the README says why), so the stream ends with truncated_stream.
const STREAMS = {
  'openai/text-davinci-003-stream.sse': { events: [10, 10], invalid: [[], []] },
  'openai/gpt-3.5-turbo-instruct-stream-logprobs.sse': { events: [17, 17], invalid: [[], []] },
  'azure/text-davinci-003-stream-2023-03-15-preview.sse': { events: [9, 9], invalid: [[], []], cut: true },
  'vllm/qwen3-4b-xpu-stream.sse': { events: [7, 7], invalid: [[], []], cut: true },
  'tgi/flash-llama-many-prompts-stream.sse': { events: [0, 40], invalid: [['invalid_enum choices[0].finish_reason'], []], cut: true },
  'llamacpp/b6351-deepseek-v3.1-stream.sse': { events: [12, 12], invalid: [[], []] },
  'llamacpp/ik-llama-pr768-stream-usage-every-event.sse': { events: [11, 11], invalid: [[], []], cut: true },
  'llamacpp/ik-llama-3881-stream-bug-empty-text-length.sse': { events: [12, 12], invalid: [[], []], cut: true },
};

const summary = (issues) => issues.map((issue) => `${issue.code} ${issue.pathString}`);

test('every file in tests/fixtures/servers is tested here and named in its README', () => {
  const readme = readFileSync(path.join(serversDir, 'README.md'), 'utf8');
  const files = readdirSync(serversDir, { recursive: true })
    .filter((f) => /\.(json|sse)$/.test(f))
    .sort();
  const tested = [...Object.keys(BODIES), ...Object.keys(STREAMS), ...Object.keys(ERRORS())].sort();
  assert.deepEqual(files, tested);
  for (const file of files) assert.ok(readme.includes(`\`${file}\``), `${file} has its source in the README`);
});

describe('real bodies under each profile', () => {
  for (const [file, expected] of Object.entries(BODIES)) {
    test(file, () => {
      PROFILES.forEach((profile, i) => {
        const issues = validateCompletionResponse(bytesOf(file), { profile });
        assertWellFormedIssues(issues);
        assert.deepEqual(summary(issues), expected[i], `${file} under ${profile}`);
      });
    });
  }

  test("under r9s, OpenAI's object says which profile reads it", () => {
    const [issue] = validateCompletionResponse(bytesOf('openai/text-davinci-003.json'));
    assert.equal(issue.received, '"text_completion"');
    assert.match(issue.message, /^object: expected "completion", received "text_completion": OpenAI's object: use profile "openai" or "openai-compatible"$/);
  });
});

async function readStream(file, profile) {
  const issues = [];
  const events = [];
  const source = (async function* () {
    yield bytesOf(file);
  })();
  for await (const event of parseCompletionStream(source, { profile, onInvalid: 'skip', onInvalidEvent: (error) => issues.push(error.issues) })) {
    events.push(event);
  }
  return { events, issues };
}

describe('real streams under each profile', () => {
  for (const [file, expected] of Object.entries(STREAMS)) {
    test(file, async () => {
      const r9s = await readStream(file, 'r9s');
      assert.equal(r9s.events.length, 0, "r9s reads no event of OpenAI's shape");
      assert.ok(r9s.issues.some((list) => summary(list).includes('invalid_literal object')));
      for (const [i, profile] of ['openai', 'openai-compatible'].entries()) {
        const { events, issues } = await readStream(file, profile);
        assert.equal(events.length, expected.events[i], `${profile}: events read`);
        const eventIssues = issues.filter((list) => list[0].code !== 'truncated_stream');
        assert.deepEqual(
          [...new Set(eventIssues.map((list) => summary(list).join(', ')))].filter(Boolean),
          expected.invalid[i].length ? [expected.invalid[i].join(', ')] : [],
          `${profile}: invalid events`,
        );
        assert.equal(
          issues.some((list) => list[0].code === 'truncated_stream'),
          expected.cut === true,
          `${profile}: truncated_stream`,
        );
      }
    });
  }

  test('streams that end with [DONE] assemble into a response their profile accepts', async () => {
    for (const [file, expected] of Object.entries(STREAMS)) {
      if (expected.cut) continue;
      for (const profile of ['openai', 'openai-compatible']) {
        const source = (async function* () {
          yield bytesOf(file);
        })();
        const response = await collectCompletion(source, { profile });
        assert.deepEqual(validateCompletionResponse(JSON.stringify(response), { profile }), [], `${file} under ${profile}`);
        const texts = readFileSync(path.join(serversDir, file), 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('data: {'))
          .map((line) =>
            JSON.parse(line.slice(6))
              .choices.map((c) => c.text)
              .join(''),
          );
        assert.equal(response.choices.map((c) => c.text).join(''), texts.join(''), `${file}: the text`);
      }
    }
  });
});

// Error bodies: what parseResponse makes of them with their recorded status.
function ERRORS() {
  return {
    'errors/openai-invalid-api-key-401.json': { status: 401, issues: [['invalid_type error.param'], [], []] },
    // Azure's error has neither type nor param: still the server's error, with how it departs from the contract.
    'errors/azure-deployment-not-found-404.json': {
      status: 404,
      issues: [['missing_field error.type'], ['missing_field error.param', 'missing_field error.type'], []],
    },
  };
}

describe('real error bodies are CompletionApiErrors under every profile', () => {
  for (const [file, { status, issues: expected }] of Object.entries(ERRORS())) {
    test(file, async () => {
      const sent = JSON.parse(readFileSync(path.join(serversDir, file), 'utf8'));
      for (const [i, profile] of PROFILES.entries()) {
        const response = new Response(bytesOf(file), { status, headers: { 'content-type': 'application/json' } });
        await assert.rejects(parseResponse(response, { profile }), (error) => {
          assert.ok(error instanceof CompletionApiError);
          assert.equal(error.status, status);
          assert.deepEqual(summary(error.issues).sort(), [...expected[i]].sort(), `${profile}: issues`);
          assert.equal(error.code, sent.error.code);
          assert.equal(error.body.error.message, sent.error.message);
          assert.match(error.message, new RegExp(`^HTTP ${status}: `));
          return true;
        });
      }
    });
  }
});
