/* completion_names.h: the public names and numbers of completion.h. Generated from src/schema.yaml by src/generate.js (npm run generate): do not edit. */
#ifndef COMPLETION_NAMES_H
#define COMPLETION_NAMES_H

/* Issue codes (src/schema.yaml says when each is reported). Values are stable: the JS layer and the tape depend on them. */
typedef enum cw_code {
    CW_INVALID_JSON = 1, /* the input is not one JSON text that JSON.parse accepts */
    CW_INVALID_UTF8, /* bytes that are not UTF-8, or a JS string with a lone surrogate */
    CW_INVALID_TYPE, /* a value of the wrong JSON type */
    CW_MISSING_FIELD, /* a required field is absent */
    CW_INVALID_LITERAL, /* object is not the profile's ("completion" for r9s), or another fixed string is none of its values (a chat role; a tool call's type, which chooses its object: expected names every type) */
    CW_INVALID_ENUM, /* finish_reason is not one of the profile's finish reasons (r9s, openai: stop, length, content_filter; in a chat body also tool_calls, and under openai function_call) */
    CW_NOT_INTEGER, /* an integer field holds a number that is not whole (1.5, 1e-400); 1.0 and 1e2 are whole */
    CW_UNSAFE_INTEGER, /* an integer beyond ±(2^53−1), which a JS number cannot hold exactly */
    CW_DUPLICATE_KEY, /* a key repeated in one object, anywhere in the document */
    CW_UNKNOWN_FIELD, /* a field the schema does not name, with unknownKeys: "reject" */
    CW_TOO_LARGE, /* longer than maxBytes */
    CW_TOO_DEEP, /* nesting deeper than maxDepth */
    CW_TOO_MANY_ISSUES, /* the last entry when more than maxIssues issues were found */
    CW_TRUNCATED_STREAM, /* (streams, reported by the JS layer) the body ended without the data: [DONE] event (or with it unfinished: no blank line after it) */
    CW_EVENT_TOO_LARGE, /* (streams, reported by the JS layer) one event grew past maxEventBytes; the rest of it was skipped */
} cw_code;

/* Option flags (cw_options.flags). */
enum {
    CW_UNKNOWN_KEEP = 0x1u,
    CW_UNKNOWN_REJECT = 0x2u,
    CW_OPEN_ENUMS = 0x4u,
    CW_WRITE_TAPE = 0x8u,
    /* The document to check (a number of the flags' CW_SCHEMA_MASK bits; the response, 0, is the default). */
    CW_SCHEMA_RESPONSE = 0u << 4, /* the /completions response body */
    CW_SCHEMA_STREAM_EVENT = 1u << 4, /* one event of a /completions stream */
    CW_SCHEMA_ERROR = 2u << 4, /* the profile's error body (the same at both endpoints; its contract is read from /completions') */
    CW_SCHEMA_ANY_ERROR = 3u << 4, /* any body whose "error" is an object, whatever the profile (anyError in schema.yaml) */
    CW_SCHEMA_CHAT_RESPONSE = 4u << 4, /* the /chat/completions response body (chat.completion) */
    CW_SCHEMA_CHAT_CHUNK = 5u << 4, /* one chunk of a /chat/completions stream (chat.completion.chunk) */
    CW_SCHEMA_MASK = 7u << 4,
    /* The profile (0, r9s, is the default). */
    CW_PROFILE_R9S = 0u << 7,
    CW_PROFILE_OPENAI = 1u << 7,
    CW_PROFILE_OPENAI_COMPATIBLE = 2u << 7,
    CW_PROFILE_MASK = 3u << 7
};
#define CW_SCHEMA_SHIFT 4
#define CW_DOCUMENT_COUNT 6
#define CW_PROFILE_SHIFT 7
#define CW_PROFILE_COUNT 3

