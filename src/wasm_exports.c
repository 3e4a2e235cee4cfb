/*
 * wasm_exports.c: the functions the JS layer calls (listed in exports.txt).
 * One context and one input buffer live for the instance's lifetime; a call
 * is: cw_wasm_input(n) -> write n bytes there -> cw_wasm_check(...) -> read
 * the cw_result it returns before the next call.
 */
#include <stddef.h>
#include <stdlib.h>

#include "completion.h"
/* The exports' prototypes, and the layouts JS reads pinned (src/wasm_boundary.yaml). */
#include "wasm_boundary.h"

static cw_context *context;
static uint8_t *input;
static size_t input_capacity;

/* A buffer for the next input of `length` bytes, or NULL when memory cannot grow. */
uint8_t *cw_wasm_input(size_t length) {
    if (length == 0) length = 1;
    if (length > input_capacity) {
        free(input); /* the old bytes are not needed: each call writes a whole input */
        input = malloc(length);
        input_capacity = input ? length : 0;
    }
    return input;
}

/* Checks the `length` bytes written to the input buffer; when length >
 * max_bytes no bytes need to have been written. NULL means out of memory. */
const cw_result *cw_wasm_check(size_t length, size_t max_bytes, uint32_t max_depth, uint32_t max_issues,
                               uint32_t flags) {
    if (context == NULL && (context = cw_context_new()) == NULL) return NULL;
    cw_options options = {max_bytes, max_depth, max_issues, flags};
    return cw_check(context, length > max_bytes ? NULL : input, length, &options);
}
