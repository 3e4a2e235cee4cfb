/*
 * completion.h: strict validation of an OpenAI-style CompletionResponse.
 *
 * One call checks one JSON document against a profile's CompletionResponse
 * (r9s by default; OpenAI's contract or the leniencies of OpenAI-compatible
 * servers with a CW_PROFILE_ flag, see src/schema.yaml) or its stream event,
 * error body, /chat/completions body or chunk (a CW_SCHEMA_ flag), and returns every issue found, each with
 * a stable code, a path, the byte offset and line/column of the value. On
 * request it also writes a "tape": a flat, word-sized description of the
 * validated object that a caller (our JS layer) turns into objects without
 * parsing JSON again.
 *
 * Memory: all per-call memory (cJSON's tree, scratch tables) comes from an
 * arena that is released before cw_check returns. The cw_result a call
 * returns, with its issues, paths and texts, lives in the context and stays
 * valid until the next call on the same context or cw_context_free. Tape
 * strings are offsets into the caller's input (strings without escapes) or
 * into cw_result.strings, so the input must stay alive while the tape is read.
 * Issue texts (received_text, path keys) are copies owned by the context.
 *
 * Threads: a context must not be used by two threads at once; different
 * contexts may be used in parallel (the arena cJSON allocates from is
 * thread-local).
 */
#ifndef COMPLETION_H
#define COMPLETION_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Issue codes (cw_code), option flags (CW_UNKNOWN_KEEP, ..., the CW_SCHEMA_
 * document and the CW_PROFILE_ contract), the options' defaults and the
 * schemas' field names (cw_key): generated from src/schema.yaml. */
#include "completion_names.h"

#define CW_MAX_INPUT ((size_t)0x1fffffff) /* inputs of 512 MiB or more are too_large whatever max_bytes says */

typedef struct cw_options {
    size_t max_bytes;    /* 0 means CW_DEFAULT_MAX_BYTES */
    uint32_t max_depth;  /* 0 means CW_DEFAULT_MAX_DEPTH */
    uint32_t max_issues; /* 0 means CW_DEFAULT_MAX_ISSUES */
    uint32_t flags;
} cw_options;

/* A path segment: a member name (known schema key or any other) or an array index. */
typedef enum cw_segment_kind { CW_SEG_INDEX = 0, CW_SEG_KEY = 1 } cw_segment_kind;

typedef struct cw_segment {
    uint32_t kind;   /* cw_segment_kind */
    uint32_t index;  /* CW_SEG_INDEX: the array index */
    const char *key; /* CW_SEG_KEY: decoded UTF-8, not NUL-terminated; may contain NUL */
    uint32_t key_length;
} cw_segment;

typedef struct cw_issue {
    uint32_t code;             /* cw_code */
    uint32_t offset;           /* byte offset of the offending value or byte */
    uint32_t line;             /* 1-based */
    uint32_t column;           /* 1-based, in UTF-16 code units */
    const char *expected;      /* static, NUL-terminated: what the schema wanted */
    const char *received;      /* static type name, or NULL when received_text is set */
    const char *received_text; /* not NUL-terminated: the decoded string (literal, enum, key), the
                                 number's source text, or the offending input bytes (JSON stage) */
    uint32_t received_length;
    const char *detail;     /* static, NUL-terminated: why (for syntax errors), or NULL */
    uint32_t path_length;   /* number of segments */
    const cw_segment *path; /* path_length segments, owned by the context */
} cw_issue;

typedef struct cw_result {
    uint32_t valid;       /* 1 when there are no issues */
    uint32_t issue_count; /* entries in issues, CW_TOO_MANY_ISSUES marker included */
    const cw_issue *issues;
    /* The tape (only with CW_WRITE_TAPE and valid == 1), see cw_tape_op. */
    const uint32_t *tape;
    uint32_t tape_length;  /* in words */
    const double *numbers; /* the tape's numbers, in the order CW_TAPE_NUMBER ops appear */
    uint32_t number_count;
    const char *strings;     /* decoded bytes of strings that had escapes */
    uint32_t issues_dropped; /* problems found beyond max_issues, not in issues */
} cw_result;

/*
 * Tape words. Each op is one word: the op in the low 8 bits, an operand in
 * the upper 24 bits. Strings are followed by two words, offset and byte
 * length, of their decoded UTF-8 bytes: in the input when operand bit 1 is
 * clear (the string had no escapes), else in cw_result.strings.
 *   OBJECT_BEGIN, OBJECT_END, ARRAY_BEGIN, ARRAY_END
 *   KEY_KNOWN  operand = cw_key id (a schema field; the reader picks the name style)
 *   KEY        + offset, length: any other member name, verbatim
 *   STRING     + offset, length
 *   NUMBER     next value of cw_result.numbers
 *   NUMBER_TEXT + offset, length of the number's source text in the input,
 *              for numbers a double holds only after rounding (more than
 *              2^53 as significand, or beyond 10^+-22): convert it exactly
 *              (strtod; JSON.parse in JS). Integer fields never need it.
 *   TRUE, FALSE, NULL
 * String operand bits: CW_TAPE_ASCII (all bytes < 0x80), CW_TAPE_IN_STRINGS.
 */
#define CW_TAPE_ASCII (1u << 8)
#define CW_TAPE_IN_STRINGS (2u << 8)
typedef enum cw_tape_op {
    CW_TAPE_OBJECT_BEGIN = 1,
    CW_TAPE_OBJECT_END,
    CW_TAPE_ARRAY_BEGIN,
    CW_TAPE_ARRAY_END,
    CW_TAPE_KEY_KNOWN,
    CW_TAPE_KEY,
    CW_TAPE_STRING,
    CW_TAPE_NUMBER,
    CW_TAPE_TRUE,
    CW_TAPE_FALSE,
    CW_TAPE_NULL,
    CW_TAPE_NUMBER_TEXT
} cw_tape_op;

typedef struct cw_context cw_context;

/* A new context, or NULL when out of memory. Free it with cw_context_free. */
cw_context *cw_context_new(void);
void cw_context_free(cw_context *context);

/*
 * Checks json[0..length) against the profile's CompletionResponse (or the
 * document a CW_SCHEMA_ flag names). options may be NULL for
 * the defaults. json may be NULL only when length is 0 or > max_bytes (the
 * caller asks for the too_large verdict without handing over the bytes). Returns
 * NULL when memory ran out (the context stays usable) or when the flags name
 * no profile (a CW_PROFILE_ number of CW_PROFILE_COUNT or more) or no document
 * (a CW_SCHEMA_ number of CW_DOCUMENT_COUNT or more).
 */
const cw_result *cw_check(cw_context *context, const uint8_t *json, size_t length, const cw_options *options);

/* "invalid_json", ... for a cw_code; "unknown" for anything else. Static. */
const char *cw_code_name(uint32_t code);
/* "id", "finish_reason", ... for a cw_key; NULL for anything else. Static. */
const char *cw_key_name(uint32_t key);

/*
 * Writes the issue's path as text ("choices[2].finish_reason", "" for the
 * root) into buffer, NUL-terminated and truncated to capacity. Returns the
 * length the full text needs, without the NUL (snprintf's convention).
 */
size_t cw_path_string(const cw_issue *issue, char *buffer, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* COMPLETION_H */