#define CW_DEFAULT_MAX_BYTES ((size_t)67108864)
#define CW_DEFAULT_MAX_DEPTH 64u
#define CW_DEFAULT_MAX_ISSUES 100u
#define CW_MAX_DEPTH_LIMIT 1000u /* cJSON's own nesting limit; larger max_depth is clamped */
#define CW_DEFAULT_MAX_EVENT_BYTES ((size_t)8388608)

/* Field names of every profile's schemas, in the order of cw_key ids (see cw_key_name). */
typedef enum cw_key {
    CW_KEY_ID = 0,
    CW_KEY_OBJECT,
    CW_KEY_CREATED,
    CW_KEY_MODEL,
    CW_KEY_CHOICES,
    CW_KEY_USAGE,
    CW_KEY_TEXT,
    CW_KEY_INDEX,
    CW_KEY_LOGPROBS,
    CW_KEY_FINISH_REASON,
    CW_KEY_PROMPT_TOKENS,
    CW_KEY_COMPLETION_TOKENS,
    CW_KEY_TOTAL_TOKENS,
    CW_KEY_PROMPT_TOKENS_DETAILS,
    CW_KEY_COMPLETION_TOKENS_DETAILS,
    CW_KEY_CACHED_TOKENS,
    CW_KEY_AUDIO_TOKENS,
    CW_KEY_REASONING_TOKENS,
    CW_KEY_ACCEPTED_PREDICTION_TOKENS,
    CW_KEY_REJECTED_PREDICTION_TOKENS,
    CW_KEY_SYSTEM_FINGERPRINT,
    CW_KEY_OBFUSCATION,
    CW_KEY_ERROR,
    CW_KEY_STATUS,
    CW_KEY_MESSAGE,
    CW_KEY_TYPE,
    CW_KEY_CODE,
    CW_KEY_PARAM,
    CW_KEY_TEXT_OFFSET,
    CW_KEY_TOKEN_LOGPROBS,
    CW_KEY_TOKENS,
    CW_KEY_TOP_LOGPROBS,
    CW_KEY_TEXT_TOKENS,
    CW_KEY_IMAGE_TOKENS,
    CW_KEY_CACHE_WRITE_TOKENS,
    CW_KEY_ROLE,
    CW_KEY_CONTENT,
    CW_KEY_NAME,
    CW_KEY_REASONING_CONTENT,
    CW_KEY_TOOL_CALLS,
    CW_KEY_TOOL_CALL_ID,
    CW_KEY_IMAGE_URL,
    CW_KEY_URL,
    CW_KEY_DETAIL,
    CW_KEY_FUNCTION,
    CW_KEY_ARGUMENTS,
    CW_KEY_DELTA,
    CW_KEY_SERVICE_TIER,
    CW_KEY_METADATA,
    CW_KEY_MODERATION,
    CW_KEY_REFUSAL,
    CW_KEY_ANNOTATIONS,
    CW_KEY_AUDIO,
    CW_KEY_FUNCTION_CALL,
    CW_KEY_CUSTOM,
    CW_KEY_INPUT,
    CW_KEY_URL_CITATION,
    CW_KEY_END_INDEX,
    CW_KEY_START_INDEX,
    CW_KEY_TITLE,
    CW_KEY_EXPIRES_AT,
    CW_KEY_DATA,
    CW_KEY_TRANSCRIPT,
    CW_KEY_TOKEN,
    CW_KEY_LOGPROB,
    CW_KEY_BYTES,
    CW_KEY_OUTPUT,
    CW_KEY_RESULTS,
    CW_KEY_FLAGGED,
    CW_KEY_CATEGORIES,
    CW_KEY_CATEGORY_SCORES,
    CW_KEY_CATEGORY_APPLIED_INPUT_TYPES,
    CW_KEY_PROMPT_FILTER_RESULTS,
    CW_KEY_CONTENT_FILTER_RESULTS,
    CW_KEY_REASONING,
    CW_KEY_THINKING,
    CW_KEY_CLOSED,
    CW_KEY_COUNT
} cw_key;

#endif /* COMPLETION_NAMES_H */
