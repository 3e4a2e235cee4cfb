// Benchmark inputs: deterministic CompletionResponse documents of several
// shapes, each given both as a JS string and as its UTF-8 bytes.
//
// Everything is generated from a fixed-seed PRNG so every run (and every
// machine) times exactly the same bytes. Every shape is valid against the
// schema and uses only schema fields, so "strip" output equals JSON.parse.

const SEED = 0x5eed_c0de;

/** mulberry32: tiny, fast, good enough for generating test text. */
export function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORDS = (
  'the of and to in is that it was for on are as with his they at be this from ' +
  'have or by one had not but what all were when we there can an your which ' +
  'their said if do will each about how up out them then she many some so ' +
  'these would other into has more her two like him see time could no make ' +
  'than first been its who now people my made over did down only way find use ' +
  'may water long little very after words called just where most know model ' +
  'token stream latency response completion request schema validate parse'
).split(' ');

const FINISH_REASONS = ['stop', 'length', 'content_filter'];

export function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

export function intBetween(rng, lo, hi) {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function alnum(rng, n) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, chars);
  return s;
}

/** English-ish prose of about `bytes` ASCII characters, with sentence breaks and newlines. */
export function prose(rng, bytes) {
  const parts = [];
  let len = 0;
  while (len < bytes) {
    let w = pick(rng, WORDS);
    const r = rng();
    if (r < 0.06) w += '.';
    else if (r < 0.09) w += ',';
    else if (r < 0.1) w += '\n';
    parts.push(w);
    len += w.length + 1;
  }
  return parts.join(' ');
}

/** A logprob as the API prints them: negative, about 8 significant digits. */
export function logprob(rng) {
  return -Math.round(rng() * rng() * 6 * 1e8) / 1e8;
}

/**
 * A logprobs object in the OpenAI /completions shape: parallel arrays of
 * tokens, their logprobs and text offsets, plus per-token top alternatives.
 * Keys inside each top_logprobs entry are distinct (duplicates are invalid).
 */
function completionLogprobs(rng, tokens, startOffset) {
  const token_logprobs = [];
  const top_logprobs = [];
  const text_offset = [];
  let offset = startOffset;
  for (const tok of tokens) {
    token_logprobs.push(logprob(rng));
    text_offset.push(offset);
    offset += tok.length;
    const top = { [tok]: token_logprobs[token_logprobs.length - 1] };
    while (Object.keys(top).length < 3) top[' ' + pick(rng, WORDS)] = logprob(rng);
    top_logprobs.push(top);
  }
  return { tokens, token_logprobs, top_logprobs, text_offset };
}

