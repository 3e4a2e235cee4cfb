/*
 * test_profiles.c: the profiles "openai" and "openai-compatible" against r9s
 * on responses: the object literal (and r9s's hint), logprobs, finish_reason,
 * usage and its counters, their tapes, and the profile and document flags.
 * Stream events are test_stream_events.c's; error bodies test_error_bodies.c's.
 */

#include "core_util.h"

#define OPENAI_OBJECT_HINT "OpenAI's object: use profile \"openai\" or \"openai-compatible\""

#define P_NONE (3u << CW_PROFILE_SHIFT) /* no profile has number 3 */

/* The OpenAI body fails r9s only at its object, which says what to do; the
 * same bytes pass the two OpenAI profiles. */
static void test_profile_object(void) {
    const char *json = openai_with("", NULL);
    tu_set_case("r9s: OpenAI's object, with the hint");
    const cw_issue *issue = expect_one(run(json, 0), CW_INVALID_LITERAL, offset_of(json, "\"text_completion\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "object");
        CHECK_STR(issue->expected, "\"completion\"");
        CHECK_RECEIVED_TEXT(issue, "text_completion");
        CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    }
    tu_set_case("r9s stream event: OpenAI's object, with the hint");
    issue = expect_one(run(json, CW_SCHEMA_STREAM_EVENT), CW_INVALID_LITERAL,
                       offset_of(json, "\"text_completion\"", 0));
    if (issue) CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    tu_set_case("r9s: CW_OPEN_ENUMS never opens a literal");
    issue = expect_one(run(json, CW_OPEN_ENUMS), CW_INVALID_LITERAL, offset_of(json, "\"text_completion\"", 0));
    if (issue) CHECK_STR(issue->detail, OPENAI_OBJECT_HINT);
    tu_set_case("r9s: other wrong objects get no hint");
    const char *other = response_with("object", "\"chat.completion\"");
    issue = expect_one(run(other, 0), CW_INVALID_LITERAL, offset_of(other, "\"chat.completion\"", 0));
    if (issue) CHECK(issue->detail == NULL);
    other = response_with("object", "\"text_completion \"");
    issue = expect_one(run(other, 0), CW_INVALID_LITERAL, offset_of(other, "\"text_completion \"", 0));
    if (issue) CHECK(issue->detail == NULL);

    tu_set_case("openai: OpenAI's body is valid");
    expect_valid(run(json, P_OPENAI));
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT)); /* system_fingerprint is a field */
    expect_valid(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible: OpenAI's body is valid");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("r9s: a response has no system_fingerprint");
    json = openai_with("object", "\"completion\"");
    expect_valid(run(json, 0));
    issue = expect_one(run(json, CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"system_fingerprint\"", 0));
    if (issue) CHECK_STR(path_text(issue), "system_fingerprint");
    expect_valid(run(json, CW_SCHEMA_STREAM_EVENT | CW_UNKNOWN_REJECT)); /* a stream event has one */

    tu_set_case("openai: the r9s object is invalid_literal, no hint");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_LITERAL, offset_of(json, "\"completion\"", 0));
    if (issue) {
        CHECK_STR(issue->expected, "\"text_completion\"");
        CHECK_RECEIVED_TEXT(issue, "completion");
        CHECK(issue->detail == NULL);
    }
    tu_set_case("openai-compatible: either object");
    expect_valid(run(json, P_COMPAT));
    json = openai_with("object", "\"chat.completion\"");
    issue = expect_one(run(json, P_COMPAT | CW_OPEN_ENUMS), CW_INVALID_LITERAL, offset_of(json, "\"chat.", 0));
    if (issue) {
        CHECK_STR(issue->expected, "\"text_completion\" | \"completion\"");
        CHECK(issue->detail == NULL);
    }
}

