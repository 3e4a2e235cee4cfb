// Which way of building a JS string from UTF-8 bytes wins, by length and by
// kind of text, on the Node that runs this: TextDecoder, or the code-unit
// paths of js/decode.js (decodeAscii, decodeShortUtf8). js/decode.js takes
// the code-unit paths up to SHORT_ASCII_UNITS and SHORT_STRING bytes; this
// shows where the crossover lies on each Node version (npm run bench runs it
// on Node 20 and Node 24).
//
// Method: 256 distinct strings per length and kind (so no cache helps), each
// path timed in ROUNDS interleaved rounds of BATCH decodes; median ns per string.
//
// Usage: node tests/bench/strings.js [--quick]
import os from 'node:os';
import { decodeAscii, decodeShortUtf8, SHORT_ASCII_UNITS, SHORT_STRING } from '../../js/decode.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 3 : 15;
const BATCH = QUICK ? 2000 : 20000;
const LENGTHS = [8, 16, 24, 32, 40, 48, 64, 96, 128, 256];
const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** 256 distinct strings of `length` UTF-8 bytes: ASCII, or a mix of 1-, 2- and 3-byte characters. */
function pool(length, kind) {
  const alphabet = kind === 'ascii' ? 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ' : 'aé€bñ中c';
  const strings = [];
  for (let n = 0; strings.length < 256; n++) {
    let text = '';
    for (let i = 0; encoder.encode(text).length < length; i++) text += alphabet[(n * 7 + i * 13 + (n >> 3)) % alphabet.length];
    let bytes = encoder.encode(text);
    while (bytes.length > length) bytes = encoder.encode((text = text.slice(0, -1)));
    strings.push(bytes);
  }
  return strings;
}

const PATHS = {
  TextDecoder: (bytes) => utf8.decode(bytes),
  'code units': null, // decodeAscii or decodeShortUtf8, by kind
};

function time(decode, strings) {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < BATCH; i++) sink += decode(strings[i & 255]).length;
  const ns = ((performance.now() - start) * 1e6) / BATCH;
  if (sink < 0) console.log(sink);
  return ns;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const rows = [];
for (const kind of ['ascii', 'non-ascii']) {
  const units = kind === 'ascii' ? (bytes) => decodeAscii(bytes, 0, bytes.length) : (bytes) => decodeShortUtf8(bytes, 0, bytes.length);
  for (const length of LENGTHS) {
    const strings = pool(length, kind);
    for (const bytes of strings) if (units(bytes) !== utf8.decode(bytes)) throw new Error(`the code-unit path disagrees with TextDecoder on ${utf8.decode(bytes)}`);
    const paths = { TextDecoder: PATHS.TextDecoder, 'code units': units };
    const samples = { TextDecoder: [], 'code units': [] };
    for (let round = 0; round < ROUNDS + 2; round++) {
      const order = round % 2 ? ['TextDecoder', 'code units'] : ['code units', 'TextDecoder'];
      for (const name of order) {
        const ns = time(paths[name], strings);
        if (round >= 2) samples[name].push(ns); // the first two rounds warm up
      }
    }
    rows.push({ kind, length, textDecoder: median(samples.TextDecoder), codeUnits: median(samples['code units']) });
  }
}

console.log(`string building, ns per string (medians of ${ROUNDS} rounds): node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}`);
console.log(`js/decode.js builds from code units up to ${SHORT_ASCII_UNITS} bytes of ASCII (a string not in its cache) and ${SHORT_STRING} bytes of other text`);
console.log('| text | bytes | TextDecoder | code units | faster |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const faster = r.codeUnits < r.textDecoder ? 'code units' : 'TextDecoder';
  console.log(
    `| ${r.kind} | ${r.length} | ${r.textDecoder.toFixed(0)} | ${r.codeUnits.toFixed(0)} | ${faster} (${(Math.max(r.textDecoder, r.codeUnits) / Math.min(r.textDecoder, r.codeUnits)).toFixed(2)}x) |`,
  );
}
