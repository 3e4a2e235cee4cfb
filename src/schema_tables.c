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
    "role" "\0"
    "content" "\0"
    "name" "\0"
    "reasoning_content" "\0"
    "tool_calls" "\0"
    "tool_call_id" "\0"
    "image_url" "\0"
    "url" "\0"
    "detail" "\0"
    "function" "\0"
    "arguments" "\0"
    "delta" "\0"
    "service_tier" "\0"
    "metadata" "\0"
    "moderation" "\0"
    "refusal" "\0"
    "annotations" "\0"
    "audio" "\0"
    "function_call" "\0"
    "custom" "\0"
    "input" "\0"
    "url_citation" "\0"
    "end_index" "\0"
    "start_index" "\0"
    "title" "\0"
    "expires_at" "\0"
    "data" "\0"
    "transcript" "\0"
    "token" "\0"
    "logprob" "\0"
    "bytes" "\0"
    "output" "\0"
    "results" "\0"
    "flagged" "\0"
    "categories" "\0"
    "category_scores" "\0"
    "category_applied_input_types" "\0"
    "prompt_filter_results" "\0"
    "content_filter_results" "\0"
    "reasoning" "\0"
    "thinking" "\0"
    "closed" "\0"
    "string" "\0"
    "\"completion\"" "\0"
    "OpenAI's object: use profile \"openai\" or \"openai-compatible\"" "\0"
    "integer" "\0"
    "object or null" "\0"
    "\"stop\" | \"length\" | \"content_filter\"" "\0"
    "array" "\0"
    "\"stop\" | \"length\" | \"content_filter\" | null" "\0"
    "string or null" "\0"
    "\"chat.completion\"" "\0"
    "\"system\" | \"user\" | \"assistant\" | \"tool\"" "\0"
    "\"text\" | \"image_url\"" "\0"
    "\"auto\" | \"low\" | \"high\"" "\0"
    "string or array or null" "\0"
    "\"stop\" | \"length\" | \"tool_calls\" | \"content_filter\"" "\0"
    "\"chat.completion.chunk\"" "\0"
    "\"system\" | \"user\" | \"assistant\"" "\0"
    "\"stop\" | \"length\" | \"tool_calls\" | \"content_filter\" | null" "\0"
    "\"text_completion\"" "\0"
    "number or null" "\0"
    "number" "\0"
    "\"assistant\"" "\0"
    "\"function\" | \"custom\"" "\0"
    "\"function\"" "\0"
    "\"custom\"" "\0"
    "\"url_citation\"" "\0"
    "array or null" "\0"
    "\"stop\" | \"length\" | \"tool_calls\" | \"content_filter\" | \"function_call\"" "\0"
    "\"auto\" | \"default\" | \"flex\" | \"scale\" | \"priority\" | \"fast\" | null" "\0"
    "\"moderation_results\" | \"error\"" "\0"
    "\"moderation_results\"" "\0"
    "\"moderation_result\"" "\0"
    "boolean" "\0"
    "\"text\" | \"image\"" "\0"
    "\"error\"" "\0"
    "\"developer\" | \"system\" | \"user\" | \"assistant\" | \"tool\"" "\0"
    "\"stop\" | \"length\" | \"tool_calls\" | \"content_filter\" | \"function_call\" | null" "\0"
    "\"text_completion\" | \"completion\"" "\0"
    "any JSON value" "\0"
    "string or integer or null" "\0"
    "\"chat.completion\" | \"text_completion\"" "\0"
    "\"text\" | \"image_url\" | \"thinking\"" "\0"
    "\"text\"" "\0"
    "\"image_url\"" "\0"
    "\"thinking\"" "\0"
    "\"chat.completion.chunk\" | \"\"" "\0"
    "completion" "\0"
    "text_completion" "\0"
    "stop" "\0"
    "length" "\0"
    "content_filter" "\0"
    "chat.completion" "\0"
    "system" "\0"
    "user" "\0"
    "assistant" "\0"
    "tool" "\0"
    "auto" "\0"
    "low" "\0"
    "high" "\0"
    "chat.completion.chunk" "\0"
    "default" "\0"
    "flex" "\0"
    "scale" "\0"
    "priority" "\0"
    "fast" "\0"
    "moderation_results" "\0"
    "moderation_result" "\0"
    "image" "\0"
    "developer" "\0";

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
    {.text = 423, .length = 4}, /* role */
    {.text = 428, .length = 7}, /* content */
    {.text = 436, .length = 4}, /* name */
    {.text = 441, .length = 17}, /* reasoning_content */
    {.text = 459, .length = 10}, /* tool_calls */
    {.text = 470, .length = 12}, /* tool_call_id */
    {.text = 483, .length = 9}, /* image_url */
    {.text = 493, .length = 3}, /* url */
    {.text = 497, .length = 6}, /* detail */
    {.text = 504, .length = 8}, /* function */
    {.text = 513, .length = 9}, /* arguments */
    {.text = 523, .length = 5}, /* delta */
    {.text = 529, .length = 12}, /* service_tier */
    {.text = 542, .length = 8}, /* metadata */
    {.text = 551, .length = 10}, /* moderation */
    {.text = 562, .length = 7}, /* refusal */
    {.text = 570, .length = 11}, /* annotations */
    {.text = 582, .length = 5}, /* audio */
    {.text = 588, .length = 13}, /* function_call */
    {.text = 602, .length = 6}, /* custom */
    {.text = 609, .length = 5}, /* input */
    {.text = 615, .length = 12}, /* url_citation */
    {.text = 628, .length = 9}, /* end_index */
    {.text = 638, .length = 11}, /* start_index */
    {.text = 650, .length = 5}, /* title */
    {.text = 656, .length = 10}, /* expires_at */
    {.text = 667, .length = 4}, /* data */
    {.text = 672, .length = 10}, /* transcript */
    {.text = 683, .length = 5}, /* token */
    {.text = 689, .length = 7}, /* logprob */
    {.text = 697, .length = 5}, /* bytes */
    {.text = 703, .length = 6}, /* output */
    {.text = 710, .length = 7}, /* results */
    {.text = 718, .length = 7}, /* flagged */
    {.text = 726, .length = 10}, /* categories */
    {.text = 737, .length = 15}, /* category_scores */
    {.text = 753, .length = 28}, /* category_applied_input_types */
    {.text = 782, .length = 21}, /* prompt_filter_results */
    {.text = 804, .length = 22}, /* content_filter_results */
    {.text = 827, .length = 9}, /* reasoning */
    {.text = 837, .length = 8}, /* thinking */
    {.text = 846, .length = 6}, /* closed */
};

