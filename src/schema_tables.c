/* schema_tables.c: the schemas of every profile, as the walker reads them. Generated from src/schema.yaml by src/generate.js (npm run generate): do not edit. */
#include "schema.h"

const char cw_texts[] =
    "" "\0"
    "id" "\0"
    "object" "\0"
    "created" "\0"
    "model" "\0"
    "choices" "\0"
    "usage" "\0"
    "text" "\0"
    "index" "\0"
    "logprobs" "\0"
    "finish_reason" "\0"
    "prompt_tokens" "\0"
    "completion_tokens" "\0"
    "total_tokens" "\0"
    "prompt_tokens_details" "\0"
    "completion_tokens_details" "\0"
    "cached_tokens" "\0"
    "audio_tokens" "\0"
    "reasoning_tokens" "\0"
    "accepted_prediction_tokens" "\0"
    "rejected_prediction_tokens" "\0"
    "system_fingerprint" "\0"
    "obfuscation" "\0"
    "error" "\0"
    "status" "\0"
    "message" "\0"
    "type" "\0"
    "code" "\0"
    "param" "\0"
    "text_offset" "\0"
    "token_logprobs" "\0"
    "tokens" "\0"
    "top_logprobs" "\0"
    "text_tokens" "\0"
    "image_tokens" "\0"
    "cache_write_tokens" "\0"
    "string" "\0"
    "\"completion\"" "\0"
    "OpenAI's object: use profile \"openai\" or \"openai-compatible\"" "\0"
    "integer" "\0"
    "object or null" "\0"
    "\"stop\" | \"length\" | \"content_filter\"" "\0"
    "array" "\0"
    "\"stop\" | \"length\" | \"content_filter\" | null" "\0"
    "string or null" "\0"
    "\"text_completion\"" "\0"
    "number or null" "\0"
    "number" "\0"
    "\"text_completion\" | \"completion\"" "\0"
    "any JSON value" "\0"
    "string or integer or null" "\0"
    "completion" "\0"
    "text_completion" "\0"
    "stop" "\0"
    "length" "\0"
    "content_filter" "\0";

const struct cw_text_ref cw_key_names[CW_KEY_COUNT] = {
    {.text = 1, .length = 2}, /* id */
    {.text = 4, .length = 6}, /* object */
    {.text = 11, .length = 7}, /* created */
    {.text = 19, .length = 5}, /* model */
    {.text = 25, .length = 7}, /* choices */
    {.text = 33, .length = 5}, /* usage */
    {.text = 39, .length = 4}, /* text */
    {.text = 44, .length = 5}, /* index */
    {.text = 50, .length = 8}, /* logprobs */
    {.text = 59, .length = 13}, /* finish_reason */
    {.text = 73, .length = 13}, /* prompt_tokens */
    {.text = 87, .length = 17}, /* completion_tokens */
    {.text = 105, .length = 12}, /* total_tokens */
    {.text = 118, .length = 21}, /* prompt_tokens_details */
    {.text = 140, .length = 25}, /* completion_tokens_details */
    {.text = 166, .length = 13}, /* cached_tokens */
    {.text = 180, .length = 12}, /* audio_tokens */
    {.text = 193, .length = 16}, /* reasoning_tokens */
    {.text = 210, .length = 26}, /* accepted_prediction_tokens */
    {.text = 237, .length = 26}, /* rejected_prediction_tokens */
    {.text = 264, .length = 18}, /* system_fingerprint */
    {.text = 283, .length = 11}, /* obfuscation */
    {.text = 295, .length = 5}, /* error */
    {.text = 301, .length = 6}, /* status */
    {.text = 308, .length = 7}, /* message */
    {.text = 316, .length = 4}, /* type */
    {.text = 321, .length = 4}, /* code */
    {.text = 326, .length = 5}, /* param */
    {.text = 332, .length = 11}, /* text_offset */
    {.text = 344, .length = 14}, /* token_logprobs */
    {.text = 359, .length = 6}, /* tokens */
    {.text = 366, .length = 12}, /* top_logprobs */
    {.text = 379, .length = 11}, /* text_tokens */
    {.text = 391, .length = 12}, /* image_tokens */
    {.text = 404, .length = 18}, /* cache_write_tokens */
};

