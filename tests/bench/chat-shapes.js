// Benchmark inputs for /chat/completions: deterministic chat.completion
// bodies in OpenAI's form (checked under profile "openai", the contract the
// incumbent's zod schema describes), each as a JS string and its UTF-8 bytes.
// Like shapes.js: a fixed-seed PRNG, so every run times the same bytes, and
// schema fields only, so "strip" output equals JSON.parse.
import { alnum, intBetween, logprob, pick, prng, prose, WORDS } from './shapes.js';

const SEED = 0xc4a7_5eed;

function usage(rng) {
  const prompt_tokens = intBetween(rng, 20, 4000);
  const completion_tokens = intBetween(rng, 1, 4000);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens: intBetween(rng, 0, prompt_tokens), audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function envelope(rng, choices) {
  return {
    id: `chatcmpl-${alnum(rng, 29)}`,
    object: 'chat.completion',
    created: 1735689600 + intBetween(rng, 0, 30_000_000),
    model: 'gpt-4o-mini-2024-07-18',
    choices,
    usage: usage(rng),
    service_tier: 'default',
    system_fingerprint: `fp_${alnum(rng, 10)}`,
  };
}

function message(content, extra = {}) {
  return { role: 'assistant', content, refusal: null, annotations: [], ...extra };
}

function choice(index, msg, finish_reason, logprobs = null) {
  return { index, message: msg, logprobs, finish_reason };
}

// ---- the shapes ----

function short(rng) {
  // The common short answer, ~600 B.
  return envelope(rng, [choice(0, message(prose(rng, 120)), 'stop')]);
}

function toolCalls(rng) {
  // Eight parallel function calls; each arguments string is JSON, so escaped quotes throughout.
  const calls = [];
  for (let i = 0; i < 8; i++) {
    const args = { city: pick(rng, WORDS), days: intBetween(rng, 1, 14), units: pick(rng, ['celsius', 'fahrenheit']), note: prose(rng, 40) };
    calls.push({ id: `call_${alnum(rng, 24)}`, type: 'function', function: { name: `get_${pick(rng, WORDS)}_forecast`, arguments: JSON.stringify(args) } });
  }
  return envelope(rng, [choice(0, message(null, { tool_calls: calls }), 'tool_calls')]);
}

/** About `bytes` of markdown: headings, lists, quotes and fenced code with tabs, quotes and backslashes. */
function markdownText(rng, bytes) {
  const code = [
    'function parse(text) {\n\tconst value = JSON.parse(text);\n\treturn value["choices"][0].message;\n}\n',
    'printf("%s\\n", path);\n',
    'const re = /\\d+\\.\\d+/g; // "numbers"\n',
    'if (a && b) {\n\tconsole.log("done: " + a);\n}\n',
  ];
  let s = '';
  while (s.length < bytes) {
    const r = rng();
    if (r < 0.1) s += `## ${prose(rng, 30)}\n\n`;
    else if (r < 0.25) s += `- **${pick(rng, WORDS)}**: "${prose(rng, 30)}"\n`;
    else if (r < 0.32) s += `> "${prose(rng, 40)}"\n\n`;
    else if (r < 0.85) s += `\`\`\`js\n${pick(rng, code)}${pick(rng, code)}\`\`\`\n\n`;
    else s += `${prose(rng, 100)}\n\n`;
  }
  return s;
}

function markdown(rng) {
  return envelope(rng, [choice(0, message(markdownText(rng, 16_000)), 'stop')]);
}

function text100k(rng) {
  return envelope(rng, [choice(0, message(prose(rng, 100_000)), 'length')]);
}

/** A token logprob as OpenAI sends it: token, logprob, UTF-8 bytes, and (top level only) the alternatives. */
function tokenLogprob(rng, token, top) {
  const entry = { token, logprob: logprob(rng), bytes: Array.from(new TextEncoder().encode(token)) };
  if (top !== undefined) entry.top_logprobs = top;
  return entry;
}

function logprobs(rng) {
  // 150 tokens, each with 5 top_logprobs.
  const tokens = [];
  for (let i = 0; i < 150; i++) tokens.push(` ${pick(rng, WORDS)}`);
  const content = tokens.map((token) => {
    const top = [tokenLogprob(rng, token)];
    while (top.length < 5) top.push(tokenLogprob(rng, ` ${pick(rng, WORDS)}`));
    return tokenLogprob(rng, token, top);
  });
  return envelope(rng, [choice(0, message(tokens.join('')), 'stop', { content, refusal: null })]);
}

function n16(rng) {
  const choices = [];
  for (let i = 0; i < 16; i++) choices.push(choice(i, message(prose(rng, intBetween(rng, 80, 400))), pick(rng, ['stop', 'length'])));
  return envelope(rng, choices);
}

const GENERATORS = [
  ['short', 'a short answer, ~700 B', short],
  ['tools8', 'eight parallel tool calls, JSON arguments', toolCalls],
  ['markdown', '16 KB of markdown with code blocks: an escape every few bytes', markdown],
  ['text100k', '100 KB of text', text100k],
  ['logprobs', '150 tokens of logprobs, 5 top_logprobs each', logprobs],
  ['n16', 'n=16: sixteen choices', n16],
];

export const CHAT_SHAPE_NAMES = GENERATORS.map(([name]) => name);

/** All chat shapes: [{ name, description, string, bytes, value }], `value` being JSON.parse(string). */
export function makeChatShapes() {
  const encoder = new TextEncoder();
  return GENERATORS.map(([name, description, generate], i) => {
    const string = JSON.stringify(generate(prng(SEED + i)));
    return { name, description, string, bytes: encoder.encode(string), value: JSON.parse(string) };
  });
}
