/*
 * error.c — turning Lemon's generic "invalid syntax" into the messages
 * CPython 3.13 gives for the common mistakes. CPython finds these with a
 * second parsing pass over `invalid_*` rules; we look at the tokens around
 * the one the parser stopped at, which covers the cases people and models
 * actually hit (missing ':', `print "x"`, `=` for `==`, a missing comma,
 * a block without its indented body, `try` without `except`...).
 */
#include <stdio.h>
#include <string.h>

#include "grammar/parse_int.h"
#include "grammar/python.h"

void parse_refine_error(ParseCtx *ctx, const LexToken *at, const LexResult *lex);

typedef struct Toks {
    const LexToken *t;
    int n;
} Toks;

static bool
is_opener(int type)
{
    return type == TK_LPAR || type == TK_LSQB || type == TK_LBRACE;
}

static bool
is_closer(int type)
{
    return type == TK_RPAR || type == TK_RSQB || type == TK_RBRACE;
}

static bool
line_break(int type)
{
    return type == TK_NEWLINE || type == TK_INDENT || type == TK_DEDENT;
}

/* Index of the first token of the logical line holding token i. */
static int
line_start(Toks tk, int i)
{
    while (i > 0 && !line_break(tk.t[i - 1].type)) {
        i--;
    }
    return i;
}

/* Bracket depth of token i relative to its line start (before token i). */
static int
depth_at(Toks tk, int i)
{
    int d = 0;
    for (int k = line_start(tk, i); k < i; k++) {
        if (is_opener(tk.t[k].type) || tk.t[k].type == TK_FSTRING_START) {
            d++;
        } else if (is_closer(tk.t[k].type) || tk.t[k].type == TK_FSTRING_END) {
            d--;
        }
    }
    return d;
}

/* Start of the expression item that ends just before token i: walks back
 * over tokens at the same depth until a separator. */
static int
item_start(Toks tk, int i)
{
    int d = 0;
    int k = i - 1;
    int ls = line_start(tk, i);
    for (; k >= ls; k--) {
        int ty = tk.t[k].type;
        if (is_closer(ty) || ty == TK_FSTRING_END) {
            d++;
            continue;
        }
        if (is_opener(ty) || ty == TK_FSTRING_START) {
            if (d == 0) {
                break;
            }
            d--;
            continue;
        }
        if (d > 0) {
            continue;
        }
        if (ty == TK_COMMA || ty == TK_EQUAL || ty == TK_COLON || ty == TK_COLONEQUAL ||
            ty == TK_IF || ty == TK_ELSE || ty == TK_FOR || ty == TK_IN || ty == TK_YIELD ||
            ty == TK_RETURN || ty == TK_ELIF || ty == TK_WHILE || ty == TK_LAMBDA ||
            ty == TK_SEMI || ty == TK_ASSERT || ty == TK_DEL || ty == TK_RAISE) {
            break;
        }
    }
    return k + 1;
}

static bool
ends_expr(int type)
{
    return type == TK_NAME || type == TK_NUMBER || type == TK_STRING || type == TK_RPAR ||
           type == TK_RSQB || type == TK_RBRACE || type == TK_TRUE || type == TK_FALSE ||
           type == TK_NONE || type == TK_ELLIPSIS || type == TK_FSTRING_END;
}

static bool
starts_expr(int type)
{
    return type == TK_NAME || type == TK_NUMBER || type == TK_STRING ||
           type == TK_FSTRING_START || type == TK_LBRACE || type == TK_TILDE ||
           type == TK_TRUE || type == TK_FALSE || type == TK_NONE || type == TK_ELLIPSIS ||
           type == TK_LAMBDA || type == TK_NOT || type == TK_AWAIT || type == TK_MATCH ||
           type == TK_CASE || type == TK_TYPE;
}

static bool
is_name(const LexToken *t, const char *word)
{
    size_t n = strlen(word);
    return (t->type == TK_NAME) && (size_t)t->len == n && memcmp(t->start, word, n) == 0;
}

