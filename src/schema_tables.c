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
    {1, 2}, /* id */
    {4, 6}, /* object */
    {11, 7}, /* created */
    {19, 5}, /* model */
    {25, 7}, /* choices */
    {33, 5}, /* usage */
    {39, 4}, /* text */
    {44, 5}, /* index */
    {50, 8}, /* logprobs */
    {59, 13}, /* finish_reason */
    {73, 13}, /* prompt_tokens */
    {87, 17}, /* completion_tokens */
    {105, 12}, /* total_tokens */
    {118, 21}, /* prompt_tokens_details */
    {140, 25}, /* completion_tokens_details */
    {166, 13}, /* cached_tokens */
    {180, 12}, /* audio_tokens */
    {193, 16}, /* reasoning_tokens */
    {210, 26}, /* accepted_prediction_tokens */
    {237, 26}, /* rejected_prediction_tokens */
    {264, 18}, /* system_fingerprint */
    {283, 11}, /* obfuscation */
    {295, 5}, /* error */
    {301, 6}, /* status */
    {308, 7}, /* message */
    {316, 4}, /* type */
    {321, 4}, /* code */
    {326, 5}, /* param */
    {332, 11}, /* text_offset */
    {344, 14}, /* token_logprobs */
    {359, 6}, /* tokens */
    {366, 12}, /* top_logprobs */
    {379, 11}, /* text_tokens */
    {391, 12}, /* image_tokens */
    {404, 18}, /* cache_write_tokens */
};

const char *const cw_code_names[] = {"unknown", "invalid_json", "invalid_utf8", "invalid_type", "missing_field", "invalid_literal", "invalid_enum", "not_integer", "unsafe_integer", "duplicate_key", "unknown_field", "too_large", "too_deep", "too_many_issues", "truncated_stream", "event_too_large"};
const unsigned cw_code_count = 16;

const struct cw_text_ref cw_values[] = {
    {743, 10}, /* completion */
    {754, 15}, /* text_completion */
    {770, 4}, /* stop */
    {775, 6}, /* length */
    {782, 14}, /* content_filter */
    {754, 15}, /* text_completion */
    {743, 10}, /* completion */
};

const cw_type cw_types[] = {
    {ACCEPT_STRING, VALUES_NONE, 0, 0, 0, 0, 423, 0, 0, 0}, /* 0: string */
    {ACCEPT_STRING, VALUES_LITERAL, 1, 0, 0, 0, 430, 0, 1, 443}, /* 1: "completion" */
    {ACCEPT_INTEGER, VALUES_NONE, 0, 0, 0, 0, 504, 0, 0, 0}, /* 2: integer */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 0, 0, 512, 0, 0, 0}, /* 3: object or null */
    {ACCEPT_STRING, VALUES_ENUM, 3, 2, 0, 0, 527, 423, 0, 0}, /* 4: "stop" | "length" | "content_filter" */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 1, 0, 4, 0, 0, 0}, /* 5: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 6, 564, 0, 0, 0}, /* 6: array */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 2, 0, 4, 0, 0, 0}, /* 7: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 3, 0, 4, 0, 0, 0}, /* 8: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 4, 0, 4, 0, 0, 0}, /* 9: object */
    {ACCEPT_NULL | ACCEPT_STRING, VALUES_ENUM, 3, 2, 0, 0, 570, 614, 0, 0}, /* 10: "stop" | "length" | "content_filter" | null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 6, 0, 4, 0, 0, 0}, /* 11: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 12, 564, 0, 0, 0}, /* 12: array */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 4, 0, 512, 0, 0, 0}, /* 13: object or null */
    {ACCEPT_NULL | ACCEPT_STRING, VALUES_NONE, 0, 0, 0, 0, 614, 0, 0, 0}, /* 14: string or null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 8, 0, 4, 0, 0, 0}, /* 15: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 0, 0, 4, 0, 0, 0}, /* 16: object */
    {ACCEPT_STRING, VALUES_LITERAL, 1, 1, 0, 0, 629, 0, 0, 0}, /* 17: "text_completion" */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 3, 564, 0, 0, 0}, /* 18: array */
    {ACCEPT_NULL | ACCEPT_NUMBER, VALUES_NONE, 0, 0, 0, 0, 647, 0, 0, 0}, /* 19: number or null */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 20, 564, 0, 0, 0}, /* 20: array */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 1, 564, 0, 0, 0}, /* 21: array */
    {ACCEPT_NUMBER, VALUES_NONE, 0, 0, 0, 0, 662, 0, 0, 0}, /* 22: number */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 11, 0, 512, 0, 0, 0}, /* 23: object or null */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 24, 564, 0, 0, 0}, /* 24: array */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 12, 0, 512, 0, 0, 0}, /* 25: object or null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 13, 0, 4, 0, 0, 0}, /* 26: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 27, 564, 0, 0, 0}, /* 27: array */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 14, 0, 4, 0, 0, 0}, /* 28: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 15, 0, 4, 0, 0, 0}, /* 29: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 16, 0, 4, 0, 0, 0}, /* 30: object */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 18, 0, 4, 0, 0, 0}, /* 31: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 32, 564, 0, 0, 0}, /* 32: array */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 16, 0, 512, 0, 0, 0}, /* 33: object or null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 20, 0, 4, 0, 0, 0}, /* 34: object */
    {ACCEPT_STRING, VALUES_LITERAL, 2, 5, 0, 0, 669, 0, 0, 0}, /* 35: "text_completion" | "completion" */
    {ACCEPT_ANY, VALUES_NONE, 0, 0, 0, 0, 702, 0, 0, 0}, /* 36: any JSON value */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 22, 0, 4, 0, 0, 0}, /* 37: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 38, 564, 0, 0, 0}, /* 38: array */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 14, 0, 512, 0, 0, 0}, /* 39: object or null */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 15, 0, 512, 0, 0, 0}, /* 40: object or null */
    {ACCEPT_NULL | ACCEPT_OBJECT, VALUES_NONE, 0, 0, 23, 0, 512, 0, 0, 0}, /* 41: object or null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 25, 0, 4, 0, 0, 0}, /* 42: object */
    {ACCEPT_ARRAY, VALUES_NONE, 0, 0, 0, 43, 564, 0, 0, 0}, /* 43: array */
    {ACCEPT_NULL | ACCEPT_INTEGER | ACCEPT_STRING, VALUES_NONE, 0, 0, 0, 0, 717, 0, 0, 0}, /* 44: string or integer or null */
    {ACCEPT_OBJECT, VALUES_NONE, 0, 0, 27, 0, 4, 0, 0, 0}, /* 45: object */
};

