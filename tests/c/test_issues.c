/*
 * test_issues.c: how issues are reported, whatever their code: the code and
 * key names, several issues in document order and max_issues
 * (too_many_issues), line and column, and cw_path_string.
 */

#include <stdio.h>

#include "core_util.h"

static void test_names(void) {
    tu_set_case("names");
    static const char *const codes[] = {
        "invalid_json",    "invalid_utf8",     "invalid_type",    "missing_field", "invalid_literal", "invalid_enum",
        "not_integer",     "unsafe_integer",   "duplicate_key",   "unknown_field", "too_large",       "too_deep",
        "too_many_issues", "truncated_stream", "event_too_large", "invalid_index",
    };
    for (uint32_t code = CW_INVALID_JSON; code <= CW_INVALID_INDEX; code++)
        CHECK_STR(cw_code_name(code), codes[code - 1]);
    CHECK_STR(cw_code_name(0), "unknown");
    CHECK_STR(cw_code_name(CW_INVALID_INDEX + 1), "unknown");
    CHECK_STR(cw_code_name(0xffffffffu), "unknown");

    CHECK_STR(cw_key_name(CW_KEY_ID), "id");
    CHECK_STR(cw_key_name(CW_KEY_FINISH_REASON), "finish_reason");
    CHECK_STR(cw_key_name(CW_KEY_PROMPT_TOKENS_DETAILS), "prompt_tokens_details");
    CHECK_STR(cw_key_name(CW_KEY_REJECTED_PREDICTION_TOKENS), "rejected_prediction_tokens");
    CHECK(cw_key_name(CW_KEY_COUNT) == NULL);
    CHECK(cw_key_name(0xffffffffu) == NULL);
}

static void test_many_issues(void) {
    tu_set_case("several issues in one call");
    const char *json = "{\"id\":5,\"object\":\"x\",\"created\":1.5,\"model\":\"m\",\"choices\":[{\"text\":\"t\","
                       "\"index\":0,\"finish_reason\":\"bad\"}],\"extra\":1}";
    const cw_result *r = run(json, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 5)) dump_issues(r);
    static const uint32_t codes[] = {CW_INVALID_TYPE, CW_INVALID_LITERAL, CW_NOT_INTEGER, CW_INVALID_ENUM,
                                     CW_UNKNOWN_FIELD};
    static const char *const paths[] = {"id", "object", "created", "choices[0].finish_reason", "extra"};
    for (uint32_t i = 0; r && i < 5 && i < r->issue_count; i++) {
        /* Document order. */
        CHECK_STR(cw_code_name(r->issues[i].code), cw_code_name(codes[i]));
        CHECK_STR(path_text(&r->issues[i]), paths[i]);
        if (i > 0) CHECK(r->issues[i - 1].offset < r->issues[i].offset);
    }

    tu_set_case("max_issues 2 with 5 problems");
    cw_options o = {0, 0, 2, CW_UNKNOWN_REJECT};
    r = cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 3)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_STR(cw_code_name(r->issues[0].code), "invalid_type");
        CHECK_STR(cw_code_name(r->issues[1].code), "invalid_literal");
        CHECK_STR(cw_code_name(r->issues[2].code), "too_many_issues");
        CHECK_EQ_INT(r->issues[2].path_length, 0);
        CHECK_EQ_INT(r->issues_dropped, 3);
    }
    tu_set_case("max_issues 5 with 5 problems: no marker");
    o.max_issues = 5;
    r = cw_check(ctx, (const uint8_t *)json, strlen(json), &o);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->issue_count, 5);
        CHECK(find_issue(r, CW_TOO_MANY_ISSUES) == NULL);
    }
    /* A limit keeps the first issues of the full, document-ordered list.
     * missing_field is found only at the end of its object but sits at the
     * object's offset, before the issues inside it. */
    tu_set_case("max_issues keeps a prefix of the full list");
    const char *late = "{\"object\":\"completion\",\"created\":\"x\",\"model\":5,\"choices\":[]}";
    r = run(late, 0);
    uint32_t full_codes[3] = {0, 0, 0}, full_offsets[3] = {0, 0, 0};
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 3)) {
        for (uint32_t i = 0; i < 3; i++) {
            full_codes[i] = r->issues[i].code;
            full_offsets[i] = r->issues[i].offset;
        }
        CHECK_STR(cw_code_name(full_codes[0]), "missing_field");
    }
    for (uint32_t limit = 1; limit <= 2; limit++) {
        cw_options limited = {0, 0, limit, 0};
        r = cw_check(ctx, (const uint8_t *)late, strlen(late), &limited);
        if (!CHECK(r != NULL) || !CHECK_EQ_INT(r->issue_count, limit + 1)) continue;
        for (uint32_t i = 0; i < limit; i++) {
            if (!CHECK_STR(cw_code_name(r->issues[i].code), cw_code_name(full_codes[i])) ||
                !CHECK_EQ_INT(r->issues[i].offset, full_offsets[i]))
                dump_issues(r);
        }
        CHECK_STR(cw_code_name(r->issues[limit].code), "too_many_issues");
        CHECK_EQ_INT(r->issues_dropped, 3 - limit);
    }
    tu_set_case("max_issues 1 with a JSON-stage issue");
    o.max_issues = 1;
    expect_one(cw_check(ctx, (const uint8_t *)"[", 1, &o), CW_INVALID_JSON, 1);
}