static void
fail_at(ParseCtx *ctx, const char *type, const LexToken *t, const char *msg)
{
    ctx->failed = false;
    parse_fail(ctx, type, parse_loc_tok(t), "%s", msg);
}

/* What CPython calls a block's header in "expected an indented block
 * after ..." (NULL for lines that open no block). */
static const char *
block_kind(Toks tk, int first, char *buf, size_t size)
{
    const LexToken *t = &tk.t[first];
    if (t->type == TK_ASYNC && first + 1 < tk.n) {
        t = &tk.t[first + 1];
    }
    switch (t->type) {
    case TK_IF: return "'if' statement";
    case TK_ELIF: return "'elif' statement";
    case TK_ELSE: return "'else' statement";
    case TK_WHILE: return "'while' statement";
    case TK_FOR: return "'for' statement";
    case TK_WITH: case TK_WITHP: return "'with' statement";
    case TK_TRY: return "'try' statement";
    case TK_FINALLY: return "'finally' statement";
    case TK_DEF: return "function definition";
    case TK_CLASS: return "class definition";
    case TK_MATCH: return "'match' statement";
    case TK_CASE: return "'case' statement";
    case TK_EXCEPT:
        if (first + 1 < tk.n && tk.t[first + 1].type == TK_STAR) {
            return "'except*' statement";
        }
        return "'except' statement";
    default:
        (void)buf;
        (void)size;
        return NULL;
    }
}

/* The previous statement at the same indentation as token i, or -1. */
static int
prev_stmt_same_col(Toks tk, int i)
{
    int col = tk.t[i].type == 0 ? 0 : tk.t[i].col;
    for (int k = i - 1; k >= 0; k--) {
        if (line_break(tk.t[k].type)) {
            continue;
        }
        if ((k == 0 || line_break(tk.t[k - 1].type)) && tk.t[k].col <= col) {
            return tk.t[k].col == col ? k : -1;
        }
    }
    return -1;
}

static bool
refine_fstring(ParseCtx *ctx, Toks tk, int i)
{
    const LexToken *at = &tk.t[i];
    int prev = i > 0 ? tk.t[i - 1].type : -1;
    if (prev == TK_LBRACE &&
        (at->type == TK_RBRACE || at->type == TK_EXCLAMATION || at->type == TK_COLON ||
         at->type == TK_EQUAL)) {
        char msg[80];
        snprintf(msg, sizeof(msg), "f-string: valid expression required before '%c'",
                 at->start[0]);
        fail_at(ctx, "SyntaxError", at, msg);
        return true;
    }
    if (prev == TK_EXCLAMATION && at->type != TK_NAME) {
        fail_at(ctx, "SyntaxError", at, "f-string: missing conversion character");
        return true;
    }
    /* a lambda at the top of a replacement field */
    int d = 0;
    for (int k = i - 1; k >= 0; k--) {
        int ty = tk.t[k].type;
        if (is_closer(ty)) {
            d++;
        } else if (is_opener(ty)) {
            if (d == 0) {
                if (ty == TK_LBRACE && k > 0 &&
                    (tk.t[k - 1].type == TK_FSTRING_START ||
                     tk.t[k - 1].type == TK_FSTRING_MIDDLE || tk.t[k - 1].type == TK_RBRACE)) {
                    for (int j = k + 1; j < i; j++) {
                        if (tk.t[j].type == TK_LAMBDA) {
                            fail_at(ctx, "SyntaxError", &tk.t[j],
                                    "f-string: lambda expressions are not allowed without "
                                    "parentheses");
                            return true;
                        }
                    }
                }
                break;
            }
            d--;
        } else if (ty == TK_NEWLINE) {
            break;
        }
    }
    return false;
}

