/*
 * arena.c — bump allocator for one compilation (see arena.h, which holds
 * the inline fast path). Blocks grow geometrically up to 1 MiB so a small
 * script costs one malloc and a large one a few dozen; oversized requests
 * get a block of their own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/arena.h"

struct AstArenaBlock {
    AstArenaBlock *next;
    size_t size;        /* usable bytes after the header */
};

#define ARENA_HDR \
    ((sizeof(AstArenaBlock) + AST_ARENA_ALIGN - 1) & ~(size_t)(AST_ARENA_ALIGN - 1))
#define ARENA_FIRST 4096
#define ARENA_MAX_BLOCK (1u << 20)

AstArena *
ast_arena_new(size_t limit)
{
    AstArena *a = calloc(1, sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->limit = limit;
    a->next_size = ARENA_FIRST;
    return a;
}

void
ast_arena_free(AstArena *arena)
{
    if (arena == NULL) {
        return;
    }
    AstArenaBlock *b = arena->head;
    while (b != NULL) {
        AstArenaBlock *n = b->next;
        free(b);
        b = n;
    }
    free(arena);
}

static void *
fail(AstArena *a)
{
    a->failed = true;
    a->cur = NULL;
    a->end = NULL;
    return NULL;
}

/* Called when the current block lacks room for `size` bytes (or the arena
 * has failed): gets a new block. A block bigger than the next geometric
 * size is the request's alone and goes second in the list, so the
 * current block keeps filling. */
void *
ast_arena_alloc_slow(AstArena *a, size_t size, bool zero)
{
    if (a->failed || size > SIZE_MAX / 2) {
        return fail(a);
    }
    size = (size + AST_ARENA_ALIGN - 1) & ~(size_t)(AST_ARENA_ALIGN - 1);
    size_t bsize = a->next_size;
    if (bsize < size) {
        bsize = size;
    }
    if (a->limit != 0 && (a->total + bsize + ARENA_HDR > a->limit)) {
        /* a smaller block may still fit under the limit */
        if (a->total + size + ARENA_HDR > a->limit) {
            return fail(a);
        }
        bsize = size;
    }
    AstArenaBlock *b = malloc(ARENA_HDR + bsize);
    if (b == NULL) {
        return fail(a);
    }
    b->size = bsize;
    a->total += ARENA_HDR + bsize;
    if (a->next_size < ARENA_MAX_BLOCK) {
        a->next_size *= 2;
    }
    char *p = (char *)b + ARENA_HDR;
    if (a->head != NULL && bsize > a->next_size) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
        a->cur = p + size;
        a->end = p + bsize;
    }
    a->handed += size;
    if (zero) {
        memset(p, 0, size);
    }
    return p;
}

size_t
ast_arena_used(const AstArena *arena)
{
    return arena->handed;
}

size_t
ast_arena_limit(const AstArena *arena)
{
    return arena->limit;
}

bool
ast_arena_failed(const AstArena *arena)
{
    return arena->failed;
}