const cw_field cw_fields[] = {
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 0, 0, 3},
    {CW_KEY_FINISH_REASON, 1, 0, 4},
    {CW_KEY_CACHED_TOKENS, 0, 0, 2},
    {CW_KEY_AUDIO_TOKENS, 0, 0, 2},
    {CW_KEY_REASONING_TOKENS, 0, 0, 2},
    {CW_KEY_AUDIO_TOKENS, 0, 0, 2},
    {CW_KEY_ACCEPTED_PREDICTION_TOKENS, 0, 0, 2},
    {CW_KEY_REJECTED_PREDICTION_TOKENS, 0, 0, 2},
    {CW_KEY_PROMPT_TOKENS, 1, 0, 2},
    {CW_KEY_COMPLETION_TOKENS, 1, 0, 2},
    {CW_KEY_TOTAL_TOKENS, 1, 0, 2},
    {CW_KEY_PROMPT_TOKENS_DETAILS, 0, 0, 7},
    {CW_KEY_COMPLETION_TOKENS_DETAILS, 0, 0, 8},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 1},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 0, 6},
    {CW_KEY_USAGE, 0, 0, 9},
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 0, 0, 3},
    {CW_KEY_FINISH_REASON, 0, 0, 10},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 1},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 0, 12},
    {CW_KEY_SYSTEM_FINGERPRINT, 0, 0, 0},
    {CW_KEY_OBFUSCATION, 0, 0, 0},
    {CW_KEY_USAGE, 0, 0, 13},
    {CW_KEY_MESSAGE, 1, 0, 0},
    {CW_KEY_TYPE, 1, 0, 0},
    {CW_KEY_CODE, 0, 0, 14},
    {CW_KEY_PARAM, 0, 0, 0},
    {CW_KEY_ERROR, 1, 0, 15},
    {CW_KEY_STATUS, 0, 0, 2},
    {CW_KEY_ERROR, 1, 0, 16},
    {CW_KEY_TEXT_OFFSET, 0, 0, 18},
    {CW_KEY_TOKEN_LOGPROBS, 0, 0, 20},
    {CW_KEY_TOKENS, 0, 0, 21},
    {CW_KEY_TOP_LOGPROBS, 0, 0, 24},
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 1, 0, 25},
    {CW_KEY_FINISH_REASON, 1, 0, 4},
    {CW_KEY_AUDIO_TOKENS, 0, 0, 2},
    {CW_KEY_CACHED_TOKENS, 0, 0, 2},
    {CW_KEY_TEXT_TOKENS, 0, 0, 2},
    {CW_KEY_IMAGE_TOKENS, 0, 0, 2},
    {CW_KEY_CACHE_WRITE_TOKENS, 0, 0, 2},
    {CW_KEY_ACCEPTED_PREDICTION_TOKENS, 0, 0, 2},
    {CW_KEY_AUDIO_TOKENS, 0, 0, 2},
    {CW_KEY_REASONING_TOKENS, 0, 0, 2},
    {CW_KEY_TEXT_TOKENS, 0, 0, 2},
    {CW_KEY_REJECTED_PREDICTION_TOKENS, 0, 0, 2},
    {CW_KEY_PROMPT_TOKENS, 1, 0, 2},
    {CW_KEY_COMPLETION_TOKENS, 1, 0, 2},
    {CW_KEY_TOTAL_TOKENS, 1, 0, 2},
    {CW_KEY_PROMPT_TOKENS_DETAILS, 0, 0, 28},
    {CW_KEY_COMPLETION_TOKENS_DETAILS, 0, 0, 29},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 17},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 0, 27},
    {CW_KEY_SYSTEM_FINGERPRINT, 0, 0, 0},
    {CW_KEY_USAGE, 0, 0, 30},
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 1, 0, 25},
    {CW_KEY_FINISH_REASON, 1, 0, 10},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 17},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 0, 32},
    {CW_KEY_SYSTEM_FINGERPRINT, 0, 0, 0},
    {CW_KEY_USAGE, 0, 0, 33},
    {CW_KEY_CODE, 1, 0, 14},
    {CW_KEY_MESSAGE, 1, 0, 0},
    {CW_KEY_PARAM, 1, 0, 14},
    {CW_KEY_TYPE, 1, 0, 0},
    {CW_KEY_ERROR, 1, 0, 34},
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 0, 0, 36},
    {CW_KEY_FINISH_REASON, 1, 0, 14},
    {CW_KEY_PROMPT_TOKENS, 1, 0, 2},
    {CW_KEY_COMPLETION_TOKENS, 1, 0, 2},
    {CW_KEY_TOTAL_TOKENS, 1, 0, 2},
    {CW_KEY_PROMPT_TOKENS_DETAILS, 0, 0, 39},
    {CW_KEY_COMPLETION_TOKENS_DETAILS, 0, 0, 40},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 35},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 0, 38},
    {CW_KEY_SYSTEM_FINGERPRINT, 0, 0, 14},
    {CW_KEY_USAGE, 0, 0, 41},
    {CW_KEY_TEXT, 1, 0, 0},
    {CW_KEY_INDEX, 1, 0, 2},
    {CW_KEY_LOGPROBS, 0, 0, 36},
    {CW_KEY_FINISH_REASON, 0, 0, 14},
    {CW_KEY_ID, 1, 0, 0},
    {CW_KEY_OBJECT, 1, 0, 35},
    {CW_KEY_CREATED, 1, 0, 2},
    {CW_KEY_MODEL, 1, 0, 0},
    {CW_KEY_CHOICES, 1, 7, 43},
    {CW_KEY_SYSTEM_FINGERPRINT, 0, 0, 14},
    {CW_KEY_USAGE, 0, 0, 41},
    {CW_KEY_CODE, 0, 0, 44},
    {CW_KEY_MESSAGE, 1, 0, 0},
    {CW_KEY_PARAM, 0, 0, 14},
    {CW_KEY_TYPE, 0, 0, 14},
    {CW_KEY_ERROR, 1, 0, 45},
};