static void test_line_column(void) {
    /* Line 5 holds: é (2 bytes, 1 UTF-16 unit) and 😀 (4 bytes, 2 units)
     * before the bad value. Units before the 5: `  "model": "` 12, é 1,
     * 😀 2, `", "choices": ` 14, so column 30. */
    const char *lf = "{\n  \"id\": \"cmpl-123\",\n  \"object\": \"completion\",\n  \"created\": 1,\n"
                     "  \"model\": \"\xc3\xa9\xf0\x9f\x98\x80\", \"choices\": 5\n}\n";
    tu_set_case("line/column with LF");
    const cw_issue *issue = expect_one(run(lf, 0), CW_INVALID_TYPE, offset_of(lf, ": 5", 2));
    if (issue) {
        CHECK_EQ_INT(issue->line, 5);
        CHECK_EQ_INT(issue->column, 30);
    }
    const char *crlf = "{\r\n  \"id\": \"cmpl-123\",\r\n  \"object\": \"completion\",\r\n  \"created\": 1,\r\n"
                       "  \"model\": \"\xc3\xa9\xf0\x9f\x98\x80\", \"choices\": 5\r\n}\r\n";
    tu_set_case("line/column with CRLF");
    issue = expect_one(run(crlf, 0), CW_INVALID_TYPE, offset_of(crlf, ": 5", 2));
    if (issue) {
        CHECK_EQ_INT(issue->line, 5);
        CHECK_EQ_INT(issue->column, 30);
    }
    /* A value at the start of a line after CRLF is in column 1. */
    tu_set_case("column 1 after CRLF");
    const char *start = "{\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[],\"id\":\r\n5}";
    issue = expect_one(run(start, 0), CW_INVALID_TYPE, strlen(start) - 2);
    if (issue) {
        CHECK_EQ_INT(issue->line, 2);
        CHECK_EQ_INT(issue->column, 1);
    }
    /* Syntax errors get a line and column too. */
    tu_set_case("line/column of a syntax error");
    const char *syntax = "{\n\"id\": \"\xf0\x9f\x98\x80\", \"x\": tru }";
    issue = expect_one(run(syntax, 0), CW_INVALID_JSON, offset_of(syntax, "tru ", 3));
    if (issue) {
        CHECK_EQ_INT(issue->line, 2);
        CHECK_EQ_INT(issue->column, 21); /* `"id": "` 7, 😀 2, `", "x": tru` 11 units before */
    }
    /* Several issues on different lines are each located. */
    tu_set_case("line/column of several issues");
    const char *several = "{\"id\":1,\n\"object\":\"completion\",\n\"created\":\"x\",\"model\":\"m\",\"choices\":[]}";
    const cw_result *r = run(several, 0);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 2)) {
        CHECK_EQ_INT(r->issues[0].line, 1);
        CHECK_EQ_INT(r->issues[0].column, 7);
        CHECK_EQ_INT(r->issues[1].line, 3);
        CHECK_EQ_INT(r->issues[1].column, 11);
    }
}

