/*
 * test_schema.c: the schema stage of the r9s profile (the default), issue
 * code by issue code: duplicate_key, invalid_type, missing_field,
 * invalid_literal and invalid_enum (with CW_OPEN_ENUMS), and unknown fields
 * (stripped, CW_UNKNOWN_REJECT, CW_UNKNOWN_KEEP). Integers are
 * test_numbers.c's; the other profiles test_profiles.c's.
 */

#include <stdio.h>

#include "core_util.h"

static void test_duplicates(void) {
    tu_set_case("duplicate key at the top level");
    const char *json = "{\"id\":\"a\",\"object\":\"completion\",\"id\":\"b\",\"created\":1,\"model\":\"m\","
                       "\"choices\":[]}";
    const cw_issue *issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"id\"", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "id");
        if (CHECK_EQ_INT(issue->path_length, 1)) CHECK_MEM(issue->path[0].key, issue->path[0].key_length, "id", 2);
    }

    tu_set_case("duplicate key inside logprobs");
    json = choice_with("logprobs", "{\"tokens\":[],\"top\":{\"x\":1,\"x\":2},\"tokens\":[1]}");
    const cw_result *r = run(json, 0);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    if (r && r->issue_count == 2) {
        /* Issues come in document order. */
        CHECK_STR(cw_code_name(r->issues[0].code), "duplicate_key");
        CHECK_STR(path_text(&r->issues[0]), "choices[0].logprobs.top.x");
        CHECK_EQ_INT(r->issues[0].offset, offset_of(json, ",\"x\":2", 1));
        CHECK_STR(cw_code_name(r->issues[1].code), "duplicate_key");
        CHECK_STR(path_text(&r->issues[1]), "choices[0].logprobs.tokens");
        CHECK_EQ_INT(r->issues[1].offset, offset_of(json, ",\"tokens\":[1]", 1));
    }

    /* 100 members: the 100th repeats the 1st (large objects take another path). */
    tu_set_case("duplicate key, 100 members");
    char members[2048];
    size_t n = 0;
    for (int i = 0; i < 99; i++) n += (size_t)snprintf(members + n, sizeof members - n, "\"k%d\":%d,", i, i);
    snprintf(members + n, sizeof members - n, "\"k0\":99");
    char logprobs[2100];
    snprintf(logprobs, sizeof logprobs, "{%s}", members);
    json = choice_with("logprobs", logprobs);
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"k0\":99", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.k0");

    /* Keys differing only after a \u0000 are different keys. */
    tu_set_case("keys differing after NUL");
    expect_valid(run(choice_with("logprobs", "{\"a\\u0000b\":1,\"a\\u0000c\":2,\"a\":3}"), 0));
    /* An escaped spelling of the same key is the same key. */
    tu_set_case("escaped duplicate key");
    json = choice_with("logprobs", "{\"ab\":1,\"a\\u0062\":2}");
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, "\"a\\u0062\"", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.ab");
}

