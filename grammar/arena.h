/*
 * arena.h — bump allocation for one compilation (tokens, AST, types,
 * diagnostics), freed all at once. Nothing allocated here is freed alone,
 * so error paths in the parser and checker just return.
 *
 * An arena may carry a byte limit: once the total it holds would pass the
 * limit, ast_arena_alloc returns NULL and the arena remembers it (sticky
 * `failed`), so callers report one MemoryError instead of crashing.
 */
#ifndef MONTY_GRAMMAR_ARENA_H
#define MONTY_GRAMMAR_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct AstArena AstArena;

/* New empty arena; limit 0 means no limit. NULL if malloc fails. */
AstArena *ast_arena_new(size_t limit);
void ast_arena_free(AstArena *arena);

/* Zeroed, 16-byte aligned memory living as long as the arena, or NULL. */
void *ast_arena_alloc(AstArena *arena, size_t size);

/* Bytes handed out so far (for accounting and benchmarks). */
size_t ast_arena_used(const AstArena *arena);

/* The byte limit given to ast_arena_new (0: none). The parse driver
 * charges its temporary buffers (source copy, tokens) against it too. */
size_t ast_arena_limit(const AstArena *arena);

/* True once an allocation has been refused. */
bool ast_arena_failed(const AstArena *arena);

#endif /* MONTY_GRAMMAR_ARENA_H */