/* OpenAI's logprobs object, typed field by field; the other profiles keep logprobs as sent. */
static void test_profile_logprobs(void) {
    tu_set_case("openai requires logprobs, openai-compatible does not");
    const char *json = openai_choice_with("logprobs", NULL);
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs");
        CHECK_STR(issue->expected, "object or null");
    }
    issue = expect_one(run(json, P_OPENAI | CW_SCHEMA_STREAM_EVENT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));

    tu_set_case("openai: typed logprobs, null first entries");
    json = openai_choice_with("logprobs", "{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-0.5],"
                                          "\"top_logprobs\":[null,{\"b\":-0.5,\"c\":-1e-3}],\"text_offset\":[0,1]}");
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));

    tu_set_case("openai: a string in token_logprobs");
    json = openai_choice_with("logprobs", "{\"token_logprobs\":[null,\"x\"]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.token_logprobs[1]");
        CHECK_STR(issue->expected, "number or null");
        CHECK_STR(issue->received, "string");
    }
    expect_valid(run(json, P_COMPAT));

    tu_set_case("openai: top_logprobs values are numbers");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":-1,\"b\":\"x\"}]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"x\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].b");
        CHECK_STR(issue->expected, "number");
        CHECK_STR(issue->received, "string");
    }
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":null}]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "null}", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].a");
    tu_set_case("openai: a top_logprobs entry is a map or null");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[null,5]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "5]", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[1]");
        CHECK_STR(issue->expected, "object or null");
    }

    tu_set_case("openai: a key repeated inside a top_logprobs map");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"a\":-1,\"b\":-2,\"a\":-3}]}");
    issue = expect_one(run(json, P_OPENAI), CW_DUPLICATE_KEY, offset_of(json, ",\"a\":-3", 1));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.top_logprobs[0].a");
        CHECK_RECEIVED_TEXT(issue, "a");
    }
    tu_set_case("openai: map keys are data, never unknown fields");
    json = openai_choice_with("logprobs", "{\"top_logprobs\":[{\"id\":-1,\"zz\":-2,\"\":0}]}");
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));

    tu_set_case("openai: text_offset holds integers");
    json = openai_choice_with("logprobs", "{\"text_offset\":[0,1.5]}");
    issue = expect_one(run(json, P_OPENAI), CW_NOT_INTEGER, offset_of(json, "1.5", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.text_offset[1]");
        CHECK_RECEIVED_TEXT(issue, "1.5");
    }
    json = openai_choice_with("logprobs", "{\"text_offset\":[9007199254740992]}");
    expect_one(run(json, P_OPENAI), CW_UNSAFE_INTEGER, offset_of(json, "9007199254740992", 0));
    json = openai_choice_with("logprobs", "{\"text_offset\":[null]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "null]", 0));
    if (issue) CHECK_STR(issue->expected, "integer");
    tu_set_case("openai: tokens holds strings");
    json = openai_choice_with("logprobs", "{\"tokens\":[\"a\",1]}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "1]", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].logprobs.tokens[1]");
        CHECK_STR(issue->expected, "string");
    }
    tu_set_case("openai: token_logprobs is an array");
    json = openai_choice_with("logprobs", "{\"token_logprobs\":{}}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "{}", 0));
    if (issue) CHECK_STR(issue->expected, "array");

    tu_set_case("openai: logprobs is a schema object, not a map");
    json = openai_choice_with("logprobs", "{\"tokens\":[],\"content\":[]}");
    expect_valid(run(json, P_OPENAI));
    issue = expect_one(run(json, P_OPENAI | CW_UNKNOWN_REJECT), CW_UNKNOWN_FIELD, offset_of(json, "\"content\"", 0));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs.content");
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT)); /* any value */
    json = choice_with("logprobs", "{\"tokens\":[],\"content\":[]}");
    expect_valid(run(json, CW_UNKNOWN_REJECT)); /* r9s: any object, kept as sent */

    tu_set_case("openai-compatible: logprobs may be any value");
    static const char *const anything[] = {"5", "\"x\"", "true", "[1,{\"a\":2}]", "{\"content\":[{\"token\":\"a\"}]}"};
    for (size_t i = 0; i < sizeof anything / sizeof anything[0]; i++) {
        json = openai_choice_with("logprobs", anything[i]);
        expect_valid(run(json, P_COMPAT));
        expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
        if (i < 4) {
            issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"logprobs\":", 11));
            if (issue) CHECK_STR(issue->expected, "object or null");
        }
    }
    tu_set_case("openai-compatible: duplicate keys inside any logprobs");
    json = openai_choice_with("logprobs", "[{\"a\":1,\"a\":2}]");
    issue = expect_one(run(json, P_COMPAT), CW_DUPLICATE_KEY, offset_of(json, ",\"a\":2", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].logprobs[0].a");
}