static void test_invalid_type(void) {
    tu_set_case("invalid_type id");
    const char *json = response_with("id", "5");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"id\":5", 5));
    if (issue) {
        CHECK_STR(path_text(issue), "id");
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "number");
        CHECK_EQ_INT(issue->line, 1);
        CHECK_EQ_INT(issue->column, issue->offset + 1);
    }

    static const struct {
        const char *key, *value, *expected, *received;
        int in_choice;
    } cases[] = {
        {"created", "\"1\"", "integer", "string", 0},
        {"model", "null", "string", "null", 0},
        {"choices", "{}", "array", "object", 0},
        {"usage", "[]", "object", "array", 0},
        {"object", "true", "\"completion\"", "boolean", 0},
        {"text", "[\"a\"]", "string", "array", 1},
        {"index", "false", "integer", "boolean", 1},
        {"logprobs", "5", "object or null", "number", 1},
        {"logprobs", "[]", "object or null", "array", 1},
    };
    char path[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tu_set_case(cases[i].key);
        json = cases[i].in_choice ? choice_with(cases[i].key, cases[i].value)
                                  : response_with(cases[i].key, cases[i].value);
        char needle[64];
        snprintf(needle, sizeof needle, "\"%s\":%s", cases[i].key, cases[i].value);
        issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, needle, strlen(cases[i].key) + 3));
        if (!issue) continue;
        snprintf(path, sizeof path, "%s%s", cases[i].in_choice ? "choices[0]." : "", cases[i].key);
        CHECK_STR(path_text(issue), path);
        CHECK_STR(issue->expected, cases[i].expected);
        CHECK_STR(issue->received, cases[i].received);
    }

    tu_set_case("invalid_type root");
    issue = expect_one(run(" []", 0), CW_INVALID_TYPE, 1);
    if (issue) {
        CHECK_EQ_INT(issue->path_length, 0);
        CHECK_STR(path_text(issue), "");
        CHECK_STR(issue->expected, "object");
        CHECK_STR(issue->received, "array");
    }
    tu_set_case("invalid_type choice item");
    json = response_with("choices", "[" VALID_CHOICE ",\"x\"]");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[1]");
        if (CHECK_EQ_INT(issue->path_length, 2)) {
            CHECK_EQ_INT(issue->path[1].kind, CW_SEG_INDEX);
            CHECK_EQ_INT(issue->path[1].index, 1);
        }
    }
    tu_set_case("invalid_type cached_tokens");
    json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
                                  "\"prompt_tokens_details\":{\"cached_tokens\":\"4\"}}");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"4\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.prompt_tokens_details.cached_tokens");
    /* An empty choices array is valid; a missing one is not. */
    tu_set_case("empty choices");
    expect_valid(run(response_with("choices", "[]"), 0));
    tu_set_case("logprobs optional");
    expect_valid(run(choice_with("logprobs", NULL), 0));
    tu_set_case("usage optional");
    expect_valid(run(response_with("usage", NULL), 0));
}

static void test_missing_field(void) {
    static const char *const required[] = {"id", "object", "created", "model", "choices"};
    for (size_t i = 0; i < 5; i++) {
        tu_set_case(required[i]);
        const cw_issue *issue = expect_one(run(response_with(required[i], NULL), 0), CW_MISSING_FIELD, 0);
        if (issue) {
            CHECK_STR(path_text(issue), required[i]);
            CHECK_EQ_INT(issue->line, 1);
            CHECK_EQ_INT(issue->column, 1);
        }
    }
    tu_set_case("missing finish_reason");
    const char *json = choice_with("finish_reason", NULL);
    const cw_issue *issue = expect_one(run(json, 0), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
    }
    tu_set_case("missing total_tokens");
    json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12}");
    issue = expect_one(run(json, 0), CW_MISSING_FIELD, offset_of(json, "{\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");
    tu_set_case("missing everything");
    const cw_result *r = run("{}", 0);
    if (CHECK(r != NULL)) CHECK_EQ_INT(r->issue_count, 5);
}

