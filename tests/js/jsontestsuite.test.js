// JSONTestSuite (../shared/conformance/JSONTestSuite/test_parsing): the JSON
// stage of the validator against every y_ (must accept), n_ (must reject)
// and i_ (implementation defined) file, and against JSON.parse.
//
// None of these files is a CompletionResponse, so every one gives issues.
// "The JSON stage passed" (verdict "accept") means no issue has one of the
// JSON-stage codes; otherwise the only issue is invalid_json, invalid_utf8
// or too_deep (verdict "reject:<code>").
//
// Options: the default ones (maxDepth 64). No y_ file nests deeper than 3,
// so none needs a larger maxDepth. The cross-check with JSON.parse uses
// maxDepth 1000 (the most allowed), since JSON.parse has no depth limit.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PROFILES, validateCompletionResponse as validate } from '../../js/index.js';
import { requireShared, assertWellFormedIssues, assertPositionsMatchOffsets } from './helpers.js';

const SUITE_DIR = requireShared('conformance/JSONTestSuite/test_parsing');
const FILES = readdirSync(SUITE_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const JSON_STAGE = new Set(['invalid_json', 'invalid_utf8', 'too_deep']);

/**
 * What the JSON stage decided for each i_ file, with the default options.
 * The README copies this table.
 */
export const I_VERDICTS = {
  // Numbers beyond double range or precision are still JSON numbers (they parse to ±Infinity, 0 or a rounded value).
  'i_number_double_huge_neg_exp.json': 'accept',
  'i_number_huge_exp.json': 'accept',
  'i_number_neg_int_huge_exp.json': 'accept',
  'i_number_pos_double_huge_exp.json': 'accept',
  'i_number_real_neg_overflow.json': 'accept',
  'i_number_real_pos_overflow.json': 'accept',
  'i_number_real_underflow.json': 'accept',
  'i_number_too_big_neg_int.json': 'accept',
  'i_number_too_big_pos_int.json': 'accept',
  'i_number_very_big_negative_int.json': 'accept',
  // Lone surrogate escapes: JSON.parse accepts them; we reject them by decision (they are not text).
  'i_object_key_lone_2nd_surrogate.json': 'reject:invalid_json',
  'i_string_1st_surrogate_but_2nd_missing.json': 'reject:invalid_json',
  'i_string_1st_valid_surrogate_2nd_invalid.json': 'reject:invalid_json',
  'i_string_incomplete_surrogate_and_escape_valid.json': 'reject:invalid_json',
  'i_string_incomplete_surrogate_pair.json': 'reject:invalid_json',
  'i_string_incomplete_surrogates_escape_valid.json': 'reject:invalid_json',
  'i_string_invalid_lonely_surrogate.json': 'reject:invalid_json',
  'i_string_invalid_surrogate.json': 'reject:invalid_json',
  'i_string_inverted_surrogates_U+1D11E.json': 'reject:invalid_json',
  'i_string_lone_second_surrogate.json': 'reject:invalid_json',
  // Bytes that are not UTF-8.
  'i_string_UTF-16LE_with_BOM.json': 'reject:invalid_utf8', // FF FE at offset 0
  'i_string_UTF-8_invalid_sequence.json': 'reject:invalid_utf8',
  'i_string_UTF8_surrogate_U+D800.json': 'reject:invalid_utf8', // ED A0 80
  'i_string_invalid_utf-8.json': 'reject:invalid_utf8',
  'i_string_iso_latin_1.json': 'reject:invalid_utf8',
  'i_string_lone_utf8_continuation_byte.json': 'reject:invalid_utf8',
  'i_string_not_in_unicode_range.json': 'reject:invalid_utf8', // F4 BF BF BF, beyond U+10FFFF
  'i_string_overlong_sequence_2_bytes.json': 'reject:invalid_utf8',
  'i_string_overlong_sequence_6_bytes.json': 'reject:invalid_utf8',
  'i_string_overlong_sequence_6_bytes_null.json': 'reject:invalid_utf8',
  'i_string_truncated-utf-8.json': 'reject:invalid_utf8',
  // UTF-16 without a BOM: a NUL byte (valid UTF-8, not JSON) comes before any byte that is not UTF-8.
  'i_string_utf16BE_no_BOM.json': 'reject:invalid_json', // 00 at offset 0
  'i_string_utf16LE_no_BOM.json': 'reject:invalid_json', // 00 at offset 1
  // 500 levels with the default maxDepth 64 (accepted with maxDepth 500 or more).
  'i_structure_500_nested_arrays.json': 'reject:too_deep',
  // A leading byte order mark is invalid_json by decision.
  'i_structure_UTF-8_BOM_empty_object.json': 'reject:invalid_json',
};

/**
 * Files where "the JSON stage passed" differs from JSON.parse accepting the
 * text TextDecoder makes of the bytes: our documented decisions to be
 * stricter. Every entry must be a real difference, and there must be no other.
 */
const STRICTER_THAN_JSON_PARSE = {
  'i_structure_UTF-8_BOM_empty_object.json': 'a leading byte order mark is invalid_json; TextDecoder (and so Response.json()) strips it before JSON.parse',
  'i_object_key_lone_2nd_surrogate.json': 'a lone surrogate escape (\\uDFAA) in a key is invalid_json',
  'i_string_1st_surrogate_but_2nd_missing.json': 'a lone surrogate escape (\\uDADA) is invalid_json',
  'i_string_1st_valid_surrogate_2nd_invalid.json': 'a high surrogate escape followed by \\u1234 is invalid_json',
  'i_string_incomplete_surrogate_and_escape_valid.json': 'a high surrogate escape followed by \\n is invalid_json',
  'i_string_incomplete_surrogate_pair.json': 'a lone low surrogate escape (\\uDd1e) followed by text is invalid_json',
  'i_string_incomplete_surrogates_escape_valid.json': 'two high surrogate escapes then \\n are invalid_json',
  'i_string_invalid_lonely_surrogate.json': 'a lone surrogate escape (\\ud800) is invalid_json',
  'i_string_invalid_surrogate.json': 'a high surrogate escape followed by "abc" is invalid_json',
  'i_string_inverted_surrogates_U+1D11E.json': 'a low surrogate escape before a high one is invalid_json',
  'i_string_lone_second_surrogate.json': 'a lone low surrogate escape (\\uDFAA) is invalid_json',
};

/**
 * n_ files where our offset is not the position JSON.parse names: a lone
 * surrogate escape is rejected at its backslash, before the byte where
 * JSON.parse stops.
 */
const EARLIER_THAN_JSON_PARSE = {
  'n_string_1_surrogate_then_escape.json': '["\\uD800\\"] fails at the lone \\uD800, not at the unterminated string',
  'n_string_1_surrogate_then_escape_u.json': '["\\uD800\\u"] fails at the lone \\uD800, not at the short escape',
  'n_string_1_surrogate_then_escape_u1.json': '["\\uD800\\u1"] fails at the lone \\uD800, not at the short escape',
  'n_string_1_surrogate_then_escape_u1x.json': '["\\uD800\\u1x"] fails at the lone \\uD800, not at the bad hex digit',
  'n_string_incomplete_surrogate.json': '["\\uD834\\uDd"] fails at \\uD834 (no low surrogate follows), not at the short escape',
  'n_string_incomplete_surrogate_escape_invalid.json': '["\\uD800\\uD800\\x"] fails at the first \\uD800, not at \\x',
};

const readBytes = (name) => new Uint8Array(readFileSync(path.join(SUITE_DIR, name)));

/** "accept" or "reject:<code>", checking that a JSON-stage issue comes alone. */
function verdict(issues) {
  const stage = issues.filter((issue) => JSON_STAGE.has(issue.code));
  if (stage.length === 0) return 'accept';
  assert.equal(issues.length, 1, 'a JSON-stage issue comes alone');
  return `reject:${stage[0].code}`;
}

/** Validates the bytes and checks the issue list's invariants. */
function check(name, options) {
  const bytes = readBytes(name);
  const issues = validate(bytes, options);
  assertWellFormedIssues(issues);
  assertPositionsMatchOffsets(bytes, issues);
  return issues;
}

/** The text JSON.parse would see after TextDecoder (fatal), or undefined for bytes that are not UTF-8. */
function decoded(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function jsonParseAccepts(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test('the suite is there', () => {
  const counts = { y: 0, n: 0, i: 0 };
  for (const name of FILES) counts[name[0]] += 1;
  assert.deepEqual(counts, { y: 95, n: 188, i: 35 });
});

describe('y_ files: the JSON stage accepts every one, under every profile', () => {
  for (const name of FILES.filter((file) => file.startsWith('y_'))) {
    test(name, () => {
      for (const profile of PROFILES) {
        const issues = check(name, { profile });
        assert.equal(verdict(issues), 'accept', profile);
        assert.ok(issues.length > 0, 'none of them is a CompletionResponse');
      }
    });
  }
});

describe('n_ files: exactly one JSON-stage issue, the same under every profile', () => {
  for (const name of FILES.filter((file) => file.startsWith('n_'))) {
    test(name, () => {
      const issues = check(name);
      assert.match(verdict(issues), /^reject:/);
      assert.deepEqual(issues[0].path, []);
      for (const profile of PROFILES.slice(1)) assert.deepEqual(check(name, { profile }), issues, profile);
    });
  }

  test('n_structure_100000_opening_arrays gives too_deep at the 65th bracket', () => {
    const [issue] = check('n_structure_100000_opening_arrays.json');
    assert.equal(issue.code, 'too_deep');
    assert.equal(issue.offset, 64);
    const [capped] = check('n_structure_100000_opening_arrays.json', { maxDepth: 1000 });
    assert.deepEqual([capped.code, capped.offset], ['too_deep', 1000]);
  });
});

describe('i_ files: the verdicts the README lists', () => {
  test('the table names every i_ file and no other', () => {
    assert.deepEqual(
      Object.keys(I_VERDICTS).sort(),
      FILES.filter((file) => file.startsWith('i_')),
    );
  });

  for (const name of FILES.filter((file) => file.startsWith('i_'))) {
    test(name, () => {
      assert.equal(verdict(check(name)), I_VERDICTS[name]);
    });
  }

  test('i_structure_500_nested_arrays is accepted with maxDepth 500', () => {
    assert.equal(verdict(check('i_structure_500_nested_arrays.json', { maxDepth: 500 })), 'accept');
    assert.equal(verdict(check('i_structure_500_nested_arrays.json', { maxDepth: 499 })), 'reject:too_deep');
  });
});

describe('against JSON.parse', () => {
  test('for UTF-8 files, the JSON stage passes exactly when JSON.parse accepts, but for the decided exceptions', () => {
    const differences = [];
    let compared = 0;
    for (const name of FILES) {
      const bytes = readBytes(name);
      const text = decoded(bytes);
      if (text === undefined) continue;
      compared += 1;
      const ours = verdict(validate(bytes, { maxDepth: 1000 })) === 'accept';
      if (ours !== jsonParseAccepts(text)) differences.push(name);
    }
    assert.ok(compared > 290, `compared ${compared} files`);
    assert.deepEqual(differences, Object.keys(STRICTER_THAN_JSON_PARSE).sort());
    // Each decision only ever makes us stricter.
    for (const name of differences) assert.match(verdict(validate(readBytes(name))), /^reject:invalid_json$/);
  });

  test('files that are not UTF-8 never pass the JSON stage', () => {
    let count = 0;
    for (const name of FILES) {
      const bytes = readBytes(name);
      if (decoded(bytes) !== undefined) continue;
      count += 1;
      assert.match(verdict(validate(bytes, { maxDepth: 1000 })), /^reject:invalid_(utf8|json)$/, name);
    }
    assert.ok(count > 20, `${count} files`);
  });

  test('where JSON.parse names a position (ASCII n_ files), it is our offset', () => {
    const earlier = [];
    let compared = 0;
    for (const name of FILES.filter((file) => file.startsWith('n_'))) {
      const bytes = readBytes(name);
      if (bytes.some((byte) => byte >= 0x80)) continue; // there UTF-16 index and byte offset differ
      const [issue] = validate(bytes, { maxDepth: 1000 });
      if (issue.code === 'too_deep') continue;
      let position;
      try {
        JSON.parse(Buffer.from(bytes).toString('latin1'));
      } catch (error) {
        position = /at position (\d+)/.exec(error.message)?.[1];
      }
      if (position === undefined) continue;
      compared += 1;
      if (issue.offset !== Number(position)) earlier.push(name);
      assert.ok(issue.offset <= Number(position), `${name}: never later than JSON.parse`);
    }
    assert.ok(compared > 100, `compared ${compared} files`);
    assert.deepEqual(earlier, Object.keys(EARLIER_THAN_JSON_PARSE).sort());
  });

  test('a string and its UTF-8 bytes give the same issues', () => {
    for (const name of FILES) {
      const bytes = readBytes(name);
      // ignoreBOM keeps a BOM in the string, so both inputs hold the same text.
      let text;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        continue;
      }
      assert.deepEqual(validate(text), validate(bytes), name);
    }
  });
});