/* finish_reason: OpenAI's enum; openai-compatible takes any string and null. */
static void test_profile_finish_reason(void) {
    tu_set_case("openai: finish_reason eos_token");
    const char *json = openai_choice_with("finish_reason", "\"eos_token\"");
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_INVALID_ENUM, offset_of(json, "\"eos_token\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "choices[0].finish_reason");
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK_RECEIVED_TEXT(issue, "eos_token");
    }
    expect_valid(run(json, P_OPENAI | CW_OPEN_ENUMS));
    tu_set_case("openai-compatible: finish_reason any string");
    expect_valid(run(json, P_COMPAT));
    expect_valid(run(openai_choice_with("finish_reason", "\"\""), P_COMPAT));
    expect_valid(run(openai_choice_with("finish_reason", "\"abort\""), P_COMPAT | CW_SCHEMA_STREAM_EVENT));
    tu_set_case("openai-compatible: finish_reason null");
    json = openai_choice_with("finish_reason", "null");
    expect_valid(run(json, P_COMPAT));
    tu_set_case("openai: a response's finish_reason is never null");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"finish_reason\":null", 16));
    if (issue) {
        CHECK_STR(issue->expected, "\"stop\" | \"length\" | \"content_filter\"");
        CHECK_STR(issue->received, "null");
    }
    tu_set_case("openai-compatible: finish_reason a number");
    json = openai_choice_with("finish_reason", "1");
    issue = expect_one(run(json, P_COMPAT | CW_OPEN_ENUMS), CW_INVALID_TYPE,
                       offset_of(json, "\"finish_reason\":1", 16));
    if (issue) CHECK_STR(issue->expected, "string or null");
    tu_set_case("openai-compatible: a response's finish_reason is required");
    json = openai_choice_with("finish_reason", NULL);
    issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, offset_of(json, "[{", 1));
    if (issue) CHECK_STR(path_text(issue), "choices[0].finish_reason");
    expect_valid(run(json, P_COMPAT | CW_SCHEMA_STREAM_EVENT));
}

