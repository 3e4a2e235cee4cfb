/*
 * test_chat.c: the /chat/completions documents through the C API
 * (CW_SCHEMA_CHAT_RESPONSE, CW_SCHEMA_CHAT_CHUNK): each profile's body and
 * chunk, the unions the walker tells apart by their discriminator (tool
 * calls, moderation results, content parts), and where their issues point.
 * Run by ctest as `chat`.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "completion.h"
#include "test_util.h"

static cw_context *ctx;

enum {
    R9S = CW_PROFILE_R9S,
    OPENAI = CW_PROFILE_OPENAI,
    COMPAT = CW_PROFILE_OPENAI_COMPATIBLE,
    BODY = CW_SCHEMA_CHAT_RESPONSE,
    CHUNK = CW_SCHEMA_CHAT_CHUNK
};

static const cw_result *run(const char *json, uint32_t flags) {
    cw_options o = {0, 0, 0, flags};
    return cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
}

static size_t offset_of(const char *json, const char *needle, size_t delta) {
    const char *at = strstr(json, needle);
    if (!CHECK(at != NULL)) return (size_t)-1;
    return (size_t)(at - json) + delta;
}

static const char *path_text(const cw_issue *issue) {
    static char buffer[512];
    cw_path_string(issue, buffer, sizeof buffer);
    return buffer;
}

static void dump_issues(const cw_result *r) {
    for (uint32_t i = 0; r && i < r->issue_count; i++)
        fprintf(stderr, "  issue %u: %s at %s (offset %u), expected %s\n", i, cw_code_name(r->issues[i].code),
                path_text(&r->issues[i]), r->issues[i].offset, r->issues[i].expected);
}

static void expect_valid(const cw_result *r) {
    if (!CHECK(r != NULL)) return;
    if (!CHECK_EQ_INT(r->valid, 1)) dump_issues(r);
}

/* The one issue of a result: its code, offset and path. */
static const cw_issue *expect_one(const cw_result *r, uint32_t code, size_t offset, const char *path) {
    if (!CHECK(r != NULL) || !CHECK_EQ_INT(r->issue_count, 1)) {
        dump_issues(r);
        return NULL;
    }
    const cw_issue *issue = &r->issues[0];
    CHECK_STR(cw_code_name(issue->code), cw_code_name(code));
    CHECK_EQ_INT(issue->offset, offset);
    CHECK_STR(path_text(issue), path);
    return issue;
}

#define HEAD "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
#define CHUNK_HEAD "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","

/* A body with one choice whose message is `message`. */
static const char *body_with(const char *message, const char *rest) {
    static char buffer[4096];
    snprintf(buffer, sizeof buffer,
             HEAD "\"choices\":[{\"index\":0,\"message\":%s,\"logprobs\":null,\"finish_reason\":\"stop\"}]%s}", message,
             rest);
    return buffer;
}

static void test_bodies_of_each_profile(void) {
    tu_set_case("bodies");
    const char *plain = body_with("{\"role\":\"assistant\",\"content\":\"Hi\",\"refusal\":null}", "");
    expect_valid(run(plain, R9S | BODY));
    expect_valid(run(plain, OPENAI | BODY | CW_UNKNOWN_REJECT));
    expect_valid(run(plain, COMPAT | BODY | CW_UNKNOWN_REJECT));
    /* r9s names no refusal: an unknown field, reported only when asked. */
    const cw_issue *issue = expect_one(run(plain, R9S | BODY | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD,
                                       offset_of(plain, "\"refusal\"", 0), "choices[0].message.refusal");
    /* A /completions response is no chat body: its object says so. */
    const char *completion =
        "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}";
    issue = expect_one(run(completion, OPENAI | BODY), CW_INVALID_LITERAL, offset_of(completion, "\"text_", 0),
                       "object");
    if (issue) CHECK_STR(issue->expected, "\"chat.completion\"");
    /* The finish reasons are each profile's enum, opened by CW_OPEN_ENUMS. */
    const char *function_call = HEAD "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},"
                                     "\"finish_reason\":\"function_call\"}]}";
    expect_valid(run(function_call, OPENAI | BODY));
    issue = expect_one(run(function_call, R9S | BODY), CW_INVALID_ENUM, offset_of(function_call, "\"function_call", 0),
                       "choices[0].finish_reason");
    if (issue) CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"tool_calls\" | \"content_filter\"");
    expect_valid(run(function_call, R9S | BODY | CW_OPEN_ENUMS));
}

