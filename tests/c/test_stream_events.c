/*
 * test_stream_events.c: the stream-event schema (CW_SCHEMA_STREAM_EVENT) under
 * each profile: OpenAI's nulls, and openai-compatible's last event with
 * usage and no choices. The event-stream parser is test_sse.c's.
 */

#include <stdio.h>

#include "core_util.h"

/* Stream events: OpenAI's nulls, and openai-compatible's usage-only last event. */
static void test_profile_stream(void) {
    const char *head = "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\"";
    char json[1024];

    tu_set_case("openai-compatible stream event: usage, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":%s}", head, VALID_USAGE);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    tu_set_case("openai-compatible response: usage does not excuse choices");
    const cw_issue *issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    tu_set_case("openai stream event: usage does not excuse choices");
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    tu_set_case("r9s stream event: usage does not excuse choices");
    snprintf(json, sizeof json, "{\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"usage\":%s}",
             VALID_USAGE);
    expect_one(run(json, CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);

    tu_set_case("openai-compatible stream event: usage first, no choices");
    snprintf(json, sizeof json, "{\"usage\":%s,\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\"}",
             VALID_USAGE);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible stream event: no usage, no choices");
    snprintf(json, sizeof json, "%s}", head);
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) {
        CHECK_STR(path_text(issue), "choices");
        CHECK_STR(issue->expected, "array");
    }
    tu_set_case("openai-compatible stream event: usage null, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":null}", head);
    issue = expect_one(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, 0);
    if (issue) CHECK_STR(path_text(issue), "choices");
    /* "There and not null" is all optionalWith asks: usage 5 is invalid_type, and choices is excused. */
    tu_set_case("openai-compatible stream event: usage of the wrong type, no choices");
    snprintf(json, sizeof json, "%s,\"usage\":5}", head);
    const cw_result *r = run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT);
    if (CHECK(r != NULL) && CHECK_EQ_INT(r->issue_count, 1)) CHECK_STR(cw_code_name(r->issues[0].code), "invalid_type");
    else dump_issues(r);
    tu_set_case("openai-compatible stream event: usage null with choices");
    snprintf(json, sizeof json, "%s,\"choices\":[{\"text\":\"\",\"index\":0}],\"usage\":null}", head);
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("openai stream event: finish_reason null, usage null");
    snprintf(json, sizeof json,
             "%s,\"system_fingerprint\":\"fp\",\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null,"
             "\"finish_reason\":null}],\"usage\":null}",
             head);
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT));
    tu_set_case("openai response: usage null and finish_reason null");
    r = run(json, P_OPENAI);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 2)) dump_issues(r);
    if (r && r->issue_count == 2) {
        CHECK_STR(path_text(&r->issues[0]), "choices[0].finish_reason");
        CHECK_STR(path_text(&r->issues[1]), "usage");
    }
    tu_set_case("openai stream event: finish_reason is required");
    snprintf(json, sizeof json, "%s,\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null}]}", head);
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\" | null");
    }
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai stream event: eos_token");
    snprintf(json, sizeof json,
             "%s,\"choices\":[{\"text\":\"a\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"eos_token\"}]}", head);
    expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_INVALID_ENUM, offset_of(json, "\"eos_token\"", 0));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai stream event: no obfuscation field");
    snprintf(json, sizeof json, "%s,\"choices\":[],\"obfuscation\":\"x\"}", head);
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT));
    expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD,
               offset_of(json, "\"obfuscation\"", 0));
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_profile_stream);
    return close_shared_context();
}
