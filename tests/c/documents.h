/*
 * documents.h: the JSON documents the core's tests (tests/c/test_*.c) start
 * from, each named once here; tests/c/README.md says where every other test
 * input lives.
 *
 * Two kinds:
 * - constants, for inputs spelled out at compile time, templates with holes
 *   included (SPEC_PARTS, which test_strict_json.c fills with faults);
 * - builders that return a valid document with one member replaced or
 *   removed (response_with, choice_with, openai_with, ...), so a test names
 *   only the member it is about, and offset_of() (core_util.h) finds it.
 * A document that only one test reads stays in that test, beside what the
 * test expects of it.
 */
#ifndef DOCUMENTS_H
#define DOCUMENTS_H

/* The spec's example response (tests/fixtures/spec-example.json and
 * examples/valid.json, minified), with three holes for templates. */
#define SPEC_PARTS(id, created, after_choice) \
    "{\"id\":\"" id "\",\"object\":\"completion\",\"created\":" created ",\"model\":\"gpt-4o-mini\"," \
    "\"choices\":[{\"text\":\", there was a young programmer who loved to code.\",\"index\":0," \
    "\"logprobs\":null,\"finish_reason\":\"stop\"}" after_choice "]," \
    "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17}}"
#define SPEC_EXAMPLE SPEC_PARTS("cmpl-123", "1677652288", "")

/* The choice and the usage of the built responses below. */
#define VALID_CHOICE "{\"text\":\"hi\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}"
#define VALID_USAGE "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17}"

/* OpenAI's error body, as the profiles "openai" and "openai-compatible" accept it. */
#define OPENAI_ERROR "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":null}}"

/*
 * Builders. `value` is raw JSON text; NULL removes the member. Each returns
 * one of four rotating static buffers, so a test can hold a few built
 * documents at once (the fifth build reuses the first buffer).
 */

/* A valid response with one top-level member replaced or removed. */
const char *response_with(const char *key, const char *value);
/* A valid response whose only choice (VALID_CHOICE) has one member replaced or removed. */
const char *choice_with(const char *key, const char *value);

/* A response as OpenAI sends one ("text_completion", logprobs null, a system_fingerprint),
 * with one top-level member replaced or removed ("" changes nothing). */
const char *openai_with(const char *key, const char *value);
/* OpenAI's response whose only choice has one member replaced or removed. */
const char *openai_choice_with(const char *key, const char *value);
/* OpenAI's response whose usage has one member replaced or removed
 * (prompt_tokens_details and completion_tokens_details are absent unless set). */
const char *openai_usage_with(const char *key, const char *value);

#endif