const char *const cw_code_names[] = {"unknown", "invalid_json", "invalid_utf8", "invalid_type", "missing_field", "invalid_literal", "invalid_enum", "not_integer", "unsafe_integer", "duplicate_key", "unknown_field", "too_large", "too_deep", "too_many_issues", "truncated_stream", "event_too_large"};
const unsigned cw_code_count = 16;

const struct cw_text_ref cw_values[] = {
    {.text = 2056, .length = 10}, /* completion */
    {.text = 2067, .length = 15}, /* text_completion */
    {.text = 2083, .length = 4}, /* stop */
    {.text = 2088, .length = 6}, /* length */
    {.text = 2095, .length = 14}, /* content_filter */
    {.text = 2110, .length = 15}, /* chat.completion */
    {.text = 2126, .length = 6}, /* system */
    {.text = 2133, .length = 4}, /* user */
    {.text = 2138, .length = 9}, /* assistant */
    {.text = 2148, .length = 4}, /* tool */
    {.text = 39, .length = 4}, /* text */
    {.text = 483, .length = 9}, /* image_url */
    {.text = 2153, .length = 4}, /* auto */
    {.text = 2158, .length = 3}, /* low */
    {.text = 2162, .length = 4}, /* high */
    {.text = 2083, .length = 4}, /* stop */
    {.text = 2088, .length = 6}, /* length */
    {.text = 459, .length = 10}, /* tool_calls */
    {.text = 2095, .length = 14}, /* content_filter */
    {.text = 2167, .length = 21}, /* chat.completion.chunk */
    {.text = 504, .length = 8}, /* function */
    {.text = 602, .length = 6}, /* custom */
    {.text = 615, .length = 12}, /* url_citation */
    {.text = 2083, .length = 4}, /* stop */
    {.text = 2088, .length = 6}, /* length */
    {.text = 459, .length = 10}, /* tool_calls */
    {.text = 2095, .length = 14}, /* content_filter */
    {.text = 588, .length = 13}, /* function_call */
    {.text = 2153, .length = 4}, /* auto */
    {.text = 2189, .length = 7}, /* default */
    {.text = 2197, .length = 4}, /* flex */
    {.text = 2202, .length = 5}, /* scale */
    {.text = 2208, .length = 8}, /* priority */
    {.text = 2217, .length = 4}, /* fast */
    {.text = 2222, .length = 18}, /* moderation_results */
    {.text = 295, .length = 5}, /* error */
    {.text = 2241, .length = 17}, /* moderation_result */
    {.text = 39, .length = 4}, /* text */
    {.text = 2259, .length = 5}, /* image */
    {.text = 2265, .length = 9}, /* developer */
    {.text = 2126, .length = 6}, /* system */
    {.text = 2133, .length = 4}, /* user */
    {.text = 2138, .length = 9}, /* assistant */
    {.text = 2148, .length = 4}, /* tool */
    {.text = 2067, .length = 15}, /* text_completion */
    {.text = 2056, .length = 10}, /* completion */
    {.text = 2110, .length = 15}, /* chat.completion */
    {.text = 2067, .length = 15}, /* text_completion */
    {.text = 39, .length = 4}, /* text */
    {.text = 483, .length = 9}, /* image_url */
    {.text = 837, .length = 8}, /* thinking */
    {.text = 2167, .length = 21}, /* chat.completion.chunk */
    {}, /*  */
};

