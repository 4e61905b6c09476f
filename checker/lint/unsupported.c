/*
 * lint/unsupported.c — statements the parser accepts but monty never runs.
 * Kept deliberately short: features that are merely not implemented yet
 * fail at run time with a clear error, and must not be blocked here once
 * the VM grows them (contract 8).
 */
#include "checker/chk_int.h"

/* chk_lint_unsupported_stmt: the feature's name, or NULL when supported. */
const char *
chk_lint_unsupported_stmt(const AstStmt *s)
{
    switch (s->kind) {
    case AST_TRYSTAR:
        return "`except*` (exception groups)";
    default:
        return NULL;
    }
}
