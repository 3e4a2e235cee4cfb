// schema.js: the names and numbers the C core and the JS layer share. Generated from src/schema.yaml by src/generate.js (npm run generate): do not edit.

/** Issue codes by number (cw_code); 0 is no code. */
export const CODE_NAMES = [undefined, "invalid_json", "invalid_utf8", "invalid_type", "missing_field", "invalid_literal", "invalid_enum", "not_integer", "unsafe_integer", "duplicate_key", "unknown_field", "too_large", "too_deep", "too_many_issues"];

/** Bits of cw_options.flags. */
export const FLAGS = { UNKNOWN_KEEP: 1, UNKNOWN_REJECT: 2, OPEN_ENUMS: 4, WRITE_TAPE: 8 };
export const SCHEMA_SHIFT = 4;
export const PROFILE_SHIFT = 7;
/** The documents of a profile, by their number in the flags. */
export const DOCUMENT = { response: 0, streamEvent: 1, error: 2, anyError: 3, chatResponse: 4, chatChunk: 5 };
/** The bits of the document number in the flags, in place. */
export const SCHEMA_MASK = 112;

/** The profiles, by their number in the flags; the first is the default. */
export const PROFILES = Object.freeze(["r9s","openai","openai-compatible"]);

export const DEFAULTS = Object.freeze({ maxBytes: 67108864, maxDepth: 64, maxIssues: 100, maxDepthLimit: 1000, maxEventBytes: 8388608 });

/** What assembling a stream into a response needs of each profile: the fields taken from the events beside choices and usage (in each key style), and what a choice without finish_reason lacks (null: nothing, the response allows null). */
export const ASSEMBLY = {
  "r9s": { head: {"wire":["id","object","created","model"],"camel":["id","object","created","model"]}, finishExpected: ["\"stop\" | \"length\" | \"content_filter\"","string"] },
  "openai": { head: {"wire":["id","object","created","model","system_fingerprint"],"camel":["id","object","created","model","systemFingerprint"]}, finishExpected: ["\"stop\" | \"length\" | \"content_filter\"","string"] },
  "openai-compatible": { head: {"wire":["id","object","created","model","system_fingerprint"],"camel":["id","object","created","model","systemFingerprint"]}, finishExpected: null },
};