const cw_type cw_types[] = {
    {.accepts = ACCEPT_STRING, .expected = 853}, /* 0: string */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .extra = 1, .expected = 860}, /* 1: "completion" */
    {.accepts = ACCEPT_INTEGER, .expected = 934}, /* 2: integer */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .expected = 942}, /* 3: object or null */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 3, .first_value = 2, .extra = 2, .expected = 957}, /* 4: "stop" | "length" | "content_filter" */
    {.accepts = ACCEPT_OBJECT, .object = 1, .expected = 4}, /* 5: object */
    {.accepts = ACCEPT_ARRAY, .items = 6, .expected = 994}, /* 6: array */
    {.accepts = ACCEPT_OBJECT, .object = 2, .expected = 4}, /* 7: object */
    {.accepts = ACCEPT_OBJECT, .object = 3, .expected = 4}, /* 8: object */
    {.accepts = ACCEPT_OBJECT, .object = 4, .expected = 4}, /* 9: object */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 3, .first_value = 2, .extra = 3, .expected = 1000}, /* 10: "stop" | "length" | "content_filter" | null */
    {.accepts = ACCEPT_OBJECT, .object = 6, .expected = 4}, /* 11: object */
    {.accepts = ACCEPT_ARRAY, .items = 12, .expected = 994}, /* 12: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 4, .expected = 942}, /* 13: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .expected = 1044}, /* 14: string or null */
    {.accepts = ACCEPT_OBJECT, .object = 8, .expected = 4}, /* 15: object */
    {.accepts = ACCEPT_OBJECT, .expected = 4}, /* 16: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 5, .expected = 1059}, /* 17: "chat.completion" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 4, .first_value = 6, .expected = 1077}, /* 18: "system" | "user" | "assistant" | "tool" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 10, .expected = 1118}, /* 19: "text" | "image_url" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 3, .first_value = 12, .expected = 1139}, /* 20: "auto" | "low" | "high" */
    {.accepts = ACCEPT_OBJECT, .object = 11, .expected = 4}, /* 21: object */
    {.accepts = ACCEPT_OBJECT, .object = 12, .expected = 4}, /* 22: object */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING | ACCEPT_ARRAY, .items = 23, .expected = 1163}, /* 23: string or array or null */
    {.accepts = ACCEPT_OBJECT, .object = 13, .expected = 4}, /* 24: object */
    {.accepts = ACCEPT_OBJECT, .object = 14, .expected = 4}, /* 25: object */
    {.accepts = ACCEPT_ARRAY, .items = 26, .expected = 994}, /* 26: array */
    {.accepts = ACCEPT_OBJECT, .object = 15, .expected = 4}, /* 27: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 4, .first_value = 15, .extra = 2, .expected = 1187}, /* 28: "stop" | "length" | "tool_calls" | "content_filter" */
    {.accepts = ACCEPT_OBJECT, .object = 16, .expected = 4}, /* 29: object */
    {.accepts = ACCEPT_ARRAY, .items = 30, .expected = 994}, /* 30: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 19, .expected = 1239}, /* 31: "chat.completion.chunk" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 3, .first_value = 6, .expected = 1263}, /* 32: "system" | "user" | "assistant" */
    {.accepts = ACCEPT_OBJECT, .object = 18, .expected = 4}, /* 33: object */
    {.accepts = ACCEPT_OBJECT, .object = 19, .expected = 4}, /* 34: object */
    {.accepts = ACCEPT_ARRAY, .items = 35, .expected = 994}, /* 35: array */
    {.accepts = ACCEPT_OBJECT, .object = 20, .expected = 4}, /* 36: object */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 4, .first_value = 15, .extra = 3, .expected = 1295}, /* 37: "stop" | "length" | "tool_calls" | "content_filter" | null */
    {.accepts = ACCEPT_OBJECT, .object = 21, .expected = 4}, /* 38: object */
    {.accepts = ACCEPT_ARRAY, .items = 39, .expected = 994}, /* 39: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 1, .expected = 1354}, /* 40: "text_completion" */
    {.accepts = ACCEPT_ARRAY, .items = 3, .expected = 994}, /* 41: array */
    {.accepts = ACCEPT_NULL | ACCEPT_NUMBER, .expected = 1372}, /* 42: number or null */
    {.accepts = ACCEPT_ARRAY, .items = 43, .expected = 994}, /* 43: array */
    {.accepts = ACCEPT_ARRAY, .items = 1, .expected = 994}, /* 44: array */
    {.accepts = ACCEPT_NUMBER, .expected = 1387}, /* 45: number */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 23, .expected = 942}, /* 46: object or null */
    {.accepts = ACCEPT_ARRAY, .items = 47, .expected = 994}, /* 47: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 24, .expected = 942}, /* 48: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 25, .expected = 4}, /* 49: object */
    {.accepts = ACCEPT_ARRAY, .items = 50, .expected = 994}, /* 50: array */
    {.accepts = ACCEPT_OBJECT, .object = 26, .expected = 4}, /* 51: object */
    {.accepts = ACCEPT_OBJECT, .object = 27, .expected = 4}, /* 52: object */
    {.accepts = ACCEPT_OBJECT, .object = 28, .expected = 4}, /* 53: object */
    {.accepts = ACCEPT_OBJECT, .object = 30, .expected = 4}, /* 54: object */
    {.accepts = ACCEPT_ARRAY, .items = 55, .expected = 994}, /* 55: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 28, .expected = 942}, /* 56: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 32, .expected = 4}, /* 57: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 8, .expected = 1394}, /* 58: "assistant" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 20, .expected = 1406}, /* 59: "function" | "custom" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 20, .expected = 1428}, /* 60: "function" */
    {.accepts = ACCEPT_OBJECT, .object = 34, .expected = 4}, /* 61: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 21, .expected = 1439}, /* 62: "custom" */
    {.accepts = ACCEPT_OBJECT, .object = 35, .expected = 4}, /* 63: object */
    {.accepts = ACCEPT_OBJECT, .object = 36, .extra = 4, .expected = 4}, /* 64: object (ChatCompletionMessageToolCall | ChatCompletionMessageCustomToolCall) */
    {.accepts = ACCEPT_ARRAY, .items = 65, .expected = 994}, /* 65: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 22, .expected = 1448}, /* 66: "url_citation" */
    {.accepts = ACCEPT_OBJECT, .object = 38, .expected = 4}, /* 67: object */
    {.accepts = ACCEPT_OBJECT, .object = 39, .expected = 4}, /* 68: object */
    {.accepts = ACCEPT_ARRAY, .items = 69, .expected = 994}, /* 69: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 40, .expected = 942}, /* 70: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 41, .expected = 4}, /* 71: object */
    {.accepts = ACCEPT_OBJECT, .object = 42, .expected = 4}, /* 72: object */
    {.accepts = ACCEPT_NULL | ACCEPT_ARRAY, .items = 3, .expected = 1463}, /* 73: array or null */
    {.accepts = ACCEPT_OBJECT, .object = 43, .expected = 4}, /* 74: object */
    {.accepts = ACCEPT_ARRAY, .items = 75, .expected = 994}, /* 75: array */
    {.accepts = ACCEPT_OBJECT, .object = 44, .expected = 4}, /* 76: object */
    {.accepts = ACCEPT_NULL | ACCEPT_ARRAY, .items = 77, .expected = 1463}, /* 77: array or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 45, .expected = 942}, /* 78: object or null */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 5, .first_value = 23, .extra = 2, .expected = 1477}, /* 79: "stop" | "length" | "tool_calls" | "content_filter" | "function_call" */
    {.accepts = ACCEPT_OBJECT, .object = 46, .expected = 4}, /* 80: object */
    {.accepts = ACCEPT_ARRAY, .items = 81, .expected = 994}, /* 81: array */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 6, .first_value = 28, .expected = 1547}, /* 82: "auto" | "default" | "flex" | "scale" | "priority" | "fast" | null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 47, .expected = 942}, /* 83: object or null */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 34, .expected = 1614}, /* 84: "moderation_results" | "error" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 34, .expected = 1645}, /* 85: "moderation_results" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 36, .expected = 1666}, /* 86: "moderation_result" */
    {.accepts = ACCEPT_BOOLEAN, .expected = 1686}, /* 87: boolean */
    {.accepts = ACCEPT_OBJECT, .object = 48, .expected = 4}, /* 88: object */
    {.accepts = ACCEPT_OBJECT, .object = 23, .expected = 4}, /* 89: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 37, .expected = 1694}, /* 90: "text" | "image" */
    {.accepts = ACCEPT_ARRAY, .items = 91, .expected = 994}, /* 91: array */
    {.accepts = ACCEPT_OBJECT, .object = 49, .expected = 4}, /* 92: object */
    {.accepts = ACCEPT_OBJECT, .object = 50, .expected = 4}, /* 93: object */
    {.accepts = ACCEPT_ARRAY, .items = 94, .expected = 994}, /* 94: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 35, .expected = 1711}, /* 95: "error" */
    {.accepts = ACCEPT_OBJECT, .object = 51, .extra = 5, .expected = 4}, /* 96: object (ModerationResults | ModerationError) */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 53, .expected = 942}, /* 97: object or null */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 5, .first_value = 39, .expected = 1719}, /* 98: "developer" | "system" | "user" | "assistant" | "tool" */
    {.accepts = ACCEPT_OBJECT, .object = 55, .expected = 4}, /* 99: object */
    {.accepts = ACCEPT_ARRAY, .items = 100, .expected = 994}, /* 100: array */
    {.accepts = ACCEPT_OBJECT, .object = 56, .expected = 4}, /* 101: object */
    {.accepts = ACCEPT_OBJECT, .object = 57, .expected = 4}, /* 102: object */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 58, .expected = 942}, /* 103: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING, .values_kind = VALUES_ENUM, .value_count = 5, .first_value = 23, .extra = 3, .expected = 1774}, /* 104: "stop" | "length" | "tool_calls" | "content_filter" | "function_call" | null */
    {.accepts = ACCEPT_OBJECT, .object = 59, .expected = 4}, /* 105: object */
    {.accepts = ACCEPT_ARRAY, .items = 106, .expected = 994}, /* 106: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 44, .expected = 1851}, /* 107: "text_completion" | "completion" */
    {.accepts = ACCEPT_ANY, .expected = 1884}, /* 108: any JSON value */
    {.accepts = ACCEPT_OBJECT, .object = 61, .expected = 4}, /* 109: object */
    {.accepts = ACCEPT_ARRAY, .items = 110, .expected = 994}, /* 110: array */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 26, .expected = 942}, /* 111: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 27, .expected = 942}, /* 112: object or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 62, .expected = 942}, /* 113: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 64, .expected = 4}, /* 114: object */
    {.accepts = ACCEPT_ARRAY, .items = 115, .expected = 994}, /* 115: array */
    {.accepts = ACCEPT_NULL | ACCEPT_INTEGER | ACCEPT_STRING, .expected = 1899}, /* 116: string or integer or null */
    {.accepts = ACCEPT_OBJECT, .object = 66, .expected = 4}, /* 117: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 46, .expected = 1925}, /* 118: "chat.completion" | "text_completion" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 3, .first_value = 48, .expected = 1963}, /* 119: "text" | "image_url" | "thinking" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 10, .expected = 1997}, /* 120: "text" */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 11, .expected = 2004}, /* 121: "image_url" */
    {.accepts = ACCEPT_OBJECT, .object = 68, .expected = 4}, /* 122: object */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 1, .first_value = 50, .expected = 2016}, /* 123: "thinking" */
    {.accepts = ACCEPT_OBJECT, .object = 69, .expected = 4}, /* 124: object */
    {.accepts = ACCEPT_ARRAY, .items = 125, .expected = 994}, /* 125: array */
    {.accepts = ACCEPT_OBJECT, .object = 70, .extra = 6, .expected = 4}, /* 126: object (TextContentPart | ImageContentPart | ThinkingContentPart) */
    {.accepts = ACCEPT_NULL | ACCEPT_STRING | ACCEPT_ARRAY, .items = 127, .expected = 1163}, /* 127: string or array or null */
    {.accepts = ACCEPT_NULL | ACCEPT_ARRAY, .items = 65, .expected = 1463}, /* 128: array or null */
    {.accepts = ACCEPT_NULL | ACCEPT_ARRAY, .items = 69, .expected = 1463}, /* 129: array or null */
    {.accepts = ACCEPT_NULL | ACCEPT_OBJECT, .object = 41, .expected = 942}, /* 130: object or null */
    {.accepts = ACCEPT_OBJECT, .object = 73, .expected = 4}, /* 131: object */
    {.accepts = ACCEPT_OBJECT, .object = 74, .expected = 4}, /* 132: object */
    {.accepts = ACCEPT_ARRAY, .items = 133, .expected = 994}, /* 133: array */
    {.accepts = ACCEPT_ARRAY, .items = 17, .expected = 994}, /* 134: array */
    {.accepts = ACCEPT_STRING, .values_kind = VALUES_LITERAL, .value_count = 2, .first_value = 51, .expected = 2027}, /* 135: "chat.completion.chunk" | "" */
    {.accepts = ACCEPT_OBJECT, .object = 76, .expected = 4}, /* 136: object */
    {.accepts = ACCEPT_OBJECT, .object = 77, .expected = 4}, /* 137: object */
    {.accepts = ACCEPT_NULL | ACCEPT_ARRAY, .items = 138, .expected = 1463}, /* 138: array or null */
    {.accepts = ACCEPT_OBJECT, .object = 78, .expected = 4}, /* 139: object */
    {.accepts = ACCEPT_OBJECT, .object = 79, .expected = 4}, /* 140: object */
    {.accepts = ACCEPT_ARRAY, .items = 141, .expected = 994}, /* 141: array */
};

