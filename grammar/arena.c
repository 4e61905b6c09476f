/*
 * arena.c — bump allocator for one compilation (see arena.h). Blocks grow
 * geometrically up to 1 MiB so a small script costs one malloc and a large
 * one a few dozen; oversized requests get a block of their own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grammar/arena.h"

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size;        /* usable bytes after the header */
    size_t used;
} ArenaBlock;

struct AstArena {
    ArenaBlock *head;
    size_t limit;
    size_t total;       /* bytes of blocks obtained from malloc */
    size_t handed;      /* bytes handed out */
    size_t next_size;
    bool failed;
};

#define ARENA_ALIGN 16
#define ARENA_HDR ((sizeof(ArenaBlock) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
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
    ArenaBlock *b = arena->head;
    while (b != NULL) {
        ArenaBlock *n = b->next;
        free(b);
        b = n;
    }
    free(arena);
}

/* Gets a new block able to hold `size` bytes, or NULL (sticky failure). */
static ArenaBlock *
grow(AstArena *a, size_t size)
{
    size_t bsize = a->next_size;
    if (bsize < size) {
        bsize = size;
    }
    if (a->limit != 0 && (a->total + bsize + ARENA_HDR > a->limit)) {
        /* a smaller block may still fit under the limit */
        if (a->total + size + ARENA_HDR > a->limit) {
            a->failed = true;
            return NULL;
        }
        bsize = size;
    }
    if (bsize > SIZE_MAX - ARENA_HDR) {
        a->failed = true;
        return NULL;
    }
    ArenaBlock *b = malloc(ARENA_HDR + bsize);
    if (b == NULL) {
        a->failed = true;
        return NULL;
    }
    b->size = bsize;
    b->used = 0;
    a->total += ARENA_HDR + bsize;
    if (a->next_size < ARENA_MAX_BLOCK) {
        a->next_size *= 2;
    }
    /* an oversized block goes second so the current block keeps filling */
    if (a->head != NULL && bsize > a->next_size) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
    }
    return b;
}

void *
ast_arena_alloc(AstArena *arena, size_t size)
{
    if (arena->failed) {
        return NULL;
    }
    if (size > SIZE_MAX - ARENA_ALIGN) {
        arena->failed = true;
        return NULL;
    }
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    ArenaBlock *b = arena->head;
    if (b == NULL || b->size - b->used < size) {
        b = grow(arena, size);
        if (b == NULL) {
            return NULL;
        }
    }
    char *p = (char *)b + ARENA_HDR + b->used;
    b->used += size;
    arena->handed += size;
    memset(p, 0, size);
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