static void test_tool_calls_by_type(void) {
    tu_set_case("tool calls");
    const char *calls = body_with(
        "{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":["
        "{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
        "{\"type\":\"custom\",\"id\":\"b\",\"custom\":{\"name\":\"g\",\"input\":\"x\"}}]}",
        "");
    expect_valid(run(calls, OPENAI | BODY | CW_UNKNOWN_REJECT));
    expect_valid(run(calls, COMPAT | BODY | CW_UNKNOWN_REJECT));

    /* An unknown type: invalid_literal at the type, naming both. */
    char json[4096];
    snprintf(
        json, sizeof json, "%s",
        body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"a\",\"type\":\"web\"}]}", ""));
    const cw_issue *issue = expect_one(run(json, OPENAI | BODY), CW_INVALID_LITERAL, offset_of(json, "\"web\"", 0),
                                       "choices[0].message.tool_calls[0].type");
    if (issue) {
        CHECK_STR(issue->expected, "\"function\" | \"custom\"");
        CHECK_MEM(issue->received_text, issue->received_length, "web", 3);
    }

    /* No type: missing_field at the object, as for any required field. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"a\"}]}", ""));
    issue = expect_one(run(json, OPENAI | BODY), CW_MISSING_FIELD, offset_of(json, "{\"id\":\"a\"", 0),
                       "choices[0].message.tool_calls[0].type");
    if (issue) CHECK_STR(issue->expected, "\"function\" | \"custom\"");

    /* A type that is no string. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":7,\"id\":\"a\"}]}", ""));
    issue = expect_one(run(json, OPENAI | BODY), CW_INVALID_TYPE, offset_of(json, "7,", 0),
                       "choices[0].message.tool_calls[0].type");
    if (issue) CHECK_STR(issue->received, "number");

    /* The type chooses the object: a custom call with a function's fields lacks custom. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"a\",\"type\":\"custom\","
                       "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}",
                       ""));
    expect_one(run(json, OPENAI | BODY), CW_MISSING_FIELD, offset_of(json, "{\"id\":\"a\"", 0),
               "choices[0].message.tool_calls[0].custom");

    /* An escaped key and value name the same type; "type\u0000" is another key. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"a\",\"\\u0074ype\":"
                       "\"cus\\u0074om\",\"custom\":{\"name\":\"g\",\"input\":\"x\"}}]}",
                       ""));
    expect_valid(run(json, OPENAI | BODY | CW_UNKNOWN_REJECT));
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"a\",\"type\\u0000\":"
                       "\"custom\",\"custom\":{\"name\":\"g\",\"input\":\"x\"}}]}",
                       ""));
    expect_one(run(json, OPENAI | BODY), CW_MISSING_FIELD, offset_of(json, "{\"id\":\"a\"", 0),
               "choices[0].message.tool_calls[0].type");

    /* A repeated type: the first chooses, the second is a duplicate key. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":\"custom\",\"id\":\"a\","
                       "\"custom\":{\"name\":\"g\",\"input\":\"x\"},\"type\":\"function\"}]}",
                       ""));
    expect_one(run(json, OPENAI | BODY), CW_DUPLICATE_KEY, offset_of(json, "\"type\":\"function\"", 0),
               "choices[0].message.tool_calls[0].type");

    /* An object no variant names is still read for its duplicate keys. */
    snprintf(json, sizeof json, "%s",
             body_with("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":\"x\",\"id\":\"a\","
                       "\"id\":\"b\"}]}",
                       ""));
    const cw_result *r = run(json, OPENAI | BODY);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 2)) {
        CHECK_EQ_INT(r->issues[0].code, CW_INVALID_LITERAL);
        CHECK_EQ_INT(r->issues[1].code, CW_DUPLICATE_KEY);
    }
}