const cw_type_extra cw_type_extras[] = {
    {.hint_value = 1, .hint = 873},
    {.expected_open = 853},
    {.expected_open = 1044},
    {.discriminator = 60},
    {.discriminator = 85},
    {.discriminator = 120},
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
    {.key = CW_KEY_URL, .required = 1},
    {.key = CW_KEY_DETAIL, .type = 20},
    {.key = CW_KEY_TYPE, .required = 1, .type = 19},
    {.key = CW_KEY_TEXT},
    {.key = CW_KEY_IMAGE_URL, .type = 21},
    {.key = CW_KEY_NAME, .required = 1},
    {.key = CW_KEY_ARGUMENTS},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_TYPE, .required = 1},
    {.key = CW_KEY_FUNCTION, .required = 1, .type = 24},
    {.key = CW_KEY_ROLE, .required = 1, .type = 18},
    {.key = CW_KEY_CONTENT, .type = 23},
    {.key = CW_KEY_NAME},
    {.key = CW_KEY_REASONING_CONTENT},
    {.key = CW_KEY_TOOL_CALLS, .type = 26},
    {.key = CW_KEY_TOOL_CALL_ID},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_MESSAGE, .required = 1, .type = 27},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 28},
    {.key = CW_KEY_LOGPROBS, .type = 3},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 17},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 30},
    {.key = CW_KEY_USAGE, .type = 9},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_NAME},
    {.key = CW_KEY_ARGUMENTS},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_ID},
    {.key = CW_KEY_TYPE},
    {.key = CW_KEY_FUNCTION, .type = 33},
    {.key = CW_KEY_ROLE, .type = 32},
    {.key = CW_KEY_CONTENT, .type = 14},
    {.key = CW_KEY_TOOL_CALLS, .type = 35},
    {.key = CW_KEY_REASONING_CONTENT},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_DELTA, .required = 1, .type = 36},
    {.key = CW_KEY_FINISH_REASON, .type = 37},
    {.key = CW_KEY_LOGPROBS, .type = 3},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 31},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 39},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 13},
    {.key = CW_KEY_TEXT_OFFSET, .type = 41},
    {.key = CW_KEY_TOKEN_LOGPROBS, .type = 43},
    {.key = CW_KEY_TOKENS, .type = 44},
    {.key = CW_KEY_TOP_LOGPROBS, .type = 47},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .required = 1, .type = 48},
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
    {.key = CW_KEY_PROMPT_TOKENS_DETAILS, .type = 51},
    {.key = CW_KEY_COMPLETION_TOKENS_DETAILS, .type = 52},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 40},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 50},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 53},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .required = 1, .type = 48},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 10},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 40},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 55},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 56},
    {.key = CW_KEY_CODE, .required = 1, .type = 14},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_PARAM, .required = 1, .type = 14},
    {.key = CW_KEY_TYPE, .required = 1},
    {.key = CW_KEY_ERROR, .required = 1, .type = 57},
    {.key = CW_KEY_NAME, .required = 1},
    {.key = CW_KEY_ARGUMENTS, .required = 1},
    {.key = CW_KEY_NAME, .required = 1},
    {.key = CW_KEY_INPUT, .required = 1},
    {.key = CW_KEY_TYPE, .required = 1, .type = 60},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_FUNCTION, .required = 1, .type = 61},
    {.key = CW_KEY_TYPE, .required = 1, .type = 62},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_CUSTOM, .required = 1, .type = 63},
    {.key = CW_KEY_END_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_START_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_URL, .required = 1},
    {.key = CW_KEY_TITLE, .required = 1},
    {.key = CW_KEY_TYPE, .required = 1, .type = 66},
    {.key = CW_KEY_URL_CITATION, .required = 1, .type = 67},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_EXPIRES_AT, .required = 1, .type = 2},
    {.key = CW_KEY_DATA, .required = 1},
    {.key = CW_KEY_TRANSCRIPT, .required = 1},
    {.key = CW_KEY_ARGUMENTS, .required = 1},
    {.key = CW_KEY_NAME, .required = 1},
    {.key = CW_KEY_ROLE, .required = 1, .type = 58},
    {.key = CW_KEY_CONTENT, .required = 1, .type = 14},
    {.key = CW_KEY_REFUSAL, .type = 14},
    {.key = CW_KEY_TOOL_CALLS, .type = 65},
    {.key = CW_KEY_ANNOTATIONS, .type = 69},
    {.key = CW_KEY_AUDIO, .type = 70},
    {.key = CW_KEY_FUNCTION_CALL, .type = 71},
    {.key = CW_KEY_TOKEN, .required = 1},
    {.key = CW_KEY_LOGPROB, .required = 1, .type = 45},
    {.key = CW_KEY_BYTES, .required = 1, .type = 73},
    {.key = CW_KEY_TOKEN, .required = 1},
    {.key = CW_KEY_LOGPROB, .required = 1, .type = 45},
    {.key = CW_KEY_BYTES, .required = 1, .type = 73},
    {.key = CW_KEY_TOP_LOGPROBS, .required = 1, .type = 75},
    {.key = CW_KEY_CONTENT, .required = 1, .type = 77},
    {.key = CW_KEY_REFUSAL, .type = 77},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_MESSAGE, .required = 1, .type = 72},
    {.key = CW_KEY_LOGPROBS, .type = 78},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 79},
    {.key = CW_KEY_TYPE, .required = 1, .type = 86},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_FLAGGED, .required = 1, .type = 87},
    {.key = CW_KEY_CATEGORIES, .required = 1, .type = 88},
    {.key = CW_KEY_CATEGORY_SCORES, .required = 1, .type = 89},
    {.key = CW_KEY_CATEGORY_APPLIED_INPUT_TYPES, .required = 1, .type = 92},
    {.key = CW_KEY_TYPE, .required = 1, .type = 85},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_RESULTS, .required = 1, .type = 94},
    {.key = CW_KEY_TYPE, .required = 1, .type = 95},
    {.key = CW_KEY_CODE, .required = 1},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_INPUT, .required = 1, .type = 96},
    {.key = CW_KEY_OUTPUT, .required = 1, .type = 96},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 17},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 81},
    {.key = CW_KEY_SERVICE_TIER, .type = 82},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 53},
    {.key = CW_KEY_METADATA, .type = 83},
    {.key = CW_KEY_MODERATION, .type = 97},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_ID},
    {.key = CW_KEY_TYPE, .type = 60},
    {.key = CW_KEY_FUNCTION, .type = 33},
    {.key = CW_KEY_ARGUMENTS},
    {.key = CW_KEY_NAME},
    {.key = CW_KEY_ROLE, .type = 98},
    {.key = CW_KEY_CONTENT, .type = 14},
    {.key = CW_KEY_REFUSAL, .type = 14},
    {.key = CW_KEY_TOOL_CALLS, .type = 100},
    {.key = CW_KEY_FUNCTION_CALL, .type = 101},
    {.key = CW_KEY_CONTENT, .required = 1, .type = 77},
    {.key = CW_KEY_REFUSAL, .required = 1, .type = 77},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_DELTA, .required = 1, .type = 102},
    {.key = CW_KEY_LOGPROBS, .type = 103},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 104},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 31},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 106},
    {.key = CW_KEY_SERVICE_TIER, .type = 82},
    {.key = CW_KEY_SYSTEM_FINGERPRINT},
    {.key = CW_KEY_USAGE, .type = 56},
    {.key = CW_KEY_OBFUSCATION},
    {.key = CW_KEY_MODERATION, .type = 97},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 108},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 14},
    {.key = CW_KEY_PROMPT_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_COMPLETION_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_TOTAL_TOKENS, .required = 1, .type = 2},
    {.key = CW_KEY_PROMPT_TOKENS_DETAILS, .type = 111},
    {.key = CW_KEY_COMPLETION_TOKENS_DETAILS, .type = 112},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 107},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 110},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 113},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_LOGPROBS, .type = 108},
    {.key = CW_KEY_FINISH_REASON, .type = 14},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 107},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 8, .type = 115},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 113},
    {.key = CW_KEY_CODE, .type = 116},
    {.key = CW_KEY_MESSAGE, .required = 1},
    {.key = CW_KEY_PARAM, .type = 14},
    {.key = CW_KEY_TYPE, .type = 14},
    {.key = CW_KEY_ERROR, .required = 1, .type = 117},
    {.key = CW_KEY_URL, .required = 1},
    {.key = CW_KEY_DETAIL},
    {.key = CW_KEY_TYPE, .required = 1, .type = 120},
    {.key = CW_KEY_TEXT, .required = 1},
    {.key = CW_KEY_TYPE, .required = 1, .type = 121},
    {.key = CW_KEY_IMAGE_URL, .required = 1, .type = 122},
    {.key = CW_KEY_TYPE, .required = 1, .type = 123},
    {.key = CW_KEY_THINKING, .required = 1, .type = 125},
    {.key = CW_KEY_CLOSED, .type = 87},
    {.key = CW_KEY_ROLE, .required = 1},
    {.key = CW_KEY_CONTENT, .type = 127},
    {.key = CW_KEY_REFUSAL, .type = 14},
    {.key = CW_KEY_TOOL_CALLS, .type = 128},
    {.key = CW_KEY_ANNOTATIONS, .type = 129},
    {.key = CW_KEY_AUDIO, .type = 70},
    {.key = CW_KEY_FUNCTION_CALL, .type = 130},
    {.key = CW_KEY_REASONING_CONTENT, .type = 14},
    {.key = CW_KEY_REASONING, .type = 14},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_MESSAGE, .required = 1, .type = 131},
    {.key = CW_KEY_LOGPROBS, .type = 78},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 14},
    {.key = CW_KEY_CONTENT_FILTER_RESULTS, .type = 16},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 118},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 133},
    {.key = CW_KEY_SERVICE_TIER, .type = 14},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 113},
    {.key = CW_KEY_METADATA, .type = 83},
    {.key = CW_KEY_MODERATION, .type = 97},
    {.key = CW_KEY_PROMPT_FILTER_RESULTS, .type = 134},
    {.key = CW_KEY_NAME, .type = 14},
    {.key = CW_KEY_ARGUMENTS},
    {.key = CW_KEY_INDEX, .type = 2},
    {.key = CW_KEY_ID},
    {.key = CW_KEY_TYPE, .type = 60},
    {.key = CW_KEY_FUNCTION, .type = 136},
    {.key = CW_KEY_ROLE},
    {.key = CW_KEY_CONTENT, .type = 127},
    {.key = CW_KEY_REFUSAL, .type = 14},
    {.key = CW_KEY_TOOL_CALLS, .type = 138},
    {.key = CW_KEY_FUNCTION_CALL, .type = 101},
    {.key = CW_KEY_REASONING_CONTENT, .type = 14},
    {.key = CW_KEY_REASONING, .type = 14},
    {.key = CW_KEY_INDEX, .required = 1, .type = 2},
    {.key = CW_KEY_DELTA, .required = 1, .type = 139},
    {.key = CW_KEY_LOGPROBS, .type = 103},
    {.key = CW_KEY_FINISH_REASON, .required = 1, .type = 14},
    {.key = CW_KEY_CONTENT_FILTER_RESULTS, .type = 16},
    {.key = CW_KEY_ID, .required = 1},
    {.key = CW_KEY_OBJECT, .required = 1, .type = 135},
    {.key = CW_KEY_CREATED, .required = 1, .type = 2},
    {.key = CW_KEY_MODEL, .required = 1},
    {.key = CW_KEY_CHOICES, .required = 1, .type = 141},
    {.key = CW_KEY_SERVICE_TIER, .type = 14},
    {.key = CW_KEY_SYSTEM_FINGERPRINT, .type = 14},
    {.key = CW_KEY_USAGE, .type = 113},
    {.key = CW_KEY_OBFUSCATION},
    {.key = CW_KEY_MODERATION, .type = 97},
    {.key = CW_KEY_PROMPT_FILTER_RESULTS, .type = 134},
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
    {.first_field = 40, .count = 2}, /* 10: url, detail */
    {.first_field = 42, .count = 3}, /* 11: type, text, image_url */
    {.first_field = 45, .count = 2}, /* 12: name, arguments */
    {.first_field = 47, .count = 3}, /* 13: id, type, function */
    {.first_field = 50, .count = 6}, /* 14: role, content, name, reasoning_content, tool_calls, tool_call_id */
    {.first_field = 56, .count = 4}, /* 15: index, message, finish_reason, logprobs */
    {.first_field = 60, .count = 7}, /* 16: id, object, created, model, choices, usage, system_fingerprint */
    {.first_field = 67, .count = 2}, /* 17: name, arguments */
    {.first_field = 69, .count = 4}, /* 18: index, id, type, function */
    {.first_field = 73, .count = 4}, /* 19: role, content, tool_calls, reasoning_content */
    {.first_field = 77, .count = 4}, /* 20: index, delta, finish_reason, logprobs */
    {.first_field = 81, .count = 7}, /* 21: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 88, .members = 46}, /* 22: a map */
    {.first_field = 88, .count = 4}, /* 23: text_offset, token_logprobs, tokens, top_logprobs */
    {.first_field = 92, .count = 4}, /* 24: text, index, logprobs, finish_reason */
    {.first_field = 96, .count = 5}, /* 25: audio_tokens, cached_tokens, text_tokens, image_tokens, cache_write_tokens */
    {.first_field = 101, .count = 5}, /* 26: accepted_prediction_tokens, audio_tokens, reasoning_tokens, text_tokens, rejected_prediction_tokens */
    {.first_field = 106, .count = 5}, /* 27: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {.first_field = 111, .count = 7}, /* 28: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 118, .count = 4}, /* 29: text, index, logprobs, finish_reason */
    {.first_field = 122, .count = 7}, /* 30: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 129, .count = 4}, /* 31: code, message, param, type */
    {.first_field = 133, .count = 1}, /* 32: error */
    {.first_field = 134, .count = 2}, /* 33: name, arguments */
    {.first_field = 136, .count = 2}, /* 34: name, input */
    {.first_field = 138, .count = 3}, /* 35: ChatCompletionMessageToolCall, variant 0 of openai ChatCompletionMessage.tool_calls[] */
    {.first_field = 141, .count = 3}, /* 36: ChatCompletionMessageCustomToolCall, variant 1 of openai ChatCompletionMessage.tool_calls[] */
    {.first_field = 144, .count = 4}, /* 37: end_index, start_index, url, title */
    {.first_field = 148, .count = 2}, /* 38: type, url_citation */
    {.first_field = 150, .count = 4}, /* 39: id, expires_at, data, transcript */
    {.first_field = 154, .count = 2}, /* 40: arguments, name */
    {.first_field = 156, .count = 7}, /* 41: role, content, refusal, tool_calls, annotations, audio, function_call */
    {.first_field = 163, .count = 3}, /* 42: token, logprob, bytes */
    {.first_field = 166, .count = 4}, /* 43: token, logprob, bytes, top_logprobs */
    {.first_field = 170, .count = 2}, /* 44: content, refusal */
    {.first_field = 172, .count = 4}, /* 45: index, message, logprobs, finish_reason */
    {.first_field = 176, .members = 1}, /* 46: a map */
    {.first_field = 176, .members = 88}, /* 47: a map */
    {.first_field = 176, .members = 92}, /* 48: a map */
    {.first_field = 176, .count = 6}, /* 49: type, model, flagged, categories, category_scores, category_applied_input_types */
    {.first_field = 182, .count = 3}, /* 50: ModerationResults, variant 0 of openai ChatCompletionModeration.input */
    {.first_field = 185, .count = 3}, /* 51: ModerationError, variant 1 of openai ChatCompletionModeration.input */
    {.first_field = 188, .count = 2}, /* 52: input, output */
    {.first_field = 190, .count = 10}, /* 53: id, object, created, model, choices, service_tier, system_fingerprint, usage, metadata, moderation */
    {.first_field = 200, .count = 4}, /* 54: index, id, type, function */
    {.first_field = 204, .count = 2}, /* 55: arguments, name */
    {.first_field = 206, .count = 5}, /* 56: role, content, refusal, tool_calls, function_call */
    {.first_field = 211, .count = 2}, /* 57: content, refusal */
    {.first_field = 213, .count = 4}, /* 58: index, delta, logprobs, finish_reason */
    {.first_field = 217, .count = 10}, /* 59: id, object, created, model, choices, service_tier, system_fingerprint, usage, obfuscation, moderation */
    {.first_field = 227, .count = 4}, /* 60: text, index, logprobs, finish_reason */
    {.first_field = 231, .count = 5}, /* 61: prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details, completion_tokens_details */
    {.first_field = 236, .count = 7}, /* 62: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 243, .count = 4}, /* 63: text, index, logprobs, finish_reason */
    {.first_field = 247, .count = 7}, /* 64: id, object, created, model, choices, system_fingerprint, usage */
    {.first_field = 254, .count = 4}, /* 65: code, message, param, type */
    {.first_field = 258, .count = 1}, /* 66: error */
    {.first_field = 259, .count = 2}, /* 67: url, detail */
    {.first_field = 261, .count = 2}, /* 68: type, text */
    {.first_field = 261, .count = 2}, /* 69: TextContentPart, variant 0 of openai-compatible ChatCompletionMessage.content[] */
    {.first_field = 263, .count = 2}, /* 70: ImageContentPart, variant 1 of openai-compatible ChatCompletionMessage.content[] */
    {.first_field = 265, .count = 3}, /* 71: ThinkingContentPart, variant 2 of openai-compatible ChatCompletionMessage.content[] */
    {.first_field = 268, .count = 9}, /* 72: role, content, refusal, tool_calls, annotations, audio, function_call, reasoning_content, reasoning */
    {.first_field = 277, .count = 5}, /* 73: index, message, logprobs, finish_reason, content_filter_results */
    {.first_field = 282, .count = 11}, /* 74: id, object, created, model, choices, service_tier, system_fingerprint, usage, metadata, moderation, prompt_filter_results */
    {.first_field = 293, .count = 2}, /* 75: name, arguments */
    {.first_field = 295, .count = 4}, /* 76: index, id, type, function */
    {.first_field = 299, .count = 7}, /* 77: role, content, refusal, tool_calls, function_call, reasoning_content, reasoning */
    {.first_field = 306, .count = 5}, /* 78: index, delta, logprobs, finish_reason, content_filter_results */
    {.first_field = 311, .count = 11}, /* 79: id, object, created, model, choices, service_tier, system_fingerprint, usage, obfuscation, moderation, prompt_filter_results */
};

const struct cw_profile_documents cw_profiles[CW_PROFILE_COUNT] = {
    {.object = {4, 6, 8, 9, 16, 21}}, /* r9s: response, streamEvent, error, anyError, chatResponse, chatChunk */
    {.object = {28, 30, 32, 9, 53, 59}}, /* openai: response, streamEvent, error, anyError, chatResponse, chatChunk */
    {.object = {62, 64, 66, 9, 74, 79}}, /* openai-compatible: response, streamEvent, error, anyError, chatResponse, chatChunk */
};
