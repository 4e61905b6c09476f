/*
 * fstring.c — the literal parts of f-strings (PEP 701). The scanner is in
 * one of three modes per open f-string (lexer_int.h): here we scan LITERAL
 * text (between replacement fields) and SPEC text (a format spec), emitting
 * FSTRING_MIDDLE, the `{` that opens a field, the `}` that closes one whose
 * spec we were in, or FSTRING_END. Fields themselves are ordinary tokens.
 */
#include "grammar/python.h"
#include "lexer/lexer_int.h"

/* Emits pending literal text [start, p) as FSTRING_MIDDLE if non-empty. */
static bool
flush_middle(LexState *ls, const char *start, const char *p, int lineno, int col, int flags,
             bool *emitted)
{
    *emitted = false;
    if (p == start) {
        return true;
    }
    *emitted = true;
    return lex_emit(ls, TK_FSTRING_MIDDLE, flags, start, p, lineno, col);
}

bool
lex_fstring_literal(LexState *ls)
{
    LexFString *f = &ls->fstrings[ls->nfstrings - 1];
    bool spec = f->mode == LEX_FM_SPEC;
    int flags = (f->raw ? LEX_F_RAW : 0) | (spec ? LEX_F_SPEC : 0);
    const char *start = ls->cur;
    const char *p = start;
    int lineno = ls->lineno;
    int col = lex_col(ls, start);
    bool emitted;
    for (;;) {
        char c = *p;
        if (c == '\0') {
            ls->cur = p;
            if (spec) {
                return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                                "f-string: expecting '}'");
            }
            return lex_fail(ls, LEX_ERR_SYNTAX, f->lineno, f->col,
                            f->triple ? "unterminated triple-quoted f-string literal "
                                        "(detected at line %d)"
                                      : "unterminated f-string literal (detected at line %d)",
                            lex_eof_line(ls));
        }
        if (c == f->quote && (!f->triple || (p[1] == c && p[2] == c))) {
            if (!flush_middle(ls, start, p, lineno, col, flags, &emitted)) {
                return false;
            }
            ls->cur = p;
            if (emitted) {
                return true;
            }
            if (spec) {
                return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                                "f-string: expecting '}'");
            }
            ls->cur = p + (f->triple ? 3 : 1);
            ls->nfstrings--;
            return lex_emit(ls, TK_FSTRING_END, 0, p, ls->cur, ls->lineno, lex_col(ls, p));
        }
        if (c == '\n') {
            if (!f->triple) {
                if (spec) {
                    return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                                    "f-string: newlines are not allowed in format specifiers "
                                    "for single quoted f-strings");
                }
                return lex_fail(ls, LEX_ERR_SYNTAX, f->lineno, f->col,
                                "unterminated f-string literal (detected at line %d)",
                                ls->lineno);
            }
            p++;
            ls->lineno++;
            ls->line_start = p;
            continue;
        }
        if (c == '\\') {
            char n = p[1];
            if (n == '\0') {
                p++;
                continue;
            }
            if (!f->raw && n == 'N' && p[2] == '{') {
                p += 3;
                while (*p != '}' && *p != '\0' && *p != '\n' && *p != f->quote) {
                    p++;
                }
                if (*p == '}') {
                    p++;
                }
                continue;
            }
            if (n == '{' || n == '}') {
                p++;
                continue;
            }
            if (n == '\n') {
                p += 2;
                ls->lineno++;
                ls->line_start = p;
                continue;
            }
            p += 2;
            continue;
        }
        if (c == '{') {
            if (!spec && p[1] == '{') {
                p += 2;
                continue;
            }
            if (!flush_middle(ls, start, p, lineno, col, flags, &emitted)) {
                return false;
            }
            ls->cur = p;
            if (emitted) {
                return true;
            }
            if (ls->nbrackets >= LEX_MAX_NESTING) {
                return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                                "too many nested parentheses");
            }
            if (spec) {
                /* CPython allows fields nested two deep in format specs */
                int depth = 0;
                for (int i = f->bracket_base; i < ls->nbrackets; i++) {
                    depth += ls->brackets[i].ch == 'S';
                }
                if (depth >= 2) {
                    return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p) - 1,
                                    "f-string: expressions nested too deeply");
                }
            }
            LexBracket *b = &ls->brackets[ls->nbrackets++];
            b->ch = spec ? 'S' : 'F';
            b->lineno = ls->lineno;
            b->col = lex_col(ls, p);
            f->mode = LEX_FM_EXPR;
            ls->cur = p + 1;
            return lex_emit(ls, TK_LBRACE, 0, p, p + 1, ls->lineno, lex_col(ls, p));
        }
        if (c == '}') {
            if (!spec) {
                if (p[1] == '}') {
                    p += 2;
                    continue;
                }
                ls->cur = p;
                return lex_fail(ls, LEX_ERR_SYNTAX, ls->lineno, lex_col(ls, p),
                                "f-string: single '}' is not allowed");
            }
            if (!flush_middle(ls, start, p, lineno, col, flags, &emitted)) {
                return false;
            }
            ls->cur = p;
            if (emitted) {
                return true;
            }
            char kind = ls->brackets[ls->nbrackets - 1].ch;
            ls->nbrackets--;
            f->mode = kind == 'S' ? LEX_FM_SPEC : LEX_FM_LITERAL;
            ls->cur = p + 1;
            return lex_emit(ls, TK_RBRACE, 0, p, p + 1, ls->lineno, lex_col(ls, p));
        }
        p++;
    }
}
