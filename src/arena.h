/*
 * arena.h: per-call bump allocator. Everything cJSON and the validator
 * allocate during one cw_check comes from here and is released in one step
 * by arena_reset, so a call never leaks and never fragments the heap.
 */
#ifndef CW_ARENA_H
#define CW_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *blocks; /* newest first; the last one is kept across resets */
    int out_of_memory;   /* set when an allocation failed since the last reset */
} arena;

void arena_init(arena *a);
/* 8-byte aligned memory valid until the next arena_reset; NULL (and
 * out_of_memory set) when the system allocator fails. */
void *arena_alloc(arena *a, size_t size);
/* Frees every block but the first, so a steady stream of small calls
 * allocates nothing from the system. */
void arena_reset(arena *a);
void arena_free(arena *a);

/* Routes cJSON's allocations to `a` on this thread until the next call
 * (NULL restores malloc/free). Installs the cJSON hooks on first use. */
void arena_use_for_cjson(arena *a);

#endif