static void test_path_string(void) {
    tu_set_case("choices[2].finish_reason");
    const char *json = response_with("choices", "[" VALID_CHOICE "," VALID_CHOICE ","
                                                "{\"text\":\"\",\"index\":2,\"finish_reason\":\"end\"}]");
    const cw_result *r = run(json, 0);
    const cw_issue *issue = expect_one(r, CW_INVALID_ENUM, offset_of(json, "\"end\"", 0));
    if (issue) {
        const char *want = "choices[2].finish_reason";
        char buffer[64];
        CHECK_EQ_INT(cw_path_string(issue, buffer, sizeof buffer), strlen(want));
        CHECK_STR(buffer, want);
        /* Truncation works like snprintf: NUL-terminated, full length returned. */
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ_INT(cw_path_string(issue, buffer, 9), strlen(want));
        CHECK_STR(buffer, "choices[");
        CHECK_EQ_INT(buffer[9], '#');
        CHECK_EQ_INT(cw_path_string(issue, buffer, 1), strlen(want));
        CHECK_STR(buffer, "");
        memset(buffer, '#', sizeof buffer);
        CHECK_EQ_INT(cw_path_string(issue, buffer, 0), strlen(want));
        CHECK_EQ_INT(buffer[0], '#');
        CHECK_EQ_INT(cw_path_string(issue, NULL, 0), strlen(want));
        CHECK_EQ_INT(cw_path_string(issue, buffer, strlen(want)), strlen(want));
        CHECK_STR(buffer, "choices[2].finish_reaso");
        if (CHECK_EQ_INT(issue->path_length, 3)) {
            CHECK_EQ_INT(issue->path[0].kind, CW_SEG_KEY);
            CHECK_EQ_INT(issue->path[1].kind, CW_SEG_INDEX);
            CHECK_EQ_INT(issue->path[1].index, 2);
            CHECK_EQ_INT(issue->path[2].kind, CW_SEG_KEY);
        }
    }

    tu_set_case("root path");
    issue = expect_one(run("null", 0), CW_INVALID_TYPE, 0);
    if (issue) {
        char buffer[8] = "#######";
        CHECK_EQ_INT(cw_path_string(issue, buffer, sizeof buffer), 0);
        CHECK_STR(buffer, "");
    }

    static const struct {
        const char *key_json, *path;
    } keys[] = {
        {"a b", "[\"a b\"]"}, {"a\\\"b", "[\"a\\\"b\"]"}, {"a\\\\b", "[\"a\\\\b\"]"}, {"1a", "[\"1a\"]"},
        {"", "[\"\"]"},       {"a-b", "[\"a-b\"]"},       {"_a$1", "_a$1"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        tu_set_case(keys[i].path);
        char doc[512];
        snprintf(doc, sizeof doc,
                 "{\"id\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                 "\"choices\":[],\"%s\":1}",
                 keys[i].key_json);
        /* The unknown key ends the document: `"<key>":1}` is its last key_json + 5 bytes. */
        size_t key_offset = strlen(doc) - strlen(keys[i].key_json) - 5;
        issue = expect_one(run(doc, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, key_offset);
        if (issue) CHECK_STR(path_text(issue), keys[i].path);
    }
    tu_set_case("quoted key after an index");
    json = choice_with("logprobs", "{\"a b\":{\"c\":1,\"c\":2}}");
    issue = expect_one(run(json, 0), CW_DUPLICATE_KEY, offset_of(json, ",\"c\"", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs[\"a b\"].c");
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_names);
    RUN_TEST(test_many_issues);
    RUN_TEST(test_line_column);
    RUN_TEST(test_path_string);
    return close_shared_context();
}