static void test_moderation_and_content_parts(void) {
    tu_set_case("moderation and content parts");
    char json[4096];
    snprintf(
        json, sizeof json, "%s",
        body_with("{\"role\":\"assistant\",\"content\":\"x\",\"refusal\":null}",
                  ",\"moderation\":{\"input\":{\"type\":\"error\",\"code\":\"c\",\"message\":\"m\"},"
                  "\"output\":{\"type\":\"moderation_results\",\"model\":\"m\",\"results\":[{\"type\":"
                  "\"moderation_result\",\"model\":\"m\",\"flagged\":false,\"categories\":{\"hate\":false},"
                  "\"category_scores\":{\"hate\":0.01},\"category_applied_input_types\":{\"hate\":[\"text\"]}}]}}"));
    expect_valid(run(json, OPENAI | BODY | CW_UNKNOWN_REJECT));
    char *flagged = strstr(json, "false,\"categories");
    if (CHECK(flagged != NULL)) memcpy(flagged, "\"no\" ", 5);
    expect_one(run(json, OPENAI | BODY), CW_INVALID_TYPE, offset_of(json, "\"no\" ", 0),
               "moderation.output.results[0].flagged");

    /* Mistral's thinking parts: a list of parts under openai-compatible only. */
    const char *parts = "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\","
                        "\"text\":\"a\"}],\"closed\":true},{\"type\":\"text\",\"text\":\"391\"}]}";
    snprintf(json, sizeof json, "%s", body_with(parts, ""));
    expect_valid(run(json, COMPAT | BODY | CW_UNKNOWN_REJECT));
    const cw_issue *issue = expect_one(run(json, OPENAI | BODY), CW_INVALID_TYPE, offset_of(json, "[{\"type\":\"th", 0),
                                       "choices[0].message.content");
    if (issue) CHECK_STR(issue->expected, "string or null");
    char *kind = strstr(json, "\"text\",\"text\":\"391");
    if (CHECK(kind != NULL)) memcpy(kind, "\"txet\"", 6);
    issue = expect_one(run(json, COMPAT | BODY), CW_INVALID_LITERAL, offset_of(json, "\"txet\"", 0),
                       "choices[0].message.content[1].type");
    if (issue) CHECK_STR(issue->expected, "\"text\" | \"image_url\" | \"thinking\"");
}

static void test_chunks(void) {
    tu_set_case("chunks");
    /* OpenAI's stream: a tool call in pieces, finish_reason null until the last, usage null until the last. */
    const char *first = CHUNK_HEAD "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
                                   "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                                   "{\"name\":\"f\",\"arguments\":\"\"}}],\"refusal\":null},\"logprobs\":null,"
                                   "\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x\"}";
    const char *piece = CHUNK_HEAD
        "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
        "{\"arguments\":\"{}\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";
    const char *usage = CHUNK_HEAD "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
                                   "\"total_tokens\":3}}";
    const uint32_t profiles[] = {R9S, OPENAI, COMPAT};
    for (int p = 0; p < 3; p++) {
        expect_valid(run(first, profiles[p] | CHUNK));
        expect_valid(run(piece, profiles[p] | CHUNK));
        expect_valid(run(usage, profiles[p] | CHUNK));
    }
    /* A chunk is no body: its object says so first, then its delta in place of a message. */
    const cw_result *r = run(piece, OPENAI | BODY);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 4)) {
        CHECK_EQ_INT(r->issues[0].code, CW_INVALID_LITERAL);
        CHECK_STR(path_text(&r->issues[0]), "object");
        CHECK_EQ_INT(r->issues[1].code, CW_MISSING_FIELD);
        CHECK_STR(path_text(&r->issues[1]), "choices[0].message");
    }
    /* Under openai a piece needs its index; Gemini's OpenAI endpoint leaves it out (openai-compatible). */
    const char *no_index = CHUNK_HEAD "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"c\",\"type\":"
                                      "\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                                      "\"finish_reason\":null}]}";
    expect_one(run(no_index, OPENAI | CHUNK), CW_MISSING_FIELD, offset_of(no_index, "[{\"id\"", 1),
               "choices[0].delta.tool_calls[0].index");
    expect_valid(run(no_index, COMPAT | CHUNK));
    /* Azure's first chunk: an empty object, id and model, prompt_filter_results. */
    const char *azure = "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
                        "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}";
    expect_valid(run(azure, COMPAT | CHUNK | CW_UNKNOWN_REJECT));
    expect_one(run(azure, OPENAI | CHUNK), CW_INVALID_LITERAL, offset_of(azure, "\"\",\"prompt", 0), "object");
}

static void test_document_numbers(void) {
    tu_set_case("document numbers");
    CHECK_EQ_INT(CW_SCHEMA_CHAT_RESPONSE, 4u << CW_SCHEMA_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_CHAT_CHUNK, 5u << CW_SCHEMA_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_MASK & CW_PROFILE_MASK, 0);
    CHECK((CW_SCHEMA_MASK & CW_SCHEMA_CHAT_CHUNK) == CW_SCHEMA_CHAT_CHUNK);
    /* Numbers past the last document name none: the call is refused, as for an unknown profile. */
    CHECK(run("{}", 6u << CW_SCHEMA_SHIFT) == NULL);
    CHECK(run("{}", 7u << CW_SCHEMA_SHIFT) == NULL);
}

int main(void) {
    ctx = cw_context_new();
    if (ctx == NULL) return 1;
    test_bodies_of_each_profile();
    test_tool_calls_by_type();
    test_moderation_and_content_parts();
    test_chunks();
    test_document_numbers();
    cw_context_free(ctx);
    return test_report();
}
