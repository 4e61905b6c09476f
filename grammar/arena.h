/*
 * arena.h — bump allocation for one compilation (tokens, AST, types,
 * diagnostics), freed all at once. Nothing allocated here is freed alone,
 * so error paths in the parser and checker just return.
 *
 * An arena may carry a byte limit: once the total it holds would pass the
 * limit, ast_arena_alloc returns NULL and the arena remembers it (sticky
 * `failed`), so callers report one MemoryError instead of crashing.
 *
 * The parser and the checker allocate a node every few tokens, so the
 * common case (room left in the current block) is inline here; the
 * struct is visible only for that: its fields are arena.c's business.
 */
#ifndef MONTY_GRAMMAR_ARENA_H
#define MONTY_GRAMMAR_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct AstArenaBlock AstArenaBlock;

typedef struct AstArena {
    char *cur;              /* next free byte of the current block */
    char *end;              /* end of the current block (cur == end == NULL once failed) */
    AstArenaBlock *head;    /* blocks, current first (freed together) */
    size_t limit;
    size_t total;           /* bytes of blocks obtained from malloc */
    size_t handed;          /* bytes handed out */
    size_t next_size;
    bool failed;
} AstArena;

#define AST_ARENA_ALIGN 16

/* New empty arena; limit 0 means no limit. NULL if malloc fails. */
AstArena *ast_arena_new(size_t limit);
void ast_arena_free(AstArena *arena);

/* The slow path of the allocators below (a new block, or a failure). */
void *ast_arena_alloc_slow(AstArena *arena, size_t size, bool zero);

/* Uninitialized, 16-byte aligned memory living as long as the arena, or
 * NULL (for strings and arrays the caller fills at once). */
static inline void *
ast_arena_alloc_raw(AstArena *arena, size_t size)
{
    size_t n = (size + AST_ARENA_ALIGN - 1) & ~(size_t)(AST_ARENA_ALIGN - 1);
    if (__builtin_expect(n >= size && n <= (size_t)(arena->end - arena->cur), 1) &&
        arena->cur != NULL) {
        char *p = arena->cur;
        arena->cur = p + n;
        arena->handed += n;
        return p;
    }
    return ast_arena_alloc_slow(arena, size, false);
}

/* Zeroed, 16-byte aligned memory living as long as the arena, or NULL. */
static inline void *
ast_arena_alloc(AstArena *arena, size_t size)
{
    size_t n = (size + AST_ARENA_ALIGN - 1) & ~(size_t)(AST_ARENA_ALIGN - 1);
    if (__builtin_expect(n >= size && n <= (size_t)(arena->end - arena->cur), 1) &&
        arena->cur != NULL) {
        char *p = arena->cur;
        arena->cur = p + n;
        arena->handed += n;
        memset(p, 0, n);
        return p;
    }
    return ast_arena_alloc_slow(arena, size, true);
}

/* Bytes handed out so far (for accounting and benchmarks). */
size_t ast_arena_used(const AstArena *arena);

/* The byte limit given to ast_arena_new (0: none). The parse driver
 * charges its temporary buffers (source copy, tokens) against it too. */
size_t ast_arena_limit(const AstArena *arena);

/* True once an allocation has been refused. */
bool ast_arena_failed(const AstArena *arena);

#endif /* MONTY_GRAMMAR_ARENA_H */
