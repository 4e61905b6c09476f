/*
 * indent.c — indentation: turns the leading whitespace of each logical line
 * into INDENT/DEDENT tokens, skipping blank and comment-only lines, with
 * CPython's IndentationError/TabError rules (tabs advance to the next
 * multiple of 8; the same line measured with tabs as 1 column must order
 * the same way, or the mix of tabs and spaces is ambiguous).
 */
#include "grammar/python.h"
#include "lexer/lexer_int.h"

bool
lex_indent_line(LexState *ls, bool *eof)
{
    for (;;) {
        const char *p = ls->cur;
        int col = 0;
        int alt = 0;
        for (;; p++) {
            if (*p == ' ') {
                col++;
                alt++;
            } else if (*p == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (*p == '\f') {
                col = 0;
                alt = 0;
            } else {
                break;
            }
        }
        if (*p == '#') {
            while (*p != '\n' && *p != '\0') {
                p++;
            }
        }
        if (*p == '\n') {
            ls->cur = p + 1;
            ls->lineno++;
            ls->line_start = ls->cur;
            continue;
        }
        if (*p == '\0') {
            ls->cur = p;
            *eof = true;
            return true;
        }
        ls->cur = p;
        int top = ls->nindent ? ls->indents[ls->nindent - 1] : 0;
        int alttop = ls->nindent ? ls->altindents[ls->nindent - 1] : 0;
        if (col == top) {
            if (alt != alttop) {
                return lex_fail(ls, LEX_ERR_TAB, ls->lineno, 0,
                                "inconsistent use of tabs and spaces in indentation");
            }
            return true;
        }
        if (col > top) {
            if (ls->nindent >= LEX_MAX_INDENT) {
                return lex_fail(ls, LEX_ERR_INDENT, ls->lineno, lex_col(ls, p),
                                "too many levels of indentation");
            }
            if (alt <= alttop) {
                return lex_fail(ls, LEX_ERR_TAB, ls->lineno, 0,
                                "inconsistent use of tabs and spaces in indentation");
            }
            ls->indents[ls->nindent] = col;
            ls->altindents[ls->nindent] = alt;
            ls->nindent++;
            ls->pending = 1;
            return true;
        }
        int n = 0;
        while (ls->nindent > 0 && col < ls->indents[ls->nindent - 1]) {
            ls->nindent--;
            n++;
        }
        top = ls->nindent ? ls->indents[ls->nindent - 1] : 0;
        alttop = ls->nindent ? ls->altindents[ls->nindent - 1] : 0;
        if (col != top) {
            const char *eol = p;
            while (*eol != '\n' && *eol != '\0') {
                eol++;
            }
            return lex_fail(ls, LEX_ERR_INDENT, ls->lineno, lex_col(ls, eol),
                            "unindent does not match any outer indentation level");
        }
        if (alt != alttop) {
            return lex_fail(ls, LEX_ERR_TAB, ls->lineno, 0,
                            "inconsistent use of tabs and spaces in indentation");
        }
        ls->pending = -n;
        return true;
    }
}

bool
lex_indent_flush(LexState *ls, bool *ok)
{
    if (ls->pending > 0) {
        ls->pending--;
        *ok = lex_emit(ls, TK_INDENT, 0, ls->line_start, ls->cur, ls->lineno, 0);
        return *ok;
    }
    if (ls->pending < 0) {
        ls->pending++;
        *ok = lex_emit(ls, TK_DEDENT, 0, ls->cur, ls->cur, ls->lineno, lex_col(ls, ls->cur));
        return *ok;
    }
    return false;
}