/* The nulls openai-compatible allows and OpenAI's contract does not; the new counters. */
static void test_profile_usage(void) {
    tu_set_case("usage null");
    const char *json = openai_with("usage", "null");
    expect_valid(run(json, P_COMPAT));
    const cw_issue *issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"usage\":null", 8));
    if (issue) {
        CHECK_STR(path_text(issue), "usage");
        CHECK_STR(issue->expected, "object");
        CHECK_STR(issue->received, "null");
    }
    tu_set_case("prompt_tokens_details null");
    json = openai_usage_with("prompt_tokens_details", "null");
    expect_valid(run(json, P_COMPAT));
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"prompt_tokens_details\":null", 24));
    if (issue) CHECK_STR(path_text(issue), "usage.prompt_tokens_details");
    tu_set_case("completion_tokens_details null");
    json = openai_usage_with("completion_tokens_details", "null");
    expect_valid(run(json, P_COMPAT));
    expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"completion_tokens_details\":null", 28));
    tu_set_case("system_fingerprint null");
    json = openai_with("system_fingerprint", "null");
    expect_valid(run(json, P_COMPAT));
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"system_fingerprint\":null", 21));
    if (issue) CHECK_STR(issue->expected, "string");
    tu_set_case("usage without total_tokens");
    json = openai_usage_with("total_tokens", NULL);
    issue = expect_one(run(json, P_COMPAT), CW_MISSING_FIELD, offset_of(json, "{\"prompt_tokens\"", 0));
    if (issue) CHECK_STR(path_text(issue), "usage.total_tokens");

    tu_set_case("the OpenAI token counters");
    static const char details[] =
        "{\"prompt_tokens\":5,\"completion_tokens\":12,\"total_tokens\":17,"
        "\"prompt_tokens_details\":{\"cached_tokens\":1,\"audio_tokens\":0,\"text_tokens\":2,\"image_tokens\":3,"
        "\"cache_write_tokens\":4},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":5,\"audio_tokens\":0,\"accepted_prediction_tokens\":1,"
        "\"rejected_prediction_tokens\":2,\"text_tokens\":6}}";
    json = openai_with("usage", details);
    expect_valid(run(json, P_OPENAI | CW_UNKNOWN_REJECT));
    expect_valid(run(json, P_COMPAT | CW_UNKNOWN_REJECT));
    const cw_result *r = run(json, P_OPENAI | CW_WRITE_TAPE);
    int cache_write = 0, text_tokens = 0, image_tokens = 0, unknown = 0;
    for (uint32_t at = 0; r && r->valid && at < r->tape_length;) {
        tape_item item = tape_next(r, json, &at);
        if (item.op == CW_TAPE_KEY) unknown++;
        if (item.op != CW_TAPE_KEY_KNOWN) continue;
        cache_write += item.operand == CW_KEY_CACHE_WRITE_TOKENS;
        text_tokens += item.operand == CW_KEY_TEXT_TOKENS;
        image_tokens += item.operand == CW_KEY_IMAGE_TOKENS;
    }
    CHECK_EQ_INT(cache_write, 1);
    CHECK_EQ_INT(text_tokens, 2);
    CHECK_EQ_INT(image_tokens, 1);
    CHECK_EQ_INT(unknown, 0);
    tu_set_case("r9s: the OpenAI counters are unknown fields");
    json = response_with("usage", details);
    expect_valid(run(json, 0));
    r = run(json, CW_UNKNOWN_REJECT);
    if (CHECK(r != NULL) && !CHECK_EQ_INT(r->issue_count, 4)) dump_issues(r);
    static const char *const unknown_paths[] = {
        "usage.prompt_tokens_details.text_tokens", "usage.prompt_tokens_details.image_tokens",
        "usage.prompt_tokens_details.cache_write_tokens", "usage.completion_tokens_details.text_tokens"};
    for (uint32_t i = 0; r && i < r->issue_count && i < 4; i++) {
        CHECK_STR(cw_code_name(r->issues[i].code), "unknown_field");
        CHECK_STR(path_text(&r->issues[i]), unknown_paths[i]);
    }
    tu_set_case("openai: cache_write_tokens is an integer");
    json = openai_usage_with("prompt_tokens_details", "{\"cache_write_tokens\":\"4\"}");
    issue = expect_one(run(json, P_OPENAI), CW_INVALID_TYPE, offset_of(json, "\"4\"", 0));
    if (issue) {
        CHECK_STR(path_text(issue), "usage.prompt_tokens_details.cache_write_tokens");
        CHECK_STR(issue->expected, "integer");
    }
}

/* The tape of a valid OpenAI body with logprobs: OpenAI's logprobs fields are
 * schema keys; openai-compatible keeps logprobs as sent, with verbatim keys. */
