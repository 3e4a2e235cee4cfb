/*
 * test_strings.c: strings and keys are their decoded bytes: "\u0000" is data
 * (in values, unknown keys and kept keys), and an escaped spelling of a
 * schema key is that key.
 */

#include "core_util.h"

/* "\u0000" is data, not the end of the string. */
static void test_nul_escape(void) {
    tu_set_case("\\u0000 in a value");
    const char *json = response_with("id", "\"a\\u0000b\"");
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length >= 4)) {
        uint32_t at = 0;
        tape_next(r, json, &at); /* OBJECT_BEGIN */
        tape_item key = tape_next(r, json, &at);
        tape_item value = tape_next(r, json, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
        CHECK_EQ_INT(value.op, CW_TAPE_STRING);
        CHECK_MEM(value.bytes, value.length, "a\0b", 3);
        CHECK_EQ_INT(value.ascii_flag, 1);
    }

    /* A key "id\u0000x" is not "id": stripped by default, so id is missing. */
    tu_set_case("\\u0000 in a key");
    const char *bad_key = "{\"id\\u0000x\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                          "\"choices\":[]}";
    const cw_issue *issue = expect_one(run(bad_key, 0), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "id");

    r = run(bad_key, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    issue = find_issue(r, CW_UNKNOWN_FIELD);
    if (CHECK(issue != NULL) && CHECK_EQ_INT(issue->path_length, 1)) {
        CHECK_EQ_INT(issue->path[0].kind, CW_SEG_KEY);
        CHECK_MEM(issue->path[0].key, issue->path[0].key_length, "id\0x", 4);
        CHECK_STR(path_text(issue), "[\"id\\u0000x\"]");
        CHECK_EQ_INT(issue->offset, 1); /* unknown_field points at the key */
    }
    issue = find_issue(r, CW_MISSING_FIELD);
    if (CHECK(issue != NULL)) CHECK_STR(path_text(issue), "id");

    /* With CW_UNKNOWN_KEEP (and id present) the key is kept verbatim, NUL included. */
    tu_set_case("\\u0000 in a kept key");
    const char *kept = "{\"id\\u0000x\":\"a\",\"id\":\"b\",\"object\":\"completion\",\"created\":1,"
                       "\"model\":\"m\",\"choices\":[]}";
    r = run(kept, CW_UNKNOWN_KEEP | CW_WRITE_TAPE);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length >= 5)) {
        uint32_t at = 1;
        tape_item key = tape_next(r, kept, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY);
        CHECK_MEM(key.bytes, key.length, "id\0x", 4);
        tape_item value = tape_next(r, kept, &at);
        CHECK_MEM(value.bytes, value.length, "a", 1);
        key = tape_next(r, kept, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
    }
}

/* Schema keys are matched on their decoded bytes, like JSON.parse's keys. */
static void test_escaped_schema_key(void) {
    tu_set_case("escaped schema key");
    const char *json = "{\"\\u0069d\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\","
                       "\"choices\":[],\"us\\u0061ge\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
                       "\"total_tokens\":\"3\"}}";
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_TYPE, offset_of(json, "\"3\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");
    json = "{\"\\u0069d\":\"a\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}";
    const cw_result *r = run(json, CW_WRITE_TAPE | CW_UNKNOWN_REJECT);
    expect_valid(r);
    if (r && r->valid && CHECK(r->tape_length > 2)) {
        uint32_t at = 1;
        tape_item key = tape_next(r, json, &at);
        CHECK_EQ_INT(key.op, CW_TAPE_KEY_KNOWN);
        CHECK_EQ_INT(key.operand, CW_KEY_ID);
    }
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_nul_escape);
    RUN_TEST(test_escaped_schema_key);
    return close_shared_context();
}
