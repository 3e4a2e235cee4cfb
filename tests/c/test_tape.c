/*
 * test_tape.c: the tape cw_check writes with CW_WRITE_TAPE (completion.h): the
 * spec example and a document with every optional part, item by item, with
 * their numbers; and when no tape is written.
 */

#include <math.h>

#include "core_util.h"

static void test_spec_example(void) {
    tu_set_case("spec example");
    const char *json = SPEC_EXAMPLE;
    expect_valid(run(json, 0));

    static const expect_op expected[] = {
        T_OB,
        T_KK(ID),
        T_STR("cmpl-123"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("gpt-4o-mini"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR(", there was a young programmer who loved to code."),
        T_KK(INDEX),
        T_NUM,
        T_KK(LOGPROBS),
        T_NULL,
        T_KK(FINISH_REASON),
        T_STR("stop"),
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_OB,
        T_KK(PROMPT_TOKENS),
        T_NUM,
        T_KK(COMPLETION_TOKENS),
        T_NUM,
        T_KK(TOTAL_TOKENS),
        T_NUM,
        T_OE,
        T_OE,
    };
    static const double numbers[] = {1677652288, 0, 5, 12, 17};
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, expected, sizeof expected / sizeof expected[0], numbers, 5);

    /* Validation only: no tape is written. */
    r = run(json, 0);
    if (CHECK(r != NULL)) CHECK_EQ_INT(r->tape_length, 0);
    /* An invalid document never yields a tape, even when one was asked for. */
    r = run(response_with("id", "5"), CW_WRITE_TAPE);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_EQ_INT(r->tape_length, 0);
    }
    /* The numbers belong to the tape: none without one, even when the
     * invalid value comes after some numbers. */
    r = run(response_with("model", "5"), CW_WRITE_TAPE);
    if (CHECK(r != NULL)) {
        CHECK_EQ_INT(r->valid, 0);
        CHECK_EQ_INT(r->number_count, 0);
    }
}

/* Every optional part, logprobs content and escapes, in one tape. */
static void test_full_tape(void) {
    tu_set_case("full tape");
    const char *json =
        "{\"id\":\"a\\nb\\u00e9\",\"object\":\"completion\",\"created\":-0,\"model\":\"m\\u00e9\","
        "\"choices\":[{\"text\":\"caf\xc3\xa9 \xf0\x9f\x98\x80\",\"index\":1e2,"
        "\"logprobs\":{\"tokens\":[\"a\",true,false,null,-1.5],\"finish_reason\":{\"id\":1},\"a\\\"b\":[]},"
        "\"finish_reason\":\"length\"}],"
        "\"usage\":{\"prompt_tokens\":1.0,\"completion_tokens\":2,\"total_tokens\":3,"
        "\"prompt_tokens_details\":{\"cached_tokens\":4,\"audio_tokens\":5},"
        "\"completion_tokens_details\":{\"reasoning_tokens\":6,\"audio_tokens\":7,"
        "\"accepted_prediction_tokens\":8,\"rejected_prediction_tokens\":9}}}";
    static const expect_op expected[] = {
        T_OB,
        T_KK(ID),
        T_STR("a\nb\xc3\xa9"),
        T_KK(OBJECT),
        T_STR("completion"),
        T_KK(CREATED),
        T_NUM,
        T_KK(MODEL),
        T_STR("m\xc3\xa9"),
        T_KK(CHOICES),
        T_AB,
        T_OB,
        T_KK(TEXT),
        T_STR("caf\xc3\xa9 \xf0\x9f\x98\x80"),
        T_KK(INDEX),
        T_NUM,
        /* logprobs is passed through: its keys are never schema keys,
             * even when they spell one (finish_reason, id). */
        T_KK(LOGPROBS),
        T_OB,
        T_KEY("tokens"),
        T_AB,
        T_STR("a"),
        T_TRUE,
        T_FALSE,
        T_NULL,
        T_NUM,
        T_AE,
        T_KEY("finish_reason"),
        T_OB,
        T_KEY("id"),
        T_NUM,
        T_OE,
        T_KEY("a\"b"),
        T_AB,
        T_AE,
        T_OE,
        T_KK(FINISH_REASON),
        T_STR("length"),
        T_OE,
        T_AE,
        T_KK(USAGE),
        T_OB,
        T_KK(PROMPT_TOKENS),
        T_NUM,
        T_KK(COMPLETION_TOKENS),
        T_NUM,
        T_KK(TOTAL_TOKENS),
        T_NUM,
        T_KK(PROMPT_TOKENS_DETAILS),
        T_OB,
        T_KK(CACHED_TOKENS),
        T_NUM,
        T_KK(AUDIO_TOKENS),
        T_NUM,
        T_OE,
        T_KK(COMPLETION_TOKENS_DETAILS),
        T_OB,
        T_KK(REASONING_TOKENS),
        T_NUM,
        T_KK(AUDIO_TOKENS),
        T_NUM,
        T_KK(ACCEPTED_PREDICTION_TOKENS),
        T_NUM,
        T_KK(REJECTED_PREDICTION_TOKENS),
        T_NUM,
        T_OE,
        T_OE,
        T_OE,
    };
    static const double numbers[] = {0, 100, -1.5, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const cw_result *r = run(json, CW_WRITE_TAPE);
    expect_valid(r);
    check_tape(r, json, expected, sizeof expected / sizeof expected[0], numbers, 13);
    /* -0 stays negative zero, as JSON.parse("-0") does. */
    if (r && r->number_count > 0) CHECK(signbit(r->numbers[0]));
}

int main(void) {
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_spec_example);
    RUN_TEST(test_full_tape);
    return close_shared_context();
}
