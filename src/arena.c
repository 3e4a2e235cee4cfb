#include "arena.h"

#include <stdint.h>
#include <stdlib.h>

#include "vendor/cjson/cJSON.h"

#define FIRST_BLOCK_SIZE ((size_t)64 * 1024)

struct arena_block {
    arena_block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
};

/* The header is padded to 16 bytes so block data stays 8-byte aligned. */
#define HEADER_SIZE ((sizeof(arena_block) + 15) & ~(size_t)15)

void arena_init(arena *a) {
    a->blocks = NULL;
    a->out_of_memory = 0;
}

static arena_block *new_block(size_t size) {
    arena_block *block = malloc(HEADER_SIZE + size);
    if (block == NULL) return NULL;
    block->next = NULL;
    block->size = size;
    block->used = 0;
    return block;
}

void *arena_alloc(arena *a, size_t size) {
    size_t aligned = (size + 7) & ~(size_t)7;
    if (aligned < size) {
        a->out_of_memory = 1;
        return NULL;
    } /* size_t overflow */
    arena_block *block = a->blocks;
    if (block == NULL || block->size - block->used < aligned) {
        /* Grow geometrically so a large document needs few blocks. */
        size_t want = block ? block->size * 2 : FIRST_BLOCK_SIZE;
        if (want < aligned) want = aligned;
        arena_block *fresh = new_block(want);
        if (fresh == NULL) {
            a->out_of_memory = 1;
            return NULL;
        }
        fresh->next = block;
        a->blocks = block = fresh;
    }
    void *memory = (char *)block + HEADER_SIZE + block->used;
    block->used += aligned;
    return memory;
}

void arena_reset(arena *a) {
    arena_block *block = a->blocks;
    while (block != NULL && block->next != NULL) {
        arena_block *next = block->next;
        free(block);
        block = next;
    }
    if (block != NULL) block->used = 0;
    a->blocks = block;
    a->out_of_memory = 0;
}

void arena_free(arena *a) {
    arena_reset(a);
    free(a->blocks);
    a->blocks = NULL;
}

/* cJSON's hooks are process-global; the arena they use is per thread, and a
 * thread outside cw_check gets plain malloc/free. */
#ifdef __wasm__
#define THREAD_LOCAL /* a wasm instance runs on one thread; wasm TLS would need the atomics feature */
#else
#define THREAD_LOCAL _Thread_local
#endif
static THREAD_LOCAL arena *cjson_arena;

static void *cjson_allocate(size_t size) { return cjson_arena ? arena_alloc(cjson_arena, size) : malloc(size); }

static void cjson_deallocate(void *pointer) {
    if (cjson_arena == NULL) free(pointer); /* arena memory goes at arena_reset */
}

void arena_use_for_cjson(arena *a) {
    static int hooks_installed;
    if (!hooks_installed) {
        cJSON_Hooks hooks = {cjson_allocate, cjson_deallocate};
        cJSON_InitHooks(&hooks);
        hooks_installed = 1;
    }
    cjson_arena = a;
}