void
parse_refine_error(ParseCtx *ctx, const LexToken *at, const LexResult *lex)
{
    Toks tk = {lex->toks, lex->ntoks};
    int i = (int)(at - tk.t);
    int prev = i > 0 ? tk.t[i - 1].type : -1;
    char msg[200];

    /* a block header's colon and newline, then no INDENT */
    if (prev == TK_NEWLINE && i >= 2 && tk.t[i - 2].type == TK_COLON && at->type != TK_INDENT) {
        int first = line_start(tk, i - 2);
        const char *kind = block_kind(tk, first, msg, sizeof(msg));
        if (kind != NULL) {
            char m[160];
            snprintf(m, sizeof(m), "expected an indented block after %s on line %d", kind,
                     tk.t[first].lineno);
            const LexToken *loc = at->type == 0 ? &tk.t[i - 1] : at;
            fail_at(ctx, "IndentationError", loc, m);
            return;
        }
    }
    if (at->type == TK_INDENT) {
        LexToken t = *at;
        t.col = t.end_col > 0 ? t.end_col - 1 : 0;
        t.end_col = t.col + 1;
        fail_at(ctx, "IndentationError", &t, "unexpected indent");
        return;
    }
    if (line_break(prev) || prev == -1 || at->type == 0) {
        int k = prev_stmt_same_col(tk, i);
        if (k >= 0 && tk.t[k].type == TK_TRY && at->type != TK_EXCEPT &&
            at->type != TK_FINALLY) {
            fail_at(ctx, "SyntaxError", at, "expected 'except' or 'finally' block");
            return;
        }
    }
    if (refine_fstring(ctx, tk, i)) {
        return;
    }
    /* print "x" */
    if (i > 0 && (is_name(&tk.t[i - 1], "print") || is_name(&tk.t[i - 1], "exec")) &&
        line_start(tk, i - 1) == i - 1 &&
        (at->type == TK_NAME || at->type == TK_NUMBER || at->type == TK_STRING ||
         at->type == TK_FSTRING_START || at->type == TK_LBRACE)) {
        snprintf(msg, sizeof(msg), "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                 tk.t[i - 1].len, tk.t[i - 1].start, tk.t[i - 1].len, tk.t[i - 1].start);
        fail_at(ctx, "SyntaxError", &tk.t[i - 1], msg);
        return;
    }
    int first = line_start(tk, i);
    int depth = depth_at(tk, i);
    int head = tk.t[first].type == TK_ASYNC && first + 1 < tk.n ? tk.t[first + 1].type
                                                                 : tk.t[first].type;
    /* import with nothing after it */
    if (at->type == TK_NEWLINE && prev == TK_IMPORT) {
        fail_at(ctx, "SyntaxError", at, "Expected one or more names after 'import'");
        return;
    }
    /* `=` where `==` was meant, in a condition */
    if (at->type == TK_EQUAL && depth == 0 &&
        (head == TK_IF || head == TK_ELIF || head == TK_WHILE)) {
        int s = item_start(tk, i);
        if (prev == TK_NAME && (i < 2 || tk.t[i - 2].type != TK_DOT) && s == i - 1) {
            fail_at(ctx, "SyntaxError", &tk.t[i - 1],
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        const char *what = prev == TK_RSQB ? "subscript"
                           : prev == TK_RPAR ? "function call"
                           : prev == TK_NAME ? "attribute"
                           : (prev == TK_NUMBER || prev == TK_STRING) ? "literal" : "expression";
        snprintf(msg, sizeof(msg), "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                 what);
        fail_at(ctx, "SyntaxError", &tk.t[s], msg);
        return;
    }
    if (head == TK_DEF && i == first + 2 + (tk.t[first].type == TK_ASYNC) &&
        at->type != TK_LPAR && at->type != TK_LSQB) {
        fail_at(ctx, "SyntaxError", at, "expected '('");
        return;
    }
    /* a missing ':' at the end of a block header */
    if (depth == 0 && at->type != TK_COLON) {
        bool has_colon = false;
        int lambdas = 0;
        for (int k = first; k < i; k++) {
            if (tk.t[k].type == TK_LAMBDA) {
                lambdas++;
            } else if (tk.t[k].type == TK_COLON && depth_at(tk, k) == 0) {
                if (lambdas > 0) {
                    lambdas--;
                } else {
                    has_colon = true;
                }
            }
        }
        bool forced = head == TK_TRY || head == TK_ELSE || head == TK_FINALLY ||
                      (head == TK_DEF && prev == TK_RPAR);
        bool at_eol = at->type == TK_NEWLINE &&
                      (head == TK_IF || head == TK_ELIF || head == TK_WHILE || head == TK_FOR ||
                       head == TK_WITH || head == TK_WITHP || head == TK_CLASS ||
                       head == TK_EXCEPT || head == TK_MATCH || head == TK_CASE ||
                       head == TK_DEF);
        if (!has_colon && i > first && (forced || at_eol)) {
            fail_at(ctx, "SyntaxError", at, "expected ':'");
            return;
        }
    }
    /* empty type parameter list */
    if (at->type == TK_RSQB && prev == TK_LSQB && i >= 3 && tk.t[i - 2].type == TK_NAME &&
        (tk.t[i - 3].type == TK_DEF || tk.t[i - 3].type == TK_CLASS ||
         tk.t[i - 3].type == TK_TYPE)) {
        fail_at(ctx, "SyntaxError", at, "Type parameter list cannot be empty");
        return;
    }
    /* `a if b` without else */
    if (at->type != TK_ELSE && at->type != TK_COLON) {
        int d = 0;
        for (int k = i - 1; k > first; k--) {
            int ty = tk.t[k].type;
            if (is_closer(ty)) {
                d++;
            } else if (is_opener(ty)) {
                if (d == 0) {
                    break;
                }
                d--;
            } else if (d == 0 && ty == TK_ELSE) {
                break;
            } else if (d == 0 && ty == TK_IF && ends_expr(tk.t[k - 1].type) &&
                       ends_expr(prev)) {
                int s = item_start(tk, k);
                fail_at(ctx, "SyntaxError", &tk.t[s], "expected 'else' after 'if' expression");
                return;
            } else if (d == 0 && (ty == TK_FOR || ty == TK_LAMBDA)) {
                break;
            }
        }
    }
    /* inside brackets: a dict item without ':', or a missing comma */
    if (depth > 0 && ends_expr(prev)) {
        /* innermost open bracket */
        int d = 0;
        int open = -1;
        for (int k = i - 1; k >= first; k--) {
            int ty = tk.t[k].type;
            if (is_closer(ty)) {
                d++;
            } else if (is_opener(ty)) {
                if (d == 0) {
                    open = k;
                    break;
                }
                d--;
            }
        }
        if (open >= 0 && tk.t[open].type == TK_LBRACE &&
            (at->type == TK_RBRACE || at->type == TK_COMMA)) {
            bool dict = false;
            bool item_colon = false;
            int item = open + 1;
            int dd = 0;
            for (int k = open + 1; k < i; k++) {
                int ty = tk.t[k].type;
                if (is_opener(ty)) {
                    dd++;
                } else if (is_closer(ty)) {
                    dd--;
                } else if (dd == 0 && ty == TK_COLON) {
                    dict = true;
                    item_colon = true;
                } else if (dd == 0 && ty == TK_COMMA) {
                    item_colon = false;
                    item = k + 1;
                }
            }
            if (dict && !item_colon) {
                fail_at(ctx, "SyntaxError", &tk.t[item], "':' expected after dictionary key");
                return;
            }
        }
        bool params = open >= 2 && tk.t[open].type == TK_LPAR &&
                      tk.t[open - 1].type == TK_NAME && tk.t[open - 2].type == TK_DEF;
        if (!params && starts_expr(at->type) && !(prev == TK_NAME && at->type == TK_STRING) &&
            tk.t[i - 1].end_lineno == at->lineno) {
            int s = item_start(tk, i);
            fail_at(ctx, "SyntaxError", &tk.t[s], "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
}
