/*
 * check.c: the C API in one small program. Reads a file, checks it as a
 * CompletionResponse, prints each issue as FILE:line:column: code: path.
 *   build/native/check_example examples/invalid.json
 * Exit status: 0 valid, 1 invalid, 2 the file could not be read.
 */
#include <stdio.h>
#include <stdlib.h>

#include "completion.h"

static unsigned char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    size_t capacity = 1 << 16, used = 0, n;
    unsigned char *bytes = malloc(capacity);
    while (bytes != NULL && (n = fread(bytes + used, 1, capacity - used, file)) > 0) {
        used += n;
        if (used == capacity) {
            unsigned char *bigger = realloc(bytes, capacity *= 2);
            if (bigger == NULL) free(bytes);
            bytes = bigger;
        }
    }
    fclose(file);
    *length = used;
    return bytes;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    size_t length = 0;
    unsigned char *json = read_file(argv[1], &length);
    cw_context *context = cw_context_new();
    if (json == NULL || context == NULL) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    cw_options options = {0, 0, 0, 0}; /* the defaults: 64 MiB, depth 64, 100 issues, strip unknown fields */
    const cw_result *result = cw_check(context, json, length, &options);
    int status = result == NULL ? 2 : result->valid ? 0 : 1;
    for (uint32_t i = 0; result != NULL && i < result->issue_count; i++) {
        const cw_issue *issue = &result->issues[i];
        char path[256];
        cw_path_string(issue, path, sizeof path);
        printf("%s:%u:%u: %s: %s (expected %s)\n", argv[1], (unsigned)issue->line, (unsigned)issue->column,
               cw_code_name(issue->code), path[0] ? path : "(document)", issue->expected ? issue->expected : "-");
    }
    if (status == 0) printf("%s: valid\n", argv[1]);
    cw_context_free(context); /* frees the result too */
    free(json);
    return status;
}