static void test_literal_and_enum(void) {
    tu_set_case("invalid_literal");
    const char *json = response_with("object", "\"x\"");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "object");
        CHECK_STR(issue->expected, "\"completion\"");
        /* received_text is the decoded string; the JS layer quotes it. */
        CHECK(issue->received == NULL);
        CHECK_RECEIVED_TEXT(issue, "x");
    }
    tu_set_case("invalid_literal, escaped spelling of completion is fine");
    expect_valid(run(response_with("object", "\"complet\\u0069on\""), 0));
    tu_set_case("invalid_literal, text.completion");
    json = response_with("object", "\"text.completion\"");
    expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"text.completion\"", 0));

    tu_set_case("invalid_enum");
    json = choice_with("finish_reason", "\"stopp\"");
    issue = expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"stopp\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK(issue->received == NULL);
        CHECK_RECEIVED_TEXT(issue, "stopp");
    }
    tu_set_case("invalid_enum, escaped spelling");
    json = choice_with("finish_reason", "\"st\\u006fpp\"");
    issue = expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"st\\u", 0));
    if (issue) CHECK_RECEIVED_TEXT(issue, "stopp");
    tu_set_case("each finish_reason");
    expect_valid(run(choice_with("finish_reason", "\"stop\""), 0));
    expect_valid(run(choice_with("finish_reason", "\"length\""), 0));
    expect_valid(run(choice_with("finish_reason", "\"content_filter\""), 0));
    tu_set_case("finish_reason prefix");
    json = choice_with("finish_reason", "\"sto\"");
    expect_one(run(json, 0), CW_INVALID_ENUM, offset_of(json, "\"sto\"", 0));

    tu_set_case("CW_OPEN_ENUMS accepts any string");
    json = choice_with("finish_reason", "\"tool_calls\"");
    const cw_result *r = run(json, CW_OPEN_ENUMS | CW_WRITE_TAPE);
    expect_valid(r);
    tu_set_case("CW_OPEN_ENUMS still wants a string");
    json = choice_with("finish_reason", "null");
    issue = expect_one(run(json, CW_OPEN_ENUMS), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":null", 16));
    if (issue) {
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "null");
    }
    /* Without CW_OPEN_ENUMS, a non-string is still invalid_type. */
    tu_set_case("finish_reason number");
    json = choice_with("finish_reason", "1");
    issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":1", 16));
    if (issue) CHECK_STR(issue->received, "number");
}

static void test_unknown_fields(void) {
    const char *json = response_with("usage", "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
                                              "\"extra\":{\"id\":[1]}}");
    tu_set_case("unknown fields are stripped by default");
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        CHECK(item.op != CW_TAPE_KEY);
    }
    CHECK_EQ_INT(r ? r->number_count : 0, 5); /* created, index and usage's three; not extra's 1 */

    tu_set_case("unknown fields with CW_UNKNOWN_REJECT");
    const cw_issue *issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"extra\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "usage.extra");
        CHECK_RECEIVED_TEXT(issue, "extra");
    }

    tu_set_case("unknown fields with CW_UNKNOWN_KEEP");
    r = run(json, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    static const expect_op usage_tail[] = {
        T_KK(TOTAL_TOKENS), T_NUM, T_KEY("extra"), T_OB, T_KEY("id"), T_AB, T_NUM, T_AE, T_OE, T_OE, T_OE,
    };
    /* The kept member closes the tape: compare the last items. */
    if (r && r->valid && CHECK(r->tape_length >= 11)) {
        uint32_t at = 0, items = 0, starts[64];
        while (at < r->tape_length && items < 64) {
            starts[items++] = at;
            tape_next(r, json, &at);
        }
        if (CHECK(items >= 11)) {
            at = starts[items - 11];
            for (size_t i = 0; i < 11; i++) {
                tape_item item = tape_next(r, json, &at);
                CHECK_EQ_INT(item.op, usage_tail[i].op);
                if (item.op == CW_TAPE_KEY)
                    CHECK_MEM(item.bytes, item.length, usage_tail[i].text, usage_tail[i].length);
            }
        }
        CHECK_EQ_INT(r->number_count, 6);
    }
    /* A schema name in the wrong place is an unknown key: KEY, not KEY_KNOWN. */
    tu_set_case("schema name at the wrong level is unknown");
    json = "{\"id\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[],"
           "\"prompt_tokens\":1}";
    r = run(json, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    int found = 0;
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        if (item.op == CW_TAPE_KEY) found += CHECK_MEM(item.bytes, item.length, "prompt_tokens", 13);
        CHECK(!(item.op == CW_TAPE_KEY_KNOWN && item.operand == CW_KEY_PROMPT_TOKENS));
    }
    CHECK_EQ_INT(found, 1);
    issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "prompt_tokens");
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_duplicates);
    RUN_TEST(test_invalid_type);
    RUN_TEST(test_missing_field);
    RUN_TEST(test_literal_and_enum);
    RUN_TEST(test_unknown_fields);
    return close_shared_context();
}
