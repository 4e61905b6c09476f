/*
 * parse.h — the front door of the front end: source text to AstModule.
 *
 * parse_module drives the re2c scanner (lexer/) and the Lemon parser
 * (grammar/python.y) over the whole source and stops at the first error, as
 * CPython does. On failure it fills a ParseError with CPython's exception
 * type (SyntaxError, IndentationError or TabError), message and location.
 */
#ifndef MONTY_GRAMMAR_PARSE_H
#define MONTY_GRAMMAR_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "grammar/arena.h"
#include "grammar/ast.h"

typedef struct ParseError {
    const char *type;       /* "SyntaxError", "IndentationError", "TabError",
                               "MemoryError" (arena refused, parser stack
                               overflow, oversized source) or
                               "RecursionError" (tree deeper than the cap);
                               static strings */
    char msg[256];          /* CPython's message, e.g. "expected ':'" */
    int lineno;             /* 1-based, as CPython's SyntaxError.lineno */
    int col_offset;         /* 1-based, as CPython's SyntaxError.offset */
    int end_lineno;
    int end_col_offset;
} ParseError;

/* Source limits enforced before any work grows with the input. */
#define PARSE_MAX_SOURCE_BYTES (64u * 1024u * 1024u)
#define PARSE_MAX_NESTING 200   /* CPython: "too many nested parentheses" */

/*
 * Parses `len` bytes of UTF-8 source (need not be NUL-terminated). All nodes
 * live in `arena`. Returns NULL and fills *err on a syntax error or when the
 * arena refuses memory.
 */
AstModule *parse_module(AstArena *arena, const char *src, size_t len, ParseError *err);

/*
 * Writes the tree as CPython's ast.dump(tree) prints it (no attributes,
 * 3.13 rules: None fields and empty lists omitted). Returns a NUL-terminated
 * string allocated in `arena`, or NULL on allocation failure.
 */
char *parse_dump_module(AstArena *arena, const AstModule *mod);

/* As parse_dump_module; with include_attributes the locations of every
 * node are printed too, as ast.dump(tree, include_attributes=True). */
char *parse_dump_module_ex(AstArena *arena, const AstModule *mod, bool include_attributes);

#endif /* MONTY_GRAMMAR_PARSE_H */