const char *const cw_code_names[] = {"unknown", "invalid_json", "invalid_utf8", "invalid_type", "missing_field", "invalid_literal", "invalid_enum", "not_integer", "unsafe_integer", "duplicate_key", "unknown_field", "too_large", "too_deep", "too_many_issues"};
const unsigned cw_code_count = 14;

const struct cw_text_ref cw_values[] = {
    {.text = 743, .length = 10}, /* completion */
    {.text = 754, .length = 15}, /* text_completion */
    {.text = 770, .length = 4}, /* stop */
    {.text = 775, .length = 6}, /* length */
    {.text = 782, .length = 14}, /* content_filter */
    {.text = 754, .length = 15}, /* text_completion */
    {.text = 743, .length = 10}, /* completion */
};

const cw_type cw_types[] = {
    {.accepts = ACCEPT_STRING, .expected = 423}, /* 0: string */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .expected = 430, .hint_value = 1, .hint = 443}, /* 1: "completion" */
    {.accepts = ACCEPT_INTEGER, .expected = 504}, /* 2: integer */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .expected = 512}, /* 3: object or null */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 3, .first_value = 2, .expected = 527, .expected_open = 423}, /* 4: "stop" | "length" | "content_filter" */
    {.accepts = ACCEPT_OBJECT, .object = 1, .expected = 4}, /* 5: object */
    {.accepts = ACCEPT_ARRAY, .items = 6, .expected = 564}, /* 6: array */
    {.accepts = ACCEPT_OBJECT, .object = 2, .expected = 4}, /* 7: object */
    {.accepts = ACCEPT_OBJECT, .object = 3, .expected = 4}, /* 8: object */
    {.accepts = ACCEPT_OBJECT, .object = 4, .expected = 4}, /* 9: object */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 3, .first_value = 2, .expected = 570, .expected_open = 614}, /* 10: "stop" | "length" | "content_filter" | null */
    {.accepts = ACCEPT_OBJECT, .object = 6, .expected = 4}, /* 11: object */
    {.accepts = ACCEPT_ARRAY, .items = 12, .expected = 564}, /* 12: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 4, .expected = 512}, /* 13: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .expected = 614}, /* 14: string or null */
    {.accepts = ACCEPT_OBJECT, .object = 8, .expected = 4}, /* 15: object */
    {.accepts = ACCEPT_OBJECT, .expected = 4}, /* 16: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 1, .expected = 629}, /* 17: "text_completion" */
    {.accepts = ACCEPT_ARRAY, .items = 3, .expected = 564}, /* 18: array */
    {.accepts = ACCEPT_NULL | ACCEPT_NUMBER, .expected = 647}, /* 19: number or null */
    {.accepts = ACCEPT_ARRAY, .items = 20, .expected = 564}, /* 20: array */
    {.accepts = ACCEPT_ARRAY, .items = 1, .expected = 564}, /* 21: array */
    {.accepts = ACCEPT_NUMBER, .expected = 662}, /* 22: number */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 11, .expected = 512}, /* 23: object or null */
    {.accepts = ACCEPT_ARRAY, .items = 24, .expected = 564}, /* 24: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 12, .expected = 512}, /* 25: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 13, .expected = 4}, /* 26: object */
    {.accepts = ACCEPT_ARRAY, .items = 27, .expected = 564}, /* 27: array */
    {.accepts = ACCEPT_OBJECT, .object = 14, .expected = 4}, /* 28: object */
    {.accepts = ACCEPT_OBJECT, .object = 15, .expected = 4}, /* 29: object */
    {.accepts = ACCEPT_OBJECT, .object = 16, .expected = 4}, /* 30: object */
    {.accepts = ACCEPT_OBJECT, .object = 18, .expected = 4}, /* 31: object */
    {.accepts = ACCEPT_ARRAY, .items = 32, .expected = 564}, /* 32: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 16, .expected = 512}, /* 33: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 20, .expected = 4}, /* 34: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 5, .expected = 669}, /* 35: "text_completion" | "completion" */
    {.accepts = ACCEPT_ANY, .expected = 702}, /* 36: any JSON value */
    {.accepts = ACCEPT_OBJECT, .object = 22, .expected = 4}, /* 37: object */
    {.accepts = ACCEPT_ARRAY, .items = 38, .expected = 564}, /* 38: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 14, .expected = 512}, /* 39: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 15, .expected = 512}, /* 40: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 23, .expected = 512}, /* 41: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 25, .expected = 4}, /* 42: object */
    {.accepts = ACCEPT_ARRAY, .items = 43, .expected = 564}, /* 43: array */
    {.accepts = ACCEPT_NULL | ACCEPT_INTEGER | ACCEPT_STRING, .expected = 717}, /* 44: string or integer or null */
    {.accepts = ACCEPT_OBJECT, .object = 27, .expected = 4}, /* 45: object */
};

