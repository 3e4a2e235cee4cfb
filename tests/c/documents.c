/* documents.c: the builders of documents.h (what each builds is described there). */
#include "documents.h"

#include <stdio.h>
#include <string.h>

/* Members of a valid document; a test replaces or removes one at a time. */
typedef struct member {
    const char *key;   /* raw JSON key text without quotes */
    const char *value; /* raw JSON value text; NULL removes the member */
} member;

static const member response_members[] = {
    {"id", "\"cmpl-123\""},       {"object", "\"completion\""},      {"created", "1677652288"},
    {"model", "\"gpt-4o-mini\""}, {"choices", "[" VALID_CHOICE "]"}, {"usage", VALID_USAGE},
};
static const member choice_members[] = {
    {"text", "\"hi\""},
    {"index", "0"},
    {"logprobs", "null"},
    {"finish_reason", "\"stop\""},
};

/* Rotating static buffers, so a test can hold a few built documents at once. */
static char *next_buffer(void) {
    static char buffers[4][16384];
    static int next;
    next = (next + 1) % 4;
    return buffers[next];
}

/* An object of `members` with `key` set to `value` (NULL: removed). */
static const char *object_with(const member *members, size_t count, const char *key, const char *value) {
    char *out = next_buffer();
    size_t n = 0;
    out[n++] = '{';
    for (size_t i = 0; i < count; i++) {
        const char *v = strcmp(members[i].key, key) == 0 ? value : members[i].value;
        if (v == NULL) continue;
        n += (size_t)snprintf(out + n, 16384 - n, "%s\"%s\":%s", n > 1 ? "," : "", members[i].key, v);
    }
    snprintf(out + n, 16384 - n, "}");
    return out;
}

const char *response_with(const char *key, const char *value) { return object_with(response_members, 6, key, value); }

const char *choice_with(const char *key, const char *value) {
    const char *choice = object_with(choice_members, 4, key, value);
    char *choices = next_buffer();
    size_t n = strlen(choice);
    choices[0] = '[';
    memcpy(choices + 1, choice, n);
    memcpy(choices + 1 + n, "]", 2);
    return response_with("choices", choices);
}

static const member openai_members[] = {
    {"id", "\"cmpl-1\""},
    {"object", "\"text_completion\""},
    {"created", "1684473096"},
    {"model", "\"gpt-3.5-turbo-instruct\""},
    {"system_fingerprint", "\"fp_44709d6fcb\""},
    {"choices", "[" VALID_CHOICE "]"},
    {"usage", VALID_USAGE},
};
static const member usage_members[] = {
    {"prompt_tokens", "5"},          {"completion_tokens", "12"},         {"total_tokens", "17"},
    {"prompt_tokens_details", NULL}, {"completion_tokens_details", NULL}, /* absent unless set */
};

const char *openai_with(const char *key, const char *value) {
    return object_with(openai_members, sizeof openai_members / sizeof openai_members[0], key, value);
}

const char *openai_choice_with(const char *key, const char *value) {
    const char *choice = object_with(choice_members, 4, key, value);
    char *choices = next_buffer();
    snprintf(choices, 16384, "[%s]", choice);
    return openai_with("choices", choices);
}

const char *openai_usage_with(const char *key, const char *value) {
    return openai_with("usage", object_with(usage_members, sizeof usage_members / sizeof usage_members[0], key, value));
}
