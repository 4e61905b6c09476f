/*
 * checker.h — the front door of `monty check`: stubs in, diagnostics out.
 *
 * A host loads its stubs once (chk_stubs_load) and checks any number of
 * scripts against them (chk_check / chk_check_source). Loaded stubs are
 * immutable, so one ChkStubs may be shared by threads checking at once.
 * monty's own knowledge (stubs/builtins.pyi and one .pyi per supported
 * module, embedded at build time) is loaded once per process on first use
 * and never changes afterwards.
 *
 * The checker is gradual (DESIGN.md contract 8): whatever it cannot infer is
 * Any, nothing is reported about Any, and for a union only an operation that
 * fails for every member is reported. A clean result means every call into
 * the host has the right shape.
 *
 * Ownership: every returned ChkResult and every rendered string belongs to
 * the caller (chk_result_free / free). Diagnostics hold copies of the file
 * name and messages, so they outlive the AST and the source text.
 */
#ifndef MONTY_CHECKER_CHECKER_H
#define MONTY_CHECKER_CHECKER_H

#include <stdbool.h>
#include <stddef.h>

#include "grammar/ast.h"

typedef enum ChkSeverity {
    CHK_SEV_ERROR,
    CHK_SEV_WARNING,
} ChkSeverity;

/*
 * One diagnostic. Lines and columns are 1-based and counted in characters
 * (code points); end_column is the column just past the span, as ruff and ty
 * print it. `code` is ty's rule name ("unresolved-reference", ...) or one of
 * monty's lint codes; `hint` is NULL or one extra sentence ("did you mean
 * `get_weather`?" lives in the message itself).
 */
typedef struct ChkDiag {
    const char *file;
    int line;
    int column;
    int end_line;
    int end_column;
    ChkSeverity severity;
    const char *code;
    const char *message;
    const char *hint;
} ChkDiag;

/* The outcome of one check: diagnostics sorted by position. */
typedef struct ChkResult ChkResult;

/* Loaded stubs: the host's functions, inputs, types. */
typedef struct ChkStubs ChkStubs;

/* Output formats of chk_result_render. */
typedef enum ChkFormat {
    CHK_FORMAT_CONCISE,   /* file:line:col: error[code] message */
    CHK_FORMAT_FULL,      /* concise line + source line with the span underlined */
    CHK_FORMAT_JSON,      /* JSON array of objects; "[]" when clean */
    CHK_FORMAT_GITHUB,    /* ::error file=..,line=..,col=..::[code] message */
} ChkFormat;

/*
 * Parses stub text (a .pyi: def/async def, classes incl. TypedDict,
 * dataclasses and NamedTuple, type aliases, `name: type` input variables).
 * Returns NULL on a syntax error or out of memory and, when err is not
 * NULL, writes a one-line reason ("file:line:col: SyntaxError: msg") there.
 */
ChkStubs *chk_stubs_load(const char *text, size_t len, const char *filename,
                         char *err, size_t errlen);

/* Frees stubs from chk_stubs_load; NULL is ignored. */
void chk_stubs_free(ChkStubs *stubs);

/*
 * Names of every def/async def at the top level of the stubs, in source
 * order: the host's external functions. *out points into `stubs` (valid
 * while it lives); returns the count.
 */
size_t chk_stubs_function_names(const ChkStubs *stubs, const char *const **out);

/* Parallel to chk_stubs_function_names: 1 where the def is `async def` (ASYNC). */
size_t chk_stubs_function_async(const ChkStubs *stubs, const unsigned char **out);

/* Names of the `name: type` variables of the stubs (the script's inputs). */
size_t chk_stubs_input_names(const ChkStubs *stubs, const char *const **out);

/*
 * Checks a parsed module. `source` (may be NULL) is only used for column
 * conversion and the `full` format. `stubs` may be NULL (builtins only).
 * `input_names` are extra names the host binds at start (each is Any unless
 * the stubs declare its type). Returns NULL only when out of memory.
 */
ChkResult *chk_check(const AstModule *mod, const char *filename, const char *source,
                     size_t len, const ChkStubs *stubs, const char *const *input_names,
                     size_t ninputs);

/*
 * Parses and checks source text. A syntax error becomes one diagnostic with
 * code "invalid-syntax" (CPython's message and location).
 */
ChkResult *chk_check_source(const char *source, size_t len, const char *filename,
                            const ChkStubs *stubs, const char *const *input_names,
                            size_t ninputs);

/* Number of diagnostics, of errors only, and the i-th diagnostic (borrowed). */
size_t chk_result_count(const ChkResult *res);
size_t chk_result_errors(const ChkResult *res);
const ChkDiag *chk_result_get(const ChkResult *res, size_t i);

/*
 * Renders all diagnostics in `fmt` as one malloc'd NUL-terminated string
 * (caller frees). concise/full/github end every item with '\n' and give ""
 * when clean; json gives "[]" when clean. NULL when out of memory.
 */
char *chk_result_render(const ChkResult *res, ChkFormat fmt);

/* "concise", "full", "json", "github" -> format; false for anything else. */
bool chk_format_parse(const char *name, ChkFormat *out);

void chk_result_free(ChkResult *res);

#endif /* MONTY_CHECKER_CHECKER_H */