const cw_field cw_fields[] = {
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 3},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 4},
    {.key = CW_KEY_CACHED_TOKENS, .type = 2},
    {.key = CW_KEY_AUDIO_TOKENS, .type = 2},
    {.key = CW_KEY_REASONING_TOKENS, .type = 2},
    {.key = CW_KEY_AUDIO_TOKENS, .type = 2},
    {.key = CW_KEY_ACCEPTED_PREDICTION_TOKENS, .type = 2},
    {.key = CW_KEY_REJECTED_PREDICTION_TOKENS, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_COMPLETION_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_TOTAL_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS_DETAILS, .type = 7},
    {.key = CW_KEY_COMPLETION_TOKENS_DETAILS, .type = 8},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 1},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 6},
    {.key = CW_KEY_USAGE, .type = 9},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 3},
    {.key = CW_KEY_FINISH_REASON, .type = 10},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 1},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 12},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_OBFUSCATION},
    {.key = CW_KEY_USAGE, .type = 13},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_TYPE, .required = 1},
    {.key = CW_KEY_CODE, .type = 14},
    {.key = CW_KEY_PARAM},
    {.key = CW_KEY_ERROR, .required = 1, .type = 15},
    {.key = CW_KEY_STATUS, .type = 2},
    {.key = CW_KEY_ERROR, .required = 1, .type = 16},
    {.key = CW_KEY_TEXT_OFFSET, .type = 18},
    {.key = CW_KEY_TOKEN_LOGPROBS, .type = 20},
    {.key = CW_KEY_TOKENS, .type = 21},
    {.key = CW_KEY_TOP_LOGPROBS, .type = 24},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .required = 1, .type = 25},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 4},
    {.key = CW_KEY_AUDIO_TOKENS, .type = 2},
    {.key = CW_KEY_CACHED_TOKENS, .type = 2},
    {.key = CW_KEY_TEXT_TOKENS, .type = 2},
    {.key = CW_KEY_IMAGE_TOKENS, .type = 2},
    {.key = CW_KEY_CACHE_WRITE_TOKENS, .type = 2},
    {.key = CW_KEY_ACCEPTED_PREDICTION_TOKENS, .type = 2},
    {.key = CW_KEY_AUDIO_TOKENS, .type = 2},
    {.key = CW_KEY_REASONING_TOKENS, .type = 2},
    {.key = CW_KEY_TEXT_TOKENS, .type = 2},
    {.key = CW_KEY_REJECTED_PREDICTION_TOKENS, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_COMPLETION_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_TOTAL_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS_DETAILS, .type = 28},
    {.key = CW_KEY_COMPLETION_TOKENS_DETAILS, .type = 29},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 17},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 27},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 30},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .required = 1, .type = 25},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 10},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 17},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 32},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 33},
    {.key = CW_KEY_CODE, .required = 1, .type = 14},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_PARAM, .required = 1, .type = 14},
    {.key = CW_KEY_TYPE, .required = 1},
    {.key = CW_KEY_ERROR, .required = 1, .type = 34},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 36},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 14},
    {.key = CW_KEY_PROMPT_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_COMPLETION_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_TOTAL_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS_DETAILS, .type = 39},
    {.key = CW_KEY_COMPLETION_TOKENS_DETAILS, .type = 40},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 35},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 38},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 41},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 36},
    {.key = CW_KEY_FINISH_REASON, .type = 14},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 35},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .optional_with = 7, .type = 43},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 41},
    {.key = CW_KEY_CODE, .type = 44},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_PARAM, .type = 14},
    {.key = CW_KEY_TYPE, .type = 14},
    {.key = CW_KEY_ERROR, .required = 1, .type = 45},
};

