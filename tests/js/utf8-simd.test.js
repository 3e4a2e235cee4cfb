// The wasm checks UTF-8 inside strings 16 bytes a step (SIMD, src/utf8_check.c),
// and only when a run is ill-formed walks it byte by byte for the issue; native
// builds (the C fuzzer, ctest) run the byte-wise code. Here each lead and
// continuation pattern around the boundaries of Unicode's Table 3-7 goes at
// every offset 0..47 of an ASCII run inside a response's text, whole and cut
// short by the closing quote, also after an escape, so that it falls at every
// lane of the first three 16-byte blocks. The verdict must be TextDecoder's
// (fatal), the issue at the first byte of the first ill-formed sequence as
// TextDecoder finds it, with the bytes utf8_sequence names, and an accepted
// text must come back as TextDecoder decodes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { validateCompletionResponse as validate, parseCompletionResponse as parse } from '../../js/index.js';
import { utf8 } from './helpers.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decodes = (bytes) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Where TextDecoder stops: the first byte of the first ill-formed sequence, or -1.
 * bytes[0..from) must be ASCII (so whole characters): the search starts there.
 */
function firstBadOffset(bytes, from = 0) {
  if (decodes(bytes)) return -1;
  const stream = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let k = from;
  try {
    for (; k < bytes.length; k++) stream.decode(bytes.subarray(k, k + 1), { stream: true });
  } catch {} // byte k is where it goes wrong (or, k === bytes.length, the end cut a sequence short)
  let j = Math.min(k, bytes.length - 1);
  while (j > from && !decodes(bytes.subarray(from, j))) j--; // back to the last whole character
  return j;
}

/** How many bytes utf8_sequence (src/utf8_check.c) shows for the ill-formed sequence at bytes[at]. */
function badLength(bytes, at) {
  const c = bytes[at];
  if (c < 0xc2 || c > 0xf4) return 1;
  const need = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
  const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
  for (let i = 1; i < need; i++) {
    if (at + i >= bytes.length) return i;
    const b = bytes[at + i];
    if (i === 1 ? b < low || b > high : b < 0x80 || b > 0xbf) return i + 1;
  }
  throw new Error('badLength: the sequence is well-formed');
}

// Leads and continuations at the edges of the ranges; no ASCII that would end the string.
const LEADS = [
  0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xfc, 0xfe, 0xff,
];
const TRAILS = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xf5];
const isContinuation = (b) => b >= 0x80 && b <= 0xbf;

function patterns() {
  const out = [];
  for (const a of LEADS) {
    out.push([a]);
    for (const b of TRAILS) {
      out.push([a, b]);
      if (a < 0xe0 || !isContinuation(b)) continue;
      for (const c of TRAILS) {
        out.push([a, b, c]);
        if (a < 0xf0 || !isContinuation(c)) continue;
        for (const d of TRAILS) out.push([a, b, c, d]);
      }
    }
  }
  // Well-formed text across block boundaries, and sequences cut short by an escape.
  for (const text of ['é', 'ß€', '中文字', '😀', 'a😀é中', 'Ελληνικά', 'हिन्दी']) out.push([...utf8(text)]);
  out.push([0xe2, 0x82, ...utf8('\\n')], [0xf0, 0x9f, 0x98, ...utf8('\\u00e9')], [0xc3, ...utf8('\\"')]);
  return out;
}

const HEAD = '{"id":"cmpl-1","object":"completion","created":1,"model":"m","choices":[{"text":"';
const TAIL = '","index":0,"logprobs":null,"finish_reason":"stop"}]}';
const head = utf8(HEAD),
  tail = utf8(TAIL);

test("each UTF-8 pattern at every offset of a string run: TextDecoder's verdict, the issue at its first bad byte", () => {
  const all = patterns();
  let compared = 0,
    rejected = 0;
  const mismatches = [];
  for (const pattern of all) {
    for (const escapeFirst of [false, true]) {
      const lead = escapeFirst ? utf8('\\t') : new Uint8Array(0);
      for (let at = 0; at < 48; at++) {
        for (const cut of [false, true]) {
          // The run: 48 ASCII bytes with the pattern at `at`, whole or cut short by the closing quote.
          const length = cut ? 48 : 48 + pattern.length;
          if (cut && at + pattern.length <= 48) continue;
          const run = new Uint8Array(length).fill(0x61);
          run.set(pattern.slice(0, length - at), at);
          const bytes = new Uint8Array(head.length + lead.length + length + tail.length);
          bytes.set(head, 0);
          bytes.set(lead, head.length);
          bytes.set(run, head.length + lead.length);
          bytes.set(tail, head.length + lead.length + length);
          const issues = validate(bytes);
          const bad = firstBadOffset(bytes, head.length + lead.length + at);
          const name = `${Buffer.from(pattern).toString('hex')} at ${at}${cut ? ' cut' : ''}${escapeFirst ? ' after \\t' : ''}`;
          compared++;
          if (bad < 0) {
            if (issues.length !== 0) mismatches.push(`${name}: TextDecoder accepts, got ${issues[0].code}@${issues[0].offset}`);
            else if (at % 16 === 0 || cut) {
              const text = parse(bytes).choices[0].text;
              const want = JSON.parse(fatal.decode(bytes)).choices[0].text;
              if (text !== want) mismatches.push(`${name}: text ${JSON.stringify(text)}, expected ${JSON.stringify(want)}`);
            }
            continue;
          }
          rejected++;
          const issue = issues[0];
          const n = badLength(bytes, bad);
          const received = `bytes ${Array.from(bytes.subarray(bad, bad + n), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')}`;
          if (issues.length !== 1 || issue.code !== 'invalid_utf8' || issue.offset !== bad || issue.received !== received.replace(/^bytes (0x..)$/, 'byte $1')) {
            mismatches.push(`${name}: expected invalid_utf8@${bad} (${received}), got ${issues.map((i) => `${i.code}@${i.offset} (${i.received})`).join(', ')}`);
          }
        }
      }
    }
  }
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} mismatches`);
  assert.ok(compared > 400_000 && rejected > 300_000, `${compared} compared, ${rejected} rejected`);
});

test('long non-ASCII text in every script is accepted and comes back unchanged, and a bad byte anywhere in it is found', () => {
  const scripts = 'déjà vu Ελληνικά Русский עברית العربية हिन्दी ไทย 中文字 いろは カタカナ 한국어 ქართული 😀🎉👍🏽 𝔸𝕓𝒸 ';
  const text = scripts.repeat(40);
  const value = utf8(text);
  const bytes = new Uint8Array([...head, ...value, ...tail]);
  assert.deepEqual(validate(bytes), []);
  assert.equal(parse(bytes).choices[0].text, text);
  // A continuation byte in place of each lead byte in turn (the first 600 bytes), and a cut 4-byte sequence.
  for (let i = 0; i < 600; i++) {
    if (value[i] < 0xc0) continue;
    const broken = bytes.slice();
    broken[head.length + i] = 0x80;
    const issues = validate(broken);
    assert.equal(issues[0]?.code, 'invalid_utf8', `lead at ${i}`);
    assert.equal(issues[0].offset, firstBadOffset(broken, head.length), `lead at ${i}`);
  }
});
