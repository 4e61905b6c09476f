/*
 * lexer_int.h — scanner state shared by scan.re, indent.c and fstring.c.
 * Never included outside lexer/.
 */
#ifndef MONTY_LEXER_LEXER_INT_H
#define MONTY_LEXER_LEXER_INT_H

#include <stdbool.h>

#include "grammar/python.h"
#include "lexer/lexer.h"

/* What the scanner is doing inside the innermost f-string. */
typedef enum LexFMode {
    LEX_FM_LITERAL,     /* literal text between fields */
    LEX_FM_EXPR,        /* inside a replacement field: ordinary tokens */
    LEX_FM_SPEC,        /* literal text of a format spec */
} LexFMode;

typedef struct LexFString {
    char quote;         /* ' or " */
    bool triple;
    bool raw;
    LexFMode mode;
    int bracket_base;   /* bracket depth when the f-string started */
    int lineno;         /* where it started (for "unterminated" messages) */
    int col;
} LexFString;

/* Bracket stack entries: the opening character, or 'F' for the `{` of a
 * replacement field, 'S' for a field nested in a format spec. */
typedef struct LexBracket {
    char ch;
    int lineno;
    int col;
} LexBracket;

typedef struct LexState {
    const char *src;
    const char *cur;
    const char *end;
    const char *line_start;
    int lineno;

    bool at_bol;            /* next token starts a logical line */
    int pending;            /* >0: INDENTs to emit; <0: DEDENTs to emit */
    int nindent;
    bool seen_token;        /* a token was produced on this logical line */
    int nbrackets;
    int nfstrings;

    LexResult *out;
    size_t max_bytes;       /* bound on the token array (0: none) */

    /* The stacks come last: lex_tokenize zeroes only the fields above
     * (7 KB less to clear per parse); entries are read only below their
     * counts. */
    int indents[LEX_MAX_INDENT + 1];    /* columns, tabs to multiples of 8 */
    int altindents[LEX_MAX_INDENT + 1]; /* columns, tabs as 1 (TabError) */
    LexBracket brackets[LEX_MAX_NESTING + 1];
    LexFString fstrings[LEX_MAX_FSTRING];
} LexState;

/* Grows the token array (the slow path of lex_emit); false and a
 * MemoryError when it cannot grow. */
bool lex_grow(LexState *ls);

/* Appends a token (type, text span, start position); returns false and sets
 * a MemoryError when the array cannot grow. Inline: it runs once per
 * token. */
static inline bool
lex_emit(LexState *ls, int type, int flags, const char *start, const char *end, int lineno,
         int col)
{
    LexResult *out = ls->out;
    if (__builtin_expect(out->ntoks == out->cap, 0) && !lex_grow(ls)) {
        return false;
    }
    LexToken *t = &out->toks[out->ntoks++];
    t->type = type;
    t->flags = flags;
    t->start = start;
    t->len = (int)(end - start);
    t->lineno = lineno;
    t->col = col;
    t->end_lineno = ls->lineno;
    t->end_col = (int)(end - ls->line_start);
    if (type != TK_NEWLINE && type != TK_INDENT && type != TK_DEDENT) {
        ls->seen_token = true;
    }
    return true;
}

/* Records an error at (lineno, col); always returns false. */
bool lex_fail(LexState *ls, LexErrorKind kind, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* At the start of a logical line: measures indentation, skips blank and
 * comment-only lines, queues INDENT/DEDENT. Returns false on error. Sets
 * *eof when the input ended. */
bool lex_indent_line(LexState *ls, bool *eof);

/* Emits queued INDENT/DEDENT tokens; true if one was emitted. */
bool lex_indent_flush(LexState *ls, bool *ok);

/* Scans literal text of the innermost f-string (LITERAL or SPEC mode). */
bool lex_fstring_literal(LexState *ls);

/* Scans a (non-f) string literal starting at `start` (prefix), the quote at
 * ls->cur. Emits STRING. */
bool lex_string(LexState *ls, const char *start, int flags);

/* The line CPython names in "(detected at line N)" for an error found at
 * the end of input: the last line that has text. */
static inline int
lex_eof_line(const LexState *ls)
{
    return (ls->cur > ls->src && ls->cur[-1] == '\n' && ls->lineno > 1) ? ls->lineno - 1
                                                                      : ls->lineno;
}

/* Column (0-based bytes) of p on the current line. */
static inline int
lex_col(const LexState *ls, const char *p)
{
    return (int)(p - ls->line_start);
}

#endif /* MONTY_LEXER_LEXER_INT_H */