const cw_object_schema cw_objects[] = {
    {.count = 4}, /* 0: text, index, logprobs, finish_reason */
    {.first_field = 4, .count = 2}, /* 1: cached_tokens, audio_tokens */
    {.first_field = 6, .count = 4}, /* 2: reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens */
    {.first_field = 10, .count = 5}, /* 3: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {.first_field = 15, .count = 6}, /* 4: id, object, created, model, choices, usage */
    {.first_field = 21, .count = 4}, /* 5: text, index, logprobs, finish_reason */
    {.first_field = 25, .count = 8}, /* 6: id, object, created, model, choices, system_fingerprint, obfuscation, usage */
    {.first_field = 33, .count = 4}, /* 7: message, type, code, param */
    {.first_field = 37, .count = 2}, /* 8: error, status */
    {.first_field = 39, .count = 1}, /* 9: error */
    {.first_field = 40, .members = 23}, /* 10: a map */
    {.first_field = 40, .count = 4}, /* 11: text_offset, token_logprobs, tokens, top_logprobs */
    {.first_field = 44, .count = 4}, /* 12: text, index, logprobs, finish_reason */
    {.first_field = 48, .count = 5}, /* 13: audio_tokens, cached_tokens, text_tokens, image_tokens, cache_write_tokens */
    {.first_field = 53, .count = 5}, /* 14: accepted_prediction_tokens, audio_tokens, reasoning_tokens, text_tokens, rejected_prediction_tokens */
    {.first_field = 58, .count = 5}, /* 15: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {.first_field = 63, .count = 7}, /* 16: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 70, .count = 4}, /* 17: text, index, logprobs, finish_reason */
    {.first_field = 74, .count = 7}, /* 18: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 81, .count = 4}, /* 19: code, message, param, type */
    {.first_field = 85, .count = 1}, /* 20: error */
    {.first_field = 86, .count = 4}, /* 21: text, index, logprobs, finish_reason */
    {.first_field = 90, .count = 5}, /* 22: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {.first_field = 95, .count = 7}, /* 23: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 102, .count = 4}, /* 24: text, index, logprobs, finish_reason */
    {.first_field = 106, .count = 7}, /* 25: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 113, .count = 4}, /* 26: code, message, param, type */
    {.first_field = 117, .count = 1}, /* 27: error */
};

const struct cw_profile_documents cw_profiles[CW_PROFILE_COUNT] = {
    {.object = {4, 6, 8, 9}}, /* r9s: response, streamEvent, error, anyError */
    {.object = {16, 18, 20, 9}}, /* openai: response, streamEvent, error, anyError */
    {.object = {23, 25, 27, 9}}, /* openai-compatible: response, streamEvent, error, anyError */
};
