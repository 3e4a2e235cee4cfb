/*
 * test_error_bodies.c: error bodies (CW_SCHEMA_ERROR) as each profile
 * defines them, and any-error (CW_SCHEMA_ANY_ERROR: an object under "error"),
 * whatever the profile.
 */

#include "core_util.h"

/* Error bodies: each profile's, and any-error (an object under "error"), whatever the profile. */
static void test_profile_errors(void) {
    static const uint32_t profiles[] = {CW_PROFILE_R9S, P_OPENAI, P_COMPAT};
    static const char *const profile_names[] = {"r9s", "openai", "openai-compatible"};
    const char *json = OPENAI_ERROR;

    tu_set_case("OpenAI's error body");
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    tu_set_case("r9s error: param must be a string");
    const cw_issue *issue = expect_one(run(json, CW_SCHEMA_ERROR), CW_INVALID_TYPE,
                                       offset_of(json, "\"param\":null", 8));
    if (issue) {
        CHECK_STR(path_text(issue), "error.param");
        CHECK_STR(issue->expected, "string");
        CHECK_STR(issue->received, "null");
    }
    for (int p = 0; p < 3; p++) {
        tu_set_case(profile_names[p]);
        expect_valid(run(json, profiles[p] | CW_SCHEMA_ANY_ERROR | CW_UNKNOWN_REJECT));
        expect_valid(run("{\"error\":{}}", profiles[p] | CW_SCHEMA_ANY_ERROR));
        issue = expect_one(run("{\"error\":\"x\"}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_INVALID_TYPE, 9);
        if (issue) {
            CHECK_STR(path_text(issue), "error");
            CHECK_STR(issue->expected, "object");
            CHECK_STR(issue->received, "string");
        }
        expect_one(run("{\"error\":null}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_INVALID_TYPE, 9);
        issue = expect_one(run("{\"message\":\"x\"}", profiles[p] | CW_SCHEMA_ANY_ERROR), CW_MISSING_FIELD, 0);
        if (issue) CHECK_STR(path_text(issue), "error");
        expect_one(run("{\"error\":{},\"x\":1}", profiles[p] | CW_SCHEMA_ANY_ERROR | CW_UNKNOWN_REJECT),
                   CW_UNKNOWN_FIELD, 12);
        /* A response is no error body. */
        expect_one(run(openai_with("", NULL), profiles[p] | CW_SCHEMA_ANY_ERROR), CW_MISSING_FIELD, 0);
    }
    tu_set_case("any-error: duplicate keys inside the error");
    json = "{\"error\":{\"a\":{\"b\":1,\"b\":2}}}";
    issue = expect_one(run(json, CW_SCHEMA_ANY_ERROR), CW_DUPLICATE_KEY, offset_of(json, ",\"b\"", 1));
    if (issue) CHECK_STR(path_text(issue), "error.a.b");
    tu_set_case("any-error: the error is kept as sent");
    json = "{\"error\":{\"message\":\"m\",\"code\":400,\"type\":null}}";
    static const expect_op any_error_tape[] = {
        T_OB, T_KK(ERROR), T_OB, T_KEY("message"), T_STR("m"), T_KEY("code"), T_NUM, T_KEY("type"), T_NULL, T_OE, T_OE,
    };
    static const double any_error_numbers[] = {400};
    check_tape(run(json, P_OPENAI | CW_SCHEMA_ANY_ERROR | CW_WRITE_TAPE), json, any_error_tape,
               sizeof any_error_tape / sizeof any_error_tape[0], any_error_numbers, 1);

    tu_set_case("openai-compatible error: an integer code (vLLM)");
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":400}}";
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR));
    static const expect_op compat_error_tape[] = {
        T_OB,        T_KK(ERROR), T_OB,       T_KK(MESSAGE), T_STR("m"), T_KK(TYPE), T_STR("t"),
        T_KK(PARAM), T_NULL,      T_KK(CODE), T_NUM,         T_OE,       T_OE,
    };
    check_tape(run(json, P_COMPAT | CW_SCHEMA_ERROR | CW_WRITE_TAPE), json, compat_error_tape,
               sizeof compat_error_tape / sizeof compat_error_tape[0], any_error_numbers, 1);
    tu_set_case("openai error: code is a string or null");
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_ERROR), CW_INVALID_TYPE, offset_of(json, "400", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "error.code");
        CHECK_STR(issue->expected, "string or null");
    }
    tu_set_case("openai-compatible error: code 1.5, code true");
    json = "{\"error\":{\"message\":\"m\",\"code\":1.5}}";
    expect_one(run(json, P_COMPAT | CW_SCHEMA_ERROR), CW_NOT_INTEGER, offset_of(json, "1.5", 0));
    json = "{\"error\":{\"message\":\"m\",\"code\":true}}";
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_ERROR), CW_INVALID_TYPE, offset_of(json, "true", 0));
    if (issue) CHECK_STR(issue->expected, "string or integer or null");

    tu_set_case("openai-compatible error: only message is required");
    json = "{\"error\":{\"message\":\"m\",\"type\":null}}";
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_ERROR));
    issue = expect_one(run("{\"error\":{}}", P_COMPAT | CW_SCHEMA_ERROR), CW_MISSING_FIELD, 9);
    if (issue) CHECK_STR(path_text(issue), "error.message");
    tu_set_case("openai error: code, message, param and type are required");
    const cw_result *r = run("{\"error\":{\"message\":\"m\"}}", P_OPENAI | CW_SCHEMA_ERROR);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 3)) dump_issues(r);
    static const char *const missing[] = {"error.code", "error.param", "error.type"};
    for (uint32_t i = 0; r && i < r->issue_count && i < 3; i++) {
        CHECK_STR(cw_code_name(r->issues[i].code), "missing_field");
        CHECK_EQ_INT(r->issues[i].offset, 9);
        CHECK_STR(path_text(&r->issues[i]), missing[i]);
    }
    tu_set_case("r9s error: status, which OpenAI's error has not");
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"code\":null},\"status\":404}";
    expect_valid(run(json, CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT));
    json = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":null},\"status\":404}";
    expect_one(run(json, P_OPENAI | CW_SCHEMA_ERROR | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD,
               offset_of(json, "\"status\"", 0));
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_profile_errors);
    return close_shared_context();
}
