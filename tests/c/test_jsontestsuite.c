/*
 * test_jsontestsuite.c: every file of JSONTestSuite's test_parsing: y_ files
 * pass the JSON stage, n_ files fail it with one issue, i_ files as
 * JSON.parse decides them, less the deliberate extra rejections listed below.
 *
 * Run from the repository root (ctest does), or pass the root as argv[1]:
 * the files are read from <root>/../shared/conformance/JSONTestSuite/test_parsing.
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "core_util.h"

static const char *repo_root = ".";

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t capacity = 4096, n = 0;
    char *data = malloc(capacity);
    while (data) {
        n += fread(data + n, 1, capacity - n, f);
        if (n < capacity) break;
        char *bigger = realloc(data, capacity *= 2);
        if (!bigger) free(data);
        data = bigger;
    }
    fclose(f);
    *length = n;
    return data;
}

static int count_json_stage(const cw_result *r) {
    int n = 0;
    for (uint32_t i = 0; i < r->issue_count; i++) n += is_json_stage(r->issues[i].code);
    return n;
}

static int name_in(const char *name, const char *const *list) {
    for (; *list; list++)
        if (strcmp(name, *list) == 0) return 1;
    return 0;
}

/* i_ files where a deliberate decision makes us reject what JSON.parse takes. */
static const char *const rejected_by_decision[] = {
    "i_structure_UTF-8_BOM_empty_object.json",
    "i_object_key_lone_2nd_surrogate.json",
    "i_string_1st_surrogate_but_2nd_missing.json",
    "i_string_1st_valid_surrogate_2nd_invalid.json",
    "i_string_incomplete_surrogate_and_escape_valid.json",
    "i_string_incomplete_surrogate_pair.json",
    "i_string_incomplete_surrogates_escape_valid.json",
    "i_string_invalid_lonely_surrogate.json",
    "i_string_invalid_surrogate.json",
    "i_string_inverted_surrogates_U+1D11E.json",
    "i_string_lone_second_surrogate.json",
    NULL,
};
/* i_ files that are not UTF-8 at all. */
static const char *const not_utf8[] = {
    "i_string_UTF-8_invalid_sequence.json",
    "i_string_UTF8_surrogate_U+D800.json",
    "i_string_invalid_utf-8.json",
    "i_string_iso_latin_1.json",
    "i_string_lone_utf8_continuation_byte.json",
    "i_string_not_in_unicode_range.json",
    "i_string_overlong_sequence_2_bytes.json",
    "i_string_overlong_sequence_6_bytes.json",
    "i_string_overlong_sequence_6_bytes_null.json",
    "i_string_truncated-utf-8.json",
    "i_string_UTF-16LE_with_BOM.json",
    NULL,
};

static void check_suite_file(const char *name, const char *data, size_t length, int *counts) {
    cw_options deep = {0, CW_MAX_DEPTH_LIMIT, 0, 0};
    const cw_result *r = cw_check(ctx, (const uint8_t *)data, length, &deep);
    if (!CHECK(r != NULL)) return;
    int stage = count_json_stage(r);
    if (name[0] == 'y') {
        counts[0]++;
        if (!CHECK_EQ_INT(stage, 0)) dump_issues(r);
    } else if (name[0] == 'n') {
        counts[1]++;
        if (!CHECK_EQ_INT(stage, 1) || !CHECK_EQ_INT(r->issue_count, 1)) dump_issues(r);
    } else if (name[0] == 'i') {
        counts[2]++;
        if (name_in(name, rejected_by_decision)) {
            expect_one(r, CW_INVALID_JSON, r->issue_count ? r->issues[0].offset : 0);
        } else if (name_in(name, not_utf8)) {
            expect_one(r, CW_INVALID_UTF8, r->issue_count ? r->issues[0].offset : 0);
        } else if (strncmp(name, "i_string_utf16", 14) == 0) {
            CHECK_EQ_INT(stage, 1); /* NUL bytes: not JSON as UTF-8 */
        } else {
            /* Huge numbers and 500 nested arrays: JSON.parse accepts them. */
            if (!CHECK_EQ_INT(stage, 0)) dump_issues(r);
        }
    }
}

static void test_json_test_suite(void) {
    char dir_path[4096];
    snprintf(dir_path, sizeof dir_path, "%s/../shared/conformance/JSONTestSuite/test_parsing", repo_root);
    tu_set_case(dir_path);
    DIR *dir = opendir(dir_path);
    if (!CHECK(dir != NULL)) return;
    int counts[3] = {0, 0, 0};
    struct dirent *entry;
    char file_path[8192];
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.' || strlen(name) < 6 || strcmp(name + strlen(name) - 5, ".json") != 0) continue;
        snprintf(file_path, sizeof file_path, "%s/%s", dir_path, name);
        size_t length = 0;
        char *data = read_file(file_path, &length);
        tu_set_case(name);
        if (!CHECK(data != NULL)) continue;
        check_suite_file(name, data, length, counts);
        free(data);
    }
    closedir(dir);
    tu_set_case("JSONTestSuite counts");
    CHECK(counts[0] >= 90);  /* y_ */
    CHECK(counts[1] >= 180); /* n_ */
    CHECK(counts[2] >= 30);  /* i_ */
    printf("JSONTestSuite: %d y_, %d n_, %d i_ files\n", counts[0], counts[1], counts[2]);

    /* The 500 nested arrays exceed the default depth. */
    tu_set_case("i_structure_500_nested_arrays at the default depth");
    snprintf(file_path, sizeof file_path, "%s/i_structure_500_nested_arrays.json", dir_path);
    size_t length = 0;
    char *data = read_file(file_path, &length);
    if (CHECK(data != NULL)) expect_one(run_n(data, length, 0), CW_TOO_DEEP, CW_DEFAULT_MAX_DEPTH);
    free(data);
}

int main(int argc, char **argv) {
    if (argc > 1) repo_root = argv[1];
    if (!open_shared_context()) return test_report();
    RUN_TEST(test_json_test_suite);
    return close_shared_context();
}
