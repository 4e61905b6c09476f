/*
 * compiler.h — the compiler's front door: an AST (grammar/ast.h) to an
 * immutable CmpProgram (compiler/program.h).
 *
 * cmp_compile runs the symbol-table pass (scope.c), then generates one
 * CmpCode per module / function / lambda / comprehension (compile.c, emit.c).
 * It stops at the first error, as CPython does, and reports it in a CmpError
 * with CPython's exception type and message:
 *   - "SyntaxError" for what CPython rejects at compile time ('return'
 *     outside function, 'break' outside loop, nonlocal/global misuse, ...);
 *   - "NotImplementedError" for constructs monty does not run yet (class,
 *     match, with, async, ...), the message naming the feature;
 *   - "MemoryError" when an allocation fails.
 *
 * The module code returns the value of the script's final statement when
 * that statement is an expression statement, and None otherwise (the host
 * protocol's "value of the script's last expression statement").
 */
#ifndef MONTY_COMPILER_COMPILER_H
#define MONTY_COMPILER_COMPILER_H

#include <stddef.h>

#include "compiler/program.h"
#include "grammar/ast.h"

/* What the compiler needs besides the tree. Every pointer may be NULL when
 * its count is 0; strings are copied into the program. */
typedef struct CmpOptions {
    const char *filename;               /* "agent.py"; NULL means "<string>" */
    const char *source;                 /* kept for traceback source lines */
    size_t source_len;
    const char *const *input_names;     /* globals the host binds at start */
    size_t ninputs;
    const char *const *external_names;  /* functions the host provides */
    size_t nexternals;
    /* Parallel to external_names (NULL: none): nonzero for an `async def` tool, whose call
     * returns a coroutine that makes the host call when awaited (docs/async.md). */
    const unsigned char *external_async;
} CmpOptions;

/* A compile-time error, with the same conventions as ParseError: 1-based
 * lines, 1-based columns (CPython's SyntaxError.offset). */
typedef struct CmpError {
    const char *type;       /* "SyntaxError", "NotImplementedError", "MemoryError" */
    char msg[256];
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
} CmpError;

/*
 * Compiles a parsed module. Returns a new program (free it with
 * cmp_program_free) or NULL with *err filled. The AST is only read.
 */
CmpProgram *cmp_compile(const AstModule *mod, const CmpOptions *opts, CmpError *err);

/*
 * cmp_compile with a memory limit: the bytes the compilation may hold at
 * once (its working memory, then the program), 0 for none. Past it the
 * compilation fails with MemoryError ("out of memory while compiling").
 */
CmpProgram *cmp_compile_ex(const AstModule *mod, const CmpOptions *opts, size_t memory_limit,
                           CmpError *err);

#endif /* MONTY_COMPILER_COMPILER_H */