function usage(rng, withDetails) {
  const prompt_tokens = intBetween(rng, 5, 4000);
  const completion_tokens = intBetween(rng, 1, 4000);
  const u = { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
  if (withDetails) {
    u.prompt_tokens_details = { cached_tokens: intBetween(rng, 0, prompt_tokens), audio_tokens: 0 };
    u.completion_tokens_details = {
      reasoning_tokens: intBetween(rng, 0, completion_tokens),
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    };
  }
  return u;
}

function envelope(rng, choices, usageObj) {
  const doc = {
    id: 'cmpl-' + alnum(rng, 29),
    object: 'completion',
    created: 1735689600 + intBetween(rng, 0, 30_000_000),
    model: 'gpt-3.5-turbo-instruct',
    choices,
  };
  if (usageObj) doc.usage = usageObj;
  return doc;
}

function choice(index, text, finish_reason, logprobs = null) {
  return { text, index, logprobs, finish_reason };
}

// ---- the shapes ----

function small(rng) {
  // ~300 B: the common short answer; usage without the detail objects.
  return envelope(rng, [choice(0, prose(rng, 70), 'stop')], usage(rng, false));
}

function medium(rng) {
  // 4 choices with logprobs, ~8 KB in all.
  const choices = [];
  for (let i = 0; i < 4; i++) {
    const tokens = [];
    for (let n = 0; n < 20; n++) tokens.push(' ' + pick(rng, WORDS));
    const text = tokens.join('');
    choices.push(choice(i, text, pick(rng, FINISH_REASONS), completionLogprobs(rng, tokens, 0)));
  }
  return envelope(rng, choices, usage(rng, true));
}

function large(rng) {
  // One long answer, ~200 KB of text.
  return envelope(rng, [choice(0, prose(rng, 200_000), 'length')], usage(rng, true));
}

function many(rng) {
  // n=64 sampling: many short choices.
  const choices = [];
  for (let i = 0; i < 64; i++) {
    choices.push(choice(i, prose(rng, intBetween(rng, 60, 240)), pick(rng, FINISH_REASONS)));
  }
  return envelope(rng, choices, usage(rng, true));
}

/**
 * JSON string *content* (already escaped, without the quotes) heavy in escape
 * sequences: quotes, backslashes, control escapes, \u escapes of BMP
 * characters and surrogate pairs (😀 as \ud83d\ude00). No lone surrogates.
 */
function escapedContent(rng, bytes) {
  const fragments = [
    '\\"quoted\\"',
    '\\\\',
    '\\n',
    '\\t',
    '\\r',
    '\\/',
    '\\b',
    '\\f',
    '\\u00e9',
    '\\u00FC',
    '\\u4e2d\\u6587',
    '\\u20ac',
    '\\u2028',
    '\\ud83d\\ude00',
    '\\uD83D\\uDE80',
    '\\ud83c\\udf89',
    '\\u0041\\u0042',
  ];
  let s = '';
  while (s.length < bytes) {
    s += rng() < 0.6 ? pick(rng, fragments) : pick(rng, WORDS) + ' ';
  }
  return s;
}

const ESC_MARK = '\u0001escapes\u0001';

function escapes(rng) {
  return envelope(rng, [choice(0, ESC_MARK, 'stop')], usage(rng, true));
}

/** Raw (unescaped) non-ASCII text: CJK, kana, Hangul, accented Latin, emoji. */
function nonAsciiText(rng, units) {
  const ranges = [
    [0x4e00, 0x9fff], // CJK unified ideographs (3 bytes in UTF-8)
    [0x3041, 0x3096], // hiragana
    [0xac00, 0xd7a3], // Hangul syllables
    [0x00c0, 0x00ff], // Latin-1 letters (2 bytes)
    [0x1f600, 0x1f64f], // emoticons (4 bytes, surrogate pair in JS)
    [0x1f300, 0x1f5ff], // symbols and pictographs
  ];
  let s = '';
  while (s.length < units) {
    const [lo, hi] = pick(rng, ranges);
    s += String.fromCodePoint(intBetween(rng, lo, hi));
    if (rng() < 0.08) s += rng() < 0.5 ? ' ' : '。';
  }
  return s;
}

function nonascii(rng) {
  return envelope(rng, [choice(0, nonAsciiText(rng, 6000), 'stop')], usage(rng, true));
}

const GENERATORS = [
  ['small', '1 choice, ~300 B, usage without details', small],
  ['medium', '4 choices with OpenAI logprobs, ~8 KB', medium],
  ['large', '1 choice, ~200 KB of ASCII text', large],
  ['many', '64 short choices', many],
  ['escapes', 'text dense in \\" \\\\ \\n \\t \\u escapes incl. surrogate pairs', escapes],
  ['nonascii', 'raw UTF-8 CJK, Hangul, kana and emoji', nonascii],
];

export const SHAPE_NAMES = GENERATORS.map(([name]) => name);

/** Serialise a generated document; the escapes shape gets its hand-escaped text spliced in. */
function serialise(name, doc, rng) {
  let text = JSON.stringify(doc);
  if (name === 'escapes') {
    const marker = JSON.stringify(ESC_MARK);
    text = text.replace(marker, '"' + escapedContent(rng, 16_000) + '"');
  }
  return text;
}

/**
 * All benchmark shapes: [{ name, description, string, bytes, value }], where
 * `value` is JSON.parse(string) (the expected wire output).
 */
export function makeShapes() {
  const encoder = new TextEncoder();
  return GENERATORS.map(([name, description, generate], i) => {
    const rng = prng(SEED + i);
    const string = serialise(name, generate(rng), rng);
    return { name, description, string, bytes: encoder.encode(string), value: JSON.parse(string) };
  });
}