const cw_object_schema cw_objects[] = {
    {0, 4, 0}, /* 0: text, index, logprobs, finish_reason */
    {4, 2, 0}, /* 1: cached_tokens, audio_tokens */
    {6, 4, 0}, /* 2: reasoning_tokens, audio_tokens, accepted_prediction_tokens, rejected_prediction_tokens */
    {10, 5, 0}, /* 3: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {15, 6, 0}, /* 4: r9s response */
    {21, 4, 0}, /* 5: text, index, logprobs, finish_reason */
    {25, 8, 0}, /* 6: r9s streamEvent */
    {33, 4, 0}, /* 7: message, type, code, param */
    {37, 2, 0}, /* 8: r9s error */
    {39, 1, 0}, /* 9: r9s anyError */
    {40, 0, 23}, /* 10: a map */
    {40, 4, 0}, /* 11: text_offset, token_logprobs, tokens, top_logprobs */
    {44, 4, 0}, /* 12: text, index, logprobs, finish_reason */
    {48, 5, 0}, /* 13: audio_tokens, cached_tokens, text_tokens, image_tokens, cache_write_tokens */
    {53, 5, 0}, /* 14: accepted_prediction_tokens, audio_tokens, reasoning_tokens, text_tokens, rejected_prediction_tokens */
    {58, 5, 0}, /* 15: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {63, 7, 0}, /* 16: openai response */
    {70, 4, 0}, /* 17: text, index, logprobs, finish_reason */
    {74, 7, 0}, /* 18: openai streamEvent */
    {81, 4, 0}, /* 19: code, message, param, type */
    {85, 1, 0}, /* 20: openai error */
    {86, 4, 0}, /* 21: text, index, logprobs, finish_reason */
    {90, 5, 0}, /* 22: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {95, 7, 0}, /* 23: openai-compatible response */
    {102, 4, 0}, /* 24: text, index, logprobs, finish_reason */
    {106, 7, 0}, /* 25: openai-compatible streamEvent */
    {113, 4, 0}, /* 26: code, message, param, type */
    {117, 1, 0}, /* 27: openai-compatible error */
};

const uint8_t cw_profiles[CW_PROFILE_COUNT][4] = {
    {4, 6, 8, 9}, /* r9s */
    {16, 18, 20, 9}, /* openai */
    {23, 25, 27, 9}, /* openai-compatible */
};