static void test_profile_tape(void) {
    const char *json =
        "{\"id\":\"c\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"ab\","
        "\"index\":0,\"logprobs\":{\"tokens\":[\"a\",\"b\"],\"token_logprobs\":[null,-0.5],"
        "\"top_logprobs\":[null,{\"b\":-0.25,\"\\u0069d\":-2}],\"text_offset\":[0,1]},\"finish_reason\":\"length\"}]}";
    static const expect_op openai_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("text_completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("ab"),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_OB,
        T_KK(TOKENS),
        T_AB,
        T_STR("a"),
        T_STR("b"),
        T_AE,
        T_KK(TOKEN_LOGPROBS),
        T_AB,
        T_NULL,
        T_NUM,
        T_AE,
        /* Map keys stay data, even one that spells a schema key. */
        T_KK(TOP_LOGPROBS),
        T_AB,
        T_NULL,
        T_OB,
        T_KEY("b"),
        T_NUM,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_AE,
        T_KK(TEXT_OFFSET),
        T_AB,
        T_NUM,
        T_NUM,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_OE,
    };
    static const double numbers[] = {1, 0, -0.5, -0.25, -2, 0, 1};
    tu_set_case("openai tape with logprobs");
    const cw_result *r = run(json, P_OPENAI | CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, openai_tape, sizeof openai_tape / sizeof openai_tape[0], numbers, 7);
    /* The escaped key "\u0069d" is decoded into the strings pool. */
    if (r && r->valid && r->tape_length > 44) {
        uint32_t at = 0, keys = 0;
        while (at < r->tape_length) {
            uint32_t word = r->tape[at];
            tape_item item = tape_next(r, json, &at);
            if (item.op == CW_TAPE_KEY && ++keys == 2) CHECK(word & CW_TAPE_IN_STRINGS);
        }
        CHECK_EQ_INT(keys, 2);
    }

    static const expect_op compat_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("text_completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("ab"),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_OB,
        T_KEY("tokens"),
        T_AB,
        T_STR("a"),
        T_STR("b"),
        T_AE,
        T_KEY("token_logprobs"),
        T_AB,
        T_NULL,
        T_NUM,
        T_AE,
        T_KEY("top_logprobs"),
        T_AB,
        T_NULL,
        T_OB,
        T_KEY("b"),
        T_NUM,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_AE,
        T_KEY("text_offset"),
        T_AB,
        T_NUM,
        T_NUM,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_OE,
    };
    tu_set_case("openai-compatible tape: logprobs kept as sent");
    r = run(json, P_COMPAT | CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, compat_tape, sizeof compat_tape / sizeof compat_tape[0], numbers, 7);

    tu_set_case("openai-compatible tape: nulls");
    json = "{\"id\":\"c\",\"object\":\"completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":null,"
           "\"choices\":[{\"text\":\"\",\"index\":0,\"finish_reason\":null}],\"usage\":null}";
    static const expect_op nulls_tape[] = {
        T_OB,
        T_KK(ID),
        T_STR("c"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m"),
        T_KK(SYSTEM_FINGERPRINT),
        T_NULL,
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR(""),
        T_KK(INDEX),
        T_NUM,
        T_KK(FINISH_REASON),
        T_NULL,
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_NULL,
        T_OE,
    };
    static const double two_numbers[] = {1, 0};
    check_tape(run(json, P_COMPAT | CW_WRITE_TAPE), json, nulls_tape, sizeof nulls_tape / sizeof nulls_tape[0],
               two_numbers, 2);
}

/* Flags that name no profile; the profile and document bits; the new key names. */
static void test_profile_flags(void) {
    tu_set_case("profile number 3 names no profile");
    static const uint32_t documents[] = {0, CW_SCHEMA_STREAM_EVENT, CW_SCHEMA_ERROR, CW_SCHEMA_ANY_ERROR};
    for (int d = 0; d < 4; d++) {
        CHECK(run(SPEC_EXAMPLE, P_NONE | documents[d]) == NULL);
        CHECK(run(SPEC_EXAMPLE, P_NONE | documents[d] | CW_WRITE_TAPE | CW_UNKNOWN_KEEP) == NULL);
        CHECK(run("[", P_NONE | documents[d]) == NULL); /* before the JSON is looked at */
    }
    cw_options none = with_flags(P_NONE);
    CHECK(cw_check(ctx, NULL, 0, &none) == NULL);
    CHECK(run_n("", 0, CW_PROFILE_MASK) == NULL);
    /* Also for input over max_bytes, which would otherwise be too_large without being read. */
    none.max_bytes = 1;
    CHECK(cw_check(ctx, (const uint8_t *)SPEC_EXAMPLE, strlen(SPEC_EXAMPLE), &none) == NULL);
    CHECK(cw_check(ctx, NULL, 1000, &none) == NULL);
    tu_set_case("the context works after a NULL");
    expect_valid(run(SPEC_EXAMPLE, 0));
    expect_valid(run(OPENAI_ERROR, P_OPENAI | CW_SCHEMA_ERROR));

    tu_set_case("profile and document bits");
    CHECK_EQ_INT(CW_PROFILE_R9S, 0);
    CHECK_EQ_INT(CW_PROFILE_OPENAI, 1u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_PROFILE_OPENAI_COMPATIBLE, 2u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_PROFILE_MASK, 3u << CW_PROFILE_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_ANY_ERROR, 3u << CW_SCHEMA_SHIFT);
    CHECK_EQ_INT(CW_SCHEMA_MASK & CW_PROFILE_MASK, 0);
    CHECK_EQ_INT(
        (CW_SCHEMA_MASK | CW_PROFILE_MASK) & (CW_UNKNOWN_KEEP | CW_UNKNOWN_REJECT | CW_OPEN_ENUMS | CW_WRITE_TAPE), 0);
    CHECK_EQ_INT(CW_PROFILE_COUNT, 3);

    tu_set_case("key names");
    CHECK_STR(cw_key_name(CW_KEY_TEXT_OFFSET), "text_offset");
    CHECK_STR(cw_key_name(CW_KEY_TOKEN_LOGPROBS), "token_logprobs");
    CHECK_STR(cw_key_name(CW_KEY_TOKENS), "tokens");
    CHECK_STR(cw_key_name(CW_KEY_TOP_LOGPROBS), "top_logprobs");
    CHECK_STR(cw_key_name(CW_KEY_TEXT_TOKENS), "text_tokens");
    CHECK_STR(cw_key_name(CW_KEY_IMAGE_TOKENS), "image_tokens");
    CHECK_STR(cw_key_name(CW_KEY_CACHE_WRITE_TOKENS), "cache_write_tokens");
    CHECK_STR(cw_key_name(CW_KEY_SYSTEM_FINGERPRINT), "system_fingerprint");
    CHECK_STR(cw_key_name(CW_KEY_OBFUSCATION), "obfuscation");
    CHECK_STR(cw_key_name(CW_KEY_ERROR), "error");
    CHECK_STR(cw_key_name(CW_KEY_STATUS), "status");
    CHECK_STR(cw_key_name(CW_KEY_PARAM), "param");
    CHECK(cw_key_name(CW_KEY_COUNT) == NULL);
    CHECK(cw_key_name(CW_KEY_COUNT + 1) == NULL);
    /* Every id has a name of its own. */
    int unnamed = 0, repeated = 0;
    for (uint32_t k = 0; k < CW_KEY_COUNT; k++) {
        const char *name = cw_key_name(k);
        if (name == NULL || name[0] == '\0') {
            unnamed++;
            continue;
        }
        for (uint32_t j = 0; j < k; j++) repeated += cw_key_name(j) != NULL && strcmp(cw_key_name(j), name) == 0;
    }
    CHECK_EQ_INT(unnamed, 0);
    CHECK_EQ_INT(repeated, 0);
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_profile_object);
    RUN_TEST(test_profile_logprobs);
    RUN_TEST(test_profile_finish_reason);
    RUN_TEST(test_profile_usage);
    RUN_TEST(test_profile_tape);
    RUN_TEST(test_profile_flags);
    return close_shared_context();
}
